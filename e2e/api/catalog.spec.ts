import type { ProductView } from '@giftshop/shared';
import { Session, TestApp } from '../support/test-app';

const validProduct = {
  title: '桂花乌龙礼盒',
  description: '秋季限定，两罐装。',
  categoryCode: 'tea',
  skus: [
    { specs: { 规格: '两罐' }, priceFen: 12800, listPriceFen: 15800, stock: 10 },
    { specs: { 规格: '四罐' }, priceFen: 23800, listPriceFen: 27800, stock: 5 },
  ],
};

describe('catalog: shops, listings with SKUs, unified product IDs and scenes', () => {
  let t: TestApp;
  let merchant: Session;
  let rival: Session;
  let shopper: Session;
  let shopId: string;

  beforeAll(async () => {
    t = await TestApp.start();
    merchant = await t.login('o_merchant_new', '新店主');
    rival = await t.login('o_rival', '隔壁店主');
    shopper = await t.login('o_alice');
    const shop = await t.http().post('/api/shops').set(merchant.auth).send({ name: '桂花茶铺' }).expect(201);
    shopId = shop.body.id;
  });
  afterAll(() => t.close());

  const list = (body: object, who: Session = merchant, shop = shopId) =>
    t.http().post(`/api/shops/${shop}/products`).set(who.auth).send(body);

  describe('categories', () => {
    it('serves the category table with fee rates and gift eligibility', async () => {
      const res = await t.http().get('/api/categories').expect(200);
      const byCode = Object.fromEntries(res.body.map((c: { code: string }) => [c.code, c]));
      expect(byCode.jewellery).toMatchObject({ name: '珠宝首饰', giftable: false });
      expect(byCode.jewellery_gold).toMatchObject({ name: '黄金', giftable: true, parentCode: 'jewellery' });
      expect(byCode.education).toMatchObject({ giftable: false });
      expect(byCode.tea).toMatchObject({ feeRateBps: expect.any(Number), giftable: true, parentCode: null });
    });
  });

  describe('shops', () => {
    it('makes the caller the owner and shows the shop in /api/me', async () => {
      const me = await t.http().get('/api/me').set(merchant.auth).expect(200);
      expect(me.body.shopIds).toEqual([shopId]);
      const shop = await t.http().get(`/api/shops/${shopId}`).expect(200);
      expect(shop.body).toMatchObject({ id: shopId, name: '桂花茶铺', ownerId: merchant.userId, followerCount: 0 });
    });

    it('rejects a shop name with a banned claim, naming the phrase', async () => {
      const res = await t.http().post('/api/shops').set(merchant.auth).send({ name: '全网最低价茶铺' }).expect(400);
      expect(res.body).toMatchObject({ code: 'BANNED_CLAIM', message: expect.stringContaining('全网最低价') });
    });

    it('needs a token to open a shop', async () => {
      await t.http().post('/api/shops').send({ name: '无名' }).expect(401);
    });

    it('lets a shopper follow and unfollow, idempotently', async () => {
      await t.http().post(`/api/shops/${shopId}/follow`).set(shopper.auth).expect(200);
      const again = await t.http().post(`/api/shops/${shopId}/follow`).set(shopper.auth).expect(200);
      expect(again.body).toMatchObject({ following: true, followerCount: 1 });
      const off = await t.http().delete(`/api/shops/${shopId}/follow`).set(shopper.auth).expect(200);
      expect(off.body).toMatchObject({ following: false, followerCount: 0 });
      await t.http().post('/api/shops/00000000-0000-4000-8000-000000000000/follow').set(shopper.auth).expect(404);
    });
  });

  describe('listing a product', () => {
    it('creates a listed product with one unified id and per-SKU giftable flags', async () => {
      const res = await list(validProduct).expect(201);
      const product = res.body as ProductView;
      expect(product).toMatchObject({
        shopId,
        status: 'listed',
        giftable: true,
        priceFen: 12800,
        shopName: '桂花茶铺',
      });
      expect(product.skus.map((s) => [s.specs, s.priceFen, s.stock, s.giftable])).toEqual([
        [{ 规格: '两罐' }, 12800, 10, true],
        [{ 规格: '四罐' }, 23800, 5, true],
      ]);
      const read = await t.http().get(`/api/products/${product.id}`).expect(200);
      expect(read.body.id).toBe(product.id);
    });

    it('marks a SKU over the ¥10,000 list price cap as not giftable, with the reason', async () => {
      const res = await list({
        ...validProduct,
        title: '大红袍 典藏',
        skus: [
          { specs: { 规格: '典藏' }, priceFen: 900000, listPriceFen: 1_000_000, stock: 1 },
          { specs: { 规格: '珍藏' }, priceFen: 900000, listPriceFen: 1_000_001, stock: 1 },
        ],
      }).expect(201);
      expect(res.body.skus.map((s: { giftable: boolean }) => s.giftable)).toEqual([true, false]);
      expect(res.body.skus[1].giftReason).toMatch(/list price over ¥10,000\.00/);
      expect(res.body.giftable).toBe(true);
    });

    it('computes category eligibility: jewellery no, gold yes, education never', async () => {
      const jade = await list({ ...validProduct, title: '玉佩', categoryCode: 'jewellery' }).expect(201);
      expect(jade.body.giftable).toBe(false);
      expect(jade.body.skus[0].giftReason).toMatch(/珠宝首饰/);
      const gold = await list({ ...validProduct, title: '金豆', categoryCode: 'jewellery_gold' }).expect(201);
      expect(gold.body.giftable).toBe(true);
      const course = await list({ ...validProduct, title: '茶艺课', categoryCode: 'education' }).expect(201);
      expect(course.body.giftable).toBe(false);
    });

    it.each([
      [{ ...validProduct, title: '全网最低价龙井' }, 'BANNED_CLAIM', /title contains the banned claim "全网最低价"/],
      [
        { ...validProduct, description: '销量第一的好茶' },
        'BANNED_CLAIM',
        /description contains the banned claim "销量第一"/,
      ],
      [{ ...validProduct, skus: [] }, 'VALIDATION_FAILED', /skus must hold at least one SKU/],
      [
        { ...validProduct, skus: [{ ...validProduct.skus[0], priceFen: -1 }] },
        'VALIDATION_FAILED',
        /skus\.0\.priceFen/,
      ],
      [
        { ...validProduct, skus: [{ ...validProduct.skus[0], priceFen: 12.5 }] },
        'VALIDATION_FAILED',
        /skus\.0\.priceFen/,
      ],
      [{ ...validProduct, skus: [{ ...validProduct.skus[0], stock: -3 }] }, 'VALIDATION_FAILED', /skus\.0\.stock/],
      [{ ...validProduct, skus: [{ ...validProduct.skus[0], stock: '5' }] }, 'VALIDATION_FAILED', /skus\.0\.stock/],
      [
        { ...validProduct, skus: [validProduct.skus[0], { ...validProduct.skus[1], listPriceFen: -1 }] },
        'VALIDATION_FAILED',
        /skus\.1\.listPriceFen/,
      ],
      [{ ...validProduct, skus: [{ ...validProduct.skus[0], specs: 'red' }] }, 'VALIDATION_FAILED', /skus\.0\.specs/],
      [
        { ...validProduct, skus: [{ ...validProduct.skus[0], listPriceFen: 100 }] },
        'LIST_PRICE_BELOW_PRICE',
        /skus\.0\.listPriceFen/,
      ],
      [{ ...validProduct, skus: [validProduct.skus[0], validProduct.skus[0]] }, 'DUPLICATE_SKU', /skus\.1\.specs/],
      [{ ...validProduct, categoryCode: 'weapons' }, 'VALIDATION_FAILED', /categoryCode must be one of/],
      [{ ...validProduct, title: '' }, 'VALIDATION_FAILED', /title/],
      [{ ...validProduct, price: 1 }, 'UNKNOWN_FIELD', /property price should not exist/],
      [
        { ...validProduct, skus: [{ ...validProduct.skus[0], color: 'red' }] },
        'UNKNOWN_FIELD',
        /color should not exist/,
      ],
      [{ ...validProduct, imageUrls: ['javascript:alert(1)'] }, 'VALIDATION_FAILED', /imageUrls/],
    ])('rejects bad listing %# with 400 %s naming the problem, and writes nothing', async (body, code, message) => {
      const before = await t.http().get(`/api/shops/${shopId}/products`).set(merchant.auth).expect(200);
      const res = await list(body).expect(400);
      expect(res.body).toMatchObject({ statusCode: 400, code, message: expect.stringMatching(message) });
      const after = await t.http().get(`/api/shops/${shopId}/products`).set(merchant.auth).expect(200);
      expect(after.body).toHaveLength(before.body.length);
    });

    it("refuses to list into someone else's shop (403) or a missing one (404)", async () => {
      const res = await list(validProduct, rival).expect(403);
      expect(res.body.code).toBe('NOT_SHOP_OWNER');
      await list(validProduct, merchant, '00000000-0000-4000-8000-000000000000').expect(404);
      await list(validProduct, merchant, 'not-a-uuid').expect(400);
    });
  });

  describe('editing a product', () => {
    let product: ProductView;
    beforeAll(async () => {
      product = (await list({ ...validProduct, title: '待编辑的茶' }).expect(201)).body;
    });
    const patch = (body: object, who: Session = merchant, id = product.id) =>
      t.http().patch(`/api/products/${id}`).set(who.auth).send(body);

    it('lets the owner change title, price and stock', async () => {
      const res = await patch({
        title: '编辑后的茶',
        skus: [{ id: product.skus[0].id, priceFen: 9900, stock: 42 }],
      }).expect(200);
      expect(res.body.title).toBe('编辑后的茶');
      expect(res.body.skus[0]).toMatchObject({ priceFen: 9900, stock: 42 });
      expect(res.body.skus[1]).toMatchObject({ priceFen: 23800, stock: 5 });
    });

    it('forbids anyone else, and changes nothing', async () => {
      const res = await patch({ title: '被篡改' }, rival).expect(403);
      expect(res.body.code).toBe('NOT_SHOP_OWNER');
      const read = await t.http().get(`/api/products/${product.id}`).expect(200);
      expect(read.body.title).toBe('编辑后的茶');
    });

    it('rejects bad edits with a 400 and leaves the product as it was', async () => {
      await patch({ title: '最便宜的茶' }).expect(400);
      await patch({ skus: [{ id: product.skus[0].id, stock: -1 }] }).expect(400);
      await patch({ skus: [{ id: product.skus[0].id, priceFen: 99999999 }] }).expect(400);
      const unknown = await patch({ skus: [{ id: '00000000-0000-4000-8000-000000000000', stock: 1 }] }).expect(400);
      expect(unknown.body).toMatchObject({ code: 'UNKNOWN_SKU', message: expect.stringMatching(/skus\.0\.id/) });
      await patch({ status: 'sold' }).expect(400);
      const read = await t.http().get(`/api/products/${product.id}`).expect(200);
      expect(read.body.title).toBe('编辑后的茶');
      expect(read.body.skus[0]).toMatchObject({ priceFen: 9900, stock: 42 });
    });

    it('hides a delisted product from everyone but its owner', async () => {
      await patch({ status: 'delisted' }).expect(200);
      await t.http().get(`/api/products/${product.id}`).expect(404);
      await t.http().get(`/api/products/${product.id}`).set(shopper.auth).expect(404);
      const own = await t.http().get(`/api/products/${product.id}`).set(merchant.auth).expect(200);
      expect(own.body.status).toBe('delisted');
      const page = await t.http().get(`/api/products?shopId=${shopId}&limit=100`).expect(200);
      expect(page.body.items.map((p: { id: string }) => p.id)).not.toContain(product.id);
      await patch({ status: 'listed' }).expect(200);
      await t.http().get(`/api/products/${product.id}`).expect(200);
    });

    it('answers 404 for a missing product and 400 for a malformed id', async () => {
      await patch({ title: 'x' }, merchant, '00000000-0000-4000-8000-000000000000').expect(404);
      const res = await t.http().get('/api/products/123').expect(400);
      expect(res.body.message).toMatch(/id must be a UUID/);
    });
  });

  describe('reading a product from a scene', () => {
    it('returns the same product from every scene and records one view per read', async () => {
      const product = (await list({ ...validProduct, title: '场景测试茶' }).expect(201)).body as ProductView;
      for (const scene of ['channels_live', 'official_account', 'chat', 'search']) {
        const res = await t.http().get(`/api/products/${product.id}?scene=${scene}`).set(shopper.auth).expect(200);
        expect(res.body).toMatchObject({ id: product.id, scene });
      }
      const views = await t.viewsOf(product.id);
      expect(views.map((v) => v.scene).sort()).toEqual(['channels_live', 'chat', 'official_account', 'search']);
      expect(views.find((v) => v.scene === 'channels_live')?.domain).toBe('public');
      expect(views.find((v) => v.scene === 'official_account')?.domain).toBe('private');
    });

    it('counts shop_home as private only when the viewer follows the shop', async () => {
      const product = (await list({ ...validProduct, title: '店铺主页茶' }).expect(201)).body as ProductView;
      const bob = await t.login('o_bob');
      await t.http().get(`/api/products/${product.id}?scene=shop_home`).set(bob.auth).expect(200);
      await t.http().post(`/api/shops/${shopId}/follow`).set(bob.auth).expect(200);
      await t.http().get(`/api/products/${product.id}?scene=shop_home`).set(bob.auth).expect(200);
      expect((await t.viewsOf(product.id)).map((v) => v.domain)).toEqual(['public', 'private']);
    });

    it('records the sharer of a shared link, and ignores an unknown one', async () => {
      const product = (await list({ ...validProduct, title: '分享测试茶' }).expect(201)).body as ProductView;
      const carol = await t.login('o_carol');
      await t.http().get(`/api/products/${product.id}?scene=chat&sharer=${carol.userId}`).set(shopper.auth).expect(200);
      await t
        .http()
        .get(`/api/products/${product.id}?scene=chat&sharer=00000000-0000-4000-8000-000000000000`)
        .expect(200);
      expect((await t.viewsOf(product.id)).map((v) => v.sharerId)).toEqual([carol.userId, null]);
    });

    it('records nothing without a scene, and rejects an unknown scene or a malformed sharer', async () => {
      const product = (await list({ ...validProduct, title: '无场景茶' }).expect(201)).body as ProductView;
      await t.http().get(`/api/products/${product.id}`).expect(200);
      const bad = await t.http().get(`/api/products/${product.id}?scene=tiktok`).expect(400);
      expect(bad.body.message).toMatch(/scene must be one of/);
      await t.http().get(`/api/products/${product.id}?scene=chat&sharer=bob`).expect(400);
      expect(await t.viewsOf(product.id)).toEqual([]);
    });
  });

  describe('browsing', () => {
    it('pages through listed products, newest first, filtered by shop or category', async () => {
      const all = await t.http().get('/api/products?limit=100').expect(200);
      expect(all.body.total).toBeGreaterThanOrEqual(30);
      const first = await t.http().get('/api/products?limit=5&offset=0').expect(200);
      const second = await t.http().get('/api/products?limit=5&offset=5').expect(200);
      expect(first.body.items).toHaveLength(5);
      expect(first.body.items.map((p: { id: string }) => p.id)).toEqual(
        all.body.items.slice(0, 5).map((p: { id: string }) => p.id),
      );
      expect(second.body.items.map((p: { id: string }) => p.id)).toEqual(
        all.body.items.slice(5, 10).map((p: { id: string }) => p.id),
      );
      // A filter returns exactly the matching part of the whole list: some, but not all of it.
      expect(all.body.items).toHaveLength(all.body.total);
      const idsOf = (items: { id: string }[]) => items.map((p) => p.id);
      const tea = await t.http().get('/api/products?categoryCode=tea&limit=100').expect(200);
      const allTea = all.body.items.filter((p: { categoryCode: string }) => p.categoryCode === 'tea');
      expect(allTea.length).toBeGreaterThan(0);
      expect(allTea.length).toBeLessThan(all.body.total);
      expect(idsOf(tea.body.items)).toEqual(idsOf(allTea));
      const mine = await t.http().get(`/api/products?shopId=${shopId}&limit=100`).expect(200);
      const allMine = all.body.items.filter((p: { shopId: string }) => p.shopId === shopId);
      expect(allMine.length).toBeGreaterThan(0);
      expect(allMine.length).toBeLessThan(all.body.total);
      expect(idsOf(mine.body.items)).toEqual(idsOf(allMine));
      await t.http().get('/api/products?limit=0').expect(400);
      await t.http().get('/api/products?limit=101').expect(400);
      await t.http().get('/api/products?offset=-1').expect(400);
    });

    it('seeds the gift edge cases: jewellery not giftable, gold giftable, an item over ¥10,000', async () => {
      const all = (await t.http().get('/api/products?limit=100').expect(200)).body.items as {
        title: string;
        giftable: boolean;
      }[];
      const byTitle = (title: string) => all.find((p) => p.title === title);
      expect(byTitle('翡翠手镯')?.giftable).toBe(false);
      expect(byTitle('足金转运珠手链')?.giftable).toBe(true);
      expect(byTitle('投资金条 100g')?.giftable).toBe(false);
      expect(byTitle('Python 编程训练营')?.giftable).toBe(false);
    });

    it("keeps the merchant console list to the shop's owner", async () => {
      await t.http().get(`/api/shops/${shopId}/products`).set(rival.auth).expect(403);
      await t.http().get(`/api/shops/${shopId}/products`).expect(401);
    });
  });
});
