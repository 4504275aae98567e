import { DataSource, EntityManager } from 'typeorm';
import { JobsService } from '../../server/src/jobs/jobs.service';
import { ADDRESS, shopWithProduct, stockOf } from '../support/fixtures';
import { TestApp } from '../support/test-app';

jest.setTimeout(60_000);

const MINUTE = 60_000;

async function until(check: () => Promise<boolean>, what: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** A job kind whose every run adds one to a tally row, so a double run shows. */
function registerTally(t: TestApp, kind: string): void {
  t.app.get(JobsService).register(kind, async (tx: EntityManager, payload) => {
    await tx.query('UPDATE test_tally SET n = n + 1 WHERE name = $1', [payload.name]);
  });
}

describe('durable jobs', () => {
  describe('two app instances polling one database', () => {
    let a: TestApp;
    let b: TestApp;
    beforeAll(async () => {
      // Test handlers are registered in these two apps only: a second server process would poll
      // their jobs without them.
      a = await TestApp.start({ JOBS_POLL_MS: '10' }, { processes: 1 });
      b = await TestApp.start({ JOBS_POLL_MS: '10' }, { reset: false, processes: 1 });
      await a.sql('CREATE TABLE IF NOT EXISTS test_tally (name text PRIMARY KEY, n int NOT NULL)');
    });
    afterAll(async () => {
      await b.close();
      await a.close();
    });

    it('runs each of 300 due jobs exactly once', async () => {
      registerTally(a, 'test.tally');
      registerTally(b, 'test.tally');
      await a.sql("INSERT INTO test_tally VALUES ('once', 0)");
      const jobs = a.app.get(JobsService);
      await a.app.get(DataSource).transaction(async (tx) => {
        for (let i = 0; i < 300; i++)
          await jobs.enqueue(tx, { kind: 'test.tally', runAt: new Date(Date.now() - 1000), payload: { name: 'once' } });
      });
      await until(
        async () =>
          (await a.sql("SELECT count(*)::int AS n FROM jobs WHERE kind = 'test.tally' AND state = 'pending'"))[0].n ===
          0,
        'the jobs to run',
      );
      const [{ n }] = await a.sql<{ n: number }>("SELECT n FROM test_tally WHERE name = 'once'");
      expect(n).toBe(300);
      const rows = await a.sql<{ attempts: number; state: string; finished_by: string }>(
        "SELECT attempts, state, finished_by FROM jobs WHERE kind = 'test.tally'",
      );
      expect(rows).toHaveLength(300);
      expect(rows.every((r) => r.attempts === 1 && r.state === 'done')).toBe(true);
      // Both processes took part (each has its own instance id).
      expect(new Set(rows.map((r) => r.finished_by)).size).toBe(2);
    });

    it('cancels due unpaid orders once each, returning the stock exactly', async () => {
      const merchant = await a.login('o_jobs_merchant');
      const { skuId } = await shopWithProduct(a, merchant, { stock: 30 });
      const buyers = await Promise.all(Array.from({ length: 30 }, (_, i) => a.login(`o_jobs_buyer_${i}`)));
      await Promise.all(
        buyers.map((buyer) =>
          a
            .http()
            .post('/api/orders')
            .set(buyer.auth)
            .send({ items: [{ skuId, quantity: 1 }], address: ADDRESS, scene: 'search' })
            .expect(201),
        ),
      );
      expect(await stockOf(a, skuId)).toBe(0);
      // Make the timeouts due by the real clock both processes share.
      await a.sql(
        "UPDATE jobs SET run_at = now() - interval '1 second' WHERE kind = 'order.cancel_unpaid' AND state = 'pending'",
      );
      await until(async () => (await stockOf(a, skuId)) === 30, 'the stock to come back');
      await until(
        async () =>
          (
            await a.sql("SELECT count(*)::int AS n FROM jobs WHERE kind = 'order.cancel_unpaid' AND state = 'pending'")
          )[0].n === 0,
        'the timeouts to finish',
      );
      const statuses = await a.sql<{ status: string }>(
        'SELECT DISTINCT o.status FROM orders o JOIN order_items i ON i.order_id = o.id WHERE i.sku_id = $1',
        [skuId],
      );
      expect(statuses).toEqual([{ status: 'cancelled' }]);
      expect(await stockOf(a, skuId)).toBe(30);
      const attempts = await a.sql<{ attempts: number }>(
        "SELECT DISTINCT attempts FROM jobs WHERE kind = 'order.cancel_unpaid'",
      );
      expect(attempts).toEqual([{ attempts: 1 }]);
    });
  });

  describe('a restart', () => {
    it('keeps pending jobs: a new process cancels the unpaid order when its time comes', async () => {
      const first = await TestApp.start();
      const merchant = await first.login('o_restart_merchant');
      const alice = await first.login('o_alice');
      const { skuId } = await shopWithProduct(first, merchant, { stock: 2 });
      const created = await first
        .http()
        .post('/api/orders')
        .set(alice.auth)
        .send({ items: [{ skuId, quantity: 2 }], address: ADDRESS, scene: 'chat' })
        .expect(201);
      await first.close();

      const second = await TestApp.start({}, { reset: false });
      try {
        expect(await stockOf(second, skuId)).toBe(0);
        await second.advance(16 * MINUTE);
        const order = await second.http().get(`/api/orders/${created.body.id}`).set(alice.auth).expect(200);
        expect(order.body.status).toBe('cancelled');
        expect(await stockOf(second, skuId)).toBe(2);
      } finally {
        await second.close();
      }
    });
  });

  describe('failures', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await TestApp.start({}, { processes: 1 }); // test job handlers live in this app only
      await t.sql('CREATE TABLE IF NOT EXISTS test_tally (name text PRIMARY KEY, n int NOT NULL)');
    });
    afterAll(() => t.close());

    it('retries a failing job with backoff, rolling back each failed attempt', async () => {
      let calls = 0;
      t.app.get(JobsService).register('test.flaky', async (tx, payload) => {
        calls++;
        await tx.query('UPDATE test_tally SET n = n + 1 WHERE name = $1', [payload.name]);
        if (calls <= 2) throw new Error(`flaky failure ${calls}`);
      });
      await t.sql("INSERT INTO test_tally VALUES ('flaky', 0)");
      await t.app
        .get(DataSource)
        .transaction((tx) =>
          t.app
            .get(JobsService)
            .enqueue(tx, { kind: 'test.flaky', runAt: new Date(Date.now() - 1000), payload: { name: 'flaky' } }),
        );
      const job = async () =>
        (
          await t.sql<{ attempts: number; state: string; last_error: string; run_at: Date }>(
            "SELECT attempts, state, last_error, run_at FROM jobs WHERE kind = 'test.flaky'",
          )
        )[0];

      // The server clock also ticks in real time, so waits are checked with a margin.
      const { now: first } = await t.advance(0);
      expect(await job()).toMatchObject({ attempts: 1, state: 'pending', last_error: 'flaky failure 1' });
      const firstDelay = (await job()).run_at.getTime() - new Date(first).getTime();
      expect(firstDelay).toBeGreaterThanOrEqual(1000);
      expect(firstDelay).toBeLessThan(1200);

      await t.advance(500);
      expect((await job()).attempts).toBe(1);
      const { now: second } = await t.advance(700);
      expect(await job()).toMatchObject({ attempts: 2, state: 'pending', last_error: 'flaky failure 2' });
      const secondDelay = (await job()).run_at.getTime() - new Date(second).getTime();
      expect(secondDelay).toBeGreaterThanOrEqual(2000);
      expect(secondDelay).toBeLessThan(2200);

      await t.advance(2200);
      expect(await job()).toMatchObject({ attempts: 3, state: 'done' });
      // Only the successful attempt's write survived.
      expect((await t.sql<{ n: number }>("SELECT n FROM test_tally WHERE name = 'flaky'"))[0].n).toBe(1);
    });

    it('gives up after the last attempt and marks the job failed', async () => {
      t.app.get(JobsService).register('test.broken', async () => {
        throw new Error('always broken');
      });
      await t.app
        .get(DataSource)
        .transaction((tx) =>
          t.app
            .get(JobsService)
            .enqueue(tx, { kind: 'test.broken', runAt: new Date(Date.now() - 1000), maxAttempts: 3 }),
        );
      await t.advance(0);
      await t.advance(1200);
      await t.advance(2200);
      const [row] = await t.sql<{ attempts: number; state: string }>(
        "SELECT attempts, state FROM jobs WHERE kind = 'test.broken'",
      );
      expect(row).toEqual({ attempts: 3, state: 'failed' });
      await t.advance(60 * MINUTE);
      expect(
        (await t.sql<{ attempts: number }>("SELECT attempts FROM jobs WHERE kind = 'test.broken'"))[0].attempts,
      ).toBe(3);
    });

    it('re-runs a job that met a deadlock at once, in a fresh transaction, without spending an attempt', async () => {
      const deadlock = () => Object.assign(new Error('deadlock detected'), { code: '40P01' });
      let calls = 0;
      t.app.get(JobsService).register('test.deadlocked', async (tx, payload) => {
        calls++;
        await tx.query('UPDATE test_tally SET n = n + 1 WHERE name = $1', [payload.name]);
        if (calls <= 2) throw deadlock();
      });
      let hopeless = 0;
      t.app.get(JobsService).register('test.always_deadlocked', async () => {
        hopeless++;
        throw deadlock();
      });
      await t.sql("INSERT INTO test_tally VALUES ('deadlocked', 0)");
      await t.app.get(DataSource).transaction(async (tx) => {
        const runAt = new Date(Date.now() - 1000);
        await t.app.get(JobsService).enqueue(tx, { kind: 'test.deadlocked', runAt, payload: { name: 'deadlocked' } });
        await t.app.get(JobsService).enqueue(tx, { kind: 'test.always_deadlocked', runAt });
      });
      await t.advance(0);
      const rows = await t.sql<{ kind: string; attempts: number; state: string }>(
        "SELECT kind, attempts, state FROM jobs WHERE kind LIKE 'test.%deadlocked' ORDER BY kind",
      );
      expect(rows).toEqual([
        // Five tries (four retries) in one poll, then one failed attempt with the usual backoff.
        { kind: 'test.always_deadlocked', attempts: 1, state: 'pending' },
        { kind: 'test.deadlocked', attempts: 1, state: 'done' },
      ]);
      expect([calls, hopeless]).toEqual([3, 5]);
      expect((await t.sql<{ n: number }>("SELECT n FROM test_tally WHERE name = 'deadlocked'"))[0].n).toBe(1);
    });

    it('keeps one job per unique key', async () => {
      const jobs = t.app.get(JobsService);
      await t.app.get(DataSource).transaction(async (tx) => {
        await jobs.enqueue(tx, { kind: 'test.unique', runAt: new Date(), uniqueKey: 'only-one' });
        await jobs.enqueue(tx, { kind: 'test.unique', runAt: new Date(), uniqueKey: 'only-one' });
      });
      expect(
        (await t.sql<{ n: number }>("SELECT count(*)::int AS n FROM jobs WHERE unique_key = 'only-one'"))[0].n,
      ).toBe(1);
    });

    it('rejects a clock move backwards or a bad amount with 400', async () => {
      await t.http().post('/api/test/clock/advance').send({ ms: -1 }).expect(400);
      await t.http().post('/api/test/clock/advance').send({ ms: 'soon' }).expect(400);
      await t.http().post('/api/test/clock/advance').send({}).expect(400);
    });
  });
});
