import type { CategoryView, Page, ProductSummaryView, ProductView, Scene, ShopView } from '@giftshop/shared';
import { query } from '../api/client';
import { useApi, useUserApi } from './useApi';

/** Listed products, newest first (public). */
export function useProducts(params: { shopId?: string; categoryCode?: string; limit?: number; offset?: number } = {}) {
  return useApi<Page<ProductSummaryView>>(`/products${query({ limit: 50, ...params })}`);
}

/** One product by its unified ID; with a scene the server records a view from that entry point. */
export function useProduct(id: string | undefined, scene?: Scene, sharer?: string) {
  return useApi<ProductView>(id ? `/products/${id}${query({ scene, sharer })}` : null);
}

export function useShop(shopId: string | undefined) {
  return useApi<ShopView>(shopId ? `/shops/${shopId}` : null);
}

/** The merchant console's list: every product of the shop, delisted included (owner only). */
export function useShopProducts(shopId: string | undefined) {
  return useUserApi<ProductView[]>(shopId ? `/shops/${shopId}/products` : null);
}

export function useCategories() {
  return useApi<CategoryView[]>('/categories');
}
