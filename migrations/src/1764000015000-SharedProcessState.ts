import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * State that several server processes (WEB_CONCURRENCY) must share, kept in PostgreSQL instead of
 * each process's memory:
 * - `rate_limit_windows`: each rate-limit key's sliding window (the expiry times of its counted
 *   requests). UNLOGGED: losing the counts in a crash only forgives a minute of requests.
 * - `test_clock`: the test clock's offset and how many test resets happened (TEST_HOOKS only), so
 *   a clock moved through one process is the clock of all, and a reset makes every process forget
 *   the users it had seen.
 */
export class SharedProcessState1764000015000 implements MigrationInterface {
  name = 'SharedProcessState1764000015000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE UNLOGGED TABLE rate_limit_windows (
        key text PRIMARY KEY,
        hits bigint[] NOT NULL,
        allowed boolean NOT NULL
      );
      CREATE TABLE test_clock (
        id smallint PRIMARY KEY DEFAULT 1 CHECK (id = 1),
        offset_ms bigint NOT NULL DEFAULT 0 CHECK (offset_ms >= 0),
        resets integer NOT NULL DEFAULT 0
      );
      INSERT INTO test_clock DEFAULT VALUES;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE test_clock; DROP TABLE rate_limit_windows;`);
  }
}
