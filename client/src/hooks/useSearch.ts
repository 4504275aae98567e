import type { SearchExplainView, SearchPage } from '@giftshop/shared';
import { query } from '../api/client';
import { useApi } from './useApi';

/** 搜一搜: ranked results for `q` (nothing is fetched for an empty query). */
export function useSearch(q: string) {
  return useApi<SearchPage>(q.trim() ? `/search${query({ q: q.trim(), limit: 30 })}` : null);
}

/** Each factor of one product's score for `q` (merchants and testers). */
export function useSearchExplain(q: string, productId: string | undefined) {
  return useApi<SearchExplainView>(
    q.trim() && productId ? `/search/explain${query({ q: q.trim(), productId })}` : null,
  );
}
