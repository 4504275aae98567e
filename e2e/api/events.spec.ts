import { DataSource } from 'typeorm';
import { ClockService } from '../../server/src/clock/clock.service';
import { EventBus } from '../../server/src/events/event-bus';
import { JobsService } from '../../server/src/jobs/jobs.service';
import { runInTransaction } from '../../server/src/database/run-in-transaction';
import { ADDRESS, shopWithProduct } from '../support/fixtures';
import { Session, TestApp } from '../support/test-app';

jest.setTimeout(120_000);

/** The domain event bus: one typed map, effects in the publisher's transaction or after its commit. */
describe('domain events', () => {
  let t: TestApp;
  let bus: EventBus;
  let db: DataSource;
  let merchant: Session;
  let buyer: Session;

  beforeAll(async () => {
    t = await TestApp.start({}, { processes: 1 }); // test subscribers are added to this app's bus only
    bus = t.app.get(EventBus);
    db = t.app.get(DataSource);
    merchant = await t.login('o_events_merchant');
    buyer = await t.login('o_events_buyer');
  });
  afterAll(() => t.close());

  it('wires each effect to the event it follows, in one place (no listener arrays or delegate maps)', () => {
    expect(bus.subscriptions()).toMatchObject({
      'product.viewed': ['search-signals'],
      'payment.succeeded': ['orders'],
      'order.paid': expect.arrayContaining([
        'ledger',
        'fulfilment',
        'gifts',
        'search-signals',
        'group-buys',
        'checkout',
        'gift-cards',
      ]),
      'order.cancelled': expect.arrayContaining(['checkout', 'gifts', 'group-buys', 'gift-cards']),
      'fulfilment.shipped': ['orders'],
      'fulfilment.delivered': ['orders'],
      'fulfilment.completed': expect.arrayContaining(['orders', 'ledger']),
      'fulfilment.refunded': expect.arrayContaining(['checkout', 'orders']),
      'refund.made': expect.arrayContaining(['ledger', 'search-signals']),
      'team.formed': ['fulfilment', 'search-signals'],
      'gift_card.claimed': ['ledger'],
      'gift_card.returned': ['ledger'],
    });
  });

  /** A bus of its own (the app's jobs and clock), so only the test's handlers see its events. */
  const isolatedBus = () => new EventBus(t.app.get(JobsService), t.app.get(ClockService));

  it('an in-transaction handler that throws rolls back the change that published the event', async () => {
    const bus = isolatedBus();
    const [{ id: userId }] = await t.sql<{ id: string }>("SELECT id FROM users WHERE open_id = 'o_events_buyer'");
    bus.inTransaction('refund.made', 'test-refuses', async (_tx, refund) => {
      if (refund.refundId === 'refused') throw new Error('refused by a handler');
    });
    await expect(
      runInTransaction(db, async (tx) => {
        await tx.query("UPDATE users SET nickname = '改过了' WHERE id = $1", [userId]);
        await bus.publish(tx, 'refund.made', { orderId: 'o', unitId: null, refundId: 'refused', amountFen: 1 });
      }),
    ).rejects.toThrow('refused by a handler');
    const [{ nickname }] = await t.sql<{ nickname: string }>('SELECT nickname FROM users WHERE id = $1', [userId]);
    expect(nickname).not.toBe('改过了');
  });

  it('an after-commit handler runs as a job once the publisher committed, never for a rolled-back one', async () => {
    const seen: string[] = [];
    const isolated = isolatedBus();
    isolated.afterCommit('refund.made', 'test-isolated', async (_tx, refund) => {
      seen.push(refund.refundId);
    });
    // Rolled back: no job was enqueued, so nothing runs.
    await expect(
      runInTransaction(db, async (tx) => {
        await isolated.publish(tx, 'refund.made', {
          orderId: 'o',
          unitId: null,
          refundId: 'rolled-back',
          amountFen: 1,
        });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    await t.advance(0);
    expect(seen).toEqual([]);
    // The app's bus: a real refund, published by payments when the buyer asks for the money back.
    bus.afterCommit('refund.made', 'test-after-commit', async (_tx, refund) => {
      seen.push(refund.refundId);
    });
    // A real refund: the buyer pays, then asks for the money back before shipment.
    const { skuId } = await shopWithProduct(t, merchant, { stock: 5, priceFen: 2000 });
    const order = (
      await t
        .http()
        .post('/api/orders')
        .set(buyer.auth)
        .send({ items: [{ skuId, quantity: 1 }], address: ADDRESS, scene: 'mini_program' })
        .expect(201)
    ).body;
    await t.http().post(`/api/orders/${order.id}/pay`).set(buyer.auth).expect(200);
    await t.http().post(`/api/orders/${order.id}/refund`).set(buyer.auth).send({ reason: '不想要了' }).expect(200);
    expect(seen).toEqual([]); // committed, but not yet run: it is a job
    await t.advance(0);
    const [{ id: refundId }] = await t.sql<{ id: string }>('SELECT id FROM refunds WHERE order_id = $1', [order.id]);
    expect(seen).toEqual([refundId]);
    await t.advance(0);
    expect(seen).toEqual([refundId]); // done once, not again
  });
});
