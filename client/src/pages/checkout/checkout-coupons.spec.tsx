import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { OrderQuote, SavedAddressView, WalletCardView } from '@giftshop/shared';
import { requests, setRouterParams } from '../../test/taro';
import { ALICE, loginAs, ok, product, routeApi, sku } from '../../test/fixtures';
import CheckoutPage from './index';

// Two boxes of ¥59: ¥118 of goods, free shipping. 满100减20 takes ¥20 off; a ¥50 card pays after it.
const TEA = sku({ id: 's1', priceFen: 5900 });
const HOME: SavedAddressView = {
  id: 'a-home',
  name: '爱丽丝',
  phone: '13800138000',
  region: '浙江省 杭州市',
  detail: '龙井路 1 号',
  isDefault: true,
};
const OPTIONS: OrderQuote['coupons'] = [
  {
    userCouponId: 'uc-20',
    couponId: 'c-20',
    title: '满100减20',
    usable: true,
    discountFen: 2000,
    reason: null,
    expiresAt: '2027-01-01T00:00:00.000Z',
  },
  {
    userCouponId: 'uc-big',
    couponId: 'c-big',
    title: '满500减100',
    usable: false,
    discountFen: 0,
    reason: 'it needs ¥500.00 of goods (this order has ¥118.00)',
    expiresAt: '2027-01-01T00:00:00.000Z',
  },
];
const CARD: WalletCardView = {
  id: 'card-1',
  shopId: 'shop1',
  shopName: '山茶小馆',
  title: '中秋礼券',
  theme: 'mid_autumn',
  faceValueFen: 5000,
  balanceFen: 5000,
  claimedAt: '2026-01-01T00:00:00.000Z',
  expiresAt: '2027-01-01T00:00:00.000Z',
  status: 'active',
  giverNickname: '鲍勃',
};
const OTHER_SHOP_CARD: WalletCardView = { ...CARD, id: 'card-other', shopId: 'shop2' };

/** The server's answer for a coupon and cards: ¥118 − coupon, then up to ¥50 from each card. */
function quote(body: { userCouponId?: string; giftCardIds?: string[] }): OrderQuote {
  const discountFen = body.userCouponId === 'uc-20' ? 2000 : 0;
  const totalFen = 11800 - discountFen;
  let left = totalFen;
  const giftCards = (body.giftCardIds ?? []).map((id) => {
    const amountFen = Math.min(id === 'card-1' ? 5000 : 200000, left);
    left -= amountFen;
    return { id, amountFen };
  });
  return {
    goodsFen: 11800,
    freightFen: 0,
    discountFen,
    giftCardFen: totalFen - left,
    totalFen,
    payFen: left,
    lines: [{ skuId: 's1', quantity: 2, paidFen: totalFen }],
    giftCards,
    userCouponId: body.userCouponId ?? null,
    coupons: OPTIONS,
    bestUserCouponId: 'uc-20',
  };
}

const posts = (path: string) => requests.filter((r) => r.method === 'POST' && r.path === path).map((r) => r.data);
const text = (testId: string) => screen.getByTestId(testId).textContent;

function route(wallet: WalletCardView[]) {
  routeApi({
    'GET /products/p1': () => ok(product([TEA])),
    'GET /me/addresses': () => ok([HOME]),
    'GET /me/coupons?shopId=shop1': () => ok([]),
    'GET /me/gift-cards': () => ok(wallet),
    'POST /orders/quote': (body) => ok(quote(body as object)),
    'POST /orders': (body) => ok({ id: 'o1', ...quote(body as object), giftCards: [] }, 201),
    'POST /orders/o1/pay': () => ok({ id: 'o1', status: 'paid', payment: null }),
  });
}

beforeEach(() => {
  loginAs(ALICE);
  setRouterParams({ productId: 'p1', skuId: 's1', qty: '2', scene: 'mini_program' });
});

describe('checkout with coupons', () => {
  it('asks for the best coupon by default, shows −¥20.00 and the lower 实付, and lets the shopper switch', async () => {
    route([]);
    render(<CheckoutPage />);
    await waitFor(() => expect(text('checkout-total')).toBe('¥98.00'));
    expect(text('checkout-discount')).toBe('-¥20.00');
    expect(posts('/orders/quote')).toEqual([
      { items: [{ skuId: 's1', quantity: 2 }] },
      { items: [{ skuId: 's1', quantity: 2 }], userCouponId: 'uc-20' },
    ]);
    expect(screen.getByTestId('coupon-option-uc-20').getAttribute('aria-checked')).toBe('true');
    // The unusable one is greyed with why, in Chinese (never the server's English).
    const big = screen.getByTestId('coupon-option-uc-big');
    expect(big.getAttribute('aria-disabled')).toBe('true');
    expect(big.textContent).toContain('不可用');
    expect(big.textContent).not.toContain('needs');

    fireEvent.click(screen.getByTestId('coupon-option-none'));
    await waitFor(() => expect(text('checkout-total')).toBe('¥118.00'));
    expect(screen.queryByTestId('checkout-discount')).toBeNull();
    fireEvent.click(big);
    fireEvent.click(screen.getByTestId('coupon-option-uc-20'));
    await waitFor(() => expect(text('checkout-total')).toBe('¥98.00'));

    fireEvent.click(screen.getByTestId('checkout-submit'));
    expect((await screen.findByTestId('pay-amount')).textContent).toBe('¥98.00');
    expect(posts('/orders')).toEqual([
      { items: [{ skuId: 's1', quantity: 2 }], addressId: 'a-home', scene: 'mini_program', userCouponId: 'uc-20' },
    ]);
  });

  it('offers this shop’s cards; a card that pays it all is 礼券支付, paid with no pay sheet', async () => {
    route([OTHER_SHOP_CARD, CARD, { ...CARD, id: 'card-2', balanceFen: 200000, faceValueFen: 200000 }]);
    render(<CheckoutPage />);
    await waitFor(() => expect(text('checkout-total')).toBe('¥98.00'));
    expect(screen.queryByTestId('card-toggle-card-other')).toBeNull();

    fireEvent.click(await screen.findByTestId('card-toggle-card-1'));
    await waitFor(() => expect(text('checkout-total')).toBe('¥48.00'));
    expect(text('checkout-cards')).toBe('-¥50.00');
    expect(text('checkout-submit')).toBe('提交订单');

    fireEvent.click(screen.getByTestId('card-toggle-card-2'));
    await waitFor(() => expect(text('checkout-total')).toBe('¥0.00'));
    expect(text('checkout-cards')).toBe('-¥98.00');
    expect(text('checkout-submit')).toBe('礼券支付');
    expect(posts('/orders/quote').at(-1)).toEqual({
      items: [{ skuId: 's1', quantity: 2 }],
      userCouponId: 'uc-20',
      giftCardIds: ['card-1', 'card-2'],
    });

    fireEvent.click(screen.getByTestId('checkout-submit'));
    await screen.findByTestId('pay-success');
    expect(screen.queryByTestId('pay-sheet')).toBeNull();
    expect(posts('/orders')).toEqual([
      {
        items: [{ skuId: 's1', quantity: 2 }],
        addressId: 'a-home',
        scene: 'mini_program',
        userCouponId: 'uc-20',
        giftCardIds: ['card-1', 'card-2'],
      },
    ]);
    expect(requests.filter((r) => r.path === '/orders/o1/pay')).toHaveLength(1);
  });
});
