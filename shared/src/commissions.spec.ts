import fc from 'fast-check';
import {
  COMMISSION_RULES,
  linesPaidByWechat,
  orderCommissions,
  reversedCommissionFen,
  withinAttributionWindow,
} from './commissions';

describe('commissions', () => {
  it('is round-half-up(rate × what was paid for the product), freight excluded, per product', () => {
    expect(
      orderCommissions([
        { productId: 'tea', paidFen: 6850, commissionBps: 1000 },
        { productId: 'tea', paidFen: 5, commissionBps: 1000 }, // another SKU of the same product
        { productId: 'cup', paidFen: 1999, commissionBps: 250 }, // 49.975 → 50
        { productId: 'free', paidFen: 9999, commissionBps: 0 },
      ]),
    ).toEqual([
      { productId: 'tea', baseFen: 6855, commissionBps: 1000, commissionFen: 686 }, // 685.5 → 686
      { productId: 'cup', baseFen: 1999, commissionBps: 250, commissionFen: 50 },
    ]);
  });

  it('is on what WeChat Pay paid of each line: a gift card’s part is spread over the lines and the freight', () => {
    // 13,700 + 1,999 + freight 1,000 = 16,699; a ¥50 card pays 5,000 of it: 4,102 / 599 / 299.
    expect(linesPaidByWechat([13_700, 1999], 1000, 5000)).toEqual([13_700 - 4102, 1999 - 599]);
    expect(linesPaidByWechat([13_700, 1999], 0, 0)).toEqual([13_700, 1999]);
    // Cards paying the whole order leave nothing to earn on.
    expect(linesPaidByWechat([6850], 1000, 7850)).toEqual([0]);
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 1, maxLength: 8 }),
        fc.integer({ min: 0, max: 2000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (lines, freight, share) => {
          const total = lines.reduce((a, b) => a + b, 0) + freight;
          const card = Math.floor(total * share);
          const wechat = linesPaidByWechat(lines, freight, card);
          wechat.forEach((w, i) => {
            expect(w).toBeGreaterThanOrEqual(0);
            expect(w).toBeLessThanOrEqual(lines[i]);
          });
          // What WeChat Pay paid of the goods is at most what it paid in all.
          expect(wechat.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(total - card);
        },
      ),
    );
  });

  it('attributes a view exactly 7 × 24 hours old, not one a millisecond older', () => {
    const order = new Date('2026-12-08T12:00:00.000Z');
    const edge = new Date(order.getTime() - COMMISSION_RULES.attributionWindowMs);
    expect(withinAttributionWindow(edge, order)).toBe(true);
    expect(withinAttributionWindow(new Date(edge.getTime() - 1), order)).toBe(false);
    expect(withinAttributionWindow(new Date(order.getTime() + 1), order)).toBe(false); // a view after the order
  });

  it('reverses in proportion, exactly, never more than booked, whatever the series of refunds', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 100_000_000 }),
        fc.integer({ min: 0, max: COMMISSION_RULES.maxBps }),
        fc.array(fc.integer({ min: 1, max: 100_000_000 }), { maxLength: 6 }),
        (paidFen, bps, refunds) => {
          const booked = Math.round((paidFen * bps) / 10_000);
          let refunded = 0;
          let reversed = 0;
          for (const r of refunds) {
            refunded = Math.min(paidFen, refunded + r);
            const now = reversedCommissionFen(booked, refunded, paidFen);
            expect(now).toBeGreaterThanOrEqual(reversed); // never taken back
            expect(now).toBeLessThanOrEqual(booked);
            reversed = now;
          }
          if (refunded === paidFen) expect(reversed).toBe(booked);
          if (refunded === 0) expect(reversed).toBe(0);
        },
      ),
    );
    expect(reversedCommissionFen(686, 3425, 6850)).toBe(343); // half of 686
    expect(reversedCommissionFen(685, 3425, 6850)).toBe(343); // 342.5 → 343
  });
});
