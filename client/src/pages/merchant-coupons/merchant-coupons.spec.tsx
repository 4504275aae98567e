import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { CouponFiguresView } from '@giftshop/shared';
import { requests, setRouterParams } from '../../test/taro';
import { loginAs, ok, product, routeApi, sku } from '../../test/fixtures';
import MerchantCouponsPage from './index';

const WANG = { id: 'u-wang', openId: 'o_wang', nickname: '王掌柜' };

function coupon(overrides: Partial<CouponFiguresView> = {}): CouponFiguresView {
  return {
    id: 'c1',
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
    createdAt: '2026-12-01T00:00:00.000Z',
    claimedByMe: 0,
    held: 1,
    used: 2,
    discountFen: 4000,
    ...overrides,
  };
}

let list: CouponFiguresView[];
beforeEach(() => {
  loginAs(WANG);
  setRouterParams({ shopId: 'shop1' });
  list = [coupon()];
  routeApi({
    'GET /shops/shop1': () => ok({ id: 'shop1', name: '山茶小馆', followerCount: 0, following: false }),
    'GET /shops/shop1/products': () => ok([product([sku({ id: 's1' })], { id: 'p1', title: '明前龙井礼盒' })]),
    'GET /shops/shop1/coupons?scope=all': () => ok(list),
    'POST /shops/shop1/coupons': (body) => {
      list = [...list, coupon({ id: 'c2', ...(body as object), claimed: 0, held: 0, used: 0, discountFen: 0 })];
      return ok(list.at(-1), 201);
    },
    'PATCH /coupons/c1': () => {
      list = [coupon({ status: 'ended' })];
      return ok(list[0]);
    },
  });
});

const writes = (method: string) => requests.filter((r) => r.method === method);

describe('优惠券 console', () => {
  it('lists each coupon with its terms and figures, and ends one', async () => {
    render(<MerchantCouponsPage />);
    expect((await screen.findByTestId('coupon-terms-c1')).textContent).toBe('满 ¥100.00 减 ¥20.00 · 全店通用');
    expect(screen.getByTestId('coupon-figures-c1').textContent).toBe(
      '已领 3/100 · 使用中 1 · 已使用 2 · 优惠金额 ¥40.00',
    );
    fireEvent.click(screen.getByTestId('coupon-end-c1'));
    await waitFor(() => expect(screen.getByTestId('coupon-status-c1').textContent).toBe('已结束'));
    expect(writes('PATCH').map((r) => r.data)).toEqual([{ status: 'ended' }]);
    expect(screen.queryByTestId('coupon-end-c1')).toBeNull();
  });

  it('names what is wrong before sending, then issues a 折扣 coupon on one product', async () => {
    render(<MerchantCouponsPage />);
    fireEvent.change(await screen.findByTestId('coupon-title'), { target: { value: '龙井9折' } });
    fireEvent.click(screen.getByTestId('coupon-type-percent_off'));
    fireEvent.change(screen.getByTestId('coupon-zhe'), { target: { value: '1.5' } });
    fireEvent.click(screen.getByTestId('coupon-create'));
    expect((await screen.findByTestId('coupon-error')).textContent).toBe('折扣为 2 到 9.99 折');
    expect(writes('POST')).toEqual([]);

    fireEvent.change(screen.getByTestId('coupon-zhe'), { target: { value: '9' } });
    fireEvent.change(screen.getByTestId('coupon-cap'), { target: { value: '30' } });
    fireEvent.click(await screen.findByTestId('coupon-product-p1'));
    fireEvent.click(screen.getByTestId('coupon-create'));
    expect((await screen.findByTestId('coupon-terms-c2')).textContent).toBe('9 折 · 最多减 ¥30.00 · 指定 1 件商品');
    expect(writes('POST')[0].data).toMatchObject({
      title: '龙井9折',
      type: 'percent_off',
      percentOffBps: 1000,
      maxDiscountFen: 3000,
      minSpendFen: 0,
      productIds: ['p1'],
      total: 100,
      perUserLimit: 1,
      validDays: 30,
    });
  });
});
