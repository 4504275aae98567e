import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../server/src/database/options';
import { databaseUrl, serverUrl, templateDatabase } from '../support/databases';
import { ADDRESS, shopWithProduct } from '../support/fixtures';
import { addressOf, giftWorld, sendGift } from '../support/gift-fixtures';
import { TestApp } from '../support/test-app';

jest.setTimeout(180_000);

const DAY = 24 * 60 * 60_000;
const SHIP = { carrier: '顺丰速运', trackingNo: 'SF1000000001' };

/** Every fulfilment, without its generated id, in a stable order. */
const PARCELS = `SELECT order_id, claim_id, unit_id, shop_id, recipient_id, address, lines, amount_fen, refund_key, status,
                        carrier, tracking_no, created_at, shipped_at, delivered_at, completed_at, refunded_at
                   FROM fulfilments ORDER BY refund_key`;
/** Pending shipping jobs, named by the parcel's refund key instead of its id. */
const JOBS = `SELECT j.kind, j.run_at, f.refund_key, j.unique_key = j.kind || ':' || f.id AS keyed
                FROM jobs j JOIN fulfilments f ON f.id = (j.payload->>'fulfilmentId')::uuid
               WHERE j.state = 'pending' ORDER BY f.refund_key, j.kind`;
const CASES = `SELECT a.id, a.status, f.refund_key FROM after_sale_cases a JOIN fulfilments f ON f.id = a.fulfilment_id
                ORDER BY a.id`;

/**
 * The migration to one fulfilment table carries existing shipments over: data written by the app
 * is moved back to the old columns (down), then forward again (up), and comes out the same.
 */
describe('migration 1764000011000: orders and gift claims ship through one fulfilments table', () => {
  const name = `${templateDatabase()}_fulfilments`;
  const admin = new Client({ connectionString: serverUrl() });
  let source: DataSource;

  beforeAll(async () => {
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${templateDatabase()}`);
    const t = await TestApp.start({ DATABASE_URL: databaseUrl(name) });
    try {
      await shipments(t);
    } finally {
      await t.close();
    }
    source = new DataSource(dataSourceOptions({ kind: 'postgres', url: databaseUrl(name), poolSize: 2 }));
    await source.initialize();
  });
  afterAll(async () => {
    await source?.destroy();
    await admin.query(`DROP DATABASE IF EXISTS ${name}`);
    await admin.end();
  });

  it('down puts each shipment back on its order or claim; up rebuilds the same parcels, jobs and cases', async () => {
    const [parcels, jobs, cases] = [await source.query(PARCELS), await source.query(JOBS), await source.query(CASES)];
    expect(parcels.map((p: { status: string }) => p.status).sort()).toEqual(
      ['delivered', 'delivered', 'pending', 'shipped'].sort(),
    );
    expect(jobs.length).toBeGreaterThanOrEqual(3);
    expect(jobs.every((j: { keyed: boolean }) => j.keyed)).toBe(true);
    expect(cases).toHaveLength(1);
    // The ledger's own state (1764000012000, undone and redone on the way) comes through too.
    const LEDGER_STATE = `SELECT 'gmv' AS what, shop_id AS id, paid_gmv_fen::int AS fen FROM ledger_shop_gmv
                          UNION ALL SELECT 'fee', unit_id, fee_fen FROM ledger_unit_fees ORDER BY what, id`;
    const ledgerState = await source.query(LEDGER_STATE);
    expect(ledgerState.filter((r: { what: string }) => r.what === 'fee')).toHaveLength(2);

    // Back to the schema before this migration (undoing any that came after it first).
    for (;;) {
      const [last]: { name: string }[] = await source.query(
        'SELECT name FROM typeorm_migrations ORDER BY id DESC LIMIT 1',
      );
      await source.undoLastMigration({ transaction: 'each' });
      if (last.name === 'Fulfilments1764000011000') break;
    }
    const orders = await source.query(
      "SELECT status, carrier, tracking_no, shipped_at IS NOT NULL AS shipped FROM orders WHERE kind = 'normal' ORDER BY status",
    );
    expect(orders).toEqual([
      { status: 'delivered', carrier: SHIP.carrier, tracking_no: SHIP.trackingNo, shipped: true },
      { status: 'shipped', carrier: SHIP.carrier, tracking_no: SHIP.trackingNo, shipped: true },
    ]);
    const claims = await source.query('SELECT status, carrier FROM gift_claims ORDER BY status');
    expect(claims).toEqual([
      { status: 'accepted', carrier: null },
      { status: 'delivered', carrier: SHIP.carrier },
    ]);
    const oldJobs = await source.query(
      "SELECT DISTINCT kind FROM jobs WHERE state = 'pending' AND kind NOT LIKE 'gift.%' ORDER BY kind",
    );
    expect(oldJobs.map((j: { kind: string }) => j.kind)).toEqual(
      expect.arrayContaining(['gift_claim.complete', 'order.auto_confirm', 'order.complete']),
    );

    await source.runMigrations({ transaction: 'each' });
    expect(await source.query(PARCELS)).toEqual(parcels);
    expect(await source.query(JOBS)).toEqual(jobs);
    expect(await source.query(CASES)).toEqual(cases);
    expect(await source.query(LEDGER_STATE)).toEqual(ledgerState);
  });
});

/** A shipped order, a delivered order with a return open, and a gift with one unit delivered, one to ship. */
async function shipments(t: TestApp): Promise<void> {
  const w = await giftWorld(t);
  const { skuId } = await shopWithProduct(t, w.wang, { stock: 10, priceFen: 3000 });
  const buy = async () => {
    const order = (
      await t
        .http()
        .post('/api/orders')
        .set(w.dave.auth)
        .send({ items: [{ skuId, quantity: 1 }], address: ADDRESS, scene: 'mini_program' })
        .expect(201)
    ).body;
    await t.http().post(`/api/orders/${order.id}/pay`).set(w.dave.auth).expect(200);
    await t.http().post(`/api/orders/${order.id}/ship`).set(w.wang.auth).send(SHIP).expect(200);
    return order.id as string;
  };

  const tea = await w.product('花果茶组合');
  const gift = await sendGift(t, w.alice, { skuId: tea.skus[0].id, chatId: w.family.id, mode: 'first_come', units: 2 });
  const claim = async (who: typeof w.bob, phone: string) =>
    (
      await t
        .http()
        .post(`/api/gifts/${gift.id}/claim`)
        .set(who.auth)
        .send({ address: addressOf(who.nickname, phone) })
        .expect(200)
    ).body.id as string;
  const bobs = await claim(w.bob, '13900000071');
  await claim(w.carol, '13900000072');
  await t.http().post(`/api/gift-claims/${bobs}/ship`).set(w.wang.auth).send(SHIP).expect(200);
  await t.advance(10 * DAY + 60_000); // Bob never confirms: received after 10 days
  await buy();
  const returned = await buy();
  await t.http().post(`/api/orders/${returned}/confirm-receipt`).set(w.dave.auth).expect(200);
  await t.http().post(`/api/orders/${returned}/refund`).set(w.dave.auth).send({ reason: '不合适' }).expect(200);
}
