import type { SearchExplainView, SearchPage } from '@giftshop/shared';
import { apiUrl } from '../api/routes';
import { useApi, type ApiState } from './useApi';

/** 搜一搜: ranked results for `q` (nothing is fetched for an empty query). */
export function useSearch(q: string): ApiState<SearchPage> {
  return useApi(q.trim() ? apiUrl('/search', { query: { q: q.trim(), limit: 30 } }) : null);
}

/** Each factor of one product's score for `q` (merchants and testers). */
export function useSearchExplain(q: string, productId: string | undefined): ApiState<SearchExplainView> {
  return useApi(q.trim() && productId ? apiUrl('/search/explain', { query: { q: q.trim(), productId } }) : null);
}
