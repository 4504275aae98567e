import type { CouponView, UserCouponView, WalletCardView } from '@giftshop/shared';
import { apiUrl } from '../api/routes';
import { useApi, useUserApi, type ApiState } from './useApi';

/** The shop's coupons anyone may claim now; with a login, `claimedByMe` is the caller's count. */
export function useShopCoupons(shopId: string | undefined, userKey = ''): ApiState<CouponView[]> {
  return useApi(shopId ? apiUrl('/shops/{shopId}/coupons', { path: { shopId } }) : null, userKey);
}

/** The caller's claimed coupons (of one shop when `shopId` is given), newest first. */
export function useMyCoupons(shopId?: string): ApiState<UserCouponView[]> {
  return useUserApi(apiUrl('/me/coupons', { query: { shopId } }));
}

/** The caller's gift cards (我的礼券). */
export function useWallet(): ApiState<WalletCardView[]> {
  return useUserApi(apiUrl('/me/gift-cards'));
}
