import { CATEGORIES, DEFAULT_FEE_RATE_BPS, findCategory, isCategoryCode } from './categories';

/** The fee tiers PRODUCT.md lists: default 500, others in use 100, 200, 250, 300, 400. */
const FEE_TIERS = [100, 200, 250, 300, 400, 500];

describe('CATEGORIES table', () => {
  it('has unique codes', () => {
    const codes = CATEGORIES.map((c) => c.code);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('is not empty and every category has a code and both names', () => {
    expect(CATEGORIES.length).toBeGreaterThan(0);
    for (const c of CATEGORIES) {
      expect(c.code).toMatch(/^[a-z_]+$/);
      expect(c.name).toMatch(/\S/);
      expect(c.nameEn).toMatch(/\S/);
    }
  });

  it.each(CATEGORIES.map((c) => [c.code, c.feeRateBps]))(
    '%s has a fee rate (%p bps) from the PRODUCT.md tiers',
    (_code, rate) => {
      expect(FEE_TIERS).toContain(rate);
    },
  );

  it('uses 500 bps (5%) as the default fee rate', () => {
    expect(DEFAULT_FEE_RATE_BPS).toBe(500);
  });

  it.each(CATEGORIES.filter((c) => c.parentCode !== undefined).map((c) => [c.code, c.parentCode]))(
    '%s names an existing parent category (%s)',
    (_code, parentCode) => {
      expect(findCategory(parentCode as string)).toBeDefined();
    },
  );

  it('has no category that is its own parent', () => {
    for (const c of CATEGORIES) expect(c.parentCode).not.toBe(c.code);
  });
});

describe('gift rules as category data', () => {
  it('denies jewellery (珠宝首饰) as a whole', () => {
    expect(findCategory('jewellery')).toMatchObject({ name: '珠宝首饰', giftable: false });
  });

  it('has jewellery as a top-level category', () => {
    expect(findCategory('jewellery')?.parentCode).toBeUndefined();
  });

  it.each([
    ['jewellery_gold', '黄金'],
    ['jewellery_kgold', 'K金饰品'],
    ['jewellery_fashion', '时尚饰品'],
  ])('allows %s (%s) under jewellery', (code, name) => {
    expect(findCategory(code)).toMatchObject({ code, name, parentCode: 'jewellery', giftable: true });
  });

  it('denies diamonds (jewellery_diamond) under jewellery', () => {
    expect(findCategory('jewellery_diamond')).toMatchObject({ parentCode: 'jewellery', giftable: false });
  });

  it('denies education/training (教育培训)', () => {
    expect(findCategory('education')).toMatchObject({ name: '教育培训', giftable: false });
  });

  it.each(CATEGORIES.filter((c) => !['jewellery', 'education'].includes(c.code) && !c.parentCode).map((c) => [c.code]))(
    'allows %s: outside jewellery and education, categories are giftable by default',
    (code) => {
      expect(findCategory(code)?.giftable).toBe(true);
    },
  );

  it.each([['food'], ['tea'], ['liquor'], ['flowers'], ['digital']])('has the ordinary category %s', (code) => {
    expect(isCategoryCode(code)).toBe(true);
  });
});

describe('findCategory', () => {
  it('returns the full row for a known code', () => {
    expect(findCategory('tea')).toEqual({
      code: 'tea',
      name: '茶叶',
      nameEn: 'Tea',
      feeRateBps: 200,
      giftable: true,
    });
  });

  it.each([
    ['jewellery_gold', 250],
    ['fresh', 100],
    ['liquor', 300],
    ['home', 400],
    ['beauty', 500],
  ])('finds %s with its fee rate %p bps', (code, rate) => {
    expect(findCategory(code)?.feeRateBps).toBe(rate);
  });

  it.each([['nope'], [''], ['Tea'], ['gold'], ['toString'], ['__proto__']])('returns undefined for %p', (code) => {
    expect(findCategory(code)).toBeUndefined();
  });
});

describe('isCategoryCode', () => {
  it.each(CATEGORIES.map((c) => [c.code]))('accepts %p', (code) => {
    expect(isCategoryCode(code)).toBe(true);
  });

  it.each([['nope'], [''], ['TEA'], ['toString'], ['__proto__'], [42], [null], [undefined], [{ code: 'tea' }]])(
    'rejects %p',
    (value) => {
      expect(isCategoryCode(value)).toBe(false);
    },
  );
});
