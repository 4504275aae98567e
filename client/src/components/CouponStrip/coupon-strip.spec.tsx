import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { CouponView } from '@giftshop/shared';
import { requests } from '../../test/taro';
import { ALICE, fail, loginAs, ok, routeApi } from '../../test/fixtures';
import { CouponStrip } from './index';
import { claimedAll, couponHeadline, couponsForProduct } from './rules';

function coupon(id: string, overrides: Partial<CouponView> = {}): CouponView {
  return {
    id,
    shopId: 'shop1',
    title: '满100减20',
    type: 'amount_off',
    amountOffFen: 2000,
    percentOffBps: null,
    minSpendFen: 10000,
    maxDiscountFen: null,
    productIds: null,
    total: 100,
    claimed: 3,
    perUserLimit: 1,
    claimEndsAt: '2027-01-01T00:00:00.000Z',
    validDays: 30,
    status: 'active',
    createdAt: '2026-01-01T00:00:00.000Z',
    claimedByMe: 0,
    ...overrides,
  };
}

describe('coupon rules', () => {
  it('a product page offers the whole-shop coupons and those naming the product', () => {
    const list = [coupon('all'), coupon('mine', { productIds: ['p2', 'p1'] }), coupon('other', { productIds: ['p2'] })];
    expect(couponsForProduct(list, 'p1').map((c) => c.id)).toEqual(['all', 'mine']);
    expect(couponsForProduct(list, 'p3').map((c) => c.id)).toEqual(['all']);
  });

  it('says 满100减20, 立减5 and 9折 / 8.5折 from the terms', () => {
    expect(couponHeadline(coupon('a'))).toEqual({ key: 'coupon.amountOff', vars: { min: '100', off: '20' } });
    expect(couponHeadline(coupon('b', { amountOffFen: 500, minSpendFen: 0 }))).toEqual({
      key: 'coupon.amountOffNoMin',
      vars: { off: '5' },
    });
    const percent = (bps: number) =>
      couponHeadline(coupon('c', { type: 'percent_off', amountOffFen: null, percentOffBps: bps })).vars.rate;
    expect(percent(1000)).toBe('9');
    expect(percent(1500)).toBe('8.5');
  });

  it('is claimed in full when the caller holds as many as the per-user limit', () => {
    expect(claimedAll({ claimedByMe: 0, perUserLimit: 1 })).toBe(false);
    expect(claimedAll({ claimedByMe: 1, perUserLimit: 2 })).toBe(false);
    expect(claimedAll({ claimedByMe: 2, perUserLimit: 2 })).toBe(true);
  });
});

describe('CouponStrip', () => {
  beforeEach(() => loginAs(ALICE));

  it('claims a coupon: 领取 becomes 已领取', async () => {
    routeApi({
      'GET /shops/shop1/coupons': () => ok([coupon('cp1')]),
      'POST /coupons/cp1/claim': () => ok({ id: 'uc1' }, 201),
    });
    render(<CouponStrip shopId="shop1" />);
    const button = await screen.findByTestId('coupon-claim-cp1');
    expect(button.textContent).toBe('领取');
    expect(screen.getByTestId('coupon-cp1').textContent).toContain('满100减20');
    fireEvent.click(button);
    await waitFor(() => expect(screen.getByTestId('coupon-claim-cp1').textContent).toBe('已领取'));
    expect((screen.getByTestId('coupon-claim-cp1') as HTMLButtonElement).disabled).toBe(true);
    expect(requests.filter((r) => r.method === 'POST')).toHaveLength(1);
  });

  it('keeps 领取 while the caller may claim more (limit 2, one claimed)', async () => {
    routeApi({ 'GET /shops/shop1/coupons': () => ok([coupon('cp1', { perUserLimit: 2, claimedByMe: 1 })]) });
    render(<CouponStrip shopId="shop1" />);
    expect((await screen.findByTestId('coupon-claim-cp1')).textContent).toBe('领取');
  });

  it.each([
    ['SOLD_OUT', '已抢光'],
    ['LIMIT_REACHED', '已达领取上限'],
    ['COUPON_ENDED', '已结束'],
  ])('says a %s refusal as %s', async (code, words) => {
    routeApi({
      'GET /shops/shop1/coupons': () => ok([coupon('cp1')]),
      'POST /coupons/cp1/claim': () => fail(409, code, 'refused in English'),
    });
    render(<CouponStrip shopId="shop1" />);
    fireEvent.click(await screen.findByTestId('coupon-claim-cp1'));
    expect((await screen.findByTestId('coupon-refusal-cp1')).textContent).toBe(words);
  });

  it('on a product page shows only the coupons for it, and nothing when none applies', async () => {
    routeApi({
      'GET /shops/shop1/coupons': () => ok([coupon('for-p2', { productIds: ['p2'] }), coupon('all')]),
    });
    const { unmount } = render(<CouponStrip shopId="shop1" productId="p1" />);
    await screen.findByTestId('coupon-all');
    expect(screen.queryByTestId('coupon-for-p2')).toBeNull();
    unmount();

    routeApi({ 'GET /shops/shop1/coupons': () => ok([coupon('for-p2', { productIds: ['p2'] })]) });
    render(<CouponStrip shopId="shop1" productId="p1" />);
    await waitFor(() => expect(requests.filter((r) => r.path === '/shops/shop1/coupons')).toHaveLength(2));
    // Let the answer arrive: the strip stays away because nothing in it applies to p1.
    await act(() => new Promise((resolve) => setTimeout(resolve, 20)));
    expect(screen.queryByTestId('coupon-strip')).toBeNull();
  });
});
