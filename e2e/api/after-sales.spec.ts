import type { OrderView } from '@giftshop/shared';
import { ADDRESS, shopWithProduct, stockOf } from '../support/fixtures';
import { Session, TestApp } from '../support/test-app';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const STOCK = 5;
/** Every order here is 2 × 3000 fen + 1000 fen freight. */
const TOTAL = 7000;

describe('after-sales: refunds before shipment, 7-day no-reason returns, approval and rejection', () => {
  let t: TestApp;
  let merchant: Session;
  let buyer: Session;
  let stranger: Session;

  beforeAll(async () => {
    t = await TestApp.start();
    merchant = await t.login('o_as_merchant');
    buyer = await t.login('o_as_buyer');
    stranger = await t.login('o_as_stranger');
  });
  afterAll(() => t.close());

  const post = (path: string, who: Session, body?: object) => t.http().post(path).set(who.auth).send(body);
  const read = async (id: string): Promise<OrderView> =>
    (await t.http().get(`/api/orders/${id}`).set(buyer.auth).expect(200)).body;
  /** A pending order for 2 of a fresh SKU with STOCK in stock. */
  const placed = async (): Promise<{ id: string; skuId: string }> => {
    const { skuId } = await shopWithProduct(t, merchant, { stock: STOCK, priceFen: 3000 });
    const body = { items: [{ skuId, quantity: 2 }], address: ADDRESS, scene: 'channels_live' };
    const res = await post('/api/orders', buyer, body).expect(201);
    expect(res.body.totalFen).toBe(TOTAL);
    return { id: res.body.id, skuId };
  };
  const paid = async () => {
    const order = await placed();
    await post(`/api/orders/${order.id}/pay`, buyer).expect(200);
    return order;
  };
  const shipped = async () => {
    const order = await paid();
    await post(`/api/orders/${order.id}/ship`, merchant, { carrier: '顺丰', trackingNo: 'SF123456789' }).expect(200);
    return order;
  };
  const delivered = async () => {
    const order = await shipped();
    const res = await post(`/api/orders/${order.id}/confirm-receipt`, buyer).expect(200);
    expect(res.body.status).toBe('delivered');
    return order;
  };
  const refund = (id: string, who: Session = buyer, body: object = { reason: '不想要了' }) =>
    post(`/api/orders/${id}/refund`, who, body);
  /** A delivered order with an open return; answers the case id. */
  const openReturn = async () => {
    const order = await delivered();
    const res = await refund(order.id).expect(200);
    return { ...order, caseId: res.body.afterSale.id as string };
  };
  const approve = (caseId: string, who: Session = merchant) => post(`/api/after-sales/${caseId}/approve`, who);
  const reject = (caseId: string, who: Session = merchant) => post(`/api/after-sales/${caseId}/reject`, who);
  const refundsOf = (orderId: string) =>
    t.sql<{ amount_fen: number; refund_key: string }>(
      'SELECT amount_fen, refund_key FROM refunds WHERE order_id = $1',
      [orderId],
    );
  const casesOf = (orderId: string) => t.sql('SELECT id FROM after_sale_cases WHERE order_id = $1', [orderId]);

  describe('a refund before shipment is immediate', () => {
    it('refunds the total to the payment, closes the case and returns the stock; a second request is 409', async () => {
      const order = await paid();
      expect(await stockOf(t, order.skuId)).toBe(STOCK - 2);
      const res = await refund(order.id).expect(200);
      expect(res.body).toMatchObject({
        id: order.id,
        status: 'refunded',
        refundedFen: TOTAL,
        refundedAt: expect.any(String),
        afterSale: { type: 'refund', status: 'refunded', open: false, reason: '不想要了' },
      });
      expect(await stockOf(t, order.skuId)).toBe(STOCK);

      const again = await refund(order.id).expect(409);
      expect(again.body).toMatchObject({ statusCode: 409, message: expect.stringContaining('refunded') });
      expect(['REFUND_NOT_ALLOWED', 'ILLEGAL_TRANSITION']).toContain(again.body.code);
      expect(await refundsOf(order.id)).toEqual([{ amount_fen: TOTAL, refund_key: `order:${order.id}:full` }]);
      expect(await stockOf(t, order.skuId)).toBe(STOCK);
      expect(await casesOf(order.id)).toHaveLength(1);
    });

    it('grants exactly one of 10 concurrent refund requests', async () => {
      const order = await paid();
      const results = await Promise.all(Array.from({ length: 10 }, () => refund(order.id)));
      const statuses = results.map((r) => r.status).sort();
      expect(statuses).toEqual([200, ...Array(9).fill(409)]);
      expect(await refundsOf(order.id)).toHaveLength(1);
      expect(await casesOf(order.id)).toHaveLength(1);
      expect(await stockOf(t, order.skuId)).toBe(STOCK);
      expect(await read(order.id)).toMatchObject({ status: 'refunded', refundedFen: TOTAL });
    });

    it('refuses a refund once shipped, naming the state, and on an unpaid order', async () => {
      const sent = await shipped();
      const res = await refund(sent.id).expect(409);
      expect(res.body).toMatchObject({ code: 'REFUND_NOT_ALLOWED', message: expect.stringContaining('shipped') });
      expect(await read(sent.id)).toMatchObject({ status: 'shipped', refundedFen: 0, afterSale: null });

      const unpaid = await placed();
      const res2 = await refund(unpaid.id).expect(409);
      expect(res2.body).toMatchObject({ statusCode: 409, message: expect.stringContaining('pending_payment') });
      expect(await read(unpaid.id)).toMatchObject({ status: 'pending_payment', afterSale: null });
      expect([...(await refundsOf(sent.id)), ...(await refundsOf(unpaid.id))]).toEqual([]);
    });
  });

  describe('only the buyer may ask, with a valid reason', () => {
    it('answers 403 NOT_BUYER to the merchant and 404 to a stranger', async () => {
      const order = await paid();
      expect((await refund(order.id, merchant).expect(403)).body.code).toBe('NOT_BUYER');
      await refund(order.id, stranger).expect(404);
      expect(await read(order.id)).toMatchObject({ status: 'paid', afterSale: null });
      expect(await refundsOf(order.id)).toEqual([]);
    });

    it.each<[string, object, string]>([
      ['an empty reason', { reason: '' }, 'reason'],
      ['a reason over 200 characters', { reason: '退'.repeat(201) }, 'reason'],
      ['no reason', {}, 'reason'],
      ['a reason that is not text', { reason: 42 }, 'reason'],
      ['an extra field', { reason: '不想要了', amountFen: 1 }, 'amountFen'],
    ])('rejects %s with 400 naming the field, and writes nothing', async (_name, body, field) => {
      const order = await paid();
      const res = await refund(order.id, buyer, body).expect(400);
      expect(res.body).toMatchObject({ statusCode: 400, message: expect.stringContaining(field) });
      expect(await read(order.id)).toMatchObject({ status: 'paid', refundedFen: 0, afterSale: null });
      expect(await casesOf(order.id)).toEqual([]);
      expect(await stockOf(t, order.skuId)).toBe(STOCK - 2);
    });
  });

  describe('a 7-day no-reason return', () => {
    it('opens a case the merchant approves; the open case holds the order back from completing', async () => {
      const order = await delivered();
      const requested = await refund(order.id).expect(200);
      expect(requested.body).toMatchObject({
        status: 'delivered',
        refundedFen: 0,
        afterSale: { id: expect.any(String), type: 'return', status: 'requested', open: true },
      });
      const caseId = requested.body.afterSale.id;
      expect(await refundsOf(order.id)).toEqual([]);

      const twice = await refund(order.id).expect(409);
      expect(twice.body.code).toBe('CASE_ALREADY_OPEN');
      expect(await casesOf(order.id)).toHaveLength(1);

      await t.advance(8 * DAY);
      expect(await read(order.id)).toMatchObject({ status: 'delivered', completedAt: null, afterSale: { open: true } });

      expect((await approve(caseId, buyer).expect(403)).body.code).toBe('NOT_SHOP_OWNER');
      await approve(caseId, stranger).expect(404);
      expect(await read(order.id)).toMatchObject({ status: 'delivered', afterSale: { status: 'requested' } });

      const approved = await approve(caseId).expect(200);
      expect(approved.body).toMatchObject({
        status: 'refunded',
        refundedFen: TOTAL,
        afterSale: { id: caseId, type: 'return', status: 'refunded', open: false, resolvedAt: expect.any(String) },
      });
      expect(await refundsOf(order.id)).toEqual([{ amount_fen: TOTAL, refund_key: `order:${order.id}:full` }]);

      const again = await approve(caseId).expect(409);
      expect(again.body).toMatchObject({ code: 'ILLEGAL_TRANSITION', message: expect.stringContaining('refunded') });
      expect(await refundsOf(order.id)).toHaveLength(1);
      expect(await read(order.id)).toMatchObject({ status: 'refunded', refundedFen: TOTAL });
    });

    it('opens one case from 10 concurrent return requests', async () => {
      const order = await delivered();
      const results = await Promise.all(Array.from({ length: 10 }, () => refund(order.id)));
      expect(results.map((r) => r.status).sort()).toEqual([200, ...Array(9).fill(409)]);
      expect(results.filter((r) => r.status === 409).map((r) => r.body.code)).toEqual(
        Array(9).fill('CASE_ALREADY_OPEN'),
      );
      expect(await casesOf(order.id)).toHaveLength(1);
    });

    it('resolves a case once when the merchant approves and rejects it at the same time', async () => {
      const { id, caseId } = await openReturn();
      const [approved, rejected] = await Promise.all([approve(caseId), reject(caseId)]);
      expect([approved.status, rejected.status].sort()).toEqual([200, 409]);
      const order = await read(id);
      if (approved.status === 200) expect(order).toMatchObject({ status: 'refunded', refundedFen: TOTAL });
      else expect(order).toMatchObject({ status: 'delivered', refundedFen: 0, afterSale: { status: 'rejected' } });
      expect((await refundsOf(id)).length).toBe(approved.status === 200 ? 1 : 0);
    });
  });

  describe('the merchant rejects a return', () => {
    it('completes the order at once when the 7 days have already passed', async () => {
      const { id, caseId } = await openReturn();
      await t.advance(8 * DAY);
      expect((await read(id)).status).toBe('delivered');
      const res = await reject(caseId).expect(200);
      expect(res.body).toMatchObject({
        status: 'completed',
        completedAt: expect.any(String),
        refundedFen: 0,
        afterSale: { id: caseId, status: 'rejected', open: false },
      });
      expect(await refundsOf(id)).toEqual([]);
      expect((await reject(caseId).expect(409)).body.code).toBe('ILLEGAL_TRANSITION');
    });

    it('leaves the order delivered within the window, and it completes when the window closes', async () => {
      const { id, caseId } = await openReturn();
      const res = await reject(caseId).expect(200);
      expect(res.body).toMatchObject({
        status: 'delivered',
        refundedFen: 0,
        afterSale: { status: 'rejected', open: false },
      });
      await t.advance(7 * DAY + MINUTE);
      expect(await read(id)).toMatchObject({ status: 'completed', refundedFen: 0, afterSale: { status: 'rejected' } });
      expect(await refundsOf(id)).toEqual([]);
    });

    it('lets only the merchant reject', async () => {
      const { id, caseId } = await openReturn();
      expect((await reject(caseId, buyer).expect(403)).body.code).toBe('NOT_SHOP_OWNER');
      await reject(caseId, stranger).expect(404);
      expect(await read(id)).toMatchObject({ status: 'delivered', afterSale: { status: 'requested', open: true } });
    });
  });

  describe('the return window', () => {
    it('accepts a return request inside the window', async () => {
      const order = await delivered();
      await t.advance(7 * DAY - MINUTE);
      const res = await refund(order.id).expect(200);
      expect(res.body).toMatchObject({ status: 'delivered', afterSale: { type: 'return', open: true } });
    });

    it('completes the order when the window closes, and refuses a refund after that', async () => {
      const order = await delivered();
      await t.advance(7 * DAY + MINUTE);
      expect(await read(order.id)).toMatchObject({ status: 'completed', completedAt: expect.any(String) });
      const res = await refund(order.id).expect(409);
      expect(res.body).toMatchObject({ code: 'REFUND_NOT_ALLOWED', message: expect.stringContaining('completed') });
      expect(await casesOf(order.id)).toEqual([]);
      expect(await refundsOf(order.id)).toEqual([]);
    });

    it('refuses a return after the window even if the completion job has not run (RETURN_WINDOW_CLOSED)', async () => {
      const order = await delivered();
      await t.sql(
        "DELETE FROM jobs WHERE unique_key = (SELECT 'fulfilment.complete:' || id FROM fulfilments WHERE order_id = $1)",
        [order.id],
      );
      await t.advance(7 * DAY + MINUTE);
      expect((await read(order.id)).status).toBe('delivered');
      const res = await refund(order.id).expect(409);
      expect(res.body.code).toBe('RETURN_WINDOW_CLOSED');
      expect(await casesOf(order.id)).toEqual([]);
    });
  });
});
