import type { CategoryView, Page, ProductSummaryView, ProductView, Scene, ShopView } from '@giftshop/shared';
import { apiUrl, type RouteQuery } from '../api/routes';
import { useApi, useUserApi, type ApiState } from './useApi';

/** Listed products, newest first (public). */
export function useProducts(params: RouteQuery<'/products'> = {}): ApiState<Page<ProductSummaryView>> {
  return useApi(apiUrl('/products', { query: { limit: 50, ...params } }));
}

/** One product by its unified ID; with a scene the server records a view from that entry point. */
export function useProduct(id: string | undefined, scene?: Scene, sharer?: string): ApiState<ProductView> {
  return useApi(id ? apiUrl('/products/{id}', { path: { id }, query: { scene, sharer } }) : null);
}

export function useShop(shopId: string | undefined, key = ''): ApiState<ShopView> {
  return useApi(shopId ? apiUrl('/shops/{shopId}', { path: { shopId } }) : null, key);
}

/** The merchant console's list: every product of the shop, delisted included (owner only). */
export function useShopProducts(shopId: string | undefined): ApiState<ProductView[]> {
  return useUserApi(shopId ? apiUrl('/shops/{shopId}/products', { path: { shopId } }) : null);
}

export function useCategories(): ApiState<CategoryView[]> {
  return useApi(apiUrl('/categories'));
}
