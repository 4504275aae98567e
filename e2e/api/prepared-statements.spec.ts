import { DataSource } from 'typeorm';
import { expectStatus } from '../support/api-client';
import { ADDRESS, shopWithProduct } from '../support/fixtures';
import { TestApp } from '../support/test-app';

jest.setTimeout(60_000);

/**
 * The checkout's statements are named prepared statements on the connection that ran them, unless
 * DB_PREPARED_STATEMENTS=false (a pooler in transaction mode). pg_prepared_statements shows only its
 * own session's: with a pool of two, both connections are asked at once (two open transactions).
 */
describe.each([
  { setting: 'true', expected: true },
  { setting: 'false', expected: false },
])('DB_PREPARED_STATEMENTS=$setting', ({ setting, expected }) => {
  let t: TestApp;

  beforeAll(async () => {
    t = await TestApp.start({ DB_POOL_SIZE: '2', DB_PREPARED_STATEMENTS: setting }, { processes: 1 });
  });
  afterAll(() => t.close());

  it(`a checkout ${expected ? 'leaves' : 'leaves no'} prepared statements on its connection, and works`, async () => {
    const merchant = await t.login('o_prepared_merchant');
    const buyer = await t.login('o_prepared_buyer');
    const { skuId } = await shopWithProduct(t, merchant, { stock: 3, priceFen: 1990 });
    const api = t.api(buyer);
    for (let i = 0; i < 2; i++) {
      const order = await expectStatus(
        api.POST('/api/orders', {
          body: { items: [{ skuId, quantity: 1 }], address: ADDRESS, scene: 'chat' },
          params: { header: { 'Idempotency-Key': `prepared-${setting}-${i}` } },
        }),
        201,
      );
      const paid = await expectStatus(
        api.POST('/api/orders/{id}/pay', {
          params: { path: { id: order.id }, header: { 'Idempotency-Key': `pay-${setting}-${i}` } },
        }),
        200,
      );
      expect(paid.status).toBe('paid');
    }
    const db = t.app.get(DataSource);
    let arrived = 0;
    let bothOpen!: () => void;
    const together = new Promise<void>((resolve) => (bothOpen = resolve));
    const sessions = await Promise.all(
      [0, 1].map(() =>
        db.transaction(async (tx) => {
          const rows: { name: string }[] = await tx.query('SELECT name FROM pg_prepared_statements');
          if (++arrived === 2) bothOpen();
          await together; // holds this connection until the other transaction has its own
          return rows.map((r) => r.name);
        }),
      ),
    );
    const names = sessions.flat();
    const checkout = ['orders.basket', 'orders.insert', 'stock.reserve', 'payments.lock', 'ledger.add_gmv'];
    if (expected) expect(names).toEqual(expect.arrayContaining(checkout));
    else expect(names.filter((n) => checkout.includes(n))).toEqual([]);
  });
});
