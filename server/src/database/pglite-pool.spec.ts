import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { MIGRATIONS } from '@giftshop/migrations';
import { dataSourceOptions } from './options';
import { PgliteSessionPool } from './pglite-pool';

jest.setTimeout(60_000);

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('PGlite behind a one-holder pool', () => {
  describe('the pool', () => {
    let pool: PgliteSessionPool;
    beforeAll(() => {
      pool = new PgliteSessionPool({ dataDir: 'memory://', acquireTimeoutMs: 500 });
    });
    afterAll(() => pool.end());

    it('hands the session to one holder at a time, in arrival order', async () => {
      const order: string[] = [];
      const first = (await pool.connect()) as unknown as { release(): void };
      const second = (pool.connect() as Promise<{ release(): void }>).then((lease) => {
        order.push('second');
        return lease;
      });
      await pause(20);
      expect(order).toEqual([]);
      expect(pool.waitingCount).toBe(1);
      order.push('first releases');
      first.release();
      (await second).release();
      expect(order).toEqual(['first releases', 'second']);
    });

    it('fails a client that is used after its release', async () => {
      const lease = (await pool.connect()) as unknown as { release(): void; query(sql: string): Promise<unknown> };
      lease.release();
      await expect(lease.query('SELECT 1')).rejects.toThrow(/after it was released/);
    });

    it('fails a waiter loudly when the session is never released', async () => {
      const hog = (await pool.connect()) as unknown as { release(): void };
      await expect(pool.connect()).rejects.toThrow(/still busy after 500 ms/);
      hog.release();
    });

    it('takes the session back from a holder idle in a transaction, rolling its work back', async () => {
      const idlePool = new PgliteSessionPool({ dataDir: 'memory://', acquireTimeoutMs: 5_000, idleLeaseMs: 200 });
      type Client = { release(): void; query(sql: string): Promise<{ rows: unknown[] }> };
      try {
        const setup = (await idlePool.connect()) as unknown as Client;
        await setup.query('CREATE TABLE kept (x int)');
        setup.release();
        const idle = (await idlePool.connect()) as unknown as Client;
        await idle.query('BEGIN');
        await idle.query('INSERT INTO kept VALUES (1)');
        // The holder now waits on something else: the next caller still gets the session.
        const next = (await idlePool.connect()) as unknown as Client;
        expect((await next.query('SELECT count(*)::int AS n FROM kept')).rows).toEqual([{ n: 0 }]);
        next.release();
        await expect(idle.query('COMMIT')).rejects.toThrow(/taken back after 200 ms idle/);
        idle.release();
      } finally {
        await idlePool.end();
      }
    });

    it('runs a {name, text, values} prepared statement, as pg does', async () => {
      const lease = (await pool.connect()) as unknown as {
        release(): void;
        query(config: { name: string; text: string; values: unknown[] }): Promise<{ rows: unknown[] }>;
      };
      try {
        const result = await lease.query({ name: 'add', text: 'SELECT $1::int + $2::int AS sum', values: [2, 3] });
        expect(result.rows).toEqual([{ sum: 5 }]);
      } finally {
        lease.release();
      }
    });

    it('answers multi-statement SQL without parameters, as pg does', async () => {
      const result = await pool.query(
        'CREATE TABLE t1 (x int); INSERT INTO t1 VALUES (1), (2); SELECT count(*)::int AS n FROM t1',
      );
      expect(result.rows).toEqual([{ n: 2 }]);
      const updated = await pool.query('UPDATE t1 SET x = x + $1', [1]);
      expect(updated).toMatchObject({ command: 'UPDATE', rowCount: 2 });
    });
  });

  describe('TypeORM on PGlite', () => {
    let db: DataSource;
    beforeAll(async () => {
      db = new DataSource(dataSourceOptions({ kind: 'pglite', dataDir: 'memory://' }));
      await db.initialize();
    });
    afterAll(() => db.destroy());

    it('runs every migration on an empty database', async () => {
      const applied = await db.runMigrations({ transaction: 'each' });
      expect(applied.map((m) => m.name)).toEqual(MIGRATIONS.map((m) => new m().name));
      const tables: { table_name: string }[] = await db.query(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name",
      );
      expect(tables.map((t) => t.table_name)).toEqual(expect.arrayContaining(['users', 'products', 'skus', 'chats']));
    });

    it('loses no update when 40 transactions read-modify-write one row at once', async () => {
      await db.query('CREATE TABLE counter (id int PRIMARY KEY, n int NOT NULL)');
      await db.query('INSERT INTO counter VALUES (1, 0)');
      await Promise.all(
        Array.from({ length: 40 }, () =>
          db.transaction(async (tx) => {
            const [{ n }] = await tx.query('SELECT n FROM counter WHERE id = 1');
            await pause(1); // let every other transaction try to interleave here
            await tx.query('UPDATE counter SET n = $1 WHERE id = 1', [n + 1]);
          }),
        ),
      );
      const [{ n }] = await db.query('SELECT n FROM counter WHERE id = 1');
      expect(n).toBe(40);
    });

    it('rolls a failed transaction back without touching the next holder', async () => {
      await db.query('CREATE TABLE ledger (x int NOT NULL)');
      const failing = db.transaction(async (tx) => {
        await tx.query('INSERT INTO ledger VALUES (1)');
        await pause(5);
        throw new Error('boom');
      });
      const succeeding = db.transaction((tx) => tx.query('INSERT INTO ledger VALUES (2)'));
      await expect(failing).rejects.toThrow('boom');
      await succeeding;
      expect(await db.query('SELECT x FROM ledger ORDER BY x')).toEqual([{ x: 2 }]);
    });
  });
});
