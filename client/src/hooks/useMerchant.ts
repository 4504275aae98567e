import type {
  DomainAnalytics,
  EarningsView,
  FulfilmentView,
  LedgerView,
  MeView,
  SceneAnalyticsRow,
  SharerRowView,
} from '@giftshop/shared';
import { apiUrl } from '../api/routes';
import { useUserApi, type ApiState } from './useApi';

/** The caller with the shops they own (the merchant console's entry). */
export function useMe(): ApiState<MeView> {
  return useUserApi(apiUrl('/me'));
}

/** Claimed gift units to ship, with the recipients' addresses (owner only). */
export function useGiftClaims(
  shopId: string | undefined,
  status?: 'accepted' | 'shipped' | 'delivered' | 'completed' | 'refunded',
): ApiState<FulfilmentView[]> {
  return useUserApi(shopId ? apiUrl('/shops/{shopId}/gift-claims', { path: { shopId }, query: { status } }) : null);
}

/** The settlement ledger: entries and totals that always balance. */
export function useLedger(shopId: string | undefined): ApiState<LedgerView> {
  return useUserApi(shopId ? apiUrl('/shops/{shopId}/ledger', { path: { shopId }, query: { limit: 100 } }) : null);
}

/** Views, orders, GMV and conversion per product, scene and domain. */
export function useSceneAnalytics(shopId: string | undefined, productId?: string): ApiState<SceneAnalyticsRow[]> {
  return useUserApi(
    shopId ? apiUrl('/shops/{shopId}/analytics/scenes', { path: { shopId }, query: { productId } }) : null,
  );
}

export function useDomainAnalytics(shopId: string | undefined, productId?: string): ApiState<DomainAnalytics> {
  return useUserApi(
    shopId ? apiUrl('/shops/{shopId}/analytics/domains', { path: { shopId }, query: { productId } }) : null,
  );
}

/** The shop's sharers, ranked by what their links sold (owner only). */
export function useSharers(shopId: string | undefined): ApiState<SharerRowView[]> {
  return useUserApi(shopId ? apiUrl('/shops/{shopId}/sharers', { path: { shopId } }) : null);
}

/** The caller's 推客 earnings: each commission and the pending / available / withdrawn totals. */
export function useEarnings(): ApiState<EarningsView> {
  return useUserApi(apiUrl('/me/earnings'));
}
