import { CATEGORIES } from './categories';
import { MAX_GIFT_LIST_PRICE_FEN, skuGiftEligibility } from './gift-eligibility';

const CAP = 1_000_000; // ¥10,000.00, written literally from PRODUCT.md

describe('MAX_GIFT_LIST_PRICE_FEN', () => {
  it('is ¥10,000 in fen', () => {
    expect(MAX_GIFT_LIST_PRICE_FEN).toBe(1_000_000);
  });
});

describe('skuGiftEligibility: list price cap', () => {
  it.each([[0], [1], [99_999], [999_999], [1_000_000]])('allows a tea SKU listed at %p fen', (listPriceFen) => {
    expect(skuGiftEligibility({ categoryCode: 'tea', listPriceFen })).toEqual({ giftable: true });
  });

  it.each([[1_000_001], [1_000_100], [50_000_000], [Number.MAX_SAFE_INTEGER]])(
    'denies a tea SKU listed at %p fen with LIST_PRICE_OVER_GIFT_CAP',
    (listPriceFen) => {
      expect(skuGiftEligibility({ categoryCode: 'tea', listPriceFen })).toMatchObject({
        giftable: false,
        code: 'LIST_PRICE_OVER_GIFT_CAP',
      });
    },
  );

  it('names the ¥10,000.00 cap in the reason', () => {
    const result = skuGiftEligibility({ categoryCode: 'tea', listPriceFen: 1_000_001 });
    expect(result.giftable).toBe(false);
    if (result.giftable) return;
    expect(result.reason).toContain('¥10,000.00');
  });
});

describe('skuGiftEligibility: gold under jewellery', () => {
  it.each([[1], [CAP]])('allows jewellery_gold at %p fen', (listPriceFen) => {
    expect(skuGiftEligibility({ categoryCode: 'jewellery_gold', listPriceFen })).toEqual({ giftable: true });
  });

  it('denies jewellery_gold one fen over the cap, for the price', () => {
    expect(skuGiftEligibility({ categoryCode: 'jewellery_gold', listPriceFen: CAP + 1 })).toMatchObject({
      giftable: false,
      code: 'LIST_PRICE_OVER_GIFT_CAP',
    });
  });

  it.each([['jewellery_kgold'], ['jewellery_fashion']])('allows %s at the cap', (categoryCode) => {
    expect(skuGiftEligibility({ categoryCode, listPriceFen: CAP })).toEqual({ giftable: true });
  });
});

describe('skuGiftEligibility: categories that are never giftable', () => {
  it.each([[0], [1], [CAP]])('denies jewellery (the parent) at %p fen with CATEGORY_NOT_GIFTABLE', (listPriceFen) => {
    expect(skuGiftEligibility({ categoryCode: 'jewellery', listPriceFen })).toMatchObject({
      giftable: false,
      code: 'CATEGORY_NOT_GIFTABLE',
    });
  });

  it.each([[0], [1], [100], [CAP]])('denies education at %p fen with CATEGORY_NOT_GIFTABLE', (listPriceFen) => {
    expect(skuGiftEligibility({ categoryCode: 'education', listPriceFen })).toMatchObject({
      giftable: false,
      code: 'CATEGORY_NOT_GIFTABLE',
    });
  });

  it('denies diamonds (jewellery_diamond) with CATEGORY_NOT_GIFTABLE', () => {
    expect(skuGiftEligibility({ categoryCode: 'jewellery_diamond', listPriceFen: 1 })).toMatchObject({
      giftable: false,
      code: 'CATEGORY_NOT_GIFTABLE',
    });
  });

  it('names the category in the reason', () => {
    const result = skuGiftEligibility({ categoryCode: 'education', listPriceFen: 1 });
    expect(result.giftable).toBe(false);
    if (result.giftable) return;
    expect(result.reason).toContain('教育培训');
  });

  it('reports the category, not the price, when both deny (education over the cap)', () => {
    expect(skuGiftEligibility({ categoryCode: 'education', listPriceFen: CAP + 1 })).toMatchObject({
      giftable: false,
      code: 'CATEGORY_NOT_GIFTABLE',
    });
  });

  it('reports the category, not the price, for jewellery over the cap', () => {
    expect(skuGiftEligibility({ categoryCode: 'jewellery', listPriceFen: 5 * CAP })).toMatchObject({
      code: 'CATEGORY_NOT_GIFTABLE',
    });
  });
});

describe('skuGiftEligibility: unknown category', () => {
  it.each([['no_such_category'], [''], ['Jewellery_Gold'], ['toString']])(
    'denies %p with UNKNOWN_CATEGORY',
    (categoryCode) => {
      expect(skuGiftEligibility({ categoryCode, listPriceFen: 1 })).toMatchObject({
        giftable: false,
        code: 'UNKNOWN_CATEGORY',
      });
    },
  );

  it('names the unknown code in the reason, and takes precedence over the price', () => {
    const result = skuGiftEligibility({ categoryCode: 'mystery_box', listPriceFen: CAP + 1 });
    expect(result).toMatchObject({ giftable: false, code: 'UNKNOWN_CATEGORY' });
    if (result.giftable) return;
    expect(result.reason).toContain('mystery_box');
  });
});

describe('skuGiftEligibility: every category at 1 fen follows its giftable flag', () => {
  it.each(CATEGORIES.map((c) => [c.code, c.giftable]))('%s → giftable %p', (categoryCode, giftable) => {
    const result = skuGiftEligibility({ categoryCode: categoryCode as string, listPriceFen: 1 });
    expect(result.giftable).toBe(giftable);
    if (!result.giftable) expect(result.code).toBe('CATEGORY_NOT_GIFTABLE');
  });
});

describe('skuGiftEligibility: list prices that are not fen', () => {
  it.each([NaN, -5, 1.5, Infinity])('throws a RangeError for %p instead of calling it giftable', (listPriceFen) => {
    expect(() => skuGiftEligibility({ categoryCode: 'tea', listPriceFen })).toThrow(RangeError);
  });
});
