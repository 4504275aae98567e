import fc from 'fast-check';
import { priceOrder, spreadFen, unitPaidFen } from './pricing';

const shop = { freightFen: 1_000, freeShippingThresholdFen: 9_900 };
const line = (unitPriceFen: number, quantity = 1, skuId = `sku-${unitPriceFen}`) => ({ skuId, quantity, unitPriceFen });

describe('priceOrder', () => {
  it('charges the flat freight below the free-shipping threshold (¥59 + ¥10 = ¥69)', () => {
    const price = priceOrder([line(5_900)], shop);
    expect(price).toEqual({
      goodsFen: 5_900,
      freightFen: 1_000,
      discountFen: 0,
      giftCardFen: 0,
      totalFen: 6_900,
      payFen: 6_900,
      lines: [{ skuId: 'sku-5900', quantity: 1, paidFen: 5_900 }],
      giftCards: [],
    });
  });

  it.each([
    [9_899, 1_000],
    [9_900, 0],
    [9_901, 0],
  ])('goods %i fen: freight %i (waived at the threshold itself)', (goods, freight) => {
    const price = priceOrder([line(goods)], shop);
    expect(price.freightFen).toBe(freight);
    expect(price.totalFen).toBe(goods + freight);
    expect(price.payFen).toBe(price.totalFen);
  });

  it('sums several lines by quantity, each line paying its own goods', () => {
    const price = priceOrder([line(1_250, 3, 'a'), line(399, 2, 'b'), line(1, 99, 'c')], shop);
    expect(price.lines).toEqual([
      { skuId: 'a', quantity: 3, paidFen: 3_750 },
      { skuId: 'b', quantity: 2, paidFen: 798 },
      { skuId: 'c', quantity: 99, paidFen: 99 },
    ]);
    expect(price.goodsFen).toBe(3_750 + 798 + 99);
    expect(price.freightFen).toBe(1_000);
    expect(price.lines.reduce((s, l) => s + l.paidFen, 0)).toBe(price.goodsFen - price.discountFen);
  });

  it('reaches free shipping through quantity, not only through one price', () => {
    expect(priceOrder([line(3_300, 2)], shop).freightFen).toBe(1_000); // 6,600
    expect(priceOrder([line(3_300, 3)], shop).freightFen).toBe(0); // 9,900
  });

  it('carries no freight without a shop (gifts)', () => {
    expect(priceOrder([line(100)], null)).toMatchObject({ freightFen: 0, totalFen: 100, payFen: 100 });
  });

  it('a shop with no freight fee, or a threshold of 0, ships free', () => {
    expect(priceOrder([line(100)], { freightFen: 0, freeShippingThresholdFen: 9_900 }).freightFen).toBe(0);
    expect(priceOrder([line(100)], { freightFen: 800, freeShippingThresholdFen: 0 }).freightFen).toBe(0);
  });

  it.each([
    ['no lines', [], shop],
    ['a quantity of 0', [line(100, 0)], shop],
    ['a fractional quantity', [line(100, 1.5)], shop],
    ['a negative price', [line(-1)], shop],
    ['a fractional price', [line(1.5)], shop],
    ['an unsafe total', [line(Number.MAX_SAFE_INTEGER, 2)], shop],
    ['a negative freight', [line(100)], { freightFen: -1, freeShippingThresholdFen: 0 }],
  ])('refuses %s', (_what, lines, s) => {
    expect(() => priceOrder(lines, s)).toThrow(RangeError);
  });
});

describe('what was paid, per line and per unit (property)', () => {
  // fast-check: random carts of up to 20 lines, prices up to ¥100,000, discounts up to the goods.
  const cart = fc.array(
    fc.record({ unitPriceFen: fc.integer({ min: 0, max: 10_000_000 }), quantity: fc.integer({ min: 1, max: 99 }) }),
    { minLength: 1, maxLength: 20 },
  );

  it('the lines add up to the goods after the discount, none below 0 or above its goods, for any cart', () => {
    fc.assert(
      fc.property(cart, fc.double({ min: 0, max: 1, noNaN: true }), fc.boolean(), (lines, share, withShop) => {
        const priced = lines.map((l, i) => line(l.unitPriceFen, l.quantity, `sku-${i}`));
        const goods = priced.reduce((sum, l) => sum + l.unitPriceFen * l.quantity, 0);
        const discountFen = Math.floor(goods * share);
        const p = priceOrder(priced, withShop ? shop : null, { discount: { amountFen: discountFen } });
        expect(p.lines.reduce((sum, l) => sum + l.paidFen, 0)).toBe(p.goodsFen - p.discountFen);
        p.lines.forEach((l, i) => {
          expect(l.paidFen).toBeGreaterThanOrEqual(0);
          expect(l.paidFen).toBeLessThanOrEqual(priced[i].unitPriceFen * priced[i].quantity);
        });
        expect(p.totalFen).toBe(p.lines.reduce((sum, l) => sum + l.paidFen, 0) + p.freightFen);
      }),
      { numRuns: 500 },
    );
  });

  it('any set of refunds of lines or of single units never gives back more than was paid', () => {
    fc.assert(
      fc.property(cart, fc.double({ min: 0, max: 1, noNaN: true }), fc.array(fc.nat()), (lines, share, picks) => {
        const priced = lines.map((l, i) => line(l.unitPriceFen, l.quantity, `sku-${i}`));
        const goods = priced.reduce((sum, l) => sum + l.unitPriceFen * l.quantity, 0);
        const p = priceOrder(priced, shop, { discount: { amountFen: Math.floor(goods * share) } });
        // Each unit of each line is a refundable part; a unit's parts add up to its line.
        const parts = p.lines.flatMap((l) => {
          const units = unitPaidFen(l);
          expect(units.reduce((a, b) => a + b, 0)).toBe(l.paidFen);
          expect(Math.max(...units) - Math.min(...units)).toBeLessThanOrEqual(1);
          return units;
        });
        const refunded = new Set(picks.map((i) => i % parts.length));
        const back = [...refunded].reduce((sum, i) => sum + parts[i], 0);
        expect(back).toBeLessThanOrEqual(p.totalFen - p.freightFen);
      }),
      { numRuns: 500 },
    );
  });

  it('spreads exactly, by weight, the odd fen to the largest remainders', () => {
    expect(spreadFen(100, [1, 1, 1])).toEqual([34, 33, 33]);
    expect(spreadFen(1000, [5900, 3990, 1250])).toEqual([530, 358, 112]);
    expect(spreadFen(5, [0, 0])).toEqual([3, 2]);
    expect(spreadFen(0, [])).toEqual([]);
    expect(() => spreadFen(1, [])).toThrow(RangeError);
    expect(() => priceOrder([line(100)], null, { discount: { amountFen: 101 } })).toThrow(
      'a discount cannot exceed the goods it applies to',
    );
  });
});
