import fc from 'fast-check';
import type { OrderQuote, OrderView } from '@giftshop/shared';
import { ADDRESS } from '../support/fixtures';
import { claimCard, designCard, friends, offerShop, sendCard, type OfferShop } from '../support/offer-fixtures';
import { Session, TestApp } from '../support/test-app';

jest.setTimeout(180_000);

const SEED = Number(process.env.SPREAD_PROPERTY_SEED ?? 17);

/**
 * The spread on real PostgreSQL: random carts, random coupons (amount or percent off, a cap, a
 * minimum spend, some products or all) and sometimes a gift card. For each, the quote and the
 * order agree to the fen; the stored lines add up to goods − discount, none below zero or above its
 * goods, only the coupon's products discounted; a refund gives WeChat Pay back exactly its part and
 * the card exactly its part, never more than was paid.
 */
describe('the discount spread over an order’s lines (property, on PostgreSQL)', () => {
  let t: TestApp;
  let s: OfferShop;
  let buyer: Session;
  let giver: Session;
  let chatId: string;
  let designId: string;

  beforeAll(async () => {
    t = await TestApp.start();
    s = await offerShop(t, 'spread');
    buyer = await t.login('o_spread_buyer');
    giver = await t.login('o_spread_giver');
    chatId = await friends(t, giver, buyer);
    designId = await designCard(t, s, { faceValueFen: 3000, validDays: 365 });
  });
  afterAll(() => t.close());

  const post = (path: string, who: Session, body?: object) => t.http().post(path).set(who.auth).send(body);

  const products = () => [s.tea, s.cup, s.cloth];
  const cart = fc.uniqueArray(fc.record({ product: fc.nat(2), quantity: fc.integer({ min: 1, max: 4 }) }), {
    minLength: 1,
    maxLength: 3,
    selector: (l) => l.product,
  });
  const coupon = fc.record({
    percent: fc.boolean(),
    amountOffFen: fc.integer({ min: 1, max: 30_000 }),
    percentOffBps: fc.integer({ min: 1, max: 8000 }),
    maxDiscountFen: fc.option(fc.integer({ min: 1, max: 5000 }), { nil: undefined }),
    minSpendFen: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 30_000 })),
    only: fc.option(fc.uniqueArray(fc.nat(2), { minLength: 1, maxLength: 2 }), { nil: undefined }),
  });

  it('lines add up to goods − discount, none below zero, and refunds give back exactly what was paid', async () => {
    const reached = { refused: 0, discounted: 0, carded: 0, someLinesOnly: 0 };
    await fc.assert(
      fc.asyncProperty(cart, coupon, fc.boolean(), async (lines, terms, withCard) => {
        const productIds = terms.only?.map((i) => products()[i].productId);
        const issued = await post(`/api/shops/${s.shopId}/coupons`, s.merchant, {
          title: '随机券',
          ...(terms.percent
            ? { type: 'percent_off', percentOffBps: terms.percentOffBps, maxDiscountFen: terms.maxDiscountFen }
            : { type: 'amount_off', amountOffFen: terms.amountOffFen }),
          minSpendFen: terms.minSpendFen,
          productIds,
          total: 1,
          perUserLimit: 1,
          claimEndsAt: '2100-01-01T00:00:00.000Z',
          validDays: 30,
        }).expect(201);
        const claimed = (await post(`/api/coupons/${issued.body.id}/claim`, buyer).expect(201)).body;
        let cardId: string | null = null;
        if (withCard) {
          cardId = (await sendCard(t, giver, designId, chatId)).id;
          await claimCard(t, buyer, cardId);
        }
        const items = lines.map((l) => ({ skuId: products()[l.product].skuId, quantity: l.quantity }));
        const body = { items, userCouponId: claimed.id, giftCardIds: cardId ? [cardId] : [] };
        const quoted = await post('/api/orders/quote', buyer, body);
        const goods = lines.map((l) => products()[l.product].priceFen * l.quantity);
        const eligible = lines.map((l) => !productIds || productIds.includes(products()[l.product].productId));
        const eligibleGoods = goods.reduce((sum, g, i) => (eligible[i] ? sum + g : sum), 0);
        if (!eligible.some(Boolean) || eligibleGoods < terms.minSpendFen) {
          expect([quoted.status, quoted.body.code]).toEqual([409, 'COUPON_NOT_USABLE']);
          reached.refused += 1;
          return;
        }
        expect(quoted.status).toBe(200);
        const q = quoted.body as OrderQuote;
        const placed = await post('/api/orders', buyer, { ...body, address: ADDRESS, scene: 'shop_home' }).expect(201);
        const order = placed.body as OrderView;
        // The quote and the order agree to the fen.
        expect({
          goods: order.goodsFen,
          discount: order.discountFen,
          freight: order.freightFen,
          total: order.totalFen,
          cards: order.giftCardFen,
          pay: order.payFen,
          lines: order.items.map((i) => i.paidFen),
        }).toEqual({
          goods: q.goodsFen,
          discount: q.discountFen,
          freight: q.freightFen,
          total: q.totalFen,
          cards: q.giftCardFen,
          pay: q.payFen,
          lines: q.lines.map((l) => l.paidFen),
        });
        // What is stored: lines add up to goods − discount; none below zero or above its goods;
        // lines the coupon does not name pay their goods in full.
        const stored = await t.sql<{ sku_id: string; paid_fen: number }>(
          'SELECT sku_id, paid_fen FROM order_items WHERE order_id = $1',
          [order.id],
        );
        const paidOf = new Map(stored.map((r) => [r.sku_id, r.paid_fen]));
        const paid = items.map((i) => paidOf.get(i.skuId) as number);
        expect(paid.reduce((a, b) => a + b, 0)).toBe(order.goodsFen - order.discountFen);
        paid.forEach((fen, i) => {
          expect(fen).toBeGreaterThanOrEqual(0);
          expect(fen).toBeLessThanOrEqual(goods[i]);
          if (!eligible[i]) expect(fen).toBe(goods[i]);
        });
        expect(order.discountFen).toBeLessThanOrEqual(eligibleGoods);
        if (terms.percent && terms.maxDiscountFen) expect(order.discountFen).toBeLessThanOrEqual(terms.maxDiscountFen);
        if (order.discountFen > 0) reached.discounted += 1;
        if (order.giftCardFen > 0) reached.carded += 1;
        if (eligible.some((e) => !e)) reached.someLinesOnly += 1;
        // Paid, then refunded before shipment: WeChat Pay gets its part, the card its part.
        await post(`/api/orders/${order.id}/pay`, buyer).expect(200);
        await post(`/api/orders/${order.id}/refund`, buyer, { reason: '随机退款' }).expect(200);
        const [{ refunded }] = await t.sql<{ refunded: number }>(
          'SELECT COALESCE(SUM(amount_fen), 0)::int AS refunded FROM refunds WHERE order_id = $1',
          [order.id],
        );
        expect(refunded).toBe(order.payFen);
        if (cardId) {
          const [{ balance_fen: balance }] = await t.sql<{ balance_fen: number }>(
            'SELECT balance_fen FROM gift_cards WHERE id = $1',
            [cardId],
          );
          expect(balance).toBe(3000);
        }
      }),
      { numRuns: 40, seed: SEED },
    );
    // Not vacuous: every branch was taken.
    expect(Object.values(reached).every((n) => n > 0)).toBe(true);
  });
});
