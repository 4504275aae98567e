import type { QuoteCouponOption, UserCouponView, WalletCardView } from '@giftshop/shared';
import { GIFT_CARD_RULES } from '@giftshop/shared';
import { cardsForShop, couponChoice, couponReason, moneyLines, toggleCard } from './money';

const card = (id: string, overrides: Partial<WalletCardView> = {}): WalletCardView => ({
  id,
  shopId: 'shop1',
  shopName: '山茶小馆',
  title: '中秋礼券',
  theme: 'mid_autumn',
  faceValueFen: 20000,
  balanceFen: 20000,
  claimedAt: '2026-01-01T00:00:00.000Z',
  expiresAt: '2027-01-01T00:00:00.000Z',
  status: 'active',
  giverNickname: '鲍勃',
  ...overrides,
});

describe('the checkout’s default coupon', () => {
  it('is the quote’s best until the shopper picks, and a pick (even none) stays', () => {
    expect(couponChoice(undefined, { bestUserCouponId: 'uc1' })).toBe('uc1');
    expect(couponChoice(undefined, { bestUserCouponId: null })).toBeNull();
    expect(couponChoice(null, { bestUserCouponId: 'uc1' })).toBeNull();
    expect(couponChoice('uc2', { bestUserCouponId: 'uc1' })).toBe('uc2');
  });
});

describe('the cards offered at checkout', () => {
  it('are the active cards of this shop only', () => {
    const wallet = [
      card('c1'),
      card('c2', { shopId: 'shop2' }),
      card('c3', { status: 'used_up', balanceFen: 0 }),
      card('c4', { status: 'expired' }),
      card('c5'),
    ];
    expect(cardsForShop(wallet, 'shop1').map((c) => c.id)).toEqual(['c1', 'c5']);
  });

  it('pay in the order toggled; toggling again takes one out', () => {
    expect(toggleCard([], 'c5')).toEqual(['c5']);
    expect(toggleCard(['c5'], 'c1')).toEqual(['c5', 'c1']);
    expect(toggleCard(['c5', 'c1'], 'c5')).toEqual(['c1']);
  });

  it('stop at the most cards one order may name', () => {
    const full = Array.from({ length: GIFT_CARD_RULES.maxCardsPerOrder }, (_, i) => `c${i}`);
    expect(toggleCard(full, 'one-more')).toEqual(full);
    expect(toggleCard(full, 'c0')).toEqual(full.slice(1));
  });
});

describe('the money lines', () => {
  const totals = { goodsFen: 11800, freightFen: 0, discountFen: 0, giftCardFen: 0, totalFen: 11800, payFen: 11800 };

  it('show the coupon and cards only when they take something off', () => {
    expect(moneyLines(totals).map((l) => [l.testId, l.fen, l.minus])).toEqual([
      ['checkout-goods', 11800, false],
      ['checkout-freight', 0, false],
    ]);
    const both = { ...totals, discountFen: 2000, giftCardFen: 5000, totalFen: 9800, payFen: 4800 };
    expect(moneyLines(both).map((l) => [l.testId, l.fen, l.minus])).toEqual([
      ['checkout-goods', 11800, false],
      ['checkout-discount', 2000, true],
      ['checkout-freight', 0, false],
      ['checkout-cards', 5000, true],
    ]);
  });
});

describe('why a coupon cannot be used', () => {
  const option: QuoteCouponOption = {
    userCouponId: 'uc1',
    couponId: 'cp1',
    title: '满100减20',
    usable: false,
    discountFen: 0,
    reason: 'it needs ¥100.00 of goods (this order has ¥59.00)',
    expiresAt: '2027-01-01T00:00:00.000Z',
  };
  const mine = (productIds: string[] | null): UserCouponView[] => [
    {
      id: 'uc1',
      couponId: 'cp1',
      shopId: 'shop1',
      title: '满100减20',
      type: 'amount_off',
      amountOffFen: 2000,
      percentOffBps: null,
      minSpendFen: 10000,
      maxDiscountFen: null,
      productIds,
      status: 'unused',
      claimedAt: '2026-01-01T00:00:00.000Z',
      expiresAt: '2027-01-01T00:00:00.000Z',
      orderId: null,
    },
  ];

  it('names the minimum spend, or that the basket has none of its products', () => {
    expect(couponReason(option, mine(null), ['p1'])).toEqual({ key: 'checkout.couponNeeds', vars: { min: 10000 } });
    expect(couponReason(option, mine(['p1', 'p2']), ['p1'])).toEqual({
      key: 'checkout.couponNeeds',
      vars: { min: 10000 },
    });
    expect(couponReason(option, mine(['p9']), ['p1'])).toEqual({ key: 'checkout.couponNotForThese' });
    expect(couponReason(option, [], ['p1'])).toEqual({ key: 'checkout.couponUnusable' });
  });
});
