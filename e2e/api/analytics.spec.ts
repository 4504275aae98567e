import type { SceneAnalyticsRow } from '@giftshop/shared';
import { ADDRESS, shopWithProduct } from '../support/fixtures';
import { addressOf, giftWorld, sendGift } from '../support/gift-fixtures';
import { Session, TestApp } from '../support/test-app';

describe('scene analytics and the public-to-private loop', () => {
  let t: TestApp;
  let merchant: Session;
  let shopper: Session;
  let rival: Session;

  beforeAll(async () => {
    t = await TestApp.start();
    [merchant, shopper, rival] = await Promise.all(
      ['o_ana_merchant', 'o_ana_shopper', 'o_ana_rival'].map((o) => t.login(o)),
    );
  });
  afterAll(() => t.close());

  const view = (productId: string, scene: string, who: Session = shopper) =>
    t.http().get(`/api/products/${productId}?scene=${scene}`).set(who.auth).expect(200);
  const buy = async (skuId: string, scene: string, quantity = 1, who: Session = shopper) => {
    const res = await t
      .http()
      .post('/api/orders')
      .set(who.auth)
      .send({ items: [{ skuId, quantity }], address: ADDRESS, scene })
      .expect(201);
    return res.body;
  };
  const pay = (orderId: string, who: Session = shopper) =>
    t.http().post(`/api/orders/${orderId}/pay`).set(who.auth).expect(200);
  const scenes = async (shopId: string, productId?: string) =>
    (
      await t
        .http()
        .get(`/api/shops/${shopId}/analytics/scenes${productId ? `?productId=${productId}` : ''}`)
        .set(merchant.auth)
        .expect(200)
    ).body as SceneAnalyticsRow[];
  const row = (rows: SceneAnalyticsRow[], scene: string, domain: string) =>
    rows.find((r) => r.scene === scene && r.domain === domain);

  it('shows a purchase from 视频号直播 in the merchant’s scene analytics, and offers the buyer to follow', async () => {
    const { shopId, product, skuId } = await shopWithProduct(t, merchant, { stock: 20, priceFen: 3000 });
    await view(product.id, 'channels_live');
    await view(product.id, 'channels_live');
    await view(product.id, 'official_account');
    const order = await buy(skuId, 'channels_live', 2);
    expect(order).toMatchObject({ domain: 'public', followOffer: { shopId, shopName: expect.any(String) } });
    await pay(order.id);
    const unpaid = await buy(skuId, 'channels_live');
    expect(unpaid.status).toBe('pending_payment');

    const rows = await scenes(shopId);
    expect(row(rows, 'channels_live', 'public')).toEqual({
      productId: product.id,
      title: '测试茶叶',
      scene: 'channels_live',
      domain: 'public',
      views: 2,
      orders: 1,
      gmvFen: 6000,
      conversion: 0.5,
    });
    expect(row(rows, 'official_account', 'private')).toMatchObject({ views: 1, orders: 0, gmvFen: 0, conversion: 0 });
  });

  it('counts shop_home as private once the buyer follows, and stops offering to follow', async () => {
    const { shopId, product, skuId } = await shopWithProduct(t, merchant, { stock: 20, priceFen: 1000 });
    await view(product.id, 'shop_home');
    const before = await buy(skuId, 'shop_home');
    expect(before).toMatchObject({ domain: 'public', followOffer: { shopId } });
    await pay(before.id);
    await t.http().post(`/api/shops/${shopId}/follow`).set(shopper.auth).expect(200);
    await view(product.id, 'shop_home');
    const after = await buy(skuId, 'shop_home', 3);
    expect(after).toMatchObject({ domain: 'private', followOffer: null });
    await pay(after.id);

    const rows = await scenes(shopId, product.id);
    expect(row(rows, 'shop_home', 'public')).toMatchObject({ views: 1, orders: 1, gmvFen: 1000 });
    expect(row(rows, 'shop_home', 'private')).toMatchObject({ views: 1, orders: 1, gmvFen: 3000 });
    const split = (await t.http().get(`/api/shops/${shopId}/analytics/domains`).set(merchant.auth).expect(200)).body;
    expect(split).toEqual({
      public: { views: 1, orders: 1, gmvFen: 1000, conversion: 1 },
      private: { views: 1, orders: 1, gmvFen: 3000, conversion: 1 },
    });
  });

  it('never offers to follow after a private-scene purchase', async () => {
    const { skuId } = await shopWithProduct(t, merchant, { stock: 5 });
    expect((await buy(skuId, 'wecom')).followOffer).toBeNull();
  });

  it('leaves refunded orders out', async () => {
    const { shopId, skuId } = await shopWithProduct(t, merchant, { stock: 5, priceFen: 2000 });
    const kept = await buy(skuId, 'search');
    await pay(kept.id);
    const refunded = await buy(skuId, 'search');
    await pay(refunded.id);
    await t.http().post(`/api/orders/${refunded.id}/refund`).set(shopper.auth).send({ reason: '不要了' }).expect(200);
    expect(row(await scenes(shopId), 'search', 'public')).toMatchObject({
      views: 0,
      orders: 1,
      gmvFen: 2000,
      conversion: null,
    });
  });

  it('counts a group gift as private group_chat GMV, less the units refunded at expiry', async () => {
    const w = await giftWorld(t);
    const tea = await w.product('花果茶组合');
    const gift = await sendGift(t, w.alice, {
      skuId: tea.skus[0].id,
      chatId: w.family.id,
      mode: 'first_come',
      units: 3,
    });
    await t
      .http()
      .post(`/api/gifts/${gift.id}/claim`)
      .set(w.bob.auth)
      .send({ address: addressOf('鲍勃', '13900000061') })
      .expect(200);
    await t.advance(24 * 3_600_000 + 60_000);
    const rows = (
      await t.http().get(`/api/shops/${tea.shopId}/analytics/scenes?productId=${tea.id}`).set(w.wang.auth).expect(200)
    ).body as SceneAnalyticsRow[];
    expect(row(rows, 'group_chat', 'private')).toMatchObject({ orders: 1, gmvFen: 5900 });
  });

  it('is for the shop owner only, and checks its input', async () => {
    const { shopId } = await shopWithProduct(t, merchant, { stock: 1 });
    const res = await t.http().get(`/api/shops/${shopId}/analytics/scenes`).set(rival.auth).expect(403);
    expect(res.body.code).toBe('NOT_SHOP_OWNER');
    await t.http().get(`/api/shops/${shopId}/analytics/domains`).set(rival.auth).expect(403);
    await t.http().get(`/api/shops/${shopId}/analytics/scenes`).expect(401);
    await t
      .http()
      .get('/api/shops/00000000-0000-4000-8000-000000000000/analytics/scenes')
      .set(merchant.auth)
      .expect(404);
    const bad = await t
      .http()
      .get(`/api/shops/${shopId}/analytics/scenes?productId=tea`)
      .set(merchant.auth)
      .expect(400);
    expect(bad.body.message).toMatch(/productId must be a UUID/);
  });
});
