import type { UserCouponStatus, UserCouponView } from '@giftshop/shared';

/** The order the groups are shown in: what can still be used first. */
export const COUPON_GROUPS: readonly UserCouponStatus[] = ['unused', 'held', 'used', 'expired'];

/** The caller's coupons by status (未使用, 使用中, 已使用, 已过期), empty groups left out, each in the list's order. */
export function groupCoupons(
  coupons: readonly UserCouponView[],
): { status: UserCouponStatus; coupons: UserCouponView[] }[] {
  return COUPON_GROUPS.map((status) => ({ status, coupons: coupons.filter((c) => c.status === status) })).filter(
    (group) => group.coupons.length > 0,
  );
}
