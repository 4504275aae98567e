import type { ArgumentsHost } from '@nestjs/common';
import { Client } from 'pg';
import { DataSource, EntityManager } from 'typeorm';
import { HttpErrorFilter } from '../../server/src/common/http-error.filter';
import { deferToEnd } from '../../server/src/database/before-commit';
import { Attempt, runInTransaction, sqlState } from '../../server/src/database/run-in-transaction';
import { databaseUrl, workerDatabase } from '../support/databases';
import { TestApp } from '../support/test-app';

jest.setTimeout(60_000);

/** Resolves once `count` callers have arrived. */
function barrier(count: number): () => Promise<void> {
  let arrived = 0;
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return () => {
    if (++arrived === count) open();
    return opened;
  };
}

/** The filter's answer to an error, as the client would see it. */
function answer(err: unknown): { status: number; headers: Record<string, string>; body: Record<string, unknown> } {
  const seen = { status: 0, headers: {} as Record<string, string>, body: {} as Record<string, unknown> };
  const response = {
    getHeader: (name: string) => seen.headers[name.toLowerCase()],
    setHeader: (name: string, value: string) => (seen.headers[name.toLowerCase()] = value),
    status: (status: number) => {
      seen.status = status;
      return response;
    },
    json: (body: Record<string, unknown>) => (seen.body = body),
  };
  const host = { switchToHttp: () => ({ getResponse: () => response }) } as unknown as ArgumentsHost;
  new HttpErrorFilter().catch(err, host);
  return seen;
}

/**
 * runInTransaction against a real deadlock on PostgreSQL: two transactions lock two rows in
 * opposite orders; PostgreSQL aborts one (40P01), the helper runs it again and both commit.
 */
describe('runInTransaction', () => {
  let t: TestApp;
  let db: DataSource;
  const table = `retry_probe_${process.pid}`;

  beforeAll(async () => {
    t = await TestApp.start({}, { reset: false });
    db = t.app.get(DataSource);
    await db.query(`CREATE TABLE ${table} (id int PRIMARY KEY, n int NOT NULL)`);
  });
  beforeEach(() => db.query(`TRUNCATE ${table}; INSERT INTO ${table} VALUES (1, 0), (2, 0)`));
  afterAll(async () => {
    await db.query(`DROP TABLE IF EXISTS ${table}`);
    await t.close();
  });

  /** Adds 1 to both rows, `first` then the other, meeting the other transaction in between the first time. */
  function crossing(first: 1 | 2, meet: () => Promise<void>, attempts: Attempt[]) {
    return async (tx: EntityManager, attempt: Attempt) => {
      attempts.push(attempt);
      await tx.query(`UPDATE ${table} SET n = n + 1 WHERE id = $1`, [first]);
      if (attempt.number === 1) await meet();
      await tx.query(`UPDATE ${table} SET n = n + 1 WHERE id = $1`, [3 - first]);
      return first;
    };
  }

  it('re-runs the deadlock victim, so both transactions commit exactly once', async () => {
    const meet = barrier(2);
    const [a, b]: Attempt[][] = [[], []];
    const results = await Promise.all([
      runInTransaction(db, crossing(1, meet, a)),
      runInTransaction(db, crossing(2, meet, b)),
    ]);
    expect(results).toEqual([1, 2]);
    // One of them ran twice: the deadlock happened and was retried.
    expect([a.length, b.length].sort()).toEqual([1, 2]);
    expect(await db.query(`SELECT id, n FROM ${table} ORDER BY id`)).toEqual([
      { id: 1, n: 2 },
      { id: 2, n: 2 },
    ]);
  });

  it('without retries left, the deadlock reaches the client as a 503 with Retry-After, and nothing of the victim stays', async () => {
    const meet = barrier(2);
    const settled = await Promise.allSettled([
      runInTransaction(db, crossing(1, meet, []), { retries: 0 }),
      runInTransaction(db, crossing(2, meet, []), { retries: 0 }),
    ]);
    const failed = settled.filter((s): s is PromiseRejectedResult => s.status === 'rejected');
    expect(failed).toHaveLength(1);
    expect(sqlState(failed[0].reason)).toBe('40P01');
    expect(answer(failed[0].reason)).toEqual({
      status: 503,
      headers: { 'retry-after': '1' },
      body: expect.objectContaining({ statusCode: 503, code: 'BUSY_TRY_AGAIN' }),
    });
    expect(await db.query(`SELECT id, n FROM ${table} ORDER BY id`)).toEqual([
      { id: 1, n: 1 },
      { id: 2, n: 1 },
    ]);
  });

  it('does not retry an error that is not transient', async () => {
    const attempts: Attempt[] = [];
    await expect(
      runInTransaction(db, async (tx, attempt) => {
        attempts.push(attempt);
        await tx.query(`INSERT INTO ${table} VALUES (1, 0)`); // duplicate key, 23505
      }),
    ).rejects.toMatchObject({ driverError: expect.objectContaining({ code: '23505' }) });
    expect(attempts).toHaveLength(1);
  });
});

/**
 * deferToEnd: work that takes a hot row runs after the rest of the transaction, in it, so the
 * row is locked only for that statement and the commit.
 */
describe('deferToEnd', () => {
  let t: TestApp;
  let db: DataSource;
  const table = `defer_probe_${process.pid}`;
  // Another session, outside the app's pool (whose guard refuses a second connection inside a transaction).
  const other = new Client({ connectionString: databaseUrl(workerDatabase()) });

  beforeAll(async () => {
    t = await TestApp.start({}, { reset: false });
    db = t.app.get(DataSource);
    await db.query(`CREATE TABLE ${table} (id int PRIMARY KEY, n int NOT NULL)`);
    await other.connect();
  });
  beforeEach(() => db.query(`TRUNCATE ${table}; INSERT INTO ${table} VALUES (1, 0)`));
  afterAll(async () => {
    await other.end();
    await db.query(`DROP TABLE IF EXISTS ${table}`);
    await t.close();
  });

  /** Whether another session can lock the hot row right now, without waiting. */
  async function rowIsFree(): Promise<boolean> {
    const { rows } = await other.query(`SELECT id FROM ${table} WHERE id = 1 FOR UPDATE SKIP LOCKED`);
    return rows.length === 1;
  }

  it('runs deferred work after the rest of the work, in order, in the same transaction', async () => {
    const steps: string[] = [];
    const result = await runInTransaction(db, async (tx) => {
      await deferToEnd(tx, async () => {
        steps.push(`hot row free before the update: ${await rowIsFree()}`);
        await tx.query(`UPDATE ${table} SET n = n + 1 WHERE id = 1`);
        steps.push(`hot row free after the update: ${await rowIsFree()}`);
      });
      await deferToEnd(tx, async () => {
        steps.push('second deferred');
      });
      steps.push('rest of the work');
      return 'done';
    });
    expect(result).toBe('done');
    expect(steps).toEqual([
      'rest of the work',
      'hot row free before the update: true',
      'hot row free after the update: false',
      'second deferred',
    ]);
    expect(await rowIsFree()).toBe(true);
    expect(await db.query(`SELECT n FROM ${table}`)).toEqual([{ n: 1 }]);
  });

  it('rolls the whole transaction back when deferred work throws', async () => {
    await expect(
      runInTransaction(db, async (tx) => {
        await tx.query(`INSERT INTO ${table} VALUES (2, 0)`);
        await deferToEnd(tx, async () => {
          await tx.query(`UPDATE ${table} SET n = n + 1 WHERE id = 1`);
          throw new Error('sold out');
        });
      }),
    ).rejects.toThrow('sold out');
    expect(await db.query(`SELECT id, n FROM ${table} ORDER BY id`)).toEqual([{ id: 1, n: 0 }]);
  });

  it('runs at once in a transaction that has no scope (one not opened by runInTransaction)', async () => {
    const steps: string[] = [];
    await db.transaction(async (tx) => {
      await deferToEnd(tx, async () => {
        steps.push('deferred');
      });
      steps.push('after');
    });
    expect(steps).toEqual(['deferred', 'after']);
  });
});
