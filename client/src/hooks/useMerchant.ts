import type { DomainAnalytics, FulfilmentView, LedgerView, MeView, SceneAnalyticsRow } from '@giftshop/shared';
import { query } from '../api/client';
import { useUserApi } from './useApi';

/** The caller with the shops they own (the merchant console's entry). */
export function useMe() {
  return useUserApi<MeView>('/me');
}

/** Claimed gift units to ship, with the recipients' addresses (owner only). */
export function useGiftClaims(shopId: string | undefined, status?: string) {
  return useUserApi<FulfilmentView[]>(shopId ? `/shops/${shopId}/gift-claims${query({ status })}` : null);
}

/** The settlement ledger: entries and totals that always balance. */
export function useLedger(shopId: string | undefined) {
  return useUserApi<LedgerView>(shopId ? `/shops/${shopId}/ledger?limit=100` : null);
}

/** Views, orders, GMV and conversion per product, scene and domain. */
export function useSceneAnalytics(shopId: string | undefined, productId?: string) {
  return useUserApi<SceneAnalyticsRow[]>(shopId ? `/shops/${shopId}/analytics/scenes${query({ productId })}` : null);
}

export function useDomainAnalytics(shopId: string | undefined, productId?: string) {
  return useUserApi<DomainAnalytics>(shopId ? `/shops/${shopId}/analytics/domains${query({ productId })}` : null);
}
