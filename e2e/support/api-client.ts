import createClient from 'openapi-fetch';
import type { ApiError, ApiPaths } from '@giftshop/shared';

/** The API client typed by the generated paths (shared/src/openapi.ts): bodies, params and answers. */
export type ApiClient = ReturnType<typeof createClient<ApiPaths>>;

export function apiClient(baseUrl: string, token?: string): ApiClient {
  return createClient<ApiPaths>({ baseUrl, headers: token ? { Authorization: `Bearer ${token}` } : {} });
}

type Result<T> = { data?: T; error?: unknown; response: Response };

function check(result: Result<unknown>, status: number): void {
  if (result.response.status !== status) {
    const body = JSON.stringify(result.error ?? result.data);
    throw new Error(`expected ${status}, got ${result.response.status} from ${result.response.url}: ${body}`);
  }
}

/** The answer of a call that must succeed with `status` (supertest's `.expect(status).body`). */
export async function expectStatus<T>(call: Result<T> | Promise<Result<T>>, status: number): Promise<T> {
  const result = await call;
  check(result, status);
  return result.data as T;
}

/** The error of a call that must be refused with `status`, in the API's error shape. */
export async function expectError(call: Result<unknown> | Promise<Result<unknown>>, status: number): Promise<ApiError> {
  const result = await call;
  check(result, status);
  return result.error as ApiError;
}
