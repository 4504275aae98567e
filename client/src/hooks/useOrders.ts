import type { OrderView, Page } from '@giftshop/shared';
import { query } from '../api/client';
import { useUserApi } from './useApi';

/** The caller's orders as buyer, or a shop's orders as its merchant. */
export function useOrders(role: 'buyer' | 'merchant', shopId?: string) {
  const ready = role === 'buyer' || Boolean(shopId);
  return useUserApi<Page<OrderView>>(ready ? `/orders${query({ role, shopId, limit: 100 })}` : null);
}

export function useOrder(orderId: string | undefined) {
  return useUserApi<OrderView>(orderId ? `/orders/${orderId}` : null);
}
