/**
 * The category table: code, name, technical service fee rate and whether gifts are allowed.
 * Gift eligibility by category is this data, not a chain of `if`s: jewellery is denied except
 * its gold, K-gold and fashion-jewellery sub-categories; education/training is denied.
 */

export interface Category {
  code: string;
  name: string;
  nameEn: string;
  /** Parent category code, for sub-categories (gold sits under jewellery). */
  parentCode?: string;
  /** Technical service fee rate in basis points (500 = 5%). */
  feeRateBps: number;
  giftable: boolean;
}

export const DEFAULT_FEE_RATE_BPS = 500;

export const CATEGORIES: readonly Category[] = [
  { code: 'food', name: '食品饮料', nameEn: 'Food & drink', feeRateBps: 200, giftable: true },
  { code: 'tea', name: '茶叶', nameEn: 'Tea', feeRateBps: 200, giftable: true },
  { code: 'liquor', name: '酒类', nameEn: 'Wine & spirits', feeRateBps: 300, giftable: true },
  { code: 'fresh', name: '生鲜水果', nameEn: 'Fresh produce', feeRateBps: 100, giftable: true },
  { code: 'flowers', name: '鲜花绿植', nameEn: 'Flowers & plants', feeRateBps: 250, giftable: true },
  { code: 'beauty', name: '美妆护肤', nameEn: 'Beauty', feeRateBps: 500, giftable: true },
  { code: 'apparel', name: '服饰鞋包', nameEn: 'Apparel', feeRateBps: 500, giftable: true },
  { code: 'home', name: '家居日用', nameEn: 'Home', feeRateBps: 400, giftable: true },
  { code: 'digital', name: '数码家电', nameEn: 'Electronics', feeRateBps: 250, giftable: true },
  { code: 'toys', name: '母婴玩具', nameEn: 'Baby & toys', feeRateBps: 400, giftable: true },
  { code: 'books', name: '图书文创', nameEn: 'Books & stationery', feeRateBps: 100, giftable: true },
  { code: 'jewellery', name: '珠宝首饰', nameEn: 'Jewellery', feeRateBps: 500, giftable: false },
  {
    code: 'jewellery_gold',
    name: '黄金',
    nameEn: 'Gold',
    parentCode: 'jewellery',
    feeRateBps: 250,
    giftable: true,
  },
  {
    code: 'jewellery_kgold',
    name: 'K金饰品',
    nameEn: 'K-gold',
    parentCode: 'jewellery',
    feeRateBps: 400,
    giftable: true,
  },
  {
    code: 'jewellery_fashion',
    name: '时尚饰品',
    nameEn: 'Fashion jewellery',
    parentCode: 'jewellery',
    feeRateBps: 500,
    giftable: true,
  },
  {
    code: 'jewellery_diamond',
    name: '钻石',
    nameEn: 'Diamonds',
    parentCode: 'jewellery',
    feeRateBps: 500,
    giftable: false,
  },
  { code: 'education', name: '教育培训', nameEn: 'Education & training', feeRateBps: 500, giftable: false },
];

const BY_CODE = new Map(CATEGORIES.map((c) => [c.code, c]));

export function findCategory(code: string): Category | undefined {
  return BY_CODE.get(code);
}

export function isCategoryCode(value: unknown): value is string {
  return typeof value === 'string' && BY_CODE.has(value);
}
