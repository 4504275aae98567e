import type { ApiPaths } from '@giftshop/shared';
import { ApiClient, expectError, expectStatus } from '../support/api-client';
import { ADDRESS, stockOf } from '../support/fixtures';
import { TestApp } from '../support/test-app';

type QuoteBody = ApiPaths['/api/orders/quote']['post']['requestBody']['content']['application/json'];

jest.setTimeout(120_000);

/** POST /api/orders/quote: the price the checkout shows before submitting is the price charged. */
describe('order quote: what POST /api/orders would charge, with nothing reserved', () => {
  let t: TestApp;
  let merchant: ApiClient;
  let buyer: ApiClient;
  /** Three SKUs of one shop (¥12.50, ¥39.90, ¥59.00; freight ¥10 below ¥99) and one of another shop. */
  let cheap: string;
  let mid: string;
  let tea: string;
  let elsewhere: string;

  const quote = (body: QuoteBody) => buyer.POST('/api/orders/quote', { body });
  const shop = (name: string) => expectStatus(merchant.POST('/api/shops', { body: { name } }), 201);
  const product = async (shopId: string, skus: { priceFen: number; stock: number }[]) =>
    (
      await expectStatus(
        merchant.POST('/api/shops/{shopId}/products', {
          params: { path: { shopId } },
          body: {
            title: '报价测试',
            description: '用于测试',
            categoryCode: 'tea',
            skus: skus.map((s, i) => ({ specs: { 规格: `款${i}` }, listPriceFen: s.priceFen, ...s })),
          },
        }),
        201,
      )
    ).skus.map((s) => s.id);
  const order = (
    body: Omit<ApiPaths['/api/orders']['post']['requestBody']['content']['application/json'], 'address'>,
  ) => buyer.POST('/api/orders', { body: { ...body, address: ADDRESS } });

  beforeAll(async () => {
    t = await TestApp.start();
    merchant = t.api(await t.login('o_quote_merchant'));
    buyer = t.api(await t.login('o_quote_buyer'));
    [cheap, mid, tea] = await product((await shop('报价小店')).id, [
      { priceFen: 1250, stock: 50 },
      { priceFen: 3990, stock: 50 },
      { priceFen: 5900, stock: 50 },
    ]);
    [elsewhere] = await product((await shop('别的小店')).id, [{ priceFen: 100, stock: 5 }]);
  });
  afterAll(() => t.close());
  afterEach(async () => {
    const mine = await expectStatus(
      buyer.GET('/api/orders', { params: { query: { role: 'buyer', limit: 100 } } }),
      200,
    );
    for (const o of mine.items.filter((o) => o.status === 'pending_payment')) {
      await expectStatus(buyer.POST('/api/orders/{id}/cancel', { params: { path: { id: o.id } } }), 200);
    }
  });

  it('¥59 tea: the quote says ¥69 with ¥10 freight before anything is submitted', async () => {
    const items = [{ skuId: tea, quantity: 1 }];
    const q = await expectStatus(quote({ items }), 200);
    expect(q).toEqual({
      goodsFen: 5900,
      freightFen: 1000,
      discountFen: 0,
      giftCardFen: 0,
      totalFen: 6900,
      payFen: 6900,
      lines: [{ skuId: tea, quantity: 1, paidFen: 5900 }],
      giftCards: [],
      userCouponId: null,
      coupons: [],
      bestUserCouponId: null,
    });
  });

  // By name: the SKU ids exist only after beforeAll.
  it.each([
    ['one line below the threshold', [['tea', 1]]],
    ['one line reaching free shipping by quantity', [['tea', 2]]],
    [
      'several lines below the threshold',
      [
        ['cheap', 3],
        ['mid', 1],
      ],
    ],
    [
      'several lines over the threshold',
      [
        ['cheap', 2],
        ['mid', 1],
        ['tea', 1],
      ],
    ],
    [
      'exactly the threshold (¥99)',
      [
        ['mid', 1],
        ['tea', 1],
      ],
    ],
  ])('%s: the quote equals the created order', async (_what, basket) => {
    const ids: Record<string, string> = { cheap, mid, tea };
    const items = (basket as [string, number][]).map(([name, quantity]) => ({ skuId: ids[name], quantity }));
    const before = await Promise.all(items.map((i) => stockOf(t, i.skuId)));
    const q = await expectStatus(quote({ items }), 200);
    // Nothing is reserved by a quote.
    expect(await Promise.all(items.map((i) => stockOf(t, i.skuId)))).toEqual(before);
    const o = await expectStatus(order({ items, scene: 'mini_program' }), 201);
    expect({
      goodsFen: o.goodsFen,
      freightFen: o.freightFen,
      discountFen: o.discountFen,
      giftCardFen: o.giftCardFen,
      totalFen: o.totalFen,
      payFen: o.payFen,
      lines: o.items.map((i) => ({
        skuId: i.skuId,
        quantity: i.quantity,
        paidFen: i.paidFen,
      })),
      giftCards: o.giftCards,
      userCouponId: o.userCouponId,
      // The buyer holds no coupons of this shop: the picker is empty.
      coupons: [],
      bestUserCouponId: null,
    }).toEqual(q);
    expect(q.totalFen).toBe(q.goodsFen + q.freightFen);
    expect(q.freightFen).toBe(q.goodsFen >= 9900 ? 0 : 1000);
  });

  it('follows a price change at once (the quote is of this moment)', async () => {
    const [sku] = await product((await shop('调价小店')).id, [{ priceFen: 9900, stock: 5 }]);
    const items = [{ skuId: sku, quantity: 1 }];
    expect(await expectStatus(quote({ items }), 200)).toMatchObject({ goodsFen: 9900, freightFen: 0, totalFen: 9900 });
    const productId = (await t.sql<{ product_id: string }>('SELECT product_id FROM skus WHERE id = $1', [sku]))[0]
      .product_id;
    await expectStatus(
      merchant.PATCH('/api/products/{id}', {
        params: { path: { id: productId } },
        body: { skus: [{ id: sku, priceFen: 9000 }] },
      }),
      200,
    );
    expect(await expectStatus(quote({ items }), 200)).toMatchObject({
      goodsFen: 9000,
      freightFen: 1000,
      totalFen: 10_000,
    });
  });

  it('says SOLD_OUT, naming the line, when there is not enough stock now, as creating would', async () => {
    const [plenty, sku] = await product((await shop('将售罄小店')).id, [
      { priceFen: 1000, stock: 50 },
      { priceFen: 2000, stock: 2 },
    ]);
    await expectStatus(
      quote({
        items: [
          { skuId: plenty, quantity: 1 },
          { skuId: sku, quantity: 2 },
        ],
      }),
      200,
    );
    const refused = await expectError(
      quote({
        items: [
          { skuId: plenty, quantity: 1 },
          { skuId: sku, quantity: 3 },
        ],
      }),
      409,
    );
    expect(refused).toMatchObject({
      code: 'SOLD_OUT',
      message: expect.stringMatching(/^items\.1: sold out: 报价测试/),
    });
    const created = await expectError(order({ items: [{ skuId: sku, quantity: 3 }], scene: 'mini_program' }), 409);
    expect(created.code).toBe('SOLD_OUT');
    expect(await stockOf(t, sku)).toBe(2);
  });

  it('a coupon or gift card the caller does not hold is a 404 naming it; an empty card list is fine', async () => {
    const items = [{ skuId: tea, quantity: 1 }];
    const coupon = await expectError(quote({ items, userCouponId: '00000000-0000-4000-8000-000000000001' }), 404);
    expect(coupon).toMatchObject({ code: 'COUPON_NOT_FOUND', message: expect.stringContaining('userCouponId') });
    const cards = await expectError(quote({ items, giftCardIds: ['00000000-0000-4000-8000-000000000002'] }), 404);
    expect(cards).toMatchObject({ code: 'GIFT_CARD_NOT_FOUND', message: expect.stringContaining('giftCardIds.0') });
    expect((await expectStatus(quote({ items, giftCardIds: [] }), 200)).discountFen).toBe(0);
    const refused = await expectError(
      order({ items, scene: 'mini_program', userCouponId: '00000000-0000-4000-8000-000000000001' }),
      404,
    );
    expect(refused.code).toBe('COUPON_NOT_FOUND');
  });

  it.each([
    ['no items', { items: [] }, 400, 'items'],
    ['an unknown SKU', { items: [{ skuId: '00000000-0000-4000-8000-000000000000', quantity: 1 }] }, 404, 'items.0'],
    ['a repeated SKU', 'repeat', 400, 'items.1'],
    ['two shops', 'mixed', 400, 'one shop'],
    ['a quantity of 0', 'zero', 400, 'quantity'],
    ['a malformed coupon id', 'badCoupon', 400, 'userCouponId'],
  ])('refuses %s with a clear 4xx', async (_what, body, status, words) => {
    const bodies: Record<string, QuoteBody> = {
      repeat: {
        items: [
          { skuId: tea, quantity: 1 },
          { skuId: tea, quantity: 2 },
        ],
      },
      mixed: {
        items: [
          { skuId: tea, quantity: 1 },
          { skuId: elsewhere, quantity: 1 },
        ],
      },
      zero: { items: [{ skuId: tea, quantity: 0 }] },
      badCoupon: { items: [{ skuId: tea, quantity: 1 }], userCouponId: 'x' },
    };
    const res = await expectError(quote(typeof body === 'string' ? bodies[body] : (body as QuoteBody)), status);
    expect(res.message).toContain(words);
  });

  it('needs a logged-in caller', async () => {
    await expectError(t.api().POST('/api/orders/quote', { body: { items: [{ skuId: tea, quantity: 1 }] } }), 401);
  });
});
