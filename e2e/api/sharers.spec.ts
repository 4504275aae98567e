import type { EarningsView, LedgerView, OrderView, ProductView, SearchPage, SharerRowView } from '@giftshop/shared';
import { ADDRESS } from '../support/fixtures';
import { giftWorld, sendGift } from '../support/gift-fixtures';
import { Session, TestApp } from '../support/test-app';

jest.setTimeout(120_000);

const DAY = 24 * 3_600_000;
const FREIGHT_FEN = 1000;

/** 推客: commissions on what sharers' links sell, earnings, withdrawals and the merchant's table. */
describe('sharers and commissions', () => {
  let t: TestApp;
  let bob: Session;
  let dave: Session;
  let n = 0;

  beforeAll(async () => {
    t = await TestApp.start();
    bob = await t.login('o_sh_bob', '鲍勃');
    dave = await t.login('o_sh_dave', '大卫');
  });
  afterAll(() => t.close());

  const post = (path: string, who: Session, body?: object) => t.http().post(path).set(who.auth).send(body);

  /** A fresh shop (freight 1,000 under 9,900): a tea product at 10% (6,850), a cup at 2.5% (1,999), a plain one at 0. */
  async function shop() {
    const merchant = await t.login(`o_sh_m${++n}`, `掌柜${n}`);
    const { body: created } = await post('/api/shops', merchant, { name: `推客小店${n}` }).expect(201);
    const product = async (title: string, priceFen: number, commissionBps: number) => {
      const { body } = await post(`/api/shops/${created.id}/products`, merchant, {
        title: `${title}${n}`,
        description: '推客测试',
        categoryCode: 'tea',
        skus: [{ specs: { 规格: '标准' }, priceFen, listPriceFen: priceFen, stock: 100 }],
      }).expect(201);
      if (commissionBps > 0) {
        await t.http().patch(`/api/products/${body.id}`).set(merchant.auth).send({ commissionBps }).expect(200);
      }
      return { productId: body.id as string, skuId: body.skus[0].id as string };
    };
    return {
      merchant,
      shopId: created.id as string,
      tea: await product('龙井', 6850, 1000),
      cup: await product('茶杯', 1999, 250),
      plain: await product('茶巾', 500, 0),
    };
  }
  type Shop = Awaited<ReturnType<typeof shop>>;

  async function order(buyer: Session, skuIds: string[], extra: Record<string, unknown> = {}): Promise<OrderView> {
    const items = skuIds.map((skuId) => ({ skuId, quantity: 1 }));
    const { body } = await post('/api/orders', buyer, { items, address: ADDRESS, scene: 'chat', ...extra }).expect(201);
    await post(`/api/orders/${body.id}/pay`, buyer).expect(200);
    return body as OrderView;
  }
  const view = (productId: string, who: Session, sharer: Session) =>
    t.http().get(`/api/products/${productId}?scene=chat&sharer=${sharer.userId}`).set(who.auth).expect(200);
  const earnings = async (who: Session) =>
    (await t.http().get('/api/me/earnings').set(who.auth).expect(200)).body as EarningsView;
  const ledger = async (s: Shop) => {
    const body = (await t.http().get(`/api/shops/${s.shopId}/ledger?limit=100`).set(s.merchant.auth).expect(200))
      .body as LedgerView;
    const x = body.totals;
    expect(x.paidFen - x.refundedFen - x.feeFen - x.commissionFen).toBe(x.pendingFen + x.availableFen + x.withdrawnFen);
    return body;
  };

  it('a merchant sets a rate of 0–50% per product; the product shows it', async () => {
    const s = await shop();
    const product = (await t.http().get(`/api/products/${s.tea.productId}`).expect(200)).body as ProductView;
    expect(product.commissionBps).toBe(1000);
    for (const bad of [5001, -1, 1.5, '10%']) {
      const res = await t
        .http()
        .patch(`/api/products/${s.tea.productId}`)
        .set(s.merchant.auth)
        .send({ commissionBps: bad });
      expect([res.status, res.body.message]).toEqual([400, expect.stringContaining('commissionBps')]);
    }
    expect(
      (await t.http().patch(`/api/products/${s.tea.productId}`).set(bob.auth).send({ commissionBps: 10 })).status,
    ).toBe(403);
    expect(
      ((await t.http().get(`/api/products/${s.tea.productId}`).expect(200)).body as ProductView).commissionBps,
    ).toBe(1000);
  });

  it("books each product's commission on what was paid for it, freight excluded, as the merchant's expense", async () => {
    const s = await shop();
    const carol = await t.login(`o_sh_carol_${n}`);
    const placed = await order(carol, [s.tea.skuId, s.cup.skuId, s.plain.skuId], { sharerId: bob.userId });
    expect(placed.sharerId).toBe(bob.userId);
    expect(placed.freightFen).toBe(FREIGHT_FEN); // 9,349 is under the free-shipping 9,900
    // 6,850 × 10% = 685; 1,999 × 2.5% = 49.975 → 50; the plain product pays none.
    const mine = await earnings(bob);
    const ofOrder = mine.entries.filter((e) => e.orderId === placed.id);
    expect(ofOrder.map((e) => [e.productId, e.amountFen, e.status]).sort()).toEqual(
      [
        [s.tea.productId, 685, 'pending'],
        [s.cup.productId, 50, 'pending'],
      ].sort(),
    );
    const book = await ledger(s);
    expect(book.entries.filter((e) => e.type === 'commission').map((e) => e.amountFen)).toEqual([-735]);
    expect(book.totals.commissionFen).toBe(735);
    const sharers = (await t.http().get(`/api/shops/${s.shopId}/sharers`).set(s.merchant.auth).expect(200))
      .body as SharerRowView[];
    expect(sharers).toEqual([
      { sharerId: bob.userId, nickname: '鲍勃', orders: 1, gmvFen: 6850 + 1999, commissionFen: 735 },
    ]);
    expect((await t.http().get(`/api/shops/${s.shopId}/sharers`).set(bob.auth)).status).toBe(403);
  });

  it('no commission for the buyer’s own link or the shop owner’s', async () => {
    const s = await shop();
    const carol = await t.login(`o_sh_carol_${n}`);
    expect((await order(carol, [s.tea.skuId], { sharerId: carol.userId })).sharerId).toBeNull();
    expect((await order(carol, [s.tea.skuId], { sharerId: s.merchant.userId })).sharerId).toBeNull();
    await view(s.tea.productId, carol, carol);
    await view(s.tea.productId, carol, s.merchant);
    expect((await order(carol, [s.tea.skuId])).sharerId).toBeNull();
    expect((await ledger(s)).totals.commissionFen).toBe(0);
  });

  it('a gift carries no commission, even after a view through a sharer’s link', async () => {
    const w = await giftWorld(t);
    const tea = await w.product('花果茶组合');
    await t.http().patch(`/api/products/${tea.id}`).set(w.wang.auth).send({ commissionBps: 2000 }).expect(200);
    await view(tea.id, w.alice, w.bob);
    const gift = await sendGift(t, w.alice, {
      skuId: tea.skus[0].id,
      chatId: w.family.id,
      mode: 'first_come',
      units: 2,
    });
    expect((await t.http().get(`/api/orders/${gift.orderId}`).set(w.alice.auth).expect(200)).body.sharerId).toBeNull();
    expect((await earnings(w.bob)).entries.filter((e) => e.orderId === gift.orderId)).toEqual([]);
    await t.http().patch(`/api/products/${tea.id}`).set(w.wang.auth).send({ commissionBps: 0 }).expect(200);
  });

  it('attributes by last touch: the latest view through a sharer’s link within 7 days', async () => {
    const s = await shop();
    const carol = await t.login(`o_sh_carol_${n}`);
    await view(s.tea.productId, carol, bob);
    await t.advance(60_000);
    await view(s.tea.productId, carol, dave); // the latest touch
    expect((await order(carol, [s.tea.skuId])).sharerId).toBe(dave.userId);

    // A view just inside the window attributes; one just outside does not.
    const erin = await t.login(`o_sh_erin_${n}`);
    await view(s.cup.productId, erin, bob);
    await t.advance(7 * DAY - 5_000);
    expect((await order(erin, [s.cup.skuId])).sharerId).toBe(bob.userId);
    const frank = await t.login(`o_sh_frank_${n}`);
    await view(s.cup.productId, frank, bob);
    await t.advance(7 * DAY + 5_000);
    expect((await order(frank, [s.cup.skuId])).sharerId).toBeNull();
  });

  it('a refund reverses the commission exactly; settlement makes the rest available; withdrawals never overdraw', async () => {
    const s = await shop();
    const sharer = await t.login(`o_sh_sharer_${n}`);
    const carol = await t.login(`o_sh_carol_${n}`);
    const refunded = await order(carol, [s.tea.skuId], { sharerId: sharer.userId });
    await post(`/api/orders/${refunded.id}/refund`, carol, { reason: '不想要了' }).expect(200);
    const kept = await order(carol, [s.tea.skuId, s.cup.skuId], { sharerId: sharer.userId });
    let mine = await earnings(sharer);
    expect(mine.entries.find((e) => e.orderId === refunded.id)).toMatchObject({ amountFen: 0, status: 'reversed' });
    expect(mine.totals).toEqual({ pendingFen: 735, availableFen: 0, withdrawnFen: 0 });
    const book = await ledger(s);
    expect(
      book.entries
        .filter((e) => e.orderId === refunded.id && e.type.startsWith('commission'))
        .map((e) => e.amountFen)
        .sort(),
    ).toEqual([-685, 685]);
    expect(book.totals.commissionFen).toBe(735);

    // Delivered, then the 7-day return window closes: the order settles and the earnings with it.
    await post(`/api/orders/${kept.id}/ship`, s.merchant, { carrier: '顺丰', trackingNo: 'SF00000002' }).expect(200);
    await post(`/api/orders/${kept.id}/confirm-receipt`, carol).expect(200);
    await t.advance(7 * DAY + 60_000);
    mine = await earnings(sharer);
    expect(mine.totals).toEqual({ pendingFen: 0, availableFen: 735, withdrawnFen: 0 });
    expect(mine.entries.filter((e) => e.orderId === kept.id).every((e) => e.status === 'available')).toBe(true);

    // 20 concurrent withdrawals of 100 from 735: exactly 7 succeed, never below zero.
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        t
          .http()
          .post('/api/me/earnings/withdrawals')
          .set(sharer.auth)
          .set('Idempotency-Key', `w-${n}-${i}`)
          .send({ amountFen: 100 }),
      ),
    );
    expect(answers.filter((a) => a.status === 201)).toHaveLength(7);
    expect(answers.filter((a) => a.status === 409).every((a) => a.body.code === 'INSUFFICIENT_AVAILABLE')).toBe(true);
    expect((await earnings(sharer)).totals).toEqual({ pendingFen: 0, availableFen: 35, withdrawnFen: 700 });
    // The same key again replays, moving nothing.
    const again = await t
      .http()
      .post('/api/me/earnings/withdrawals')
      .set(sharer.auth)
      .set('Idempotency-Key', `w-${n}-0`)
      .send({ amountFen: 100 });
    expect([200, 201, 409]).toContain(again.status);
    expect((await earnings(sharer)).totals.withdrawnFen).toBe(700);
    for (const bad of [0, -5, 1.5]) {
      expect((await post('/api/me/earnings/withdrawals', sharer, { amountFen: bad })).status).toBe(400);
    }
  });

  it('search ranking ignores commission: paying sharers cannot buy rank', async () => {
    const s = await shop();
    const search = async () =>
      (
        (
          await t
            .http()
            .get(`/api/search?q=${encodeURIComponent(`龙井${n}`)}`)
            .expect(200)
        ).body as SearchPage
      ).items.find((i) => i.productId === s.tea.productId)?.score;
    const before = await search();
    expect(before).toBeGreaterThan(0);
    await t
      .http()
      .patch(`/api/products/${s.tea.productId}`)
      .set(s.merchant.auth)
      .send({ commissionBps: 5000 })
      .expect(200);
    expect(await search()).toBe(before);
    await t
      .http()
      .patch(`/api/products/${s.tea.productId}`)
      .set(s.merchant.auth)
      .send({ commissionBps: 0 })
      .expect(200);
    expect(await search()).toBe(before);
  });
});
