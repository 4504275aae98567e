import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { OrderView } from '@giftshop/shared';
import { PaymentProvider } from '../../server/src/payments/payment-provider';
import { PaymentProviders } from '../../server/src/payments/payment-providers';
import { signSandboxNotification } from '../../server/src/payments/sandbox-payment.provider';
import { ADDRESS, shopWithProduct } from '../support/fixtures';
import { Session, TEST_NOTIFY_SECRET, TestApp } from '../support/test-app';

interface PaymentState {
  orderStatus: string;
  orderPaidAt: Date | null;
  paymentStatus: string;
  transactionId: string | null;
  paymentPaidAt: Date | null;
  notifications: number;
  refunds: number;
}

describe('payments: sandbox WeChat Pay, signed notifications, late payments and idempotency', () => {
  let t: TestApp;
  let merchant: Session;
  let buyer: Session;

  beforeAll(async () => {
    t = await TestApp.start();
    merchant = await t.login('o_pay_merchant');
    buyer = await t.login('o_pay_buyer');
  });
  afterAll(() => t.close());

  /** A fresh pending order of one 5000 fen item (+1000 freight). */
  const placeOrder = async (who: Session = buyer): Promise<OrderView> => {
    const { skuId } = await shopWithProduct(t, merchant, { stock: 5, priceFen: 5000 });
    const body = { items: [{ skuId, quantity: 1 }], address: ADDRESS, scene: 'channels_live' };
    return (await t.http().post('/api/orders').set(who.auth).send(body).expect(201)).body;
  };
  /** A pending payment opened as a real provider would leave it, awaiting its notification. */
  const pendingPayment = async (order: OrderView): Promise<string> => {
    const [row] = await t.sql<{ id: string }>(
      "INSERT INTO payments (order_id, provider, amount_fen, status, created_at) VALUES ($1,'sandbox',$2,'pending',now()) RETURNING id",
      [order.id, order.totalFen],
    );
    return row.id;
  };
  const event = (paymentId: string, amountFen: number, extra: object = {}) => ({
    eventId: `evt_${randomUUID()}`,
    type: 'payment.succeeded',
    paymentId,
    transactionId: `wx_tx_${randomUUID().replace(/-/g, '')}`,
    amountFen,
    paidAt: '2030-01-02T03:04:05.000Z',
    ...extra,
  });
  // The server refuses notifications signed more than 5 minutes from its clock, so sign on it.
  let clockOffsetMs = 0;
  const advance = async (ms: number) => {
    await t.advance(ms);
    clockOffsetMs += ms;
  };
  const sign = (raw: string, secret = TEST_NOTIFY_SECRET, atMs = Date.now() + clockOffsetMs) => {
    const timestamp = String(Math.floor(atMs / 1000));
    return { 'x-sandbox-timestamp': timestamp, 'x-sandbox-signature': signSandboxNotification(secret, timestamp, raw) };
  };
  const post = (raw: string, headers: Record<string, string>) =>
    t.http().post('/api/payments/notify').set('Content-Type', 'application/json').set(headers).send(raw);
  const notify = (body: object) => {
    const raw = JSON.stringify(body);
    return post(raw, sign(raw));
  };
  const stateOf = async (orderId: string): Promise<PaymentState> => {
    const [row] = await t.sql<PaymentState>(
      `SELECT o.status AS "orderStatus", o.paid_at AS "orderPaidAt", p.status AS "paymentStatus",
              p.transaction_id AS "transactionId", p.paid_at AS "paymentPaidAt",
              (SELECT count(*)::int FROM payment_notifications n WHERE n.payment_id = p.id) AS notifications,
              (SELECT count(*)::int FROM refunds r WHERE r.order_id = o.id) AS refunds
         FROM orders o LEFT JOIN payments p ON p.order_id = o.id WHERE o.id = $1`,
      [orderId],
    );
    return row;
  };
  const untouched = { orderStatus: 'pending_payment', paymentStatus: 'pending', notifications: 0, refunds: 0 };

  describe('the buyer pays and the sandbox confirms at once', () => {
    it('answers paid with the payment, and the order shows paid, paidAt and a succeeded payment', async () => {
      const order = await placeOrder();
      const paid = await t.http().post(`/api/orders/${order.id}/pay`).set(buyer.auth).expect(200);
      expect(paid.body).toEqual({
        id: order.id,
        status: 'paid',
        payment: { id: expect.any(String), transactionId: expect.stringMatching(/^sandbox_tx_/) },
      });
      const read = await t.http().get(`/api/orders/${order.id}`).set(buyer.auth).expect(200);
      expect(read.body).toMatchObject({
        status: 'paid',
        paidAt: expect.any(String),
        payment: { id: paid.body.payment.id, transactionId: paid.body.payment.transactionId, status: 'succeeded' },
      });
      expect(await stateOf(order.id)).toMatchObject({ paymentStatus: 'succeeded', notifications: 1, refunds: 0 });
    });
  });

  describe('a notification for a pending payment is applied exactly once', () => {
    it('pays the order, then ignores a repeat of the event and another event for the settled payment', async () => {
      const order = await placeOrder();
      const paymentId = await pendingPayment(order);
      const first = event(paymentId, order.totalFen);
      const res = await notify(first).expect(200);
      expect(res.body).toEqual({ received: true, duplicate: false });
      const after = await stateOf(order.id);
      expect(after).toMatchObject({
        orderStatus: 'paid',
        paymentStatus: 'succeeded',
        transactionId: first.transactionId,
        notifications: 1,
      });
      expect(after.orderPaidAt?.toISOString()).toBe(first.paidAt);
      const read = await t.http().get(`/api/orders/${order.id}`).set(buyer.auth).expect(200);
      expect(read.body).toMatchObject({ status: 'paid', paidAt: first.paidAt, payment: { status: 'succeeded' } });

      const repeat = await notify(first).expect(200);
      expect(repeat.body).toEqual({ received: true, duplicate: true });
      expect(await stateOf(order.id)).toEqual(after);
      const rows = await t.sql('SELECT 1 FROM payment_notifications WHERE event_id = $1', [first.eventId]);
      expect(rows).toHaveLength(1);

      const other = event(paymentId, order.totalFen, { paidAt: '2030-02-02T00:00:00.000Z' });
      expect((await notify(other).expect(200)).body).toEqual({ received: true, duplicate: true });
      const final = await stateOf(order.id);
      expect(final).toMatchObject({ transactionId: first.transactionId, orderStatus: 'paid' });
      expect(final.orderPaidAt).toEqual(after.orderPaidAt);
      expect(final.paymentPaidAt).toEqual(after.paymentPaidAt);
    });
  });

  describe('concurrent deliveries of one notification', () => {
    it('applies exactly one of 10 identical notifications sent at once', async () => {
      const order = await placeOrder();
      const paymentId = await pendingPayment(order);
      const body = event(paymentId, order.totalFen);
      const results = await Promise.all(Array.from({ length: 10 }, () => notify(body)));
      expect(results.map((r) => r.status)).toEqual(Array(10).fill(200));
      expect(results.filter((r) => r.body.duplicate === false)).toHaveLength(1);
      expect(await stateOf(order.id)).toMatchObject({
        orderStatus: 'paid',
        transactionId: body.transactionId,
        notifications: 1,
      });
    });
  });

  describe('forged or wrong notifications change nothing', () => {
    let order: OrderView;
    let paymentId: string;
    beforeAll(async () => {
      order = await placeOrder();
      paymentId = await pendingPayment(order);
    });
    afterEach(async () => expect(await stateOf(order.id)).toMatchObject(untouched));

    it.each<[string, (raw: string) => [string, Record<string, string>]]>([
      ['signed with the wrong secret', (raw) => [raw, sign(raw, 'not-the-secret')]],
      ['tampered with after signing', (raw) => [raw.replace(/"amountFen":\d+/, '"amountFen":1'), sign(raw)]],
      ['missing the signature header', (raw) => [raw, { 'x-sandbox-timestamp': sign(raw)['x-sandbox-timestamp'] }]],
      ['missing the timestamp header', (raw) => [raw, { 'x-sandbox-signature': sign(raw)['x-sandbox-signature'] }]],
      ['missing both headers', (raw) => [raw, {}]],
      ['with a non-hex signature', (raw) => [raw, { ...sign(raw), 'x-sandbox-signature': 'z'.repeat(64) }]],
      ['with a signature of the wrong length', (raw) => [raw, { ...sign(raw), 'x-sandbox-signature': 'ab12' }]],
      [
        'whose signature differs in its last hex digit only',
        (raw) => {
          const good = sign(raw);
          const sig = good['x-sandbox-signature'];
          const last = sig.endsWith('0') ? '1' : '0';
          return [raw, { ...good, 'x-sandbox-signature': sig.slice(0, -1) + last }];
        },
      ],
      [
        'whose signature differs in its first hex digit only',
        (raw) => {
          const good = sign(raw);
          const sig = good['x-sandbox-signature'];
          return [raw, { ...good, 'x-sandbox-signature': (sig.startsWith('0') ? '1' : '0') + sig.slice(1) }];
        },
      ],
      [
        'signed 6 minutes ago (a replay)',
        (raw) => [raw, sign(raw, TEST_NOTIFY_SECRET, Date.now() + clockOffsetMs - 360_000)],
      ],
      [
        'signed 6 minutes in the future',
        (raw) => [raw, sign(raw, TEST_NOTIFY_SECRET, Date.now() + clockOffsetMs + 360_000)],
      ],
    ])('rejects a notification %s with 401', async (_name, forge) => {
      const [raw, headers] = forge(JSON.stringify(event(paymentId, order.totalFen)));
      const res = await post(raw, headers).expect(401);
      expect(res.body).toMatchObject({ statusCode: 401, code: 'UNAUTHENTICATED' });
    });

    it('checks the signature before it opens any transaction', async () => {
      const db = t.app.get(DataSource);
      const opened = jest.spyOn(db, 'transaction');
      try {
        const raw = JSON.stringify(event(paymentId, order.totalFen));
        await post(raw, sign(raw, 'not-the-secret')).expect(401);
        expect(opened).not.toHaveBeenCalled();
        await notify(event(paymentId, order.totalFen, { paymentId: 'not-a-uuid' })).expect(400);
        expect(opened).not.toHaveBeenCalled();
      } finally {
        opened.mockRestore();
      }
    });

    it('rejects a transaction id that already settled another payment with 409, not a 500', async () => {
      const other = await placeOrder();
      const otherPayment = await pendingPayment(other);
      const settled = event(otherPayment, other.totalFen);
      await notify(settled).expect(200);
      const res = await notify(event(paymentId, order.totalFen, { transactionId: settled.transactionId })).expect(409);
      expect(res.body.code).toBe('TRANSACTION_ID_REUSED');
    });

    it('rejects a correctly signed notification for the wrong amount with 400 AMOUNT_MISMATCH', async () => {
      const res = await notify(event(paymentId, order.totalFen - 1)).expect(400);
      expect(res.body).toMatchObject({
        code: 'AMOUNT_MISMATCH',
        message: expect.stringContaining(`${order.totalFen}`),
      });
    });

    it.each<[string, (body: Record<string, unknown>) => object, RegExp]>([
      ['paymentId is not a UUID', (b) => ({ ...b, paymentId: 'pay-123' }), /paymentId/],
      ['transactionId is missing', ({ transactionId: _omit, ...b }) => b, /transactionId/],
      ['amountFen is not an integer', (b) => ({ ...b, amountFen: '6000' }), /amountFen/],
      ['paidAt is not a date', (b) => ({ ...b, paidAt: 'yesterday' }), /paidAt/],
      ['type is unknown', (b) => ({ ...b, type: 'refund.succeeded' }), /type/],
    ])('rejects a signed but malformed notification (%s) with 400', async (_name, mangle, field) => {
      const res = await notify(mangle(event(paymentId, order.totalFen))).expect(400);
      expect(res.body).toMatchObject({
        statusCode: 400,
        code: 'INVALID_NOTIFICATION',
        message: expect.stringMatching(field),
      });
    });

    it('answers 404 for a signed notification about an unknown payment', async () => {
      const res = await notify(event(randomUUID(), order.totalFen)).expect(404);
      expect(res.body).toMatchObject({ statusCode: 404, code: 'PAYMENT_NOT_FOUND' });
    });
  });

  describe('a payment that arrives after the buyer cancelled', () => {
    it('keeps the order cancelled and refunds the payment in full, once', async () => {
      const order = await placeOrder();
      const paymentId = await pendingPayment(order);
      const cancelled = await t.http().post(`/api/orders/${order.id}/cancel`).set(buyer.auth).expect(200);
      expect(cancelled.body.status).toBe('cancelled');

      const late = event(paymentId, order.totalFen);
      expect((await notify(late).expect(200)).body).toEqual({ received: true, duplicate: false });
      expect(await stateOf(order.id)).toMatchObject({
        orderStatus: 'cancelled',
        orderPaidAt: null,
        paymentStatus: 'succeeded',
        refunds: 1,
      });
      const refunds = await t.sql('SELECT amount_fen, refund_key, payment_id FROM refunds WHERE order_id = $1', [
        order.id,
      ]);
      expect(refunds).toEqual([
        { amount_fen: order.totalFen, refund_key: `order:${order.id}:late-payment`, payment_id: paymentId },
      ]);
      const read = await t.http().get(`/api/orders/${order.id}`).set(buyer.auth).expect(200);
      expect(read.body).toMatchObject({ status: 'cancelled', refundedFen: order.totalFen });

      expect((await notify(late).expect(200)).body).toEqual({ received: true, duplicate: true });
      expect(await stateOf(order.id)).toMatchObject({ orderStatus: 'cancelled', refunds: 1, notifications: 1 });
    });

    it('does the same for an order the 15-minute unpaid timeout cancelled', async () => {
      const order = await placeOrder();
      const paymentId = await pendingPayment(order);
      await advance(15 * 60_000 + 1000);
      expect(await stateOf(order.id)).toMatchObject({ orderStatus: 'cancelled', paymentStatus: 'pending' });
      expect((await notify(event(paymentId, order.totalFen)).expect(200)).body.duplicate).toBe(false);
      expect(await stateOf(order.id)).toMatchObject({ orderStatus: 'cancelled', paymentStatus: 'succeeded' });
      const refunds = await t.sql('SELECT amount_fen, refund_key FROM refunds WHERE order_id = $1', [order.id]);
      expect(refunds).toEqual([{ amount_fen: order.totalFen, refund_key: `order:${order.id}:late-payment` }]);
    });
  });

  describe('Idempotency-Key on pay', () => {
    const pay = (orderId: string, key?: string) => {
      const req = t.http().post(`/api/orders/${orderId}/pay`).set(buyer.auth);
      if (key) req.set('Idempotency-Key', key);
      return req;
    };

    it('replays the first response for the same key and opens one payment', async () => {
      const order = await placeOrder();
      const key = `pay-${randomUUID()}`;
      const first = await pay(order.id, key).expect(200);
      const second = await pay(order.id, key).expect(200);
      expect(second.body).toEqual(first.body);
      expect(first.body).toMatchObject({ id: order.id, status: 'paid' });
      const payments = await t.sql('SELECT id FROM payments WHERE order_id = $1', [order.id]);
      expect(payments).toEqual([{ id: first.body.payment.id }]);
    });

    it('answers 409 IDEMPOTENCY_KEY_REUSED for the same key on another order, and leaves it unpaid', async () => {
      const [a, b] = [await placeOrder(), await placeOrder()];
      const key = `pay-${randomUUID()}`;
      await pay(a.id, key).expect(200);
      const res = await pay(b.id, key).expect(409);
      expect(res.body).toMatchObject({ statusCode: 409, code: 'IDEMPOTENCY_KEY_REUSED' });
      expect(await stateOf(b.id)).toMatchObject({ orderStatus: 'pending_payment', paymentStatus: null });
    });

    it('answers 409 ILLEGAL_TRANSITION naming the state when an already-paid order is paid again', async () => {
      const order = await placeOrder();
      await pay(order.id).expect(200);
      const res = await pay(order.id).expect(409);
      expect(res.body).toMatchObject({ code: 'ILLEGAL_TRANSITION', message: expect.stringContaining('is paid') });
      expect(await stateOf(order.id)).toMatchObject({ orderStatus: 'paid', notifications: 1 });
    });
  });
  describe('providers are registered by code; a payment keeps the one that took it', () => {
    /** A second provider that records what it is asked (a stand-in for, say, a card acquirer). */
    const altCalls: string[] = [];
    const alt: PaymentProvider = {
      name: 'alt-pay',
      createPayment: () => Promise.reject(new Error('not used here')),
      verifyNotification: () => null,
      refund: (input) => {
        altCalls.push(input.refundId);
        return Promise.resolve({ providerRefundId: `alt-${input.refundId}` });
      },
    };
    beforeAll(() => t.app.get(PaymentProviders).register(alt));

    it("sends a refund to the payment's own provider, not the default one, and marks it sent", async () => {
      const order = await placeOrder();
      await t.http().post(`/api/orders/${order.id}/pay`).set(buyer.auth).expect(200);
      // As if this payment had been taken by the other provider before the default changed.
      await t.sql("UPDATE payments SET provider = 'alt-pay' WHERE order_id = $1", [order.id]);
      await t.http().post(`/api/orders/${order.id}/refund`).set(buyer.auth).send({ reason: '不想要了' }).expect(200);
      const [pending] = await t.sql<{ id: string; status: string }>(
        'SELECT id, status FROM refunds WHERE order_id = $1',
        [order.id],
      );
      expect(pending.status).toBe('pending');
      await t.advanceHere(0); // the alt provider is registered in this app only
      expect(altCalls).toEqual([pending.id]);
      const [sent] = await t.sql<{ status: string; provider_refund_id: string }>(
        'SELECT status, provider_refund_id FROM refunds WHERE id = $1',
        [pending.id],
      );
      expect(sent).toEqual({ status: 'sent', provider_refund_id: `alt-${pending.id}` });
      expect(await t.sql('SELECT 1 FROM sandbox_refunds WHERE refund_id = $1', [pending.id])).toEqual([]);
      await advance(0);
      expect(altCalls).toEqual([pending.id]); // sent once
    });

    it('refuses, with 409 and no change, a notification from a provider that did not open the payment', async () => {
      const order = await placeOrder();
      const paymentId = await pendingPayment(order);
      await t.sql("UPDATE payments SET provider = 'alt-pay' WHERE id = $1", [paymentId]);
      const res = await notify(event(paymentId, order.totalFen)).expect(409);
      expect(res.body.code).toBe('WRONG_PROVIDER');
      expect(await stateOf(order.id)).toMatchObject(untouched);
    });

    it('will not start with a default provider that is not registered', async () => {
      await expect(TestApp.start({ PAYMENT_PROVIDER: 'nopay' }, { reset: false })).rejects.toThrow(
        'payment provider nopay is not registered (known: sandbox)',
      );
    });
  });
});
