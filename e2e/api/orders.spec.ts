import type { ApiPaths } from '@giftshop/shared';
import { ApiClient, expectError, expectStatus } from '../support/api-client';
import { ADDRESS, shopWithProduct, stockOf } from '../support/fixtures';
import { Session, TestApp } from '../support/test-app';

type OrderBody = ApiPaths['/api/orders']['post']['requestBody']['content']['application/json'];

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
      const api = t.api(who);
      const mine = await expectStatus(
        api.GET('/api/orders', { params: { query: { role: 'buyer', limit: 100 } } }),
        200,
      );
      for (const o of mine.items.filter((o) => o.status === 'pending_payment')) {
        await expectStatus(api.POST('/api/orders/{id}/cancel', { params: { path: { id: o.id } } }), 200);
      }
    }
  });

  /** Calls through the client generated from the OpenAPI document, as `who`. */
  const as = (who: Session): ApiClient => t.api(who);
  const order = (who: Session, body: OrderBody, key?: string) =>
    as(who).POST('/api/orders', { body, params: { header: key ? { 'Idempotency-Key': key } : {} } });
  const byId = (id: string) => ({ params: { path: { id } } });
  const statusOf = async (id: string) => (await as(alice).GET('/api/orders/{id}', byId(id))).data?.status;
  const oneOf = (skuId: string, quantity = 1, extra: Partial<OrderBody> | Record<string, unknown> = {}): OrderBody => ({
    items: [{ skuId, quantity }],
    address: ADDRESS,
    scene: 'channels_live',
    ...extra,
  });
  const countOrders = async () => (await t.sql<{ n: number }>('SELECT count(*)::int AS n FROM orders'))[0].n;

  describe('Alice buys from a live stream and the order runs its whole course', () => {
    it('reserves stock, pays, ships, is received and completes after the return window', async () => {
      const { skuId } = await shopWithProduct(t, merchant, { stock: 5, priceFen: 4000 });
      const created = await expectStatus(order(alice, oneOf(skuId, 2)), 201);
      expect(created).toMatchObject({
        status: 'pending_payment',
        scene: 'channels_live',
        goodsFen: 8000,
        freightFen: 1000,
        totalFen: 9000,
        items: [{ skuId, quantity: 2, unitPriceFen: 4000, title: '测试茶叶' }],
      });
      expect(await stockOf(t, skuId)).toBe(3);
      const id = created.id;

      const paid = await expectStatus(as(alice).POST('/api/orders/{id}/pay', byId(id)), 200);
      expect(paid).toEqual({
        id,
        status: 'paid',
        payment: { id: expect.any(String), transactionId: expect.stringMatching(/^sandbox_tx_/) },
      });

      const shipped = await expectStatus(
        as(merchant).POST('/api/orders/{id}/ship', {
          ...byId(id),
          body: { carrier: '顺丰', trackingNo: 'SF100200300' },
        }),
        200,
      );
      expect(shipped).toMatchObject({ status: 'shipped', carrier: '顺丰', trackingNo: 'SF100200300' });

      const delivered = await expectStatus(as(alice).POST('/api/orders/{id}/confirm-receipt', byId(id)), 200);
      expect(delivered.status).toBe('delivered');

      await t.advance(7 * DAY - MINUTE);
      expect((await expectStatus(as(alice).GET('/api/orders/{id}', byId(id)), 200)).status).toBe('delivered');
      await t.advance(2 * MINUTE);
      const done = await expectStatus(as(alice).GET('/api/orders/{id}', byId(id)), 200);
      expect(done).toMatchObject({ status: 'completed', completedAt: expect.any(String) });
      expect(await stockOf(t, skuId)).toBe(3);
    });

    it('waives freight at the free-shipping threshold', async () => {
      const { skuId } = await shopWithProduct(t, merchant, { stock: 5, priceFen: 9900 });
      const res = await expectStatus(order(alice, oneOf(skuId)), 201);
      expect(res).toMatchObject({ goodsFen: 9900, freightFen: 0, totalFen: 9900 });
      const { skuId: cheap } = await shopWithProduct(t, merchant, { stock: 5, priceFen: 9899 });
      expect(await expectStatus(order(alice, oneOf(cheap)), 201)).toMatchObject({ freightFen: 1000, totalFen: 10899 });
    });
  });

  describe('stock under concurrency', () => {
    it('sells exactly 10 of 10 to 100 shoppers ordering at once, and never goes below zero', async () => {
      const { skuId } = await shopWithProduct(t, merchant, { stock: 10 });
      const shoppers = await Promise.all(Array.from({ length: 100 }, (_, i) => t.login(`o_rush_${i}`)));
      const results = await Promise.all(shoppers.map((s) => order(s, oneOf(skuId))));
      const created = results.filter((r) => r.response.status === 201);
      const soldOut = results.filter((r) => r.response.status === 409);
      expect(created).toHaveLength(10);
      expect(soldOut).toHaveLength(90);
      for (const r of soldOut)
        expect(r.error).toMatchObject({ code: 'SOLD_OUT', message: expect.stringMatching(/sold out/) });
      expect(await stockOf(t, skuId)).toBe(0);
      const [{ n }] = await t.sql<{ n: number }>('SELECT count(*)::int AS n FROM order_items WHERE sku_id = $1', [
        skuId,
      ]);
      expect(n).toBe(10);
    });

    it('gives the stock back exactly once when an order is cancelled', async () => {
      const { skuId } = await shopWithProduct(t, merchant, { stock: 3 });
      const created = await expectStatus(order(alice, oneOf(skuId, 2)), 201);
      const cancels = await Promise.all(
        Array.from({ length: 5 }, () => as(alice).POST('/api/orders/{id}/cancel', byId(created.id))),
      );
      expect(cancels.filter((r) => r.response.status === 200)).toHaveLength(1);
      expect(cancels.filter((r) => r.response.status === 409)).toHaveLength(4);
      expect(await stockOf(t, skuId)).toBe(3);
    });
  });

  describe('Idempotency-Key', () => {
    it('replays the first response for the same key and body, and creates nothing more', async () => {
      const { skuId } = await shopWithProduct(t, merchant, { stock: 10 });
      const first = await expectStatus(order(alice, oneOf(skuId), 'buy-once-1'), 201);
      const again = await expectStatus(order(alice, oneOf(skuId), 'buy-once-1'), 201);
      expect(again).toEqual(first);
      expect(await stockOf(t, skuId)).toBe(9);
    });

    it('answers 409 for the same key with a different body', async () => {
      const { skuId } = await shopWithProduct(t, merchant, { stock: 10 });
      await expectStatus(order(alice, oneOf(skuId), 'buy-once-2'), 201);
      const res = await expectError(order(alice, oneOf(skuId, 2), 'buy-once-2'), 409);
      expect(res.code).toBe('IDEMPOTENCY_KEY_REUSED');
      expect(await stockOf(t, skuId)).toBe(9);
    });

    it('creates one order from ten concurrent requests with one key', async () => {
      const { skuId } = await shopWithProduct(t, merchant, { stock: 10 });
      const results = await Promise.all(Array.from({ length: 10 }, () => order(alice, oneOf(skuId), 'buy-once-3')));
      expect(results.map((r) => r.response.status)).toEqual(Array(10).fill(201));
      expect(new Set(results.map((r) => r.data?.id)).size).toBe(1);
      expect(await stockOf(t, skuId)).toBe(9);
    });

    it('keeps keys per user: the same key from two shoppers makes two orders', async () => {
      const { skuId } = await shopWithProduct(t, merchant, { stock: 10 });
      const a = await expectStatus(order(alice, oneOf(skuId), 'shared-key'), 201);
      const b = await expectStatus(order(stranger, oneOf(skuId), 'shared-key'), 201);
      expect(a.id).not.toBe(b.id);
    });

    it('rejects a malformed key', async () => {
      const { skuId } = await shopWithProduct(t, merchant, { stock: 10 });
      const res = await expectError(order(alice, oneOf(skuId), 'x'.repeat(129)), 400);
      expect(res.code).toBe('INVALID_IDEMPOTENCY_KEY');
    });
  });

  describe('timers on the server clock', () => {
    it('cancels an order left unpaid for 15 minutes and returns its stock', async () => {
      const { skuId } = await shopWithProduct(t, merchant, { stock: 4 });
      const created = await expectStatus(order(alice, oneOf(skuId, 3)), 201);
      await t.advance(14 * MINUTE);
      expect(await statusOf(created.id)).toBe('pending_payment');
      await t.advance(1 * MINUTE + 1000);
      const after = await expectStatus(as(alice).GET('/api/orders/{id}', byId(created.id)), 200);
      expect(after).toMatchObject({ status: 'cancelled', cancelledAt: expect.any(String) });
      expect(await stockOf(t, skuId)).toBe(4);
      const late = await expectError(as(alice).POST('/api/orders/{id}/pay', byId(created.id)), 409);
      expect(late).toMatchObject({ code: 'ILLEGAL_TRANSITION', message: 'order is cancelled: cannot pay' });
    });

    it('leaves a paid order alone when its unpaid timeout comes', async () => {
      const { skuId } = await shopWithProduct(t, merchant, { stock: 4 });
      const created = await expectStatus(order(alice, oneOf(skuId)), 201);
      await expectStatus(as(alice).POST('/api/orders/{id}/pay', byId(created.id)), 200);
      await t.advance(16 * MINUTE);
      expect(await statusOf(created.id)).toBe('paid');
      expect(await stockOf(t, skuId)).toBe(3);
    });

    it('confirms a shipped order as received after 10 days', async () => {
      const { skuId } = await shopWithProduct(t, merchant, { stock: 4 });
      const { id } = await expectStatus(order(alice, oneOf(skuId)), 201);
      await expectStatus(as(alice).POST('/api/orders/{id}/pay', byId(id)), 200);
      await expectStatus(
        as(merchant).POST('/api/orders/{id}/ship', { ...byId(id), body: { carrier: 'EMS', trackingNo: 'EMS0001' } }),
        200,
      );
      await t.advance(10 * DAY - MINUTE);
      expect(await statusOf(id)).toBe('shipped');
      await t.advance(2 * MINUTE);
      expect(await statusOf(id)).toBe('delivered');
      await t.advance(7 * DAY);
      expect(await statusOf(id)).toBe('completed');
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
      const { id } = await expectStatus(order(alice, oneOf(skuId)), 201);
      if (state === 'paid') await expectStatus(as(alice).POST('/api/orders/{id}/pay', byId(id)), 200);
      const caller = as(who === 'merchant' ? merchant : alice);
      const shipment = { carrier: 'EMS', trackingNo: 'EMS0001' };
      const res = await expectError(
        action === 'ship'
          ? caller.POST('/api/orders/{id}/ship', { ...byId(id), body: shipment })
          : caller.POST(`/api/orders/{id}/${action as 'pay' | 'cancel' | 'confirm-receipt'}`, byId(id)),
        409,
      );
      expect(res).toEqual({ statusCode: 409, error: 'Conflict', code: 'ILLEGAL_TRANSITION', message });
      expect(await statusOf(id)).toBe(state);
    });
  });

  describe('who may see and touch an order', () => {
    let id: string;
    beforeEach(async () => {
      const { skuId } = await shopWithProduct(t, merchant, { stock: 4 });
      ({ id } = await expectStatus(order(alice, oneOf(skuId)), 201));
    });

    it('shows it, with the address, to its buyer and its merchant only', async () => {
      expect((await expectStatus(as(alice).GET('/api/orders/{id}', byId(id)), 200)).address).toEqual(ADDRESS);
      expect((await expectStatus(as(merchant).GET('/api/orders/{id}', byId(id)), 200)).address).toEqual(ADDRESS);
      const res = await expectError(as(stranger).GET('/api/orders/{id}', byId(id)), 404);
      expect(res.code).toBe('ORDER_NOT_FOUND');
      await expectError(t.api().GET('/api/orders/{id}', byId(id)), 401);
    });

    it('lets only the buyer pay or cancel and only the merchant ship', async () => {
      expect((await expectError(as(merchant).POST('/api/orders/{id}/pay', byId(id)), 403)).code).toBe('NOT_BUYER');
      await expectError(as(stranger).POST('/api/orders/{id}/pay', byId(id)), 404);
      await expectError(as(stranger).POST('/api/orders/{id}/cancel', byId(id)), 404);
      await expectStatus(as(alice).POST('/api/orders/{id}/pay', byId(id)), 200);
      const res = await expectError(
        as(alice).POST('/api/orders/{id}/ship', { ...byId(id), body: { carrier: 'EMS', trackingNo: 'EMS0001' } }),
        403,
      );
      expect(res.code).toBe('NOT_SHOP_OWNER');
    });

    it("lists a buyer's orders, and a shop's orders for its merchant only", async () => {
      const list = (who: Session, query: Record<string, unknown>) =>
        as(who).GET('/api/orders', { params: { query: query as { role?: 'buyer' | 'merchant' } } });
      const mine = await expectStatus(list(alice, { role: 'buyer', limit: 100 }), 200);
      expect(mine.items.map((o) => o.id)).toContain(id);
      expect(mine.items.every((o) => o.buyerId === alice.userId)).toBe(true);
      const shopId = (await as(alice).GET('/api/orders/{id}', byId(id))).data?.shopId;
      const shop = await expectStatus(list(merchant, { role: 'merchant', shopId }), 200);
      expect(shop.items.map((o) => o.id)).toContain(id);
      await expectError(list(alice, { role: 'merchant', shopId }), 403);
      await expectError(list(merchant, { role: 'merchant' }), 400);
      await expectError(list(merchant, { role: 'admin' }), 400);
      const newcomer = await t.login('o_order_newcomer');
      expect(await expectStatus(as(newcomer).GET('/api/orders'), 200)).toEqual({ items: [], total: 0 });
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
      // Deliberately outside the document's types: what the server refuses.
      const payload = (typeof body === 'function' ? body(skuId) : body) as OrderBody;
      const res = await expectError(order(alice, payload), status as number);
      expect(res.message).toMatch(message);
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
      expect((await expectError(order(alice, mixed), 400)).code).toBe('MIXED_SHOPS');
      const twice = {
        ...oneOf(skuId),
        items: [
          { skuId, quantity: 1 },
          { skuId, quantity: 2 },
        ],
      };
      expect((await expectError(order(alice, twice), 400)).code).toBe('DUPLICATE_ITEM');
      expect(await stockOf(t, skuId)).toBe(5);
      expect(await stockOf(t, otherShopSku)).toBe(5);
    });

    it('refuses a delisted product with 409', async () => {
      const { product, skuId: delisted } = await shopWithProduct(t, merchant, { stock: 5 });
      await expectStatus(
        as(merchant).PATCH('/api/products/{id}', { ...byId(product.id), body: { status: 'delisted' } }),
        200,
      );
      expect((await expectError(order(alice, oneOf(delisted)), 409)).code).toBe('PRODUCT_NOT_LISTED');
    });

    it('rejects bad shipping details', async () => {
      const { id } = await expectStatus(order(alice, oneOf(skuId)), 201);
      await expectStatus(as(alice).POST('/api/orders/{id}/pay', byId(id)), 200);
      const res = await expectError(
        as(merchant).POST('/api/orders/{id}/ship', { ...byId(id), body: { carrier: '', trackingNo: '#' } }),
        400,
      );
      expect(res.message).toMatch(/carrier/);
      expect(await statusOf(id)).toBe('paid');
    });
  });

  it('records the sharer of the link the order came from, ignoring oneself', async () => {
    const { skuId } = await shopWithProduct(t, merchant, { stock: 5 });
    const bob = await t.login('o_bob');
    const shared = await expectStatus(order(alice, oneOf(skuId, 1, { scene: 'chat', sharerId: bob.userId })), 201);
    expect(shared).toMatchObject({ scene: 'chat', sharerId: bob.userId });
    const self = await expectStatus(order(alice, oneOf(skuId, 1, { scene: 'chat', sharerId: alice.userId })), 201);
    expect(self.sharerId).toBeNull();
  });
});
