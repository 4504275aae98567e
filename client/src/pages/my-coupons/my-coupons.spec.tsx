import { render, screen } from '@testing-library/react';
import type { UserCouponView } from '@giftshop/shared';
import { ALICE, loginAs, ok, routeApi } from '../../test/fixtures';
import { groupCoupons } from './groups';
import MyCouponsPage from './index';

function mine(id: string, status: UserCouponView['status']): UserCouponView {
  return {
    id,
    couponId: 'cp1',
    shopId: 'shop1',
    title: '满100减20',
    type: 'amount_off',
    amountOffFen: 2000,
    percentOffBps: null,
    minSpendFen: 10000,
    maxDiscountFen: null,
    productIds: null,
    status,
    claimedAt: '2026-01-01T00:00:00.000Z',
    expiresAt: '2027-01-01T00:00:00.000Z',
    orderId: status === 'unused' || status === 'expired' ? null : 'o1',
  };
}

describe('我的优惠券', () => {
  it('groups by status: 未使用, 使用中, 已使用, 已过期, leaving out empty groups', () => {
    const list = [mine('e', 'expired'), mine('u1', 'used'), mine('n1', 'unused'), mine('n2', 'unused')];
    expect(groupCoupons(list).map((g) => [g.status, g.coupons.map((c) => c.id)])).toEqual([
      ['unused', ['n1', 'n2']],
      ['used', ['u1']],
      ['expired', ['e']],
    ]);
  });

  it('shows the groups under their Chinese titles', async () => {
    loginAs(ALICE);
    routeApi({ 'GET /me/coupons': () => ok([mine('h', 'held'), mine('n', 'unused')]) });
    render(<MyCouponsPage />);
    expect((await screen.findByTestId('coupon-group-unused')).textContent).toContain('未使用');
    expect(screen.getByTestId('coupon-group-unused').textContent).toContain('满100减20');
    expect(screen.getByTestId('coupon-group-held').textContent).toContain('使用中');
    expect(screen.queryByTestId('coupon-group-used')).toBeNull();
  });
});
