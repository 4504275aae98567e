import type { LedgerTotals, LedgerView } from '@giftshop/shared';
import { NEW_MERCHANT_FEE } from '@giftshop/shared';
import { ADDRESS } from '../support/fixtures';
import { addressOf, giftWorld, sendGift } from '../support/gift-fixtures';
import { Session, TestApp } from '../support/test-app';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * Prices chosen for half-fen fees: tea (200 bps) alone is 2,475 + 1,000 freight = 3,475 fen,
 * 2% = 69.5 → 70 and 1% = 34.75 → 35; tea + beauty (500 bps) is 6,810 fen, 5% = 340.5 → 341.
 */
const TEA_FEN = 2_475;
const BEAUTY_FEN = 3_335;
const FREIGHT_FEN = 1_000;
const TEA_ORDER_FEN = TEA_FEN + FREIGHT_FEN;
const MIXED_ORDER_FEN = TEA_FEN + BEAUTY_FEN + FREIGHT_FEN;

describe('the merchant ledger: fees, refunds, settlement and withdrawals', () => {
  let t: TestApp;
  let buyer: Session;
  let other: Session;
  let n = 0;

  beforeAll(async () => {
    t = await TestApp.start();
    buyer = await t.login('o_ledger_buyer');
    other = await t.login('o_ledger_other_merchant');
    await t.http().post('/api/shops').set(other.auth).send({ name: '别人家的店' }).expect(201);
  });
  afterAll(() => t.close());

  const post = (path: string, who: Session, body?: object) => t.http().post(path).set(who.auth).send(body);

  /** A shop of a fresh merchant with a tea and a beauty product; `ageMs` old, with GMV already counted. */
  async function shop(opts: { ageMs?: number; priorGmvFen?: number } = {}) {
    const merchant = await t.login(`o_ledger_m${++n}`);
    const created = await post('/api/shops', merchant, { name: `账本小店${n}` }).expect(201);
    const shopId = created.body.id as string;
    const product = async (categoryCode: string, priceFen: number) =>
      (
        await post(`/api/shops/${shopId}/products`, merchant, {
          title: `${categoryCode} 礼盒`,
          description: '账本测试',
          categoryCode,
          skus: [{ specs: { 规格: '标准' }, priceFen, listPriceFen: priceFen, stock: 50 }],
        }).expect(201)
      ).body.skus[0].id as string;
    const teaSku = await product('tea', TEA_FEN);
    const beautySku = await product('beauty', BEAUTY_FEN);
    await t.sql(`UPDATE shops SET opened_at = opened_at - $2 * interval '1 millisecond' WHERE id = $1`, [
      shopId,
      opts.ageMs ?? 40 * DAY,
    ]);
    await t.sql('INSERT INTO ledger_shop_gmv (shop_id, paid_gmv_fen) VALUES ($1, $2)', [shopId, opts.priorGmvFen ?? 0]);
    return { merchant, shopId, teaSku, beautySku };
  }
  type Shop = Awaited<ReturnType<typeof shop>>;

  async function paidOrder(skuIds: string[]): Promise<string> {
    const items = skuIds.map((skuId) => ({ skuId, quantity: 1 }));
    const order = await post('/api/orders', buyer, { items, address: ADDRESS, scene: 'channels_live' }).expect(201);
    await post(`/api/orders/${order.body.id}/pay`, buyer).expect(200);
    return order.body.id;
  }

  async function delivered(s: Shop, orderId: string): Promise<void> {
    await post(`/api/orders/${orderId}/ship`, s.merchant, { carrier: '顺丰', trackingNo: 'SF00000001' }).expect(200);
    await post(`/api/orders/${orderId}/confirm-receipt`, buyer).expect(200);
  }

  async function ledger(s: Shop): Promise<LedgerView> {
    const view = (await t.http().get(`/api/shops/${s.shopId}/ledger?limit=100`).set(s.merchant.auth).expect(200))
      .body as LedgerView;
    expectBalanced(view.totals);
    return view;
  }

  function expectBalanced(x: LedgerTotals): void {
    expect(x.paidFen - x.refundedFen - x.feeFen).toBe(x.pendingFen + x.availableFen + x.withdrawnFen);
    for (const value of Object.values(x)) expect(value).toBeGreaterThanOrEqual(0);
  }

  const feeOf = (view: LedgerView, orderId: string) =>
    -view.entries
      .filter((e) => e.orderId === orderId && (e.type === 'fee' || e.type === 'fee_reversal'))
      .reduce((sum, e) => sum + e.amountFen, 0);

  describe('fees', () => {
    it('charges an established shop the category rate on what was paid, freight included, rounding half up', async () => {
      const s = await shop();
      const orderId = await paidOrder([s.teaSku]);
      const view = await ledger(s);
      expect(view.entries.map((e) => [e.type, e.orderId, e.amountFen, e.releasedAt])).toEqual([
        ['fee', orderId, -70, null],
        ['income', orderId, TEA_ORDER_FEN, null],
      ]);
      expect(view.totals).toEqual({
        paidFen: TEA_ORDER_FEN,
        refundedFen: 0,
        feeFen: 70,
        pendingFen: TEA_ORDER_FEN - 70,
        availableFen: 0,
        withdrawnFen: 0,
        commissionFen: 0,
      });
    });

    it('charges an order of two categories at the higher rate: 6,810 × 5% = 340.5 → 341', async () => {
      const s = await shop();
      const orderId = await paidOrder([s.teaSku, s.beautySku]);
      expect(feeOf(await ledger(s), orderId)).toBe(341);
    });

    it('charges a new merchant 1% (34.75 → 35), and the category rate once the 30-day window has closed', async () => {
      const s = await shop({ ageMs: 30 * DAY - HOUR });
      const young = await paidOrder([s.teaSku]);
      await t.advance(HOUR);
      const old = await paidOrder([s.teaSku]);
      const view = await ledger(s);
      expect([feeOf(view, young), feeOf(view, old)]).toEqual([35, 70]);
    });

    it('splits the order that crosses ¥1,000,000: 1% below the line, the category rate above, rounded once', async () => {
      const s = await shop({ ageMs: DAY, priorGmvFen: NEW_MERCHANT_FEE.gmvCapFen - 3_000 });
      const crossing = await paidOrder([s.teaSku, s.beautySku]);
      const after = await paidOrder([s.teaSku]);
      const view = await ledger(s);
      // 3,000 × 1% + 3,810 × 5% = 30 + 190.5 = 220.5 → 221; then all at the category rate.
      expect([feeOf(view, crossing), feeOf(view, after)]).toEqual([221, 70]);
      const [{ gmv }] = await t.sql<{ gmv: number }>(
        'SELECT paid_gmv_fen AS gmv FROM ledger_shop_gmv WHERE shop_id = $1',
        [s.shopId],
      );
      expect(gmv).toBe(NEW_MERCHANT_FEE.gmvCapFen - 3_000 + MIXED_ORDER_FEN + TEA_ORDER_FEN);
    });

    it('reverses the fee of an order refunded before shipment', async () => {
      const s = await shop();
      const orderId = await paidOrder([s.teaSku]);
      await post(`/api/orders/${orderId}/refund`, buyer, { reason: '拍错了' }).expect(200);
      const view = await ledger(s);
      expect(view.entries.map((e) => [e.type, e.amountFen])).toEqual([
        ['fee_reversal', 70],
        ['refund', -TEA_ORDER_FEN],
        ['fee', -70],
        ['income', TEA_ORDER_FEN],
      ]);
      expect(view.totals).toEqual({
        paidFen: TEA_ORDER_FEN,
        refundedFen: TEA_ORDER_FEN,
        feeFen: 0,
        pendingFen: 0,
        availableFen: 0,
        withdrawnFen: 0,
        commissionFen: 0,
      });
    });

    it('writes nothing for an order that is never paid', async () => {
      const s = await shop();
      await post('/api/orders', buyer, {
        items: [{ skuId: s.teaSku, quantity: 1 }],
        address: ADDRESS,
        scene: 'search',
      }).expect(201);
      expect((await ledger(s)).entries).toEqual([]);
    });
  });

  describe('settlement', () => {
    it('makes the money available 7 days after delivery, when the order completes', async () => {
      const s = await shop();
      const orderId = await paidOrder([s.teaSku]);
      await delivered(s, orderId);
      await t.advance(7 * DAY - MINUTE);
      expect((await ledger(s)).totals).toMatchObject({ pendingFen: TEA_ORDER_FEN - 70, availableFen: 0 });
      await t.advance(MINUTE);
      const view = await ledger(s);
      expect(view.totals).toMatchObject({ pendingFen: 0, availableFen: TEA_ORDER_FEN - 70 });
      expect(view.entries.length).toBeGreaterThan(0);
      expect(view.entries.every((e) => e.releasedAt !== null)).toBe(true);
    });

    it('freezes the whole order while a return is open and releases it when the merchant rejects it', async () => {
      const s = await shop();
      const orderId = await paidOrder([s.teaSku]);
      await delivered(s, orderId);
      await t.advance(DAY);
      const opened = await post(`/api/orders/${orderId}/refund`, buyer, { reason: '不喜欢' }).expect(200);
      await t.advance(8 * DAY);
      expect((await ledger(s)).totals).toMatchObject({ pendingFen: TEA_ORDER_FEN - 70, availableFen: 0 });
      await post(`/api/after-sales/${opened.body.afterSale.id}/reject`, s.merchant).expect(200);
      expect((await ledger(s)).totals).toMatchObject({ pendingFen: 0, availableFen: TEA_ORDER_FEN - 70 });
    });

    it('refunds an approved return with its fee, leaving nothing to settle', async () => {
      const s = await shop();
      const orderId = await paidOrder([s.teaSku]);
      await delivered(s, orderId);
      const opened = await post(`/api/orders/${orderId}/refund`, buyer, { reason: '不喜欢' }).expect(200);
      await post(`/api/after-sales/${opened.body.afterSale.id}/approve`, s.merchant).expect(200);
      await t.advance(8 * DAY);
      expect((await ledger(s)).totals).toEqual({
        paidFen: TEA_ORDER_FEN,
        refundedFen: TEA_ORDER_FEN,
        feeFen: 0,
        pendingFen: 0,
        availableFen: 0,
        withdrawnFen: 0,
        commissionFen: 0,
      });
    });
  });

  describe('gifts: income per unit, a fee per accepted unit, settlement per unit', () => {
    it('charges accepted units only, reverses a refunded one and settles each unit on its own', async () => {
      const w = await giftWorld(t);
      const s = await shop();
      const gift = await sendGift(t, w.alice, { skuId: s.teaSku, chatId: w.family.id, mode: 'first_come', units: 3 });
      let view = await ledger(s);
      expect(view.entries.filter((e) => e.type === 'income').map((e) => e.amountFen)).toEqual([
        TEA_FEN,
        TEA_FEN,
        TEA_FEN,
      ]);
      expect(view.totals).toMatchObject({ paidFen: 3 * TEA_FEN, feeFen: 0 });

      const claim = async (who: Session) =>
        (
          await post(`/api/gifts/${gift.id}/claim`, who, { address: addressOf(who.nickname, '13900000000') }).expect(
            200,
          )
        ).body.id as string;
      const bobClaim = await claim(w.bob);
      await claim(w.carol);
      // 2,475 × 2% = 49.5 → 50 per accepted unit.
      expect((await ledger(s)).totals.feeFen).toBe(100);

      // Carol gives hers back before shipment: her unit's refund and fee reversal.
      await post(`/api/orders/${gift.orderId}/refund`, w.carol, { reason: '不需要' }).expect(200);
      // Nobody took the third unit: refunded at expiry, without a fee to reverse.
      await t.advance(24 * HOUR);
      view = await ledger(s);
      expect(view.totals).toEqual({
        paidFen: 3 * TEA_FEN,
        refundedFen: 2 * TEA_FEN,
        feeFen: 50,
        pendingFen: TEA_FEN - 50,
        availableFen: 0,
        withdrawnFen: 0,
        commissionFen: 0,
      });
      expect(view.entries.filter((e) => e.type === 'fee_reversal').map((e) => e.amountFen)).toEqual([50]);

      await post(`/api/gift-claims/${bobClaim}/ship`, s.merchant, { carrier: '顺丰', trackingNo: 'SF00000002' }).expect(
        200,
      );
      await post(`/api/gift-claims/${bobClaim}/confirm-receipt`, w.bob).expect(200);
      await t.advance(7 * DAY);
      expect((await ledger(s)).totals).toMatchObject({ pendingFen: 0, availableFen: TEA_FEN - 50 });
    });

    it("freezes a gift's completed units while a return is open on another unit of the order", async () => {
      const w = await giftWorld(t);
      const s = await shop();
      const gift = await sendGift(t, w.alice, { skuId: s.teaSku, chatId: w.family.id, mode: 'first_come', units: 2 });
      for (const who of [w.bob, w.carol]) {
        const claimed = await post(`/api/gifts/${gift.id}/claim`, who, {
          address: addressOf(who.nickname, '13900000000'),
        }).expect(200);
        await post(`/api/gift-claims/${claimed.body.id}/ship`, s.merchant, {
          carrier: '顺丰',
          trackingNo: 'SF00000003',
        }).expect(200);
        await post(`/api/gift-claims/${claimed.body.id}/confirm-receipt`, who).expect(200);
      }
      await post(`/api/orders/${gift.orderId}/refund`, w.carol, { reason: '尺寸不对' }).expect(200);
      await t.advance(7 * DAY);
      // Bob's unit completed, but the order has an open case: nothing is available yet.
      expect((await ledger(s)).totals).toMatchObject({ pendingFen: 2 * (TEA_FEN - 50), availableFen: 0 });
      const [{ id: caseId }] = await t.sql<{ id: string }>(
        "SELECT id FROM after_sale_cases WHERE order_id = $1 AND status = 'requested'",
        [gift.orderId],
      );
      await post(`/api/after-sales/${caseId}/reject`, s.merchant).expect(200);
      expect((await ledger(s)).totals).toMatchObject({ pendingFen: 0, availableFen: 2 * (TEA_FEN - 50) });
    });
  });

  describe('withdrawals', () => {
    /** A shop with one completed tea order: 3,405 fen available. */
    async function settledShop(): Promise<Shop> {
      const s = await shop();
      await delivered(s, await paidOrder([s.teaSku]));
      await t.advance(7 * DAY);
      expect((await ledger(s)).totals.availableFen).toBe(TEA_ORDER_FEN - 70);
      return s;
    }
    const withdraw = (s: Shop, amountFen: unknown, who: Session = s.merchant) =>
      post(`/api/shops/${s.shopId}/withdrawals`, who, { amountFen });

    it('takes only available money: pending money and more than is available are a 409', async () => {
      const s = await shop();
      await paidOrder([s.teaSku]);
      const pending = await withdraw(s, 1).expect(409);
      expect(pending.body).toMatchObject({ code: 'INSUFFICIENT_AVAILABLE' });
      expect(pending.body.message).toMatch(/0 fen available/);

      const settled = await settledShop();
      await withdraw(settled, TEA_ORDER_FEN - 70 + 1).expect(409);
      const done = await withdraw(settled, 3_000).expect(201);
      expect(done.body.totals).toMatchObject({ availableFen: TEA_ORDER_FEN - 70 - 3_000, withdrawnFen: 3_000 });
      expectBalanced(done.body.totals);
      const view = await ledger(settled);
      expect(view.entries[0]).toMatchObject({ type: 'withdrawal', orderId: null, amountFen: -3_000 });
      await withdraw(settled, TEA_ORDER_FEN - 70 - 3_000 + 1).expect(409);
      expect((await ledger(settled)).totals.withdrawnFen).toBe(3_000);
    });

    it('lets exactly as many concurrent withdrawals through as the available money covers', async () => {
      const s = await settledShop();
      const results = await Promise.all(Array.from({ length: 8 }, () => withdraw(s, 1_000)));
      expect(results.map((r) => r.status).sort()).toEqual([201, 201, 201, 409, 409, 409, 409, 409]);
      expect((await ledger(s)).totals).toMatchObject({ availableFen: TEA_ORDER_FEN - 70 - 3_000, withdrawnFen: 3_000 });
    });

    it('replays a withdrawal sent again with the same Idempotency-Key', async () => {
      const s = await settledShop();
      const send = () =>
        t
          .http()
          .post(`/api/shops/${s.shopId}/withdrawals`)
          .set(s.merchant.auth)
          .set('Idempotency-Key', 'withdraw-once')
          .send({ amountFen: 500 });
      const first = await send().expect(201);
      const again = await send().expect(201);
      expect(again.body.id).toBe(first.body.id);
      expect((await ledger(s)).totals.withdrawnFen).toBe(500);
    });

    it.each([
      [0, 'amountFen must be at least 1'],
      [-5, 'amountFen must be at least 1'],
      [1.5, 'amountFen must be a whole number of fen'],
      ['100', 'amountFen must be a whole number of fen'],
      [undefined, 'amountFen'],
    ])('refuses amountFen %p with a 400 naming it', async (amountFen, message) => {
      const s = await settledShop();
      const res = await withdraw(s, amountFen).expect(400);
      expect(JSON.stringify(res.body.message)).toContain(message);
      expect((await ledger(s)).totals.withdrawnFen).toBe(0);
    });
  });

  describe('who may see and move the money', () => {
    it('answers 403 to other merchants and shoppers, 404 for an unknown shop, 400 for a bad id, 401 without a token', async () => {
      const s = await shop();
      for (const who of [other, buyer]) {
        const read = await t.http().get(`/api/shops/${s.shopId}/ledger`).set(who.auth).expect(403);
        expect(read.body.code).toBe('NOT_SHOP_OWNER');
        await post(`/api/shops/${s.shopId}/withdrawals`, who, { amountFen: 1 }).expect(403);
      }
      await t.http().get('/api/shops/00000000-0000-4000-8000-000000000000/ledger').set(s.merchant.auth).expect(404);
      const bad = await t.http().get('/api/shops/not-a-uuid/ledger').set(s.merchant.auth).expect(400);
      expect(JSON.stringify(bad.body.message)).toContain('shopId');
      await t.http().get(`/api/shops/${s.shopId}/ledger`).expect(401);
      await t.http().post(`/api/shops/${s.shopId}/withdrawals`).send({ amountFen: 1 }).expect(401);
    });
  });
});
