import type { CouponFiguresView, CouponView } from '@giftshop/shared';
import { apiPatch, apiPost } from '../../api/client';
import { fillRoute, type ApiUrl } from '../../api/routes';
import { useUserApi, type ApiState } from '../../hooks/useApi';
import type { CouponBody } from './rules';

/*
 * The merchant's coupon routes of API.md, typed by the shared views. They are not in the generated
 * document (shared/src/openapi.ts) yet, so this one file names them by hand.
 */
type Write = (route: string, options: object) => Promise<unknown>;

/** Every coupon of the shop with its figures (owner only). */
export function useCouponFigures(shopId: string | undefined): ApiState<CouponFiguresView[]> {
  const path = shopId ? fillRoute('/shops/{shopId}/coupons', { path: { shopId }, query: { scope: 'all' } }) : null;
  return useUserApi(path as ApiUrl<CouponFiguresView[]> | null);
}

export function createCoupon(shopId: string, body: CouponBody): Promise<CouponView> {
  return (apiPost as unknown as Write)('/shops/{shopId}/coupons', { path: { shopId }, body }) as Promise<CouponView>;
}

export async function endCoupon(id: string): Promise<void> {
  await (apiPatch as unknown as Write)('/coupons/{id}', { path: { id }, body: { status: 'ended' } });
}
