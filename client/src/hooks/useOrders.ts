import type { OrderView, Page } from '@giftshop/shared';
import { apiUrl } from '../api/routes';
import { useUserApi, type ApiState } from './useApi';

/** The caller's orders as buyer, or a shop's orders as its merchant. */
export function useOrders(role: 'buyer' | 'merchant', shopId?: string): ApiState<Page<OrderView>> {
  const ready = role === 'buyer' || Boolean(shopId);
  return useUserApi(ready ? apiUrl('/orders', { query: { role, shopId, limit: 100 } }) : null);
}

export function useOrder(orderId: string | undefined): ApiState<OrderView> {
  return useUserApi(orderId ? apiUrl('/orders/{id}', { path: { id: orderId } }) : null);
}
