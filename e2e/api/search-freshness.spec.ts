import { Client } from 'pg';
import { SearchPage } from '@giftshop/shared';
import { databaseUrl, workerDatabase } from '../support/databases';
import { ADDRESS } from '../support/fixtures';
import { Session, TestApp } from '../support/test-app';

/**
 * What may lag and what may not (issue 14): listing, delisting and edits of a title show in the
 * very next search, totals included; sales reach the signals by a roll-up within 60 s, off the
 * payment's transaction, so a payment never waits on a signal row.
 */
describe('搜一搜: what shows at once, what may lag', () => {
  let t: TestApp;
  let buyer: Session;
  let n = 0;

  beforeAll(async () => {
    t = await TestApp.start();
    buyer = await t.login('o_fresh_buyer');
  }, 60_000);
  afterAll(() => t.close());

  const post = (path: string, who: Session, body?: object) => t.http().post(path).set(who.auth).send(body);
  const search = async (q: string): Promise<SearchPage> =>
    (
      await t
        .http()
        .get(`/api/search?q=${encodeURIComponent(q)}&limit=50`)
        .expect(200)
    ).body;

  async function shop(titles: string[]) {
    const merchant = await t.login(`o_fresh_m${++n}`);
    const created = await post('/api/shops', merchant, { name: `新鲜小店${n}` }).expect(201);
    const products: { productId: string; skuId: string }[] = [];
    for (const title of titles) {
      const res = await post(`/api/shops/${created.body.id}/products`, merchant, {
        title,
        description: '同一段描述',
        categoryCode: 'tea',
        skus: [{ specs: { 规格: '标准' }, priceFen: 5_000, listPriceFen: 5_000, stock: 100 }],
      }).expect(201);
      products.push({ productId: res.body.id, skuId: res.body.skus[0].id });
    }
    return { merchant, shopId: created.body.id as string, products };
  }

  async function buy(skuId: string): Promise<void> {
    const order = await post('/api/orders', buyer, {
      items: [{ skuId, quantity: 1 }],
      address: ADDRESS,
      scene: 'chat',
    }).expect(201);
    await post(`/api/orders/${order.body.id}/pay`, buyer).expect(200);
  }

  it('drops a delisted product and finds a retitled one in the next search, with the total', async () => {
    const word = `fresh${++n}q`;
    const s = await shop([`${word} 甲`, `${word} 乙`, `${word} 丙`]);
    await buy(s.products[0].skuId); // a sold product sits in a higher tier
    const ids = (page: SearchPage) => page.items.map((i) => i.productId);
    const before = await search(word);
    expect(before.total).toBe(3);
    expect(ids(before)[0]).toBe(s.products[0].productId);

    const patch = (id: string, body: object) =>
      t.http().patch(`/api/products/${id}`).set(s.merchant.auth).send(body).expect(200);
    await patch(s.products[0].productId, { status: 'delisted' });
    const delisted = await search(word);
    expect(delisted.total).toBe(2);
    expect(ids(delisted)).not.toContain(s.products[0].productId);

    await patch(s.products[1].productId, { title: '改了名的商品 renamed' });
    const retitled = await search(word);
    expect(retitled.total).toBe(1);
    expect(ids(retitled)).toEqual([s.products[2].productId]);
    const renamed = await search('renamed');
    expect(ids(renamed)).toContain(s.products[1].productId);

    await patch(s.products[0].productId, { status: 'listed' });
    const relisted = await search(word);
    expect(relisted.total).toBe(2);
    expect(ids(relisted)[0]).toBe(s.products[0].productId);
  }, 60_000);

  it('rolls a payment up into the signals and the tiers by the job, within the 60 s allowed', async () => {
    const s = await shop([`lag${++n}w 礼盒`]);
    const [{ productId, skuId }] = s.products;
    await buy(skuId);
    // The payment appended an event and touched no signal row (no search has run since).
    const signals = () =>
      t.sql<{ private_orders: number; tier: number }>(
        `SELECT ps.private_orders, p.search_tier AS tier FROM products p
           LEFT JOIN product_search_signals ps ON ps.product_id = p.id WHERE p.id = $1`,
        [productId],
      );
    expect(await signals()).toEqual([{ private_orders: null, tier: 0 }]);
    expect(await t.sql('SELECT kind FROM search_signal_events WHERE order_id IS NOT NULL')).toEqual([{ kind: 'paid' }]);
    const shopRows = await t.sql('SELECT 1 FROM shop_search_signals WHERE shop_id = $1', [s.shopId]);
    expect(shopRows).toEqual([]);

    const { jobsRun } = await t.advance(60_000);
    expect(jobsRun).toBeGreaterThan(0);
    const [after] = await signals();
    expect(after.private_orders).toBeCloseTo(1, 6);
    expect(after.tier).toBeGreaterThan(0);
    expect(await t.sql('SELECT 1 FROM search_signal_events')).toEqual([]);
    expect(await t.sql('SELECT 1 FROM shop_search_signals WHERE shop_id = $1', [s.shopId])).toHaveLength(1);
  }, 60_000);

  it("pays while another transaction holds the shop's and the product's signal rows", async () => {
    const s = await shop([`lock${++n}w 红茶`]);
    const [{ productId, skuId }] = s.products;
    await buy(skuId);
    await search('红茶'); // the roll-up writes both signal rows
    const holder = new Client({ connectionString: databaseUrl(workerDatabase()) });
    await holder.connect();
    try {
      await holder.query('BEGIN');
      const locked = await holder.query(`SELECT 1 FROM shop_search_signals WHERE shop_id = $1 FOR UPDATE;`, [s.shopId]);
      expect(locked.rowCount).toBe(1);
      expect(
        (await holder.query('SELECT 1 FROM product_search_signals WHERE product_id = $1 FOR UPDATE', [productId]))
          .rowCount,
      ).toBe(1);
      // Two payments of the shop at once, while the rows stay locked: neither may wait for them.
      const paying = Promise.all([buy(skuId), buy(skuId)]).then(() => 'paid');
      let timer: NodeJS.Timeout | undefined;
      const waited = new Promise((resolve) => {
        timer = setTimeout(() => resolve('blocked on a signal row'), 10_000);
      });
      try {
        expect(await Promise.race([paying, waited])).toBe('paid');
      } finally {
        clearTimeout(timer);
      }
    } finally {
      await holder.query('ROLLBACK');
      await holder.end();
    }
    // Once the rows are free, the roll-up counts both (3 counted: the daily cap is not reached).
    await search('红茶');
    const [row] = await t.sql<{ orders: number }>('SELECT orders FROM product_search_signals WHERE product_id = $1', [
      productId,
    ]);
    expect(row.orders).toBe(3);
  }, 60_000);
});
