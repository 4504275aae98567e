import type { ApiPaths } from '@giftshop/shared';

/**
 * The API's routes and their types, from the paths generated out of the server's OpenAPI document
 * (`npm run gen:api`, shared/src/openapi.ts). A call names its route as the document does
 * (`/orders/{id}/pay`, without `/api`) and gets that route's body, parameters and answer types:
 * the caller does not choose what the server answers. Types only, except `apiUrl`.
 */
export type HttpMethod = 'get' | 'post' | 'patch' | 'delete';

type ApiPath = keyof ApiPaths;

/** The routes that answer `method`, without the `/api` prefix. */
export type Route<M extends HttpMethod> = {
  [P in ApiPath]: [NonNullable<ApiPaths[P][M]>] extends [never] ? never : P extends `/api${infer R}` ? R : never;
}[ApiPath];

type Operation<M extends HttpMethod, R extends Route<M>> = NonNullable<ApiPaths[`/api${R}`][M]>;

type Json<Response> = Response extends { content: { 'application/json': infer Body } } ? Body : void;
type Success = 200 | 201 | 202 | 204;

/** What the route answers when it succeeds (each 2xx the document lists). */
export type Answer<M extends HttpMethod, R extends Route<M>> =
  Operation<M, R> extends { responses: infer Responses } ? Json<Responses[Extract<keyof Responses, Success>]> : never;

/** The JSON body the route takes. */
export type RequestBody<M extends HttpMethod, R extends Route<M>> = JsonBody<
  NonNullable<Operation<M, R>['requestBody']>
>;

type JsonBody<B> = [B] extends [never]
  ? never
  : B extends { content: { 'application/json': infer Body } }
    ? Body
    : never;

type PathParams<O> = O extends { parameters: { path: infer P } } ? Exclude<P, undefined> : never;
type QueryParams<O> = O extends { parameters: { query?: infer Q } } ? Exclude<Q, undefined> : never;

/** The route's `{…}` parameters (required when it has any) and its query. */
export type RouteParams<M extends HttpMethod, R extends Route<M>> = ([PathParams<Operation<M, R>>] extends [never]
  ? { path?: never }
  : { path: PathParams<Operation<M, R>> }) &
  ([QueryParams<Operation<M, R>>] extends [never] ? { query?: never } : { query?: QueryParams<Operation<M, R>> });

/** A GET route's query parameters. */
export type RouteQuery<R extends Route<'get'>> = QueryParams<Operation<'get', R>>;

/** The parameters argument: required only when the route has `{…}` parameters. */
export type ParamsArg<M extends HttpMethod, R extends Route<M>, Extra = object> = [
  PathParams<Operation<M, R>>,
] extends [never]
  ? [options?: RouteParams<M, R> & Extra]
  : [options: RouteParams<M, R> & Extra];

declare const answer: unique symbol;

/**
 * A GET's URL (under /api) that remembers what it answers, for `apiGet` and `useApi`. Only
 * `apiUrl` makes one: a plain string is not an ApiUrl, so no caller names a route's answer itself.
 */
export type ApiUrl<T> = string & { readonly [answer]: T };

/** `/orders/{id}` with `{path: {id}, query}` filled in: `/orders/5f…?limit=20`. */
export function fillRoute(
  route: string,
  params: { path?: Record<string, string>; query?: Record<string, unknown> } = {},
): string {
  const path = route.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(params.path?.[name] ?? ''));
  const query = Object.entries(params.query ?? {})
    .filter(([, value]) => value !== undefined && value !== null && value !== '')
    .map(([key, value]) => `${key}=${encodeURIComponent(String(value))}`);
  return query.length ? `${path}?${query.join('&')}` : path;
}

/** The URL of a GET route with its parameters, typed with what the route answers. */
export function apiUrl<R extends Route<'get'>>(route: R, ...[params]: ParamsArg<'get', R>): ApiUrl<Answer<'get', R>> {
  return fillRoute(route, params as Parameters<typeof fillRoute>[1]) as ApiUrl<Answer<'get', R>>;
}
