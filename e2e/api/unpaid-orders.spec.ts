import { MAX_UNPAID_ORDERS } from '@giftshop/shared';
import { ADDRESS, shopWithProduct, stockOf } from '../support/fixtures';
import { giftWorld } from '../support/gift-fixtures';
import { Session, TestApp } from '../support/test-app';

jest.setTimeout(120_000);

const MINUTE = 60_000;

/** Runs with RATE_LIMITS=off, like every suite but rate-limits.spec.ts: the cap is not a rate limit. */
describe(`unpaid orders: at most ${MAX_UNPAID_ORDERS} per buyer at once`, () => {
  let t: TestApp;
  let merchant: Session;

  beforeAll(async () => {
    t = await TestApp.start();
    merchant = await t.login('o_cap_merchant');
  });
  afterAll(() => t.close());

  const order = (who: Session, skuId: string, quantity = 1) =>
    t
      .http()
      .post('/api/orders')
      .set(who.auth)
      .send({ items: [{ skuId, quantity }], address: ADDRESS, scene: 'channels_live' });
  const unpaidOf = async (who: Session) =>
    (
      await t.sql<{ n: number }>(
        "SELECT count(*)::int AS n FROM orders WHERE buyer_id = $1 AND status = 'pending_payment'",
        [who.userId],
      )
    )[0].n;
  const expectCapped = (res: { status: number; body: Record<string, unknown> }) => {
    expect(res.status).toBe(409);
    expect(res.body).toEqual({
      statusCode: 409,
      error: 'Conflict',
      code: 'TOO_MANY_UNPAID_ORDERS',
      message: `at most ${MAX_UNPAID_ORDERS} unpaid orders at once: pay or cancel one first`,
    });
  };

  it('refuses the 6th unpaid order without reserving its stock; paying or cancelling one frees a slot', async () => {
    const buyer = await t.login('o_cap_buyer');
    const { skuId } = await shopWithProduct(t, merchant, { stock: 50 });
    const ids: string[] = [];
    for (let i = 0; i < MAX_UNPAID_ORDERS; i++) ids.push((await order(buyer, skuId, 2).expect(201)).body.id);
    expect(await stockOf(t, skuId)).toBe(50 - 2 * MAX_UNPAID_ORDERS);

    expectCapped(await order(buyer, skuId, 2));
    expect(await stockOf(t, skuId)).toBe(50 - 2 * MAX_UNPAID_ORDERS);
    expect(await unpaidOf(buyer)).toBe(MAX_UNPAID_ORDERS);

    await t.http().post(`/api/orders/${ids[0]}/pay`).set(buyer.auth).expect(200);
    ids.push((await order(buyer, skuId).expect(201)).body.id);
    expectCapped(await order(buyer, skuId));

    await t.http().post(`/api/orders/${ids[1]}/cancel`).set(buyer.auth).expect(200);
    await order(buyer, skuId).expect(201);
    expectCapped(await order(buyer, skuId));
  });

  it('frees every slot when the unpaid orders time out', async () => {
    const buyer = await t.login('o_cap_sleeper');
    const { skuId } = await shopWithProduct(t, merchant, { stock: 20 });
    for (let i = 0; i < MAX_UNPAID_ORDERS; i++) await order(buyer, skuId).expect(201);
    expectCapped(await order(buyer, skuId));
    await t.advance(16 * MINUTE);
    expect(await unpaidOf(buyer)).toBe(0);
    await order(buyer, skuId).expect(201);
  });

  it("is one buyer's cap: another buyer orders as usual", async () => {
    const greedy = await t.login('o_cap_greedy');
    const other = await t.login('o_cap_other');
    const { skuId } = await shopWithProduct(t, merchant, { stock: 20 });
    for (let i = 0; i < MAX_UNPAID_ORDERS; i++) await order(greedy, skuId).expect(201);
    expectCapped(await order(greedy, skuId));
    await order(other, skuId).expect(201);
  });

  it(`20 concurrent orders from a buyer with none unpaid: exactly ${MAX_UNPAID_ORDERS} are placed`, async () => {
    const racer = await t.login('o_cap_racer');
    const { skuId } = await shopWithProduct(t, merchant, { stock: 100 });
    const replies = await Promise.all(Array.from({ length: 20 }, () => order(racer, skuId, 3)));
    const statuses = replies.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(MAX_UNPAID_ORDERS);
    for (const reply of replies.filter((r) => r.status !== 201)) expectCapped(reply);
    expect(await unpaidOf(racer)).toBe(MAX_UNPAID_ORDERS);
    expect(await stockOf(t, skuId)).toBe(100 - 3 * MAX_UNPAID_ORDERS);
  });

  describe('gifts create an order, so they count too', () => {
    it('an unpaid gift takes a slot, and a gift is refused when the slots are full', async () => {
      await t.reset();
      merchant = await t.login('o_cap_merchant');
      const { alice, family, product } = await giftWorld(t);
      const tea = await product('花果茶组合');
      const gift = () =>
        t
          .http()
          .post('/api/gifts')
          .set(alice.auth)
          .send({ skuId: tea.skus[0].id, chatId: family.id, mode: 'first_come', units: 2 });
      const { skuId } = await shopWithProduct(t, merchant, { stock: 20 });

      await gift().expect(201);
      for (let i = 1; i < MAX_UNPAID_ORDERS; i++) await order(alice, skuId).expect(201);
      expectCapped(await order(alice, skuId));
      expectCapped(await gift());
    });

    it('20 concurrent orders and gifts from one giver: exactly 5 are placed', async () => {
      await t.reset();
      merchant = await t.login('o_cap_merchant');
      const { alice, family, product } = await giftWorld(t);
      const tea = await product('花果茶组合');
      const { skuId } = await shopWithProduct(t, merchant, { stock: 20 });
      const replies = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          i % 2 === 0
            ? order(alice, skuId)
            : t
                .http()
                .post('/api/gifts')
                .set(alice.auth)
                .send({ skuId: tea.skus[0].id, chatId: family.id, mode: 'first_come', units: 2 }),
        ),
      );
      expect(replies.filter((r) => r.status === 201)).toHaveLength(MAX_UNPAID_ORDERS);
      for (const reply of replies.filter((r) => r.status !== 201)) expectCapped(reply);
      expect(await unpaidOf(alice)).toBe(MAX_UNPAID_ORDERS);
    });
  });
});
