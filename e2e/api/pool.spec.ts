import { DataSource } from 'typeorm';
import { SecondConnectionError } from '../../server/src/database/connection-guard';
import { ADDRESS, shopWithProduct } from '../support/fixtures';
import { addressOf, giftWorld, sendGift } from '../support/gift-fixtures';
import { Session, TestApp } from '../support/test-app';

jest.setTimeout(180_000);

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * No request can exhaust the pool or hang the server: a transaction never asks for a second
 * connection, waiting for one is bounded and answered 503 with Retry-After, and PostgreSQL ends
 * runaway statements and idle transactions. Then storms of 200 concurrent requests at each money
 * route, after which the health check still answers at once.
 */
describe('the connection pool under pressure', () => {
  describe('its guards', () => {
    let t: TestApp;
    beforeAll(async () => {
      // The tests hold this app's pool: requests must meet this process.
      t = await TestApp.start(
        {
          DB_POOL_SIZE: '2',
          DB_ACQUIRE_TIMEOUT_MS: '500',
          DB_STATEMENT_TIMEOUT_MS: '1000',
          DB_IDLE_IN_TRANSACTION_TIMEOUT_MS: '1500',
        },
        { processes: 1 },
      );
    });
    afterAll(() => t.close());

    it('refuses a second pooled connection inside a transaction', async () => {
      const db = t.app.get(DataSource);
      await expect(db.transaction(async () => db.query('SELECT 1'))).rejects.toBeInstanceOf(SecondConnectionError);
      await expect(
        db.transaction(async () => db.transaction((inner) => inner.query('SELECT 1'))),
      ).rejects.toBeInstanceOf(SecondConnectionError);
      // The transaction's own manager, and savepoints on it, are fine.
      await expect(
        db.transaction(async (tx) => tx.transaction((savepoint) => savepoint.query('SELECT 1 AS one'))),
      ).resolves.toEqual([{ one: 1 }]);
    });

    it('answers 503 with Retry-After while every connection is held, and recovers', async () => {
      const db = t.app.get(DataSource);
      let letGo!: () => void;
      const held = new Promise<void>((r) => (letGo = r));
      const holders = [1, 2].map(() => db.transaction(async (tx) => (await tx.query('SELECT 1'), await held)));
      await pause(100);
      const busy = await t.http().get('/api/health');
      expect(busy.status).toBe(503);
      expect(busy.body).toMatchObject({ statusCode: 503, code: 'DATABASE_BUSY' });
      expect(Number(busy.headers['retry-after'])).toBeGreaterThanOrEqual(1);
      letGo();
      await Promise.all(holders);
      await t.http().get('/api/health').expect(200);
    });

    it('sets statement and idle-in-transaction timeouts on every session', async () => {
      const db = t.app.get(DataSource);
      const [s] = await db.query('SHOW statement_timeout');
      const [i] = await db.query('SHOW idle_in_transaction_session_timeout');
      expect(s.statement_timeout).toBe('1s');
      expect(i.idle_in_transaction_session_timeout).toBe('1500ms');
      await expect(db.query('SELECT pg_sleep(3)')).rejects.toMatchObject({ driverError: { code: '57014' } });
    });

    it('ends a transaction left idle, so its connection and locks come back', async () => {
      const db = t.app.get(DataSource);
      const { skuId } = await shopWithProduct(t, await t.login('o_pool_merchant'), { stock: 5 });
      const forgotten = db.transaction(async (tx) => {
        await tx.query('SELECT id FROM skus WHERE id = $1 FOR UPDATE', [skuId]);
        await pause(4_000); // a handler awaiting something that never comes
        await tx.query('SELECT 1');
      });
      await expect(forgotten).rejects.toThrow();
      // The row lock went with it: the SKU can be changed again.
      await db.query('UPDATE skus SET stock = stock + 1 WHERE id = $1', [skuId]);
      await t.http().get('/api/health').expect(200);
    });
  });

  describe('storms of 200 concurrent requests at each money route', () => {
    let t: TestApp;
    let merchant: Session;
    let stranger: Session;
    beforeAll(async () => {
      t = await TestApp.start({ RATE_LIMITS: 'off' });
      merchant = await t.login('o_storm_merchant');
      stranger = await t.login('o_storm_stranger');
    });
    afterAll(() => t.close());

    /** Fires every request at once; answers the statuses. */
    async function storm(requests: { path: string; who: Session; body?: object }[]): Promise<number[]> {
      const base = t.url.replace('[::1]', '127.0.0.1');
      return Promise.all(
        requests.map(async ({ path, who, body }) => {
          const res = await fetch(`${base}${path}`, {
            method: 'POST',
            headers: { ...who.auth, 'content-type': 'application/json' },
            body: JSON.stringify(body ?? {}),
          });
          await res.arrayBuffer();
          return res.status;
        }),
      );
    }

    /** After a storm the shop answers its health check within 2 s, and no request was a 500. */
    async function expectHealthy(statuses: number[]): Promise<void> {
      expect(statuses.filter((s) => s >= 500 && s !== 503)).toEqual([]);
      const started = Date.now();
      await t.http().get('/api/health').timeout(2_000).expect(200);
      expect(Date.now() - started).toBeLessThan(2_000);
    }

    const times = <T>(n: number, f: (i: number) => T): T[] => Array.from({ length: n }, (_, i) => f(i));

    it('withdrawals: the owner and a stranger, 200 at once', async () => {
      const { shopId } = await shopWithProduct(t, merchant, { stock: 5 });
      const statuses = await storm(
        times(200, (i) => ({
          path: `/api/shops/${shopId}/withdrawals`,
          who: i % 2 ? merchant : stranger,
          body: { amountFen: 1 },
        })),
      );
      expect(new Set(statuses)).toEqual(new Set([403, 409]));
      await expectHealthy(statuses);
    });

    /** One order each for five fresh buyers, paid or not. */
    async function fiveOrders(prefix: string, paid: boolean): Promise<{ id: string; who: Session }[]> {
      const { skuId } = await shopWithProduct(t, merchant, { stock: 50 });
      const buyers = await Promise.all(times(5, (i) => t.login(`o_storm_${prefix}_${i}`)));
      return Promise.all(
        buyers.map(async (who) => {
          const res = await t
            .http()
            .post('/api/orders')
            .set(who.auth)
            .send({ items: [{ skuId, quantity: 1 }], address: ADDRESS, scene: 'channels_live' })
            .expect(201);
          if (paid) await t.http().post(`/api/orders/${res.body.id}/pay`).set(who.auth).expect(200);
          return { id: res.body.id as string, who };
        }),
      );
    }

    it('pay: 200 pays at five orders', async () => {
      const orders = await fiveOrders('payer', false);
      const statuses = await storm(
        times(200, (i) => ({ path: `/api/orders/${orders[i % 5].id}/pay`, who: orders[i % 5].who })),
      );
      await expectHealthy(statuses);
      const paid = await t.sql<{ n: number }>(
        "SELECT count(*)::int AS n FROM payments WHERE order_id = ANY($1) AND status = 'succeeded'",
        [orders.map((o) => o.id)],
      );
      expect(paid[0].n).toBe(5);
    });

    it('refund: 200 refund requests at five paid orders', async () => {
      const orders = await fiveOrders('refunder', true);
      const statuses = await storm(
        times(200, (i) => ({
          path: `/api/orders/${orders[i % 5].id}/refund`,
          who: orders[i % 5].who,
          body: { reason: '不要了' },
        })),
      );
      await expectHealthy(statuses);
      const refunds = await t.sql<{ n: number }>('SELECT count(*)::int AS n FROM refunds WHERE order_id = ANY($1)', [
        orders.map((o) => o.id),
      ]);
      expect(refunds[0].n).toBe(5);
    });

    it('claim: 200 claims at a group gift of three', async () => {
      const w = await giftWorld(t);
      const tea = await w.product('花果茶组合');
      const gift = await sendGift(t, w.alice, {
        skuId: tea.skus[0].id,
        chatId: w.family.id,
        mode: 'first_come',
        units: 3,
      });
      const members = [w.bob, w.carol, w.dave];
      const statuses = await storm(
        times(200, (i) => ({
          path: `/api/gifts/${gift.id}/claim`,
          who: i % 4 === 3 ? stranger : members[i % 3],
          body: { address: addressOf('收礼人', '13900139000') },
        })),
      );
      await expectHealthy(statuses);
      const claims = await t.sql<{ n: number }>('SELECT count(*)::int AS n FROM gift_claims WHERE gift_id = $1', [
        gift.id,
      ]);
      expect(claims[0].n).toBe(3);
    });
  });
});
