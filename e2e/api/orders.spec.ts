import { ADDRESS, shopWithProduct, stockOf } from '../support/fixtures';
import { Session, TestApp } from '../support/test-app';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

describe('orders: stock, totals, lifecycle and idempotency', () => {
  let t: TestApp;
  let merchant: Session;
  let alice: Session;
  let stranger: Session;

  beforeAll(async () => {
    t = await TestApp.start();
    merchant = await t.login('o_order_merchant');
    alice = await t.login('o_alice');
    stranger = await t.login('o_order_stranger');
  });
  afterAll(() => t.close());
  // Each test starts with no unpaid order: the cap of 5 per buyer (unpaid-orders.spec.ts) is not their point.
  afterEach(async () => {
    for (const who of [alice, stranger]) {
      const mine = await t.http().get('/api/orders?role=buyer&limit=100').set(who.auth).expect(200);
      for (const o of mine.body.items.filter((o: { status: string }) => o.status === 'pending_payment')) {
        await t.http().post(`/api/orders/${o.id}/cancel`).set(who.auth).expect(200);
      }
    }
  });

  const order = (who: Session, body: object, key?: string) => {
    const req = t.http().post('/api/orders').set(who.auth);
    if (key) req.set('Idempotency-Key', key);
    return req.send(body);
  };
  const oneOf = (skuId: string, quantity = 1, extra: object = {}) => ({
    items: [{ skuId, quantity }],
    address: ADDRESS,
    scene: 'channels_live',
    ...extra,
  });
  const countOrders = async () => (await t.sql<{ n: number }>('SELECT count(*)::int AS n FROM orders'))[0].n;

  describe('Alice buys from a live stream and the order runs its whole course', () => {
    it('reserves stock, pays, ships, is received and completes after the return window', async () => {
      const { skuId } = await shopWithProduct(t, merchant, { stock: 5, priceFen: 4000 });
      const created = await order(alice, oneOf(skuId, 2)).expect(201);
      expect(created.body).toMatchObject({
        status: 'pending_payment',
        scene: 'channels_live',
        goodsFen: 8000,
        freightFen: 1000,
        totalFen: 9000,
        items: [{ skuId, quantity: 2, unitPriceFen: 4000, title: '测试茶叶' }],
      });
      expect(await stockOf(t, skuId)).toBe(3);
      const id = created.body.id;

      const paid = await t.http().post(`/api/orders/${id}/pay`).set(alice.auth).expect(200);
      expect(paid.body).toEqual({
        id,
        status: 'paid',
        payment: { id: expect.any(String), transactionId: expect.stringMatching(/^sandbox_tx_/) },
      });

      const shipped = await t
        .http()
        .post(`/api/orders/${id}/ship`)
        .set(merchant.auth)
        .send({ carrier: '顺丰', trackingNo: 'SF100200300' })
        .expect(200);
      expect(shipped.body).toMatchObject({ status: 'shipped', carrier: '顺丰', trackingNo: 'SF100200300' });

      const delivered = await t.http().post(`/api/orders/${id}/confirm-receipt`).set(alice.auth).expect(200);
      expect(delivered.body.status).toBe('delivered');

      await t.advance(7 * DAY - MINUTE);
      expect((await t.http().get(`/api/orders/${id}`).set(alice.auth).expect(200)).body.status).toBe('delivered');
      await t.advance(2 * MINUTE);
      const done = await t.http().get(`/api/orders/${id}`).set(alice.auth).expect(200);
      expect(done.body).toMatchObject({ status: 'completed', completedAt: expect.any(String) });
      expect(await stockOf(t, skuId)).toBe(3);
    });

    it('waives freight at the free-shipping threshold', async () => {
      const { skuId } = await shopWithProduct(t, merchant, { stock: 5, priceFen: 9900 });
      const res = await order(alice, oneOf(skuId)).expect(201);
      expect(res.body).toMatchObject({ goodsFen: 9900, freightFen: 0, totalFen: 9900 });
      const { skuId: cheap } = await shopWithProduct(t, merchant, { stock: 5, priceFen: 9899 });
      expect((await order(alice, oneOf(cheap)).expect(201)).body).toMatchObject({ freightFen: 1000, totalFen: 10899 });
    });
  });

  describe('stock under concurrency', () => {
    it('sells exactly 10 of 10 to 100 shoppers ordering at once, and never goes below zero', async () => {
      const { skuId } = await shopWithProduct(t, merchant, { stock: 10 });
      const shoppers = await Promise.all(Array.from({ length: 100 }, (_, i) => t.login(`o_rush_${i}`)));
      const results = await Promise.all(shoppers.map((s) => order(s, oneOf(skuId))));
      const created = results.filter((r) => r.status === 201);
      const soldOut = results.filter((r) => r.status === 409);
      expect(created).toHaveLength(10);
      expect(soldOut).toHaveLength(90);
      for (const r of soldOut)
        expect(r.body).toMatchObject({ code: 'SOLD_OUT', message: expect.stringMatching(/sold out/) });
      expect(await stockOf(t, skuId)).toBe(0);
      const [{ n }] = await t.sql<{ n: number }>('SELECT count(*)::int AS n FROM order_items WHERE sku_id = $1', [
        skuId,
      ]);
      expect(n).toBe(10);
    });

    it('gives the stock back exactly once when an order is cancelled', async () => {
      const { skuId } = await shopWithProduct(t, merchant, { stock: 3 });
      const created = await order(alice, oneOf(skuId, 2)).expect(201);
      const cancels = await Promise.all(
        Array.from({ length: 5 }, () => t.http().post(`/api/orders/${created.body.id}/cancel`).set(alice.auth)),
      );
      expect(cancels.filter((r) => r.status === 200)).toHaveLength(1);
      expect(cancels.filter((r) => r.status === 409)).toHaveLength(4);
      expect(await stockOf(t, skuId)).toBe(3);
    });
  });

  describe('Idempotency-Key', () => {
    it('replays the first response for the same key and body, and creates nothing more', async () => {
      const { skuId } = await shopWithProduct(t, merchant, { stock: 10 });
      const first = await order(alice, oneOf(skuId), 'buy-once-1').expect(201);
      const again = await order(alice, oneOf(skuId), 'buy-once-1').expect(201);
      expect(again.body).toEqual(first.body);
      expect(await stockOf(t, skuId)).toBe(9);
    });

    it('answers 409 for the same key with a different body', async () => {
      const { skuId } = await shopWithProduct(t, merchant, { stock: 10 });
      await order(alice, oneOf(skuId), 'buy-once-2').expect(201);
      const res = await order(alice, oneOf(skuId, 2), 'buy-once-2').expect(409);
      expect(res.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
      expect(await stockOf(t, skuId)).toBe(9);
    });

    it('creates one order from ten concurrent requests with one key', async () => {
      const { skuId } = await shopWithProduct(t, merchant, { stock: 10 });
      const results = await Promise.all(Array.from({ length: 10 }, () => order(alice, oneOf(skuId), 'buy-once-3')));
      expect(results.map((r) => r.status)).toEqual(Array(10).fill(201));
      expect(new Set(results.map((r) => r.body.id)).size).toBe(1);
      expect(await stockOf(t, skuId)).toBe(9);
    });

    it('keeps keys per user: the same key from two shoppers makes two orders', async () => {
      const { skuId } = await shopWithProduct(t, merchant, { stock: 10 });
      const a = await order(alice, oneOf(skuId), 'shared-key').expect(201);
      const b = await order(stranger, oneOf(skuId), 'shared-key').expect(201);
      expect(a.body.id).not.toBe(b.body.id);
    });

    it('rejects a malformed key', async () => {
      const { skuId } = await shopWithProduct(t, merchant, { stock: 10 });
      const res = await order(alice, oneOf(skuId), 'x'.repeat(129)).expect(400);
      expect(res.body.code).toBe('INVALID_IDEMPOTENCY_KEY');
    });
  });

  describe('timers on the server clock', () => {
    it('cancels an order left unpaid for 15 minutes and returns its stock', async () => {
      const { skuId } = await shopWithProduct(t, merchant, { stock: 4 });
      const created = await order(alice, oneOf(skuId, 3)).expect(201);
      await t.advance(14 * MINUTE);
      expect((await t.http().get(`/api/orders/${created.body.id}`).set(alice.auth)).body.status).toBe(
        'pending_payment',
      );
      await t.advance(1 * MINUTE + 1000);
      const after = await t.http().get(`/api/orders/${created.body.id}`).set(alice.auth).expect(200);
      expect(after.body).toMatchObject({ status: 'cancelled', cancelledAt: expect.any(String) });
      expect(await stockOf(t, skuId)).toBe(4);
      const late = await t.http().post(`/api/orders/${created.body.id}/pay`).set(alice.auth).expect(409);
      expect(late.body).toMatchObject({ code: 'ILLEGAL_TRANSITION', message: 'order is cancelled: cannot pay' });
    });

    it('leaves a paid order alone when its unpaid timeout comes', async () => {
      const { skuId } = await shopWithProduct(t, merchant, { stock: 4 });
      const created = await order(alice, oneOf(skuId)).expect(201);
      await t.http().post(`/api/orders/${created.body.id}/pay`).set(alice.auth).expect(200);
      await t.advance(16 * MINUTE);
      expect((await t.http().get(`/api/orders/${created.body.id}`).set(alice.auth)).body.status).toBe('paid');
      expect(await stockOf(t, skuId)).toBe(3);
    });

    it('confirms a shipped order as received after 10 days', async () => {
      const { skuId } = await shopWithProduct(t, merchant, { stock: 4 });
      const created = await order(alice, oneOf(skuId)).expect(201);
      const id = created.body.id;
      await t.http().post(`/api/orders/${id}/pay`).set(alice.auth).expect(200);
      await t
        .http()
        .post(`/api/orders/${id}/ship`)
        .set(merchant.auth)
        .send({ carrier: 'EMS', trackingNo: 'EMS0001' })
        .expect(200);
      await t.advance(10 * DAY - MINUTE);
      expect((await t.http().get(`/api/orders/${id}`).set(alice.auth)).body.status).toBe('shipped');
      await t.advance(2 * MINUTE);
      expect((await t.http().get(`/api/orders/${id}`).set(alice.auth)).body.status).toBe('delivered');
      await t.advance(7 * DAY);
      expect((await t.http().get(`/api/orders/${id}`).set(alice.auth)).body.status).toBe('completed');
    });
  });

  describe('the transition table guards every step', () => {
    it.each([
      ['ship an unpaid order', 'pending_payment', 'ship', 'merchant', 'order is pending_payment: cannot ship'],
      ['confirm an unshipped order', 'paid', 'confirm-receipt', 'buyer', 'order is paid: cannot confirm receipt'],
      ['pay twice', 'paid', 'pay', 'buyer', 'order is paid: cannot pay'],
      ['cancel a paid order', 'paid', 'cancel', 'buyer', 'order is paid: cannot cancel'],
    ])('refuses to %s with 409 naming the state', async (_what, state, action, who, message) => {
      const { skuId } = await shopWithProduct(t, merchant, { stock: 4 });
      const id = (await order(alice, oneOf(skuId)).expect(201)).body.id;
      if (state === 'paid') await t.http().post(`/api/orders/${id}/pay`).set(alice.auth).expect(200);
      const caller = who === 'merchant' ? merchant : alice;
      const res = await t
        .http()
        .post(`/api/orders/${id}/${action}`)
        .set(caller.auth)
        .send({ carrier: 'EMS', trackingNo: 'EMS0001' })
        .expect(409);
      expect(res.body).toEqual({ statusCode: 409, error: 'Conflict', code: 'ILLEGAL_TRANSITION', message });
      expect((await t.http().get(`/api/orders/${id}`).set(alice.auth)).body.status).toBe(state);
    });
  });

  describe('who may see and touch an order', () => {
    let id: string;
    beforeEach(async () => {
      const { skuId } = await shopWithProduct(t, merchant, { stock: 4 });
      id = (await order(alice, oneOf(skuId)).expect(201)).body.id;
    });

    it('shows it, with the address, to its buyer and its merchant only', async () => {
      expect((await t.http().get(`/api/orders/${id}`).set(alice.auth).expect(200)).body.address).toEqual(ADDRESS);
      expect((await t.http().get(`/api/orders/${id}`).set(merchant.auth).expect(200)).body.address).toEqual(ADDRESS);
      const res = await t.http().get(`/api/orders/${id}`).set(stranger.auth).expect(404);
      expect(res.body.code).toBe('ORDER_NOT_FOUND');
      await t.http().get(`/api/orders/${id}`).expect(401);
    });

    it('lets only the buyer pay or cancel and only the merchant ship', async () => {
      expect((await t.http().post(`/api/orders/${id}/pay`).set(merchant.auth).expect(403)).body.code).toBe('NOT_BUYER');
      await t.http().post(`/api/orders/${id}/pay`).set(stranger.auth).expect(404);
      await t.http().post(`/api/orders/${id}/cancel`).set(stranger.auth).expect(404);
      await t.http().post(`/api/orders/${id}/pay`).set(alice.auth).expect(200);
      const res = await t
        .http()
        .post(`/api/orders/${id}/ship`)
        .set(alice.auth)
        .send({ carrier: 'EMS', trackingNo: 'EMS0001' })
        .expect(403);
      expect(res.body.code).toBe('NOT_SHOP_OWNER');
    });

    it("lists a buyer's orders, and a shop's orders for its merchant only", async () => {
      const mine = await t.http().get('/api/orders?role=buyer&limit=100').set(alice.auth).expect(200);
      expect(mine.body.items.map((o: { id: string }) => o.id)).toContain(id);
      expect(mine.body.items.every((o: { buyerId: string }) => o.buyerId === alice.userId)).toBe(true);
      const shopId = (await t.http().get(`/api/orders/${id}`).set(alice.auth)).body.shopId;
      const shop = await t.http().get(`/api/orders?role=merchant&shopId=${shopId}`).set(merchant.auth).expect(200);
      expect(shop.body.items.map((o: { id: string }) => o.id)).toContain(id);
      await t.http().get(`/api/orders?role=merchant&shopId=${shopId}`).set(alice.auth).expect(403);
      await t.http().get('/api/orders?role=merchant').set(merchant.auth).expect(400);
      await t.http().get('/api/orders?role=admin').set(merchant.auth).expect(400);
      const newcomer = await t.login('o_order_newcomer');
      expect((await t.http().get('/api/orders').set(newcomer.auth).expect(200)).body).toEqual({ items: [], total: 0 });
    });
  });

  describe('bad input changes nothing', () => {
    let skuId: string;
    let otherShopSku: string;
    beforeAll(async () => {
      ({ skuId } = await shopWithProduct(t, merchant, { stock: 5 }));
      ({ skuId: otherShopSku } = await shopWithProduct(t, merchant, { stock: 5 }));
    });

    it.each([
      ['no items', { items: [], address: ADDRESS, scene: 'chat' }, 400, /items must hold at least one item/],
      ['quantity 0', (s: string) => oneOf(s, 0), 400, /items\.0\.quantity/],
      ['fractional quantity', (s: string) => oneOf(s, 1.5), 400, /items\.0\.quantity/],
      [
        'a bad phone',
        (s: string) => ({ ...oneOf(s), address: { ...ADDRESS, phone: 'call me' } }),
        400,
        /address\.phone/,
      ],
      ['no address', (s: string) => ({ items: [{ skuId: s, quantity: 1 }], scene: 'chat' }), 400, /address/],
      ['an unknown scene', (s: string) => oneOf(s, 1, { scene: 'tv' }), 400, /scene must be one of/],
      ['a malformed sku id', () => oneOf('sku-1'), 400, /items\.0\.skuId must be a UUID/],
      ['an unknown sku', () => oneOf('00000000-0000-4000-8000-000000000000'), 404, /items\.0\.skuId not found/],
      ['an extra field', (s: string) => oneOf(s, 1, { discount: 100 }), 400, /discount should not exist/],
    ])('%s → %s naming the problem', async (_what, body, status, message) => {
      const before = await countOrders();
      const payload = typeof body === 'function' ? body(skuId) : body;
      const res = await order(alice, payload).expect(status as number);
      expect(res.body.message).toMatch(message);
      expect(await countOrders()).toBe(before);
      expect(await stockOf(t, skuId)).toBe(5);
    });

    it('refuses items from two shops or the same SKU twice, and reserves nothing', async () => {
      const mixed = {
        ...oneOf(skuId),
        items: [
          { skuId, quantity: 1 },
          { skuId: otherShopSku, quantity: 1 },
        ],
      };
      expect((await order(alice, mixed).expect(400)).body.code).toBe('MIXED_SHOPS');
      const twice = {
        ...oneOf(skuId),
        items: [
          { skuId, quantity: 1 },
          { skuId, quantity: 2 },
        ],
      };
      expect((await order(alice, twice).expect(400)).body.code).toBe('DUPLICATE_ITEM');
      expect(await stockOf(t, skuId)).toBe(5);
      expect(await stockOf(t, otherShopSku)).toBe(5);
    });

    it('refuses a delisted product with 409', async () => {
      const { product, skuId: delisted } = await shopWithProduct(t, merchant, { stock: 5 });
      await t.http().patch(`/api/products/${product.id}`).set(merchant.auth).send({ status: 'delisted' }).expect(200);
      expect((await order(alice, oneOf(delisted)).expect(409)).body.code).toBe('PRODUCT_NOT_LISTED');
    });

    it('rejects bad shipping details', async () => {
      const id = (await order(alice, oneOf(skuId)).expect(201)).body.id;
      await t.http().post(`/api/orders/${id}/pay`).set(alice.auth).expect(200);
      const res = await t
        .http()
        .post(`/api/orders/${id}/ship`)
        .set(merchant.auth)
        .send({ carrier: '', trackingNo: '#' })
        .expect(400);
      expect(res.body.message).toMatch(/carrier/);
      expect((await t.http().get(`/api/orders/${id}`).set(alice.auth)).body.status).toBe('paid');
    });
  });

  it('records the sharer of the link the order came from, ignoring oneself', async () => {
    const { skuId } = await shopWithProduct(t, merchant, { stock: 5 });
    const bob = await t.login('o_bob');
    const shared = await order(alice, oneOf(skuId, 1, { scene: 'chat', sharerId: bob.userId })).expect(201);
    expect(shared.body).toMatchObject({ scene: 'chat', sharerId: bob.userId });
    const self = await order(alice, oneOf(skuId, 1, { scene: 'chat', sharerId: alice.userId })).expect(201);
    expect(self.body.sharerId).toBeNull();
  });
});
