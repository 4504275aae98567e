import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The fleet (issue 18): one row each app process stamps on the primary with the primary's clock
 * and reads back on the replica. How old the replica's copy is says how far behind it is, with
 * the primary's clock on both sides, whether or not anything else is being written.
 */
export class ReplicaHeartbeat1764000019000 implements MigrationInterface {
  name = 'ReplicaHeartbeat1764000019000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE replica_heartbeat (
        id smallint PRIMARY KEY CHECK (id = 1),
        at timestamptz NOT NULL
      );
      INSERT INTO replica_heartbeat (id, at) VALUES (1, now());
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE replica_heartbeat');
  }
}
