import { useCallback, useEffect, useRef, useState } from 'react';
import type { ProductSummaryView } from '@giftshop/shared';
import { apiGet } from '../api/client';

export interface ProductPage {
  items: ProductSummaryView[];
  total: number;
}

export type ProductsState =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'ready'; items: ProductSummaryView[]; total: number };

/** Loads one page of listed products; `reload()` fetches it again (e.g. after an error). */
export function useProducts(limit = 50, offset = 0): ProductsState & { reload: () => Promise<void> } {
  const [state, setState] = useState<ProductsState>({ status: 'loading' });
  const alive = useRef(true);

  const reload = useCallback(async () => {
    setState({ status: 'loading' });
    try {
      const page = await apiGet<ProductPage>(`/products?limit=${limit}&offset=${offset}`);
      if (alive.current) setState({ status: 'ready', items: page.items, total: page.total });
    } catch (err) {
      const message = err instanceof Error ? err.message : '加载失败';
      if (alive.current) setState({ status: 'error', message });
    }
  }, [limit, offset]);

  useEffect(() => {
    alive.current = true;
    void reload();
    return () => {
      alive.current = false;
    };
  }, [reload]);

  return { ...state, reload };
}
