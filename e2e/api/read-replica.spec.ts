import net from 'node:net';
import { Client } from 'pg';
import type { HealthView, SearchPage } from '@giftshop/shared';
import { LaggingReads } from '../../server/src/database/lagging-reads';
import { workerDatabase } from '../support/databases';
import { ADDRESS, stockOf, until } from '../support/fixtures';
import { replicaUrl } from '../support/replica';
import { Session, TestApp } from '../support/test-app';

jest.setTimeout(120_000);

/** The bound these suites run with (production's default is 5 s). */
const MAX_LAG_MS = 3000;

/**
 * DATABASE_READ_URL (issue 18): search, product pages and analytics read a streaming replica
 * (the one `scripts/cluster.sh replica` starts beside the test server) while it lags less than
 * DATABASE_READ_MAX_LAG_MS; a buyer's own order, stock and every money transaction read the
 * primary. The replica's replay is paused to make it lag on purpose.
 */
describe('reads that may lag, from the replica', () => {
  let t: TestApp;
  let replica: Client;
  let merchant: Session;
  let buyer: Session;
  let shopId: string;
  let n = 0;

  beforeAll(async () => {
    replica = new Client({ connectionString: replicaUrl(workerDatabase()) });
    // The worker's database was made on the primary a moment ago: wait for the replica to have it.
    await until(
      () =>
        replica.connect().then(
          () => true,
          () => ((replica = new Client({ connectionString: replicaUrl(workerDatabase()) })), false),
        ),
      'the worker database on the replica',
      60_000,
    );
    await replica.query('SELECT pg_wal_replay_resume()').catch(() => undefined);
    t = await TestApp.start({
      DATABASE_READ_URL: replicaUrl(workerDatabase()),
      DATABASE_READ_MAX_LAG_MS: String(MAX_LAG_MS),
    });
    merchant = await t.login('o_replica_merchant');
    buyer = await t.login('o_replica_buyer');
    shopId = (await post('/api/shops', merchant, { name: '副本小店' }).expect(201)).body.id;
    await readsFrom('replica');
  });
  afterAll(async () => {
    await replica?.query('SELECT pg_wal_replay_resume()').catch(() => undefined);
    await replica?.end();
    await t?.close();
  });

  const post = (path: string, who: Session, body?: object) => t.http().post(path).set(who.auth).send(body);
  const searchIds = async (q: string): Promise<string[]> =>
    (
      (
        await t
          .http()
          .get(`/api/search?q=${encodeURIComponent(q)}&limit=50`)
          .expect(200)
      ).body as SearchPage
    ).items.map((i) => i.productId);

  /** Both processes (the round-robin alternates) report `where`. */
  async function readsFrom(where: HealthView['reads']): Promise<void> {
    await until(
      async () => {
        const answers = await Promise.all(
          [0, 1, 2, 3].map(async () => ((await t.http().get('/api/health').expect(200)).body as HealthView).reads),
        );
        return answers.every((a) => a === where);
      },
      `reads from the ${where}`,
      30_000,
    );
  }

  async function product(title: string, stock = 10): Promise<{ id: string; skuId: string }> {
    const res = await post(`/api/shops/${shopId}/products`, merchant, {
      title,
      description: '副本测试',
      categoryCode: 'tea',
      skus: [{ specs: { 规格: '标准' }, priceFen: 1_000, listPriceFen: 1_000, stock }],
    }).expect(201);
    return { id: res.body.id, skuId: res.body.skus[0].id };
  }

  const onReplica = async (productId: string): Promise<string | undefined> =>
    (await replica.query<{ status: string }>('SELECT status FROM products WHERE id = $1', [productId])).rows[0]?.status;

  async function paused<T>(work: () => Promise<T>): Promise<T> {
    await replica.query('SELECT pg_wal_replay_pause()');
    try {
      return await work();
    } finally {
      await replica.query('SELECT pg_wal_replay_resume()');
    }
  }

  it('drops a delisted product from search within the bound, even when the replica stops replaying', async () => {
    const word = `replica${++n}x`;
    const p = await product(`${word} 白茶`);
    await until(async () => (await searchIds(word)).includes(p.id), 'the new product in search (from the replica)');

    await paused(async () => {
      const delistedAt = Date.now();
      await t.http().patch(`/api/products/${p.id}`).set(merchant.auth).send({ status: 'delisted' }).expect(200);
      // The replica has not replayed the delisting, and the next searches read it: they still find
      // the product (would the search read the primary, it would be gone already).
      expect(await onReplica(p.id)).toBe('listed');
      expect(await searchIds(word)).toContain(p.id);
      expect(await searchIds(word)).toContain(p.id);
      // Once the replica is further behind than the bound, reads go to the primary: a search started
      // after delistedAt + MAX_LAG_MS never shows the product, though the replica still lists it.
      await until(async () => Date.now() > delistedAt + MAX_LAG_MS, 'the bound to pass', MAX_LAG_MS + 5_000);
      expect(await searchIds(word)).not.toContain(p.id);
      expect(await searchIds(word)).not.toContain(p.id);
      expect(await onReplica(p.id)).toBe('listed');
      await readsFrom('primary');
    });

    // Replaying again, the replica catches up and serves the reads once more.
    await readsFrom('replica');
    expect(await onReplica(p.id)).toBe('delisted');
    expect(await searchIds(word)).not.toContain(p.id);
  });

  it('shows a delisting in search within milliseconds while the replica streams', async () => {
    const timings: number[] = [];
    for (let i = 0; i < 5; i++) {
      const word = `stream${++n}y`;
      const p = await product(`${word} 红茶`);
      await until(async () => (await searchIds(word)).includes(p.id), 'the new product in search');
      const delistedAt = Date.now();
      await t.http().patch(`/api/products/${p.id}`).set(merchant.auth).send({ status: 'delisted' }).expect(200);
      await until(async () => !(await searchIds(word)).includes(p.id), 'the delisting in search', MAX_LAG_MS);
      timings.push(Date.now() - delistedAt);
    }
    await readsFrom('replica'); // the replica served them, all along
    console.info(`read-replica: a delisting left search ${timings.join(', ')} ms after the PATCH answered`);
  });

  it("keeps a buyer's own order, stock and a new product's page on the primary while the replica lags", async () => {
    const scarce = await product(`scarce${++n} 普洱`, 1);
    await until(async () => (await onReplica(scarce.id)) === 'listed', 'the product on the replica');

    await paused(async () => {
      // A product made while the replica stands still: its page is found on the primary.
      const fresh = await product(`fresh${++n} 绿茶`);
      expect(await onReplica(fresh.id)).toBeUndefined();
      const page = await t.http().get(`/api/products/${fresh.id}`).expect(200);
      expect(page.body.title).toContain('绿茶');
      await t.http().get(`/api/products/00000000-0000-4000-8000-000000000000`).expect(404);

      // The last unit, bought and paid: the buyer sees the order paid at once.
      const order = await post('/api/orders', buyer, {
        items: [{ skuId: scarce.skuId, quantity: 1 }],
        address: ADDRESS,
        scene: 'chat',
      }).expect(201);
      await post(`/api/orders/${order.body.id}/pay`, buyer).expect(200);
      const mine = await t.http().get(`/api/orders/${order.body.id}`).set(buyer.auth).expect(200);
      expect(mine.body.status).toBe('paid');
      // The stock check reads the primary: the replica still has the unit, the shop does not.
      expect(await stockOf(t, scarce.skuId)).toBe(0);
      const replicaStock = await replica.query<{ stock: number }>('SELECT stock FROM skus WHERE id = $1', [
        scarce.skuId,
      ]);
      expect(replicaStock.rows[0].stock).toBe(1);
      const second = await t.login('o_replica_second');
      const refused = await post('/api/orders', second, {
        items: [{ skuId: scarce.skuId, quantity: 1 }],
        address: ADDRESS,
        scene: 'chat',
      }).expect(409);
      expect(refused.body.code).toBe('SOLD_OUT');
    });
  });

  it('serves the reads from the primary when the replica stops answering mid-way', async () => {
    // A replica behind a proxy this test can cut: every connection dropped, new ones refused.
    const target = new URL(replicaUrl(workerDatabase()));
    const sockets = new Set<net.Socket>();
    const proxy = net.createServer((client) => {
      const upstream = net.connect(Number(target.port), target.hostname);
      for (const s of [client, upstream]) {
        sockets.add(s);
        s.on('close', () => sockets.delete(s));
        s.on('error', () => undefined);
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', r));
    const proxied = new URL(target.toString());
    proxied.port = String((proxy.address() as net.AddressInfo).port);
    const cut = await TestApp.start(
      { DATABASE_READ_URL: proxied.toString(), DATABASE_READ_MAX_LAG_MS: '60000' },
      { reset: false, processes: 1 },
    );
    try {
      const word = `cut${++n}z`;
      const p = await product(`${word} 乌龙`);
      await until(async () => cut.app.get(LaggingReads).from() === 'replica', 'reads from the replica');
      await until(async () => (await onReplica(p.id)) === 'listed', 'the product on the replica');
      const found = async () =>
        ((await cut.http().get(`/api/search?q=${word}`).expect(200)).body as SearchPage).items.map((i) => i.productId);
      expect(await found()).toEqual([p.id]);

      // The replica goes away. Within the bound (60 s) the next read still tries it, fails, and is
      // served by the primary (or a lag measure found it gone first): either way it answers.
      proxy.close();
      for (const s of sockets) s.destroy();
      expect(await found()).toEqual([p.id]);
      await cut.http().get(`/api/products/${p.id}`).expect(200);
      await cut.http().get(`/api/products?shopId=${shopId}`).expect(200);
      // …served by the primary, and the next reads go there straight away.
      expect(cut.app.get(LaggingReads).from()).toBe('primary');
      expect(((await cut.http().get('/api/health').expect(200)).body as HealthView).reads).toBe('primary');
    } finally {
      proxy.close();
      for (const s of sockets) s.destroy();
      await cut.close();
    }
  });

  it('starts and serves every read from the primary when the replica cannot be reached', async () => {
    const nowhere = new URL(replicaUrl(workerDatabase()));
    nowhere.port = '1';
    const lone = await TestApp.start({ DATABASE_READ_URL: nowhere.toString() }, { reset: false, processes: 1 });
    try {
      const word = `lone${++n}w`;
      const p = await product(`${word} 花茶`);
      expect((await lone.http().get(`/api/search?q=${word}`).expect(200)).body.items).toHaveLength(1);
      await lone.http().get(`/api/products/${p.id}`).expect(200);
      expect(((await lone.http().get('/api/health').expect(200)).body as HealthView).reads).toBe('primary');
    } finally {
      await lone.close();
    }
  });
});
