/**
 * The demo world: shoppers who are friends, a family group chat, and merchants with about thirty
 * products across the category table, including the gift-eligibility edge cases (jewellery that
 * is not giftable, gold that is, and an item whose list price is over ¥10,000).
 * Tests find these by openId and title, so change them with care.
 */
import type { CouponType, GiftCardTheme } from '@giftshop/shared';

export interface DemoUser {
  openId: string;
  nickname: string;
}

export interface DemoSku {
  specs: Record<string, string>;
  priceFen: number;
  listPriceFen: number;
  stock: number;
}

export interface DemoProduct {
  title: string;
  description: string;
  categoryCode: string;
  skus: DemoSku[];
  /** 推客: what a sharer earns, basis points. */
  commissionBps?: number;
  /** 拼团: an active group deal, each SKU at `groupPricePercent` of its price. */
  groupDeal?: { groupSize: number; windowHours: number; groupPricePercent: number };
}

export interface DemoShop {
  name: string;
  ownerOpenId: string;
  products: DemoProduct[];
  /** 优惠券 anyone may claim (claims close 30 days after the seed; each valid 30 days once claimed). */
  coupons?: DemoCoupon[];
  /** 节日礼券 on sale. */
  giftCardDesigns?: { title: string; theme: GiftCardTheme; faceValueFen: number; validDays: number }[];
}

export interface DemoCoupon {
  title: string;
  type: CouponType;
  amountOffFen?: number;
  percentOffBps?: number;
  minSpendFen: number;
  maxDiscountFen?: number;
  total: number;
  perUserLimit: number;
}

export const DEMO_USERS: DemoUser[] = [
  { openId: 'o_alice', nickname: '爱丽丝' },
  { openId: 'o_bob', nickname: '鲍勃' },
  { openId: 'o_carol', nickname: '卡罗尔' },
  { openId: 'o_dave', nickname: '大卫' },
  { openId: 'o_erin', nickname: '艾琳' },
  { openId: 'o_frank', nickname: '弗兰克' },
  { openId: 'o_wang', nickname: '王掌柜' },
  { openId: 'o_li', nickname: '李老板' },
  { openId: 'o_zhang', nickname: '张店长' },
];

/** Pairs of openIds that are friends (each pair gets a direct chat). */
export const DEMO_FRIENDSHIPS: [string, string][] = [
  ['o_alice', 'o_bob'],
  ['o_alice', 'o_carol'],
  ['o_alice', 'o_dave'],
  ['o_alice', 'o_erin'],
  ['o_alice', 'o_frank'],
  ['o_bob', 'o_carol'],
  ['o_bob', 'o_dave'],
  ['o_carol', 'o_dave'],
  ['o_erin', 'o_frank'],
];

export const DEMO_GROUPS: { name: string; ownerOpenId: string; memberOpenIds: string[] }[] = [
  { name: '相亲相爱一家人', ownerOpenId: 'o_alice', memberOpenIds: ['o_bob', 'o_carol', 'o_dave'] },
  { name: '大学同学', ownerOpenId: 'o_alice', memberOpenIds: ['o_erin', 'o_frank'] },
];

const one = (specs: Record<string, string>, priceFen: number, listPriceFen: number, stock: number): DemoSku => ({
  specs,
  priceFen,
  listPriceFen,
  stock,
});

export const DEMO_SHOPS: DemoShop[] = [
  {
    name: '山茶小馆',
    ownerOpenId: 'o_wang',
    coupons: [
      { title: '满100减20', type: 'amount_off', amountOffFen: 2_000, minSpendFen: 10_000, total: 500, perUserLimit: 1 },
      {
        title: '9折券',
        type: 'percent_off',
        percentOffBps: 1_000,
        minSpendFen: 0,
        maxDiscountFen: 3_000,
        total: 500,
        perUserLimit: 2,
      },
    ],
    giftCardDesigns: [{ title: '中秋礼券', theme: 'mid_autumn', faceValueFen: 20_000, validDays: 365 }],
    products: [
      {
        title: '明前龙井礼盒',
        description: '西湖产区春茶，250g 礼盒装，送长辈的体面心意。',
        categoryCode: 'tea',
        skus: [one({ 规格: '250g 礼盒' }, 16800, 19800, 200), one({ 规格: '500g 礼盒' }, 29800, 35800, 80)],
        commissionBps: 1000,
      },
      {
        title: '花果茶组合',
        description: '三种口味任选，同价可换。',
        categoryCode: 'tea',
        skus: [
          one({ 口味: '蜜桃乌龙' }, 5900, 6900, 300),
          one({ 口味: '白桃茉莉' }, 5900, 6900, 300),
          one({ 口味: '柚子红茶' }, 5900, 6900, 300),
        ],
      },
      {
        title: '云南古树普洱饼',
        description: '357g 生茶饼，可长期存放。',
        categoryCode: 'tea',
        skus: [one({ 年份: '2019' }, 39800, 45800, 50), one({ 年份: '2015' }, 88800, 98800, 20)],
      },
      {
        title: 'Oolong Tea Sampler',
        description: 'Six single-origin oolong teas from Fujian and Taiwan, a gift tin for tea lovers.',
        categoryCode: 'tea',
        skus: [one({ size: '6 x 10g' }, 8800, 9800, 150)],
      },
      {
        title: '手工月饼礼盒',
        description: '广式月饼八只装，莲蓉、豆沙、五仁、蛋黄。',
        categoryCode: 'food',
        skus: [one({ 口味: '经典八只' }, 12800, 15800, 120), one({ 口味: '流心奶黄' }, 12800, 15800, 120)],
      },
      {
        title: '坚果每日一包',
        description: '30 日装混合坚果，独立小包。',
        categoryCode: 'food',
        skus: [one({ 规格: '30 包' }, 9900, 12900, 500)],
        groupDeal: { groupSize: 3, windowHours: 24, groupPricePercent: 70 },
      },
      {
        title: '陈年黄酒',
        description: '绍兴花雕十年陈，500ml 两瓶装。',
        categoryCode: 'liquor',
        skus: [one({ 规格: '两瓶装' }, 26800, 29800, 60)],
      },
    ],
  },
  {
    name: '金福珠宝',
    ownerOpenId: 'o_li',
    products: [
      {
        title: '足金转运珠手链',
        description: '足金 999，约 1.2 克，红绳可调节。',
        categoryCode: 'jewellery_gold',
        skus: [one({ 颜色: '红绳' }, 68800, 76800, 40), one({ 颜色: '黑绳' }, 68800, 76800, 40)],
      },
      {
        title: '投资金条 100g',
        description: '足金 9999 金条，附证书。原价超过一万元，不能作为礼物赠送。',
        categoryCode: 'jewellery_gold',
        skus: [one({ 重量: '100g' }, 5880000, 6280000, 5)],
      },
      {
        title: '18K金锁骨链',
        description: '18K 玫瑰金，长 45cm。',
        categoryCode: 'jewellery_kgold',
        skus: [one({ 长度: '40cm' }, 129900, 159900, 30), one({ 长度: '45cm' }, 129900, 159900, 30)],
      },
      {
        title: '珍珠耳钉',
        description: '时尚饰品，淡水珍珠配 925 银针。',
        categoryCode: 'jewellery_fashion',
        skus: [one({ 款式: '白色' }, 19900, 25900, 100), one({ 款式: '粉色' }, 19900, 25900, 100)],
      },
      {
        title: '钻石戒指 30 分',
        description: '天然钻石，GIA 证书。珠宝类不可送礼。',
        categoryCode: 'jewellery_diamond',
        skus: [one({ 尺寸: '12号' }, 699900, 799900, 10)],
      },
      {
        title: '翡翠手镯',
        description: '缅甸 A 货翡翠，珠宝类目不可送礼。',
        categoryCode: 'jewellery',
        skus: [one({ 圈口: '56' }, 299900, 329900, 8)],
      },
    ],
  },
  {
    name: '花间集',
    ownerOpenId: 'o_zhang',
    products: [
      {
        title: '永生花礼盒',
        description: '玫瑰永生花，可保存三年。',
        categoryCode: 'flowers',
        skus: [one({ 颜色: '红玫瑰' }, 25900, 29900, 100), one({ 颜色: '粉玫瑰' }, 25900, 29900, 100)],
      },
      {
        title: '每周鲜花订阅',
        description: '四周鲜花，每周一束送到家。',
        categoryCode: 'flowers',
        skus: [one({ 周期: '四周' }, 19900, 23900, 200)],
      },
      {
        title: '多肉植物组合',
        description: '六盆多肉，配陶瓷盆。',
        categoryCode: 'flowers',
        skus: [one({ 规格: '六盆' }, 6900, 8900, 150)],
      },
      {
        title: '赣南脐橙 5kg',
        description: '当季现摘，果园直发。',
        categoryCode: 'fresh',
        skus: [one({ 规格: '5kg' }, 5990, 6990, 400), one({ 规格: '10kg' }, 10990, 12990, 200)],
      },
      {
        title: '车厘子 2kg 礼盒',
        description: '智利进口 JJ 级车厘子。',
        categoryCode: 'fresh',
        skus: [one({ 规格: 'JJ 级' }, 29900, 35900, 60)],
      },
      {
        title: '香薰蜡烛三件套',
        description: '大豆蜡，无烟，三种香型。',
        categoryCode: 'home',
        skus: [one({ 香型: '雪松' }, 12900, 16900, 80), one({ 香型: '白茶' }, 12900, 16900, 80)],
      },
      {
        title: '羊绒围巾',
        description: '100% 山羊绒，180cm。',
        categoryCode: 'apparel',
        skus: [one({ 颜色: '驼色' }, 49900, 69900, 50), one({ 颜色: '灰色' }, 49900, 69900, 50)],
      },
      {
        title: '护手霜礼盒',
        description: '五支装，滋润不油腻。',
        categoryCode: 'beauty',
        skus: [one({ 规格: '五支装' }, 8900, 12900, 300)],
      },
      {
        title: '精华面霜',
        description: '修护精华面霜 50ml。',
        categoryCode: 'beauty',
        skus: [one({ 规格: '50ml' }, 59900, 69900, 70)],
      },
      {
        title: '积木城堡',
        description: '1,200 颗粒，适合 8 岁以上。',
        categoryCode: 'toys',
        skus: [one({ 款式: '城堡' }, 39900, 49900, 40)],
      },
      {
        title: '手账本套装',
        description: '牛皮封面手账本，配贴纸与胶带。',
        categoryCode: 'books',
        skus: [one({ 颜色: '牛皮色' }, 6800, 8800, 200)],
      },
    ],
  },
  {
    name: '数码优选',
    ownerOpenId: 'o_zhang',
    products: [
      {
        title: '降噪蓝牙耳机',
        description: '主动降噪，续航 30 小时。',
        categoryCode: 'digital',
        skus: [one({ 颜色: '白色' }, 89900, 99900, 100), one({ 颜色: '黑色' }, 89900, 99900, 100)],
      },
      {
        title: '轻薄笔记本电脑',
        description: '14 英寸，32G 内存。原价超过一万元，不能作为礼物赠送。',
        categoryCode: 'digital',
        skus: [one({ 配置: '32G+1T' }, 1099900, 1299900, 15)],
      },
      {
        title: '智能手表',
        description: '心率、睡眠监测，支持微信支付。',
        categoryCode: 'digital',
        skus: [one({ 表带: '硅胶' }, 129900, 149900, 60), one({ 表带: '皮质' }, 129900, 149900, 60)],
      },
      {
        title: '便携咖啡机',
        description: '胶囊与粉两用，USB-C 充电。',
        categoryCode: 'home',
        skus: [one({ 颜色: '银色' }, 39900, 45900, 70)],
      },
      {
        title: 'Python 编程训练营',
        description: '八周线上课程。教育培训类不可送礼。',
        categoryCode: 'education',
        skus: [one({ 班型: '周末班' }, 199900, 299900, 100)],
      },
      {
        title: '摄影入门课',
        description: '十节录播课与作业点评。教育培训类不可送礼。',
        categoryCode: 'education',
        skus: [one({ 班型: '录播' }, 29900, 39900, 500)],
      },
    ],
  },
];
