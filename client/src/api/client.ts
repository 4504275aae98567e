import Taro from '@tarojs/taro';
import type { ApiError } from '@giftshop/shared';
import { translate, type MessageKey } from '../i18n';
import { getSession, setSession } from './session';
import { announceWrite } from './writes';
import type { Method, Reply } from './reply';
import {
  fillRoute,
  type Answer,
  type ApiUrl,
  type HttpMethod,
  type RequestBody,
  type Route,
  type RouteParams,
} from './routes';
import { send, upload } from './transport';

/** A failed API call: the server's status, error code and message (shown in place in forms). */
export class ApiRequestError extends Error {
  constructor(
    message: string,
    readonly statusCode: number,
    readonly code: string,
  ) {
    super(message);
    this.name = 'ApiRequestError';
  }
}

export interface RequestOptions {
  /** Sent as `Idempotency-Key` on writes that move money (order creation, payment, gifts). */
  idempotencyKey?: string;
}

export const LOGIN_PAGE = '/pages/login/index';

async function request<T>(method: Method, path: string, body?: object, options: RequestOptions = {}): Promise<T> {
  const session = getSession();
  const header: Record<string, string> = { 'content-type': 'application/json' };
  if (session) header.Authorization = `Bearer ${session.token}`;
  if (options.idempotencyKey) header['Idempotency-Key'] = options.idempotencyKey;

  let res: Reply;
  try {
    res = await send(method, `${API_BASE}/api${path}`, body, header);
  } catch {
    throw new ApiRequestError(translate('error.network'), 0, 'NETWORK');
  }
  if (res.statusCode >= 200 && res.statusCode < 300) return res.data as T;

  if (res.statusCode === 401 && session) {
    // The token expired or its user is gone (a test reset): log in again.
    setSession(null);
    void Taro.reLaunch({ url: LOGIN_PAGE });
  }
  throw failure(res);
}

/** The ApiRequestError for a reply that is not 2xx: the server's message and code when it sent them. */
function failure(res: Reply): ApiRequestError {
  const error = (res.data ?? {}) as Partial<ApiError>;
  return new ApiRequestError(
    error.message ?? translate('error.status', { status: res.statusCode }),
    res.statusCode,
    error.code ?? 'HTTP_' + res.statusCode,
  );
}

/** GETs a URL made by `apiUrl`, whose route says what it answers. */
export function apiGet<T>(url: ApiUrl<T>): Promise<T> {
  return request<T>('GET', url);
}

/** The options of a write: the route's parameters, its body (required when the route's is) and the request options. */
type WriteArgs<M extends HttpMethod, R extends Route<M>> =
  RouteParams<M, R> extends { path: unknown }
    ? [options: RouteParams<M, R> & BodyOption<M, R> & RequestOptions]
    : [RequestBody<M, R>] extends [never]
      ? [options?: RouteParams<M, R> & { body?: never } & RequestOptions]
      : [options: RouteParams<M, R> & BodyOption<M, R> & RequestOptions];

type BodyOption<M extends HttpMethod, R extends Route<M>> = [RequestBody<M, R>] extends [never]
  ? { body?: never }
  : { body: RequestBody<M, R> };

type WriteInit = { path?: Record<string, string>; body?: object } & RequestOptions;

async function write<M extends 'post' | 'patch' | 'delete', R extends Route<M>>(
  method: M,
  route: R,
  options: WriteInit = {},
): Promise<Answer<M, R>> {
  const path = fillRoute(route, options);
  const verb = ({ post: 'POST', patch: 'PATCH', delete: 'DELETE' } as const)[method];
  const result = await request<Answer<M, R>>(verb, path, options.body ?? (method === 'post' ? {} : undefined), options);
  // Posts are the writes other views wait for (claims, payments, messages).
  if (method === 'post') announceWrite(path);
  return result;
}

/** POSTs to a route of the document, e.g. `apiPost('/orders/{id}/pay', { path: { id }, idempotencyKey })`. */
export function apiPost<R extends Route<'post'>>(
  route: R,
  ...[options]: WriteArgs<'post', R>
): Promise<Answer<'post', R>> {
  return write('post', route, options as WriteInit);
}

export function apiPatch<R extends Route<'patch'>>(
  route: R,
  ...[options]: WriteArgs<'patch', R>
): Promise<Answer<'patch', R>> {
  return write('patch', route, options as WriteInit);
}

export function apiDelete<R extends Route<'delete'>>(
  route: R,
  ...[options]: WriteArgs<'delete', R>
): Promise<Answer<'delete', R>> {
  return write('delete', route, options as WriteInit);
}

/** An uploaded picture and its thumbnail (POST /api/uploads). */
export interface UploadedImage {
  url: string;
  thumbnailUrl: string;
}

/**
 * Uploads a picture chosen with Taro.chooseImage (a temporary path in the mini program, a blob URL
 * in H5) as the multipart field `file`; the server checks what it is by its content.
 */
export async function apiUpload(filePath: string): Promise<UploadedImage> {
  const session = getSession();
  let res: Reply;
  try {
    res = await upload(
      `${API_BASE}/api/uploads`,
      filePath,
      session ? { Authorization: `Bearer ${session.token}` } : {},
    );
  } catch {
    throw new ApiRequestError(translate('error.network'), 0, 'NETWORK');
  }
  const body = (res.data ?? {}) as Partial<UploadedImage>;
  if (res.statusCode >= 200 && res.statusCode < 300 && body.url && body.thumbnailUrl) {
    return { url: body.url, thumbnailUrl: body.thumbnailUrl };
  }
  throw failure(res);
}

/** The message to show for anything a call threw. */
export function errorMessage(err: unknown): string {
  return err instanceof Error ? (codeMessage(err) ?? err.message) : translate('error.generic');
}

/**
 * Conflicts the user can meet anywhere, said in their language by the error's code. Not those whose
 * server message names the item (SOLD_OUT, PRODUCT_NOT_LISTED): which item matters more there.
 */
const CODE_MESSAGES = {
  ALL_CLAIMED: 'serverCode.ALL_CLAIMED',
  ALREADY_CLAIMED: 'serverCode.ALREADY_CLAIMED',
  GIFT_EXPIRED: 'serverCode.GIFT_EXPIRED',
  NOT_A_WINNER: 'serverCode.NOT_A_WINNER',
  TOO_MANY_UNPAID_ORDERS: 'serverCode.TOO_MANY_UNPAID_ORDERS',
  RATE_LIMITED: 'serverCode.RATE_LIMITED',
  DATABASE_BUSY: 'serverCode.DATABASE_BUSY',
  BUSY_TRY_AGAIN: 'serverCode.BUSY_TRY_AGAIN',
  ADDRESS_BOOK_FULL: 'serverCode.ADDRESS_BOOK_FULL',
  CONTROL_CHARACTER: 'serverCode.CONTROL_CHARACTER',
  INSUFFICIENT_AVAILABLE: 'serverCode.INSUFFICIENT_AVAILABLE',
  NOT_GIFTABLE: 'serverCode.NOT_GIFTABLE',
  NOT_FRIENDS: 'serverCode.NOT_FRIENDS',
  TEAM_FULL: 'serverCode.TEAM_FULL',
  ALREADY_IN_TEAM: 'serverCode.ALREADY_IN_TEAM',
  TEAM_CLOSED: 'serverCode.TEAM_CLOSED',
  TEAM_NOT_OPEN: 'serverCode.TEAM_NOT_OPEN',
  TEAM_NOT_FORMED: 'serverCode.TEAM_NOT_FORMED',
} as const satisfies Record<string, MessageKey>;

/** The server error's message in the user's language when its code has one, else null. */
export function codeMessage(err: Error): string | null {
  if (!(err instanceof ApiRequestError)) return null;
  const key = CODE_MESSAGES[err.code as keyof typeof CODE_MESSAGES];
  return key ? translate(key) : null;
}

/** A fresh key for one attempt at a money-moving write; reuse it for retries of that attempt. */
export function newIdempotencyKey(): string {
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`;
}

/** `?a=1&b=2` from the defined values, or '' when there are none. */
export function query(params: Record<string, string | number | undefined | null>): string {
  const parts = Object.entries(params)
    .filter(([, value]) => value !== undefined && value !== null && value !== '')
    .map(([key, value]) => `${key}=${encodeURIComponent(String(value))}`);
  return parts.length ? `?${parts.join('&')}` : '';
}
