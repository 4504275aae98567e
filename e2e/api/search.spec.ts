import type { SearchExplainView, SearchPage } from '@giftshop/shared';
import { SEARCH_RANKING } from '@giftshop/shared';
import { ADDRESS } from '../support/fixtures';
import { addressOf, giftWorld, sendGift } from '../support/gift-fixtures';
import { Session, TestApp } from '../support/test-app';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe('搜一搜: Chinese and Latin search ranked by private-domain sales', () => {
  let t: TestApp;
  let buyer: Session;
  let n = 0;

  beforeAll(async () => {
    t = await TestApp.start();
    buyer = await t.login('o_search_buyer');
  });
  afterAll(() => t.close());

  const post = (path: string, who: Session, body?: object) => t.http().post(path).set(who.auth).send(body);
  const search = async (q: string, extra = ''): Promise<SearchPage> =>
    (
      await t
        .http()
        .get(`/api/search?q=${encodeURIComponent(q)}${extra}`)
        .expect(200)
    ).body;
  const explain = async (q: string, productId: string): Promise<SearchExplainView> =>
    (
      await t
        .http()
        .get(`/api/search/explain?q=${encodeURIComponent(q)}&productId=${productId}`)
        .expect(200)
    ).body;

  /** A fresh merchant's shop with the given products (one SKU each, ¥50, plenty of stock). */
  async function shop(products: { title: string; description: string; categoryCode?: string }[], name?: string) {
    const merchant = await t.login(`o_search_m${++n}`);
    const created = await post('/api/shops', merchant, { name: name ?? `搜索小店${n}` }).expect(201);
    const ids: { productId: string; skuId: string }[] = [];
    for (const p of products) {
      const res = await post(`/api/shops/${created.body.id}/products`, merchant, {
        title: p.title,
        description: p.description,
        categoryCode: p.categoryCode ?? 'tea',
        skus: [{ specs: { 规格: '标准' }, priceFen: 5_000, listPriceFen: 5_000, stock: 100 }],
      }).expect(201);
      ids.push({ productId: res.body.id, skuId: res.body.skus[0].id });
    }
    return { merchant, shopId: created.body.id as string, products: ids };
  }

  /** Three products identical but for a last word, found by a word unique to this test. */
  async function triplets() {
    const word = `zq${++n}x`;
    const s = await shop(
      ['甲', '乙', '丙'].map((mark) => ({ title: `${word} 同款礼盒 ${mark}`, description: '一模一样的描述' })),
    );
    return { ...s, word };
  }

  async function buy(skuId: string, scene: string, who: Session = buyer): Promise<string> {
    const order = await post('/api/orders', who, {
      items: [{ skuId, quantity: 1 }],
      address: ADDRESS,
      scene,
    }).expect(201);
    await post(`/api/orders/${order.body.id}/pay`, who).expect(200);
    return order.body.id;
  }

  const ranking = async (q: string, shopProducts: { productId: string }[]) => {
    const mine = new Set(shopProducts.map((p) => p.productId));
    return (await search(q, '&limit=50')).items.filter((i) => mine.has(i.productId)).map((i) => i.productId);
  };

  /** The explain factors recompute the score, by the documented formula. */
  function expectRecomputes(x: SearchExplainView): void {
    const part = (prefix: string) =>
      Object.entries(x.factors)
        .filter(([name]) => name.startsWith(prefix))
        .reduce((sum, [, f]) => sum + f.value * f.weight, 0);
    const sales = Math.min(x.caps.product, part('product')) + Math.min(x.caps.shop, part('shop'));
    const rate = x.conversion.views > 0 ? Math.min(1, x.conversion.orders / x.conversion.views) : 0;
    const boost = sales * (1 + x.conversion.weight * rate);
    expect(x.productSales).toBeCloseTo(part('product'), 12);
    expect(x.shopSales).toBeCloseTo(part('shop'), 12);
    expect(x.sales).toBeCloseTo(sales, 12);
    expect(x.boost).toBeCloseTo(boost, 12);
    expect(x.score).toBeCloseTo(x.relevance * (1 + boost), 12);
  }

  describe('matching', () => {
    let s: Awaited<ReturnType<typeof shop>>;
    beforeAll(async () => {
      s = await shop(
        [
          { title: '西湖龙井茶叶礼盒', description: '明前特级 green tea gift box' },
          { title: "Yunnan Pu'er Tea Cake", description: '云南普洱茶饼，七子饼' },
          { title: '玫瑰花束', description: '情人节鲜花', categoryCode: 'flowers' },
        ],
        '栖霞山房',
      );
    });
    const [longjing, puer, roses] = [0, 1, 2];
    const found = async (q: string) => ranking(q, s.products);
    const ids = (...which: number[]) => which.map((i) => s.products[i].productId);

    it('finds Chinese words inside titles without spaces: 礼盒, 茶, 普洱, 龙井茶', async () => {
      expect(await found('礼盒')).toEqual(ids(longjing));
      expect(new Set(await found('茶'))).toEqual(new Set(ids(longjing, puer)));
      expect(await found('普洱')).toEqual(ids(puer));
      expect(await found('龙井茶')).toEqual(ids(longjing));
      expect(await found('鲜花')).toEqual(ids(roses));
    });

    it('finds Latin words case-insensitively and by prefix, a title match above a description match', async () => {
      // Pu'er's title says Tea; Longjing only mentions tea in its description.
      expect(await found('tea')).toEqual(ids(puer, longjing));
      expect(await found('TEA')).toEqual(ids(puer, longjing));
      expect(await found('yunn')).toEqual(ids(puer));
    });

    it('asks for every part of a mixed query', async () => {
      expect(await found('tea 礼盒')).toEqual(ids(longjing));
      expect(await found('礼盒tea')).toEqual(ids(longjing));
      expect(await found('tea 玫瑰')).toEqual([]);
    });

    it("finds a shop's products by the shop's name", async () => {
      expect(new Set(await found('栖霞山房'))).toEqual(new Set(ids(longjing, puer, roses)));
    });

    it('leaves out delisted products, and finds them again once listed', async () => {
      await t
        .http()
        .patch(`/api/products/${s.products[roses].productId}`)
        .set(s.merchant.auth)
        .send({ status: 'delisted' })
        .expect(200);
      expect(await found('玫瑰')).toEqual([]);
      await t
        .http()
        .patch(`/api/products/${s.products[roses].productId}`)
        .set(s.merchant.auth)
        .send({ status: 'listed' })
        .expect(200);
      expect(await found('玫瑰')).toEqual(ids(roses));
    });

    it('indexes a new title when the merchant edits it', async () => {
      await t
        .http()
        .patch(`/api/products/${s.products[roses].productId}`)
        .set(s.merchant.auth)
        .send({ title: '向日葵花束' })
        .expect(200);
      expect(await found('向日葵')).toEqual(ids(roses));
      expect(await found('玫瑰')).toEqual(ids()); // the old title is gone; 鲜花 is still in its description
    });

    it('pages through the results with a total', async () => {
      const all = await search('茶', '&limit=50');
      const first = await search('茶', '&limit=1');
      const second = await search('茶', '&limit=1&offset=1');
      expect(first.total).toBe(all.total);
      expect([first.items[0].productId, second.items[0].productId]).toEqual(
        all.items.slice(0, 2).map((i) => i.productId),
      );
      expect((await search('茶', `&offset=${all.total}`)).items).toEqual([]);
      expect(all.items[0]).toEqual({
        productId: expect.any(String),
        shopId: expect.any(String),
        title: expect.any(String),
        priceFen: expect.any(Number),
        score: expect.any(Number),
      });
    });
  });

  describe('ranking', () => {
    it('puts private-domain sales first, public-domain sales lift less, and the boost halves in 7 days', async () => {
      const s = await triplets();
      const [priv, pub, none] = s.products;
      await buy(priv.skuId, 'chat');
      await buy(pub.skuId, 'channels_live');
      expect(await ranking(s.word, s.products)).toEqual([priv.productId, pub.productId, none.productId]);

      const before = await explain(s.word, priv.productId);
      const publicOnly = await explain(s.word, pub.productId);
      expectRecomputes(before);
      expectRecomputes(publicOnly);
      expect(before.relevance).toBeCloseTo(publicOnly.relevance, 12);
      expect(before.factors.productPrivateOrders.value).toBeCloseTo(1, 5);
      expect(before.factors.productPrivateGmvYuan.value).toBeCloseTo(50, 3);
      expect(publicOnly.factors.productPublicOrders.value).toBeCloseTo(1, 5);
      expect(before.boost).toBeGreaterThan(publicOnly.boost);
      // The search score is the explained score (the real clock moves a little between the calls).
      const listed = (await search(s.word)).items.find((i) => i.productId === priv.productId);
      expect(listed?.score).toBeCloseTo(before.score, 6);

      await t.advance(7 * DAY);
      const after = await explain(s.word, priv.productId);
      expectRecomputes(after);
      expect(after.boost / before.boost).toBeCloseTo(0.5, 4);
      expect(after.factors.productPrivateOrders.value).toBeCloseTo(0.5, 4);
    });

    it('counts the shop’s private-domain sales for its other products too', async () => {
      const s = await triplets();
      const other = await triplets();
      await buy(s.products[0].skuId, 'official_account');
      const sibling = await explain(s.word, s.products[1].productId);
      expect(sibling.factors.shopPrivateOrders.value).toBeCloseTo(1, 5);
      expect(sibling.boost).toBeGreaterThan(0);
      expect((await explain(other.word, other.products[1].productId)).boost).toBe(0);
    });

    it("caps a big shop's lift; search and explain agree beyond the caps", async () => {
      const s = await triplets();
      await buy(s.products[0].skuId, 'chat');
      // The payment reaches the signal rows by a roll-up (sales may lag 60 s), which a read runs first.
      await explain(s.word, s.products[0].productId);
      await t.sql('UPDATE shop_search_signals SET private_gmv_yuan = 10000000 WHERE shop_id = $1', [s.shopId]);
      const x = await explain(s.word, s.products[1].productId);
      expectRecomputes(x);
      expect(x.shopSales).toBeGreaterThan(1_000);
      expect(x.sales).toBeCloseTo(SEARCH_RANKING.caps.shop, 9);
      const listed = (await search(s.word)).items.find((i) => i.productId === s.products[1].productId);
      expect(listed?.score).toBeCloseTo(x.score, 6);
    });

    it('multiplies the sales boost by the conversion rate (orders / views)', async () => {
      const s = await triplets();
      const [seen1, seen4] = s.products;
      await t.http().get(`/api/products/${seen1.productId}?scene=chat`).set(buyer.auth).expect(200);
      for (let i = 0; i < 4; i++) {
        await t.http().get(`/api/products/${seen4.productId}?scene=chat`).set(buyer.auth).expect(200);
      }
      await buy(seen1.skuId, 'chat');
      await buy(seen4.skuId, 'chat');
      const [x1, x4] = [await explain(s.word, seen1.productId), await explain(s.word, seen4.productId)];
      expect([x1.conversion.rate, x4.conversion.rate]).toEqual([1, 0.25]);
      expect(x1.boost / x1.sales).toBeCloseTo(1 + SEARCH_RANKING.conversionWeight, 10);
      expect(x4.boost / x4.sales).toBeCloseTo(1 + 0.25 * SEARCH_RANKING.conversionWeight, 10);
      expect((await ranking(s.word, s.products)).slice(0, 2)).toEqual([seen1.productId, seen4.productId]);
    });
  });

  describe('anti-gaming', () => {
    it('takes a refunded order back out: the ranking is as if it never happened', async () => {
      const s = await triplets();
      const orderId = await buy(s.products[0].skuId, 'chat');
      expect((await explain(s.word, s.products[0].productId)).boost).toBeGreaterThan(0);
      await post(`/api/orders/${orderId}/refund`, buyer, { reason: '刷单' }).expect(200);
      const x = await explain(s.word, s.products[0].productId);
      expect(x.boost).toBeCloseTo(0, 9);
      expect(x.conversion.orders).toBe(0);
      expect(x.factors.shopPrivateOrders.value).toBeCloseTo(0, 9);
    });

    it("does not count the shop owner's own purchases", async () => {
      const s = await triplets();
      await buy(s.products[0].skuId, 'chat', s.merchant);
      expect((await explain(s.word, s.products[0].productId)).boost).toBe(0);
    });

    it("counts a buyer's first 3 orders a day at a shop, and again the next day", async () => {
      const s = await triplets();
      const repeat = await t.login(`o_search_repeat${n}`);
      for (let i = 0; i < 5; i++) await buy(s.products[0].skuId, 'chat', repeat);
      const x = await explain(s.word, s.products[0].productId);
      expect(x.factors.productPrivateOrders.value).toBeCloseTo(SEARCH_RANKING.dailyCapPerShop, 4);
      expect(x.conversion.orders).toBe(SEARCH_RANKING.dailyCapPerShop);
      await t.advance(DAY);
      await buy(s.products[0].skuId, 'chat', repeat);
      const next = await explain(s.word, s.products[0].productId);
      expect(next.factors.productPrivateOrders.value).toBeCloseTo(3 * Math.pow(0.5, 1 / 7) + 1, 4);
    });

    it("takes back a gift's unclaimed units at expiry, and the order once nothing of it is left", async () => {
      const w = await giftWorld(t);
      const s = await triplets();
      const [claimed, unclaimed] = s.products;
      const gift = await sendGift(t, w.alice, {
        skuId: claimed.skuId,
        chatId: w.family.id,
        mode: 'first_come',
        units: 2,
      });
      await sendGift(t, w.alice, { skuId: unclaimed.skuId, chatId: w.family.id, mode: 'first_come', units: 2 });
      // Signals decay with real time too (about 1.1e-6 of their value a second), so on a busy
      // machine the comparisons allow a few seconds, far below what would tell 1 unit from 2 or 0.
      const x = await explain(s.word, claimed.productId);
      expect(x.factors.productPrivateOrders.value).toBeCloseTo(1, 4);
      expect(x.factors.productPrivateGmvYuan.value).toBeCloseTo(100, 2);
      await post(`/api/gifts/${gift.id}/claim`, w.bob, { address: addressOf('鲍勃', '13900000001') }).expect(200);
      await t.advance(24 * HOUR);
      const decay = Math.pow(0.5, 1 / 7);
      const kept = await explain(s.word, claimed.productId);
      expect(kept.factors.productPrivateOrders.value).toBeCloseTo(decay, 4);
      expect(kept.factors.productPrivateGmvYuan.value).toBeCloseTo(50 * decay, 2);
      const gone = await explain(s.word, unclaimed.productId);
      expect(gone.factors.productPrivateOrders.value).toBeCloseTo(0, 9);
      expect(gone.factors.productPrivateGmvYuan.value).toBeCloseTo(0, 9);
    });
  });

  describe('bad input', () => {
    it.each([
      ['', 'q must not be empty'],
      ['%20%20', 'q must not be empty'],
      ['!!!', 'q has no letters'],
      ['茶'.repeat(51), 'q must be at most 50 characters'],
    ])('refuses q=%p with a 400', async (q, message) => {
      const res = await t
        .http()
        .get(`/api/search?q=${q.startsWith('%') ? q : encodeURIComponent(q)}`)
        .expect(400);
      expect(res.body).toMatchObject({ code: 'INVALID_QUERY' });
      expect(res.body.message).toContain(message);
    });

    it('refuses a missing q, bad limits and offsets, and explains only listed products', async () => {
      await t.http().get('/api/search').expect(400);
      for (const bad of ['limit=0', 'limit=51', 'limit=abc', 'offset=-1', 'offset=1001']) {
        const res = await t.http().get(`/api/search?q=tea&${bad}`).expect(400);
        expect(JSON.stringify(res.body.message)).toContain(bad.split('=')[0]);
      }
      const noId = await t.http().get('/api/search/explain?q=tea').expect(400);
      expect(JSON.stringify(noId.body.message)).toContain('productId');
      await t.http().get('/api/search/explain?q=tea&productId=00000000-0000-4000-8000-000000000000').expect(404);
    });

    it('answers a 50-character query', async () => {
      const res = await search('茶'.repeat(50));
      expect(res).toEqual({ items: [], total: 0 });
    });
  });
});
