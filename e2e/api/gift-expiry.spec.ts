import { GiftView } from '@giftshop/shared';
import { shopWithProduct, stockOf, until } from '../support/fixtures';
import { addressOf, bigGroup, giftWorld, sendGift } from '../support/gift-fixtures';
import { Session, TestApp } from '../support/test-app';

jest.setTimeout(60_000);

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const PRICE = 5900;

type World = Awaited<ReturnType<typeof giftWorld>>;

/** A group with Bob, Carol, Dave and `extra` new members, so more units than the family can take fit. */
const crowd = async (t: TestApp, w: World, extra: number) =>
  (await bigGroup(t, w.alice, extra, 'o_crowd_', [w.bob, w.carol, w.dave])).chatId;

/** A fresh giftable SKU of Wang's, so no other gift of the file moves its stock. */
async function freshSku(t: TestApp, w: World, stock = 100): Promise<string> {
  return (await shopWithProduct(t, w.wang, { stock, priceFen: PRICE })).skuId;
}

const view = async (t: TestApp, giftId: string, who: Session) =>
  (await t.http().get(`/api/gifts/${giftId}`).set(who.auth).expect(200)).body as GiftView;

const accept = (t: TestApp, giftId: string, who: Session) =>
  t
    .http()
    .post(`/api/gifts/${giftId}/claim`)
    .set(who.auth)
    .send({ address: addressOf(who.nickname, '13900000099') })
    .expect(200);

/** What the database holds of a gift's refunds: units by status, refunds rows, refund jobs. */
async function ledgerOf(t: TestApp, gift: { id: string; orderId: string }) {
  const units = await t.sql<{ id: string; status: string; refund_id: string | null }>(
    'SELECT id, status, refund_id FROM gift_units WHERE gift_id = $1 ORDER BY idx',
    [gift.id],
  );
  const refunds = await t.sql<{ id: string; refund_key: string; amount_fen: number }>(
    'SELECT id, refund_key, amount_fen FROM refunds WHERE order_id = $1 ORDER BY refund_key',
    [gift.orderId],
  );
  const jobs = await t.sql<{ attempts: number; state: string }>(
    `SELECT j.attempts, j.state FROM jobs j JOIN gift_units u ON u.id::text = j.payload->>'unitId'
      WHERE j.kind = 'gift.refund_unit' AND u.gift_id = $1`,
    [gift.id],
  );
  const refunded = units.filter((u) => u.status === 'refunded');
  return { units, refunds, jobs, refunded };
}

/** Each refunded unit has exactly one refund of the unit price, keyed by the unit, and nothing else is refunded. */
function expectOneRefundPerUnit(ledger: Awaited<ReturnType<typeof ledgerOf>>): void {
  const { refunds, refunded } = ledger;
  expect(refunds.map((r) => r.refund_key)).toEqual(refunded.map((u) => `gift-unit:${u.id}`).sort());
  expect(refunds.map((r) => r.amount_fen)).toEqual(refunded.map(() => PRICE));
  expect(refunded.map((u) => u.refund_id).sort()).toEqual(refunds.map((r) => r.id).sort());
}

describe('gift expiry', () => {
  describe('on one server', () => {
    let t: TestApp;
    let w: World;
    beforeAll(async () => {
      t = await TestApp.start();
      w = await giftWorld(t);
    });
    afterAll(() => t.close());

    it('refunds only the units nobody claimed, each once, and nothing more later', async () => {
      const skuId = await freshSku(t, w);
      const gift = await sendGift(t, w.alice, { skuId, chatId: await crowd(t, w, 2), mode: 'first_come', units: 5 });
      await accept(t, gift.id, w.bob);
      await accept(t, gift.id, w.carol);
      expect(await stockOf(t, skuId)).toBe(95);

      await t.advance(24 * HOUR - MINUTE);
      expect((await view(t, gift.id, w.alice)).status).toBe(10);
      expect((await ledgerOf(t, gift)).refunds).toEqual([]);
      await t.advance(2 * MINUTE);
      expect(await view(t, gift.id, w.alice)).toMatchObject({
        status: 181,
        claimedUnits: 2,
        refundedUnits: 3,
        remainingUnits: 0,
      });
      const ledger = await ledgerOf(t, gift);
      expect(ledger.units.map((u) => u.status)).toEqual(['claimed', 'claimed', 'refunded', 'refunded', 'refunded']);
      expectOneRefundPerUnit(ledger);
      expect(await stockOf(t, skuId)).toBe(98);

      await t.advance(48 * HOUR);
      expect(await ledgerOf(t, gift)).toEqual(ledger);
      expect(await stockOf(t, skuId)).toBe(98);
      const order = (await t.http().get(`/api/orders/${gift.orderId}`).set(w.alice.auth).expect(200)).body;
      expect(order).toMatchObject({ status: 'paid', refundedFen: 3 * PRICE });
    });

    it('runs the refund jobs of a gift a second time without refunding anything again', async () => {
      const skuId = await freshSku(t, w, 10);
      const gifts = [
        // Part claimed (the order stays paid), and never claimed (the order is refunded in full).
        await sendGift(t, w.alice, { skuId, chatId: w.family.id, mode: 'first_come', units: 3 }),
        await sendGift(t, w.alice, { skuId, chatId: w.family.id, mode: 'first_come', units: 2 }),
      ];
      await accept(t, gifts[0].id, w.bob);
      await t.advance(24 * HOUR + MINUTE);
      const state = async () => ({
        stock: await stockOf(t, skuId),
        gifts: await Promise.all(gifts.map((g) => ledgerOf(t, g))),
        statuses: await t.sql('SELECT status FROM gifts WHERE id = ANY($1::uuid[]) ORDER BY status', [
          gifts.map((g) => g.id),
        ]),
        orders: await t.sql('SELECT status FROM orders WHERE id = ANY($1::uuid[]) ORDER BY status', [
          gifts.map((g) => g.orderId),
        ]),
        ledger: await t.sql(
          `SELECT order_id, unit_id, refund_id, type, amount_fen FROM ledger_entries
            WHERE order_id = ANY($1::uuid[]) ORDER BY id`,
          [gifts.map((g) => g.orderId)],
        ),
      });
      const once = await state();
      expect(once.stock).toBe(9);
      expect(once.gifts.map((g) => g.refunded.length)).toEqual([2, 2]);
      expect(once.orders).toEqual([{ status: 'paid' }, { status: 'refunded' }]);
      expect(once.ledger.filter((e) => e.type === 'refund')).toHaveLength(4);

      // The four done refund jobs become due again, as after a lost commit acknowledgement.
      const [rerun] = await t.sql<unknown[]>(
        `UPDATE jobs j SET state = 'pending', attempts = 0, finished_at = NULL, run_at = now() - interval '1 day'
           FROM gift_units u WHERE j.kind = 'gift.refund_unit' AND u.id::text = j.payload->>'unitId'
            AND u.gift_id = ANY($1::uuid[]) RETURNING j.id`,
        [gifts.map((g) => g.id)],
      );
      expect(rerun).toHaveLength(4);
      expect((await t.advance(MINUTE)).jobsRun).toBeGreaterThanOrEqual(4);
      expect(await state()).toEqual({ ...once, gifts: once.gifts.map((g) => ({ ...g, jobs: expect.any(Array) })) });
    });

    it('refunds a single gift not accepted within 24 hours in full', async () => {
      const skuId = await freshSku(t, w, 10);
      const gift = await sendGift(t, w.alice, { skuId, chatId: w.direct(w.bob).id, mode: 'single', units: 1 });
      expect(await stockOf(t, skuId)).toBe(9);
      await t.advance(24 * HOUR + MINUTE);
      expect(await view(t, gift.id, w.alice)).toMatchObject({ status: 181, refundedUnits: 1 });
      const order = (await t.http().get(`/api/orders/${gift.orderId}`).set(w.alice.auth).expect(200)).body;
      expect(order).toMatchObject({ status: 'refunded', totalFen: PRICE, refundedFen: PRICE });
      expect(await stockOf(t, skuId)).toBe(10);
      await t
        .http()
        .post(`/api/gifts/${gift.id}/claim`)
        .set(w.bob.auth)
        .send({ address: addressOf('鲍勃', '13900000001') })
        .expect(409);
    });

    it('refunds every unit of a lottery nobody entered, 24 hours after the draw', async () => {
      const skuId = await freshSku(t, w, 10);
      const drawAt = new Date(Date.parse((await t.advance(0)).now) + 2 * HOUR).toISOString();
      const gift = await sendGift(t, w.alice, { skuId, chatId: w.family.id, mode: 'lottery', units: 3, drawAt });
      await t.advance(2 * HOUR);
      const draw = (await t.http().get(`/api/gifts/${gift.id}/draw`).set(w.alice.auth).expect(200)).body;
      expect(draw).toMatchObject({ entrantIds: [], winnerIds: [] });

      // 24 hours after the send is not enough: the window runs from the draw.
      await t.advance(22 * HOUR + MINUTE);
      expect((await view(t, gift.id, w.alice)).status).toBe(10);
      await t.advance(2 * HOUR - 2 * MINUTE);
      expect((await view(t, gift.id, w.alice)).status).toBe(10);
      await t.advance(2 * MINUTE);
      expect(await view(t, gift.id, w.alice)).toMatchObject({ status: 181, refundedUnits: 3 });
      expectOneRefundPerUnit(await ledgerOf(t, gift));
      expect(await stockOf(t, skuId)).toBe(10);
      const order = (await t.http().get(`/api/orders/${gift.orderId}`).set(w.alice.auth).expect(200)).body;
      expect(order).toMatchObject({ status: 'refunded', refundedFen: 3 * PRICE });
    });

    it('reads 0 unpaid, 10 sent, 20 all accepted, 181 expired and refunded, 250 never paid', async () => {
      const skuId = await freshSku(t, w);
      const send = (units: number) =>
        t.http().post('/api/gifts').set(w.alice.auth).send({ skuId, chatId: w.family.id, mode: 'first_come', units });
      const accepted = (await send(2).expect(201)).body;
      const expiring = (await send(2).expect(201)).body;
      const unpaid = (await send(2).expect(201)).body;
      expect(accepted.status).toBe(0);
      expect((await view(t, accepted.id, w.alice)).status).toBe(0);

      for (const gift of [accepted, expiring]) {
        await t.http().post(`/api/orders/${gift.orderId}/pay`).set(w.alice.auth).expect(200);
        expect((await view(t, gift.id, w.alice)).status).toBe(10);
      }
      await accept(t, accepted.id, w.bob);
      expect((await view(t, accepted.id, w.alice)).status).toBe(10);
      await accept(t, accepted.id, w.dave);
      expect((await view(t, accepted.id, w.alice)).status).toBe(20);

      await t.advance(16 * MINUTE);
      expect((await view(t, unpaid.id, w.alice)).status).toBe(250);
      await t.advance(24 * HOUR);
      expect((await view(t, expiring.id, w.alice)).status).toBe(181);
      expect((await view(t, accepted.id, w.alice)).status).toBe(20);
      expect(await stockOf(t, skuId)).toBe(98);
    });
  });

  describe('two server instances on one database', () => {
    let a: TestApp;
    let b: TestApp;
    beforeAll(async () => {
      a = await TestApp.start({ JOBS_POLL_MS: '10' });
      b = await TestApp.start({ JOBS_POLL_MS: '10' }, { reset: false });
    });
    afterAll(async () => {
      await b.close();
      await a.close();
    });

    it('refunds each unclaimed unit exactly once when both poll the jobs', async () => {
      const w = await giftWorld(a);
      const skuId = await freshSku(a, w);
      const chatId = await crowd(a, w, 57);
      const gift = await sendGift(a, w.alice, { skuId, chatId, mode: 'first_come', units: 60 });
      await accept(a, gift.id, w.bob);
      await accept(a, gift.id, w.carol);
      await a.sql(
        "UPDATE jobs SET run_at = now() - interval '1 second' WHERE kind = 'gift.expire' AND payload->>'giftId' = $1",
        [gift.id],
      );
      const status = async () =>
        (await a.sql<{ status: number }>('SELECT status FROM gifts WHERE id = $1', [gift.id]))[0].status;
      await until(async () => (await status()) === 181, 'the gift to be refunded');

      const ledger = await ledgerOf(a, gift);
      expect(ledger.refunded).toHaveLength(58);
      expectOneRefundPerUnit(ledger);
      expect(ledger.jobs).toHaveLength(58);
      expect(ledger.jobs.every((j) => j.attempts === 1 && j.state === 'done')).toBe(true);
      const expireJobs = await a.sql(
        "SELECT attempts, state FROM jobs WHERE kind = 'gift.expire' AND payload->>'giftId' = $1",
        [gift.id],
      );
      expect(expireJobs).toEqual([{ attempts: 1, state: 'done' }]);
      expect(await stockOf(a, skuId)).toBe(98);
      expect(await view(b, gift.id, w.alice)).toMatchObject({ status: 181, claimedUnits: 2, refundedUnits: 58 });
    }, 120_000);
  });

  describe('a restart', () => {
    it('a new process refunds a gift sent by the old one when its 24 hours are up', async () => {
      const first = await TestApp.start();
      const w = await giftWorld(first);
      const skuId = await freshSku(first, w, 10);
      const chatId = await crowd(first, w, 1);
      const gift = await sendGift(first, w.alice, { skuId, chatId, mode: 'first_come', units: 4 });
      await accept(first, gift.id, w.bob);
      await first.close();

      const second = await TestApp.start({}, { reset: false });
      try {
        await second.advance(24 * HOUR + MINUTE);
        expect(await view(second, gift.id, w.alice)).toMatchObject({ status: 181, claimedUnits: 1, refundedUnits: 3 });
        const ledger = await ledgerOf(second, gift);
        expectOneRefundPerUnit(ledger);
        expect(ledger.refunded).toHaveLength(3);
        expect(await stockOf(second, skuId)).toBe(9);
      } finally {
        await second.close();
      }
    });
  });
});
