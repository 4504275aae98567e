import type { CouponFiguresView, CouponView } from '@giftshop/shared';
import { apiPatch, apiPost } from '../../api/client';
import { apiUrl } from '../../api/routes';
import { useUserApi, type ApiState } from '../../hooks/useApi';
import type { CouponBody } from './rules';

/** Every coupon of the shop with its figures (owner only). */
export function useCouponFigures(shopId: string | undefined): ApiState<CouponFiguresView[]> {
  // The document types the route by its public answer (CouponView); scope=all adds the figures.
  return useUserApi(
    shopId ? apiUrl('/shops/{shopId}/coupons', { path: { shopId }, query: { scope: 'all' } }) : null,
  ) as ApiState<CouponFiguresView[]>;
}

export function createCoupon(shopId: string, body: CouponBody): Promise<CouponView> {
  return apiPost('/shops/{shopId}/coupons', { path: { shopId }, body });
}

export async function endCoupon(id: string): Promise<void> {
  await apiPatch('/coupons/{id}', { path: { id }, body: { status: 'ended' } });
}
