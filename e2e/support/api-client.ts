import createClient from 'openapi-fetch';
import type { ApiPaths } from '@giftshop/shared';

/** The API client typed by the generated paths (shared/src/openapi.ts): bodies, params and answers. */
export type ApiClient = ReturnType<typeof createClient<ApiPaths>>;

export function apiClient(baseUrl: string, token?: string): ApiClient {
  return createClient<ApiPaths>({ baseUrl, headers: token ? { Authorization: `Bearer ${token}` } : {} });
}

/** The body of an answer that must have `status`; otherwise fails naming what came back. */
export function expectStatus<T>(result: { data?: T; error?: unknown; response: Response }, status: number): T {
  if (result.response.status !== status) {
    throw new Error(
      `expected ${status}, got ${result.response.status} ${result.response.url}: ${JSON.stringify(result.error ?? result.data)}`,
    );
  }
  return result.data as T;
}
