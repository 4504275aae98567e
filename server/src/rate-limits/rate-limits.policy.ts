/**
 * Who may send how many requests. One table of limits and one table of the routes they guard,
 * keyed by method and route pattern, so a route is limited as soon as it exists under that path
 * (POST /api/auth/wechat is listed before its controller lands).
 */
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

export interface Limit {
  /** Requests allowed in any window of `ttlMs` (a sliding window). */
  limit: number;
  ttlMs: number;
  /** `user`: the authenticated caller (the address when there is none); `address`: the client's address. */
  per: 'user' | 'address';
  /** Names the rule in the 429 message. */
  what: string;
}

export const LIMITS = {
  /** Everything else, per caller, so no one can slow the shop for the others. */
  global: { limit: 600, ttlMs: MINUTE, per: 'user', what: 'requests' },
  login: { limit: 10, ttlMs: MINUTE, per: 'address', what: 'logins from one address' },
  orders: { limit: 30, ttlMs: MINUTE, per: 'user', what: 'order creations and payments' },
  gifts: { limit: 20, ttlMs: MINUTE, per: 'user', what: 'gifts sent' },
  claims: { limit: 30, ttlMs: MINUTE, per: 'user', what: 'gift, gift-card and coupon claims and lottery entries' },
  messages: { limit: 60, ttlMs: MINUTE, per: 'user', what: 'chat messages' },
  friendRequests: { limit: 30, ttlMs: HOUR, per: 'user', what: 'friend requests' },
  withdrawals: { limit: 10, ttlMs: MINUTE, per: 'user', what: 'withdrawals' },
  addresses: { limit: 60, ttlMs: MINUTE, per: 'user', what: 'address book changes' },
  uploads: { limit: 30, ttlMs: MINUTE, per: 'user', what: 'image uploads' },
} as const satisfies Record<string, Limit>;

export type Bucket = Exclude<keyof typeof LIMITS, 'global'>;

/** `METHOD /path` as express matched it → the limit it counts against (besides the global one). */
export const LIMITED_ROUTES: Readonly<Record<string, Bucket>> = {
  'POST /api/auth/login': 'login',
  'POST /api/auth/wechat': 'login',
  'POST /api/orders': 'orders',
  'POST /api/orders/:id/pay': 'orders',
  'POST /api/group-buys': 'orders',
  'POST /api/group-buys/:teamId/join': 'orders',
  'POST /api/gifts': 'gifts',
  'POST /api/gift-cards': 'gifts',
  'POST /api/gift-cards/:id/claim': 'claims',
  'POST /api/coupons/:id/claim': 'claims',
  'POST /api/gifts/:id/claim': 'claims',
  'POST /api/gifts/:id/enter': 'claims',
  'POST /api/chats/:id/messages': 'messages',
  'POST /api/friends': 'friendRequests',
  'POST /api/shops/:shopId/withdrawals': 'withdrawals',
  'POST /api/me/earnings/withdrawals': 'withdrawals',
  'POST /api/me/addresses': 'addresses',
  'PATCH /api/me/addresses/:id': 'addresses',
  'POST /api/uploads': 'uploads',
};

/**
 * Not limited at all: health probes (a load balancer polls from one address), the payment
 * provider's notifications (they carry money already taken; the signature guards them) and the
 * test hooks (only mounted with TEST_HOOKS=1).
 */
export function isUnlimited(route: string): boolean {
  return route === 'GET /api/health' || route === 'POST /api/payments/notify' || route.includes(' /api/test/');
}
