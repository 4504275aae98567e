import fc from 'fast-check';
import { couponDiscount, couponTermsProblem, rankCoupons, type CouponTerms, userCouponStatus } from './coupons';
import { priceOrder, unitPaidFen } from './pricing';

const amountOff = (amountOffFen: number, minSpendFen = 0, productIds: string[] | null = null): CouponTerms => ({
  type: 'amount_off',
  amountOffFen,
  percentOffBps: null,
  minSpendFen,
  maxDiscountFen: null,
  productIds,
});
const percentOff = (percentOffBps: number, maxDiscountFen: number | null = null, minSpendFen = 0): CouponTerms => ({
  type: 'percent_off',
  amountOffFen: null,
  percentOffBps,
  minSpendFen,
  maxDiscountFen,
  productIds: null,
});

describe('couponDiscount', () => {
  const lines = [
    { productId: 'tea', goodsFen: 12_800 },
    { productId: 'nuts', goodsFen: 5_900 },
  ];

  it('takes an amount off once the goods reach the minimum spend (满100减20)', () => {
    expect(couponDiscount(amountOff(2_000, 10_000), lines)).toEqual({
      usable: true,
      discountFen: 2_000,
      appliesTo: [true, true],
    });
  });

  it('counts only the named products towards the minimum spend, before the discount, and names why', () => {
    expect(couponDiscount(amountOff(2_000, 10_000, ['nuts']), lines)).toEqual({
      usable: false,
      reason: 'it needs ¥100.00 of its products (this order has ¥59.00)',
    });
    expect(couponDiscount(amountOff(1_000, 5_900, ['nuts']), lines)).toEqual({
      usable: true,
      discountFen: 1_000,
      appliesTo: [false, true],
    });
    expect(couponDiscount(amountOff(1_000, 0, ['soap']), lines)).toEqual({
      usable: false,
      reason: 'it applies to none of these products',
    });
  });

  it('rounds percent off half up and caps it', () => {
    // 15% of 18,700 = 2,805; 80% of 18,701 = 14,960.8 → 14,961
    expect(couponDiscount(percentOff(1_500), lines)).toMatchObject({ discountFen: 2_805 });
    expect(couponDiscount(percentOff(8_000), [{ productId: 'x', goodsFen: 18_701 }])).toMatchObject({
      discountFen: 14_961,
    });
    expect(couponDiscount(percentOff(5_000, 3_000), lines)).toMatchObject({ discountFen: 3_000 });
  });

  it('never takes more than the goods it applies to (a ¥5 no-threshold coupon on a ¥3 item)', () => {
    expect(couponDiscount(amountOff(500), [{ productId: 'x', goodsFen: 300 }])).toMatchObject({ discountFen: 300 });
  });
});

describe('couponTermsProblem', () => {
  it('accepts sound terms and names the field of unsound ones', () => {
    expect(couponTermsProblem(amountOff(2_000, 10_000))).toBeNull();
    expect(couponTermsProblem(percentOff(8_000, 5_000))).toBeNull();
    expect(couponTermsProblem(percentOff(8_001))).toMatch(/^percentOffBps: .*80% off/);
    expect(couponTermsProblem({ ...amountOff(1), amountOffFen: null })).toMatch(/^amountOffFen/);
    expect(couponTermsProblem({ ...amountOff(100), maxDiscountFen: 50 })).toMatch(/^maxDiscountFen/);
    expect(couponTermsProblem({ ...percentOff(100), amountOffFen: 5 })).toMatch(/^amountOffFen/);
    expect(couponTermsProblem(amountOff(100, 0, []))).toMatch(/^productIds/);
    expect(couponTermsProblem(amountOff(100, 0, ['a', 'a']))).toMatch(/^productIds/);
  });
});

describe('rankCoupons', () => {
  it('puts the largest discount first, the sooner expiry on a tie, and unusable ones last', () => {
    const at = (d: number) => new Date(Date.UTC(2026, 11, d));
    const lines = [{ productId: 'tea', goodsFen: 10_000 }];
    const ranked = rankCoupons(
      [
        { id: 'a', terms: amountOff(1_000), expiresAt: at(20) },
        { id: 'b', terms: amountOff(5_000, 20_000), expiresAt: at(2) },
        { id: 'c', terms: percentOff(1_000), expiresAt: at(10) },
        { id: 'd', terms: amountOff(1_500), expiresAt: at(30) },
      ],
      lines,
    );
    expect(ranked.map((r) => r.coupon.id)).toEqual(['d', 'c', 'a', 'b']);
    expect(ranked[3].verdict.usable).toBe(false);
  });
});

describe('userCouponStatus', () => {
  it('shows an unused coupon past its expiry as expired, to the millisecond', () => {
    const expiresAt = new Date('2026-12-08T00:00:00.000Z');
    expect(userCouponStatus('unused', expiresAt, new Date('2026-12-07T23:59:59.999Z'))).toBe('unused');
    expect(userCouponStatus('unused', expiresAt, expiresAt)).toBe('expired');
    expect(userCouponStatus('held', expiresAt, new Date('2027-01-01'))).toBe('held');
    expect(userCouponStatus('used', expiresAt, new Date('2027-01-01'))).toBe('used');
  });
});

describe('a coupon spread over random carts (property)', () => {
  const products = ['p0', 'p1', 'p2', 'p3'];
  const cart = fc.array(
    fc.record({
      product: fc.constantFrom(...products),
      unitPriceFen: fc.integer({ min: 0, max: 2_000_000 }),
      quantity: fc.integer({ min: 1, max: 20 }),
    }),
    { minLength: 1, maxLength: 12 },
  );
  const coupon: fc.Arbitrary<CouponTerms> = fc.oneof(
    fc.record({
      type: fc.constant('amount_off' as const),
      amountOffFen: fc.integer({ min: 1, max: 5_000_000 }),
      percentOffBps: fc.constant(null),
      minSpendFen: fc.integer({ min: 0, max: 5_000_000 }),
      maxDiscountFen: fc.constant(null),
      productIds: fc.option(fc.subarray(products, { minLength: 1 }), { nil: null }),
    }),
    fc.record({
      type: fc.constant('percent_off' as const),
      amountOffFen: fc.constant(null),
      percentOffBps: fc.integer({ min: 1, max: 8_000 }),
      minSpendFen: fc.integer({ min: 0, max: 5_000_000 }),
      maxDiscountFen: fc.option(fc.integer({ min: 1, max: 5_000_000 }), { nil: null }),
      productIds: fc.option(fc.subarray(products, { minLength: 1 }), { nil: null }),
    }),
  );
  const cards = fc.array(fc.integer({ min: 0, max: 3_000_000 }), { maxLength: 3 });
  const shop = { freightFen: 1_000, freeShippingThresholdFen: 9_900 };

  it('lines add up to goods − discount, none below zero, only the coupon’s lines discounted, refunds never exceed what was paid', () => {
    fc.assert(
      fc.property(cart, coupon, cards, fc.array(fc.nat()), (items, terms, balances, picks) => {
        const lines = items.map((l, i) => ({ skuId: `sku-${i}`, quantity: l.quantity, unitPriceFen: l.unitPriceFen }));
        const goods = items.map((l) => ({ productId: l.product, goodsFen: l.unitPriceFen * l.quantity }));
        const verdict = couponDiscount(terms, goods);
        const giftCards = balances.map((balanceFen, i) => ({ id: `card-${i}`, balanceFen }));
        const p = priceOrder(lines, shop, {
          discount: verdict.usable ? { amountFen: verdict.discountFen, appliesTo: verdict.appliesTo } : undefined,
          giftCards,
        });
        expect(p.lines.reduce((sum, l) => sum + l.paidFen, 0)).toBe(p.goodsFen - p.discountFen);
        p.lines.forEach((l, i) => {
          expect(l.paidFen).toBeGreaterThanOrEqual(0);
          expect(l.paidFen).toBeLessThanOrEqual(goods[i].goodsFen);
          // A line the coupon does not name pays its full goods.
          if (!verdict.usable || !verdict.appliesTo[i]) expect(l.paidFen).toBe(goods[i].goodsFen);
        });
        if (verdict.usable && terms.percentOffBps !== null) {
          expect(p.discountFen).toBeLessThanOrEqual(terms.maxDiscountFen ?? Infinity);
        }
        // Cards: each pays at most its balance, together at most the total; WeChat Pay the rest.
        p.giftCards.forEach((c, i) => expect(c.amountFen).toBeLessThanOrEqual(giftCards[i].balanceFen));
        expect(p.giftCardFen).toBe(p.giftCards.reduce((sum, c) => sum + c.amountFen, 0));
        expect(p.payFen).toBe(p.totalFen - p.giftCardFen);
        expect(p.payFen).toBeGreaterThanOrEqual(0);
        expect(p.payFen === 0 || p.giftCardFen === balances.reduce((a, b) => a + b, 0)).toBe(true);
        // Refunding any subset of units gives back at most what was paid for the goods.
        const units = p.lines.flatMap((l) => unitPaidFen(l));
        const chosen = new Set(picks.map((i) => i % units.length));
        const back = [...chosen].reduce((sum, i) => sum + units[i], 0);
        expect(back).toBeLessThanOrEqual(p.goodsFen - p.discountFen);
        if (chosen.size === units.length) expect(back).toBe(p.goodsFen - p.discountFen);
      }),
      { numRuns: 1_000 },
    );
  });
});
