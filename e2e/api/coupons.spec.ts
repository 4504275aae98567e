import type { CouponFiguresView, CouponView, OrderQuote, OrderView, UserCouponView } from '@giftshop/shared';
import { ADDRESS, stockOf } from '../support/fixtures';
import { claimCoupon, DAY, issueCoupon, ledgerOf, offerShop, type OfferShop } from '../support/offer-fixtures';
import { Session, TestApp } from '../support/test-app';

jest.setTimeout(120_000);

/** 优惠券: issuing, claiming under concurrency, the quote and the order agreeing, the spread, fees and refunds. */
describe('coupons', () => {
  let t: TestApp;
  let alice: Session;
  let n = 0;

  beforeAll(async () => {
    t = await TestApp.start();
    alice = await t.login('o_cp_alice', '爱丽丝');
  });
  afterAll(() => t.close());

  const shop = () => offerShop(t, `cp${++n}`);
  const post = (path: string, who: Session, body?: object) => t.http().post(path).set(who.auth).send(body);
  const items = (...lines: [string, number][]) => lines.map(([skuId, quantity]) => ({ skuId, quantity }));
  const quote = async (who: Session, body: object) =>
    (await post('/api/orders/quote', who, body).expect(200)).body as OrderQuote;
  const place = async (who: Session, body: object) => {
    const res = await post('/api/orders', who, { address: ADDRESS, scene: 'shop_home', ...body });
    if (res.status !== 201) throw new Error(`POST /api/orders: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as OrderView;
  };
  const mine = async (who: Session, shopId: string) =>
    (await t.http().get(`/api/me/coupons?shopId=${shopId}`).set(who.auth).expect(200)).body as UserCouponView[];
  const figures = async (s: OfferShop) =>
    (await t.http().get(`/api/shops/${s.shopId}/coupons?scope=all`).set(s.merchant.auth).expect(200))
      .body as CouponFiguresView[];

  it('a merchant issues coupons; bad terms are a 400 naming the field; only the owner may', async () => {
    const s = await shop();
    const bad: [Record<string, unknown>, RegExp][] = [
      [{ type: 'percent_off', amountOffFen: undefined, percentOffBps: 8001 }, /percentOffBps/],
      [{ type: 'percent_off', amountOffFen: undefined }, /percentOffBps: a percent-off coupon needs it/],
      [{ amountOffFen: 2000, maxDiscountFen: 500 }, /maxDiscountFen: only for a percent-off coupon/],
      [{ total: 0 }, /total must be 1/],
      [{ perUserLimit: 101 }, /perUserLimit/],
      [{ claimEndsAt: new Date(Date.now() - 1000).toISOString() }, /claimEndsAt: must be in the future/],
      [{ validDays: 0 }, /validDays/],
      [{ productIds: [] }, /productIds/],
      [{ title: '' }, /title/],
    ];
    for (const [terms, message] of bad) {
      const res = await post(`/api/shops/${s.shopId}/coupons`, s.merchant, {
        title: '券',
        type: 'amount_off',
        amountOffFen: 2000,
        minSpendFen: 0,
        total: 10,
        perUserLimit: 1,
        claimEndsAt: new Date(Date.now() + DAY).toISOString(),
        validDays: 7,
        ...terms,
      });
      expect({ terms, status: res.status }).toEqual({ terms, status: 400 });
      expect(res.body.message).toMatch(message);
    }
    const other = await shop();
    const res = await post(`/api/shops/${s.shopId}/coupons`, s.merchant, {
      title: '别家的商品',
      type: 'amount_off',
      amountOffFen: 100,
      minSpendFen: 0,
      productIds: [s.tea.productId, other.tea.productId],
      total: 10,
      perUserLimit: 1,
      claimEndsAt: new Date(Date.now() + DAY).toISOString(),
      validDays: 7,
    });
    expect(res.status).toBe(404);
    expect(res.body.message).toMatch(/productIds\.1/);
    await t
      .http()
      .post(`/api/shops/${s.shopId}/coupons`)
      .set(alice.auth)
      .send({
        title: 'x',
        type: 'amount_off',
        amountOffFen: 1,
        minSpendFen: 0,
        total: 1,
        perUserLimit: 1,
        claimEndsAt: new Date(Date.now() + DAY).toISOString(),
        validDays: 1,
      })
      .expect(403);
    expect(await figures(s)).toEqual([]);
  });

  it('40 claimers racing for 10 coupons: exactly 10 are claimed, the rest are SOLD_OUT', async () => {
    const s = await shop();
    const coupon = await issueCoupon(t, s, { total: 10 });
    const claimers = await Promise.all(Array.from({ length: 40 }, (_, i) => t.login(`o_cp_race${n}_${i}`)));
    const results = await Promise.all(claimers.map((c) => post(`/api/coupons/${coupon.id}/claim`, c)));
    expect(results.filter((r) => r.status === 201)).toHaveLength(10);
    const refused = results.filter((r) => r.status !== 201);
    expect(refused).toHaveLength(30);
    refused.forEach((r) => expect([r.status, r.body.code]).toEqual([409, 'SOLD_OUT']));
    const [{ claimed, rows }] = await t.sql<{ claimed: number; rows: number }>(
      `SELECT c.claimed, (SELECT count(*)::int FROM user_coupons u WHERE u.coupon_id = c.id) AS rows
         FROM coupons c WHERE c.id = $1`,
      [coupon.id],
    );
    expect({ claimed, rows }).toEqual({ claimed: 10, rows: 10 });
    // Sold out: no longer listed as claimable.
    const listed = (await t.http().get(`/api/shops/${s.shopId}/coupons`).expect(200)).body as CouponView[];
    expect(listed.map((c) => c.id)).not.toContain(coupon.id);
  });

  it('one user sending 10 concurrent claims of a coupon limited to 1 gets exactly one', async () => {
    const s = await shop();
    const coupon = await issueCoupon(t, s, { total: 50, perUserLimit: 1 });
    const greedy = await t.login(`o_cp_greedy${n}`);
    const results = await Promise.all(
      Array.from({ length: 10 }, () => post(`/api/coupons/${coupon.id}/claim`, greedy)),
    );
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    results
      .filter((r) => r.status !== 201)
      .forEach((r) => expect([r.status, r.body.code]).toEqual([409, 'LIMIT_REACHED']));
    expect(await mine(greedy, s.shopId)).toHaveLength(1);
    const [{ claimed }] = await t.sql<{ claimed: number }>('SELECT claimed FROM coupons WHERE id = $1', [coupon.id]);
    expect(claimed).toBe(1);
    // A limit of 3 allows three, concurrently too.
    const three = await issueCoupon(t, s, { total: 50, perUserLimit: 3 });
    const burst = await Promise.all(Array.from({ length: 8 }, () => post(`/api/coupons/${three.id}/claim`, greedy)));
    expect(burst.filter((r) => r.status === 201)).toHaveLength(3);
    const listed = (await t.http().get(`/api/shops/${s.shopId}/coupons`).set(greedy.auth).expect(200))
      .body as CouponView[];
    expect(listed.find((c) => c.id === three.id)?.claimedByMe).toBe(3);
  });

  it('an ended coupon or one past its claim deadline cannot be claimed', async () => {
    const s = await shop();
    const coupon = await issueCoupon(t, s);
    await t.http().patch(`/api/coupons/${coupon.id}`).set(alice.auth).send({ status: 'ended' }).expect(403);
    await t.http().patch(`/api/coupons/${coupon.id}`).set(s.merchant.auth).send({ status: 'ended' }).expect(200);
    const ended = await post(`/api/coupons/${coupon.id}/claim`, alice).expect(409);
    expect(ended.body.code).toBe('COUPON_ENDED');
    await post('/api/coupons/00000000-0000-4000-8000-000000000000/claim', alice).expect(404);
    await post('/api/coupons/not-a-uuid/claim', alice).expect(400);
  });

  it('the quote offers the best coupon; the quote and the order agree to the fen; the discount is spread over the lines', async () => {
    const s = await shop();
    const buyer = await t.login(`o_cp_b${n}`);
    const fixed = await claimCoupon(t, buyer, (await issueCoupon(t, s)).id); // ¥20 off ¥100
    const percent = await claimCoupon(
      t,
      buyer,
      (
        await issueCoupon(t, s, {
          type: 'percent_off',
          amountOffFen: undefined,
          percentOffBps: 1500,
          maxDiscountFen: 5000,
          minSpendFen: 0,
        })
      ).id,
    );
    const small = await claimCoupon(t, buyer, (await issueCoupon(t, s, { amountOffFen: 300, minSpendFen: 0 })).id);
    // 2 × 68.50 + 19.99 + 5.00 = 161.99: 15% = 24.2985 → 24.30 (beats ¥20 and ¥3).
    const basket = items([s.tea.skuId, 2], [s.cup.skuId, 1], [s.cloth.skuId, 1]);
    const plain = await quote(buyer, { items: basket });
    expect(plain).toMatchObject({
      goodsFen: 16_199,
      discountFen: 0,
      freightFen: 0,
      totalFen: 16_199,
      userCouponId: null,
    });
    expect(plain.bestUserCouponId).toBe(percent.id);
    expect(plain.coupons.map((c) => [c.userCouponId, c.discountFen])).toEqual([
      [percent.id, 2430],
      [fixed.id, 2000],
      [small.id, 300],
    ]);
    const priced = await quote(buyer, { items: basket, userCouponId: percent.id });
    expect(priced).toMatchObject({ discountFen: 2430, totalFen: 13_769, payFen: 13_769, userCouponId: percent.id });
    // By goods value, largest remainder: 13,700 → 2,055.06…; 1,999 → 299.85…; 500 → 75.00…
    expect(priced.lines.map((l) => l.paidFen)).toEqual([13_700 - 2055, 1999 - 300, 500 - 75]);
    const order = await place(buyer, { items: basket, userCouponId: percent.id });
    expect({
      goodsFen: order.goodsFen,
      discountFen: order.discountFen,
      freightFen: order.freightFen,
      totalFen: order.totalFen,
      payFen: order.payFen,
      lines: order.items.map((i) => i.paidFen),
    }).toEqual({
      goodsFen: priced.goodsFen,
      discountFen: priced.discountFen,
      freightFen: priced.freightFen,
      totalFen: priced.totalFen,
      payFen: priced.payFen,
      lines: priced.lines.map((l) => l.paidFen),
    });
    expect(order.userCouponId).toBe(percent.id);
    // Held by the unpaid order: not offered again, and naming it is refused with why.
    expect((await mine(buyer, s.shopId)).find((c) => c.id === percent.id)).toMatchObject({
      status: 'held',
      orderId: order.id,
    });
    const again = await post('/api/orders/quote', buyer, { items: basket, userCouponId: percent.id }).expect(409);
    expect(again.body).toMatchObject({ code: 'COUPON_NOT_USABLE' });
    expect(again.body.message).toMatch(/userCouponId: another unpaid order holds it/);
    expect((await quote(buyer, { items: basket })).coupons.map((c) => c.userCouponId)).not.toContain(percent.id);
  });

  it('a coupon naming products discounts only their lines and counts only them towards its minimum spend', async () => {
    const s = await shop();
    const buyer = await t.login(`o_cp_p${n}`);
    const teaOnly = await claimCoupon(
      t,
      buyer,
      (await issueCoupon(t, s, { amountOffFen: 1000, minSpendFen: 13_700, productIds: [s.tea.productId] })).id,
    );
    // One tea (6,850) and many cups: the goods pass ¥137, the tea alone does not.
    const short = await post('/api/orders/quote', buyer, {
      items: items([s.tea.skuId, 1], [s.cup.skuId, 5]),
      userCouponId: teaOnly.id,
    }).expect(409);
    expect(short.body.message).toBe('userCouponId: it needs ¥137.00 of its products (this order has ¥68.50)');
    const two = await quote(buyer, { items: items([s.cup.skuId, 1], [s.tea.skuId, 2]), userCouponId: teaOnly.id });
    expect(two.discountFen).toBe(1000);
    expect(two.lines.map((l) => l.paidFen)).toEqual([1999, 13_700 - 1000]);
    // No tea at all: listed as unusable, with why.
    const none = await quote(buyer, { items: items([s.cup.skuId, 1]) });
    expect(none.coupons).toEqual([
      expect.objectContaining({ userCouponId: teaOnly.id, usable: false, discountFen: 0 }),
    ]);
    expect(none.bestUserCouponId).toBeNull();
  });

  it('freight is waived when the goods after the discount reach the threshold, and charged when the discount takes them below', async () => {
    const s = await shop();
    const buyer = await t.login(`o_cp_f${n}`);
    const coupon = await claimCoupon(
      t,
      buyer,
      (await issueCoupon(t, s, { amountOffFen: 2000, minSpendFen: 10_000 })).id,
    );
    // 68.50 + 2 × 19.99 = 108.48 ≥ 99, but 108.48 − 20 = 88.48 < 99: freight ¥10.
    const q = await quote(buyer, { items: items([s.tea.skuId, 1], [s.cup.skuId, 2]), userCouponId: coupon.id });
    expect(q).toMatchObject({ goodsFen: 10_848, discountFen: 2000, freightFen: 1000, totalFen: 9848 });
  });

  it('bad coupons on an order are refused with why, and change nothing', async () => {
    const s = await shop();
    const other = await shop();
    const buyer = await t.login(`o_cp_x${n}`);
    const stranger = await t.login(`o_cp_y${n}`);
    const elsewhere = await claimCoupon(t, buyer, (await issueCoupon(t, other, { minSpendFen: 0 })).id);
    const theirs = await claimCoupon(t, stranger, (await issueCoupon(t, s, { minSpendFen: 0 })).id);
    const basket = { items: items([s.tea.skuId, 2]) };
    const stock = await stockOf(t, s.tea.skuId);
    const refused = async (body: object, status: number, message: RegExp) => {
      const res = await post('/api/orders', buyer, { address: ADDRESS, scene: 'shop_home', ...basket, ...body });
      expect([res.status, res.body.message]).toEqual([status, expect.stringMatching(message)]);
    };
    await refused({ userCouponId: elsewhere.id }, 409, /userCouponId: it is a coupon of another shop/);
    await refused({ userCouponId: theirs.id }, 404, /userCouponId/);
    await refused({ userCouponId: 'x' }, 400, /userCouponId must be a UUID/);
    // Expired: 30 days after the claim.
    const soon = await claimCoupon(t, buyer, (await issueCoupon(t, s, { minSpendFen: 0, validDays: 1 })).id);
    await t.advance(DAY + 1000);
    await refused({ userCouponId: soon.id }, 409, /userCouponId: it expired at/);
    expect((await mine(buyer, s.shopId)).find((c) => c.id === soon.id)?.status).toBe('expired');
    expect(await stockOf(t, s.tea.skuId)).toBe(stock);
    const [{ orders }] = await t.sql<{ orders: number }>(
      'SELECT count(*)::int AS orders FROM orders WHERE buyer_id = $1',
      [buyer.userId],
    );
    expect(orders).toBe(0);
  });

  it('the coupon is held at creation, back when the order is cancelled unpaid, used once paid; the merchant sees the figures', async () => {
    const s = await shop();
    const buyer = await t.login(`o_cp_h${n}`);
    const coupon = await issueCoupon(t, s, { total: 5 });
    const claimed = await claimCoupon(t, buyer, coupon.id);
    const basket = items([s.tea.skuId, 2]); // 137.00
    const first = await place(buyer, { items: basket, userCouponId: claimed.id });
    expect(first.discountFen).toBe(2000);
    expect(await figures(s)).toEqual([expect.objectContaining({ claimed: 1, held: 1, used: 0, discountFen: 0 })]);
    await post(`/api/orders/${first.id}/cancel`, buyer).expect(200);
    expect((await mine(buyer, s.shopId))[0]).toMatchObject({ status: 'unused', orderId: null });
    // The unpaid timeout gives it back as well.
    const second = await place(buyer, { items: basket, userCouponId: claimed.id });
    await t.advance(16 * 60_000);
    expect((await t.http().get(`/api/orders/${second.id}`).set(buyer.auth).expect(200)).body.status).toBe('cancelled');
    expect((await mine(buyer, s.shopId))[0].status).toBe('unused');
    const third = await place(buyer, { items: basket, userCouponId: claimed.id });
    await post(`/api/orders/${third.id}/pay`, buyer).expect(200);
    expect((await mine(buyer, s.shopId))[0]).toMatchObject({ status: 'used', orderId: third.id });
    expect(await figures(s)).toEqual([expect.objectContaining({ claimed: 1, held: 0, used: 1, discountFen: 2000 })]);
    // Used: refused on the next order.
    const res = await post('/api/orders', buyer, {
      address: ADDRESS,
      scene: 'shop_home',
      items: basket,
      userCouponId: claimed.id,
    });
    expect([res.status, res.body.message]).toEqual([409, 'userCouponId: it has been used on an order']);
  });

  it('two orders racing for one coupon: one holds it, the other is refused', async () => {
    const s = await shop();
    const buyer = await t.login(`o_cp_r${n}`);
    const claimed = await claimCoupon(t, buyer, (await issueCoupon(t, s)).id);
    const body = { address: ADDRESS, scene: 'shop_home', items: items([s.tea.skuId, 2]), userCouponId: claimed.id };
    const results = await Promise.all(Array.from({ length: 4 }, () => post('/api/orders', buyer, body)));
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    results.filter((r) => r.status !== 201).forEach((r) => expect(r.body.code).toBe('COUPON_NOT_USABLE'));
    const [{ holders }] = await t.sql<{ holders: number }>(
      'SELECT count(*)::int AS holders FROM orders WHERE user_coupon_id = $1',
      [claimed.id],
    );
    expect(holders).toBe(1);
  });

  it('fees and commissions are charged on what was paid; a refund gives back what was paid', async () => {
    const s = await shop();
    const buyer = await t.login(`o_cp_m${n}`);
    const sharer = await t.login(`o_cp_s${n}`);
    const claimed = await claimCoupon(t, buyer, (await issueCoupon(t, s, { amountOffFen: 3000 })).id);
    // Two teas (13,700) and a cup (1,999) = 15,699; ¥30 off spread: tea 2,618, cup 382.
    const order = await place(buyer, {
      items: items([s.tea.skuId, 2], [s.cup.skuId, 1]),
      userCouponId: claimed.id,
      sharerId: sharer.userId,
    });
    expect(order.items.map((i) => i.paidFen)).toEqual([13_700 - 2618, 1999 - 382]);
    expect(order.totalFen).toBe(12_699);
    await post(`/api/orders/${order.id}/pay`, buyer).expect(200);
    const ledger = await ledgerOf(t, s);
    const amount = (type: string) =>
      ledger.entries.filter((e) => e.type === type).reduce((sum, e) => sum + e.amountFen, 0);
    expect(amount('income')).toBe(12_699);
    // New merchant: 1% of what was paid (126.99 → 127).
    expect(amount('fee')).toBe(-127);
    // 10% of what was paid for the tea (11,082): 1,108.2 → 1,108.
    expect(amount('commission')).toBe(-1108);
    await post(`/api/orders/${order.id}/refund`, buyer, { reason: '不想要了' }).expect(200);
    const after = await ledgerOf(t, s);
    const refunded = (await t.http().get(`/api/orders/${order.id}`).set(buyer.auth).expect(200)).body as OrderView;
    expect(refunded.refundedFen).toBe(12_699);
    expect(after.totals).toMatchObject({ paidFen: 12_699, refundedFen: 12_699, feeFen: 0, commissionFen: 0 });
  });
});
