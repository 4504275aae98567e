import type { ChatView, GiftView, ProductView, SkuView } from '@giftshop/shared';
import { setSession } from '../api/session';
import { mockApi, resetTaroMock, type MockResponse } from './taro';

export const ALICE = { id: 'u-alice', openId: 'o_alice', nickname: '爱丽丝' };
export const BOB = { id: 'u-bob', openId: 'o_bob', nickname: '鲍勃' };

export function loginAs(user: typeof ALICE): void {
  resetTaroMock();
  setSession({ token: `token-${user.openId}`, user });
}

export function sku(overrides: Partial<SkuView> & { id: string }): SkuView {
  return {
    specs: { 规格: overrides.id },
    priceFen: 16800,
    listPriceFen: 19800,
    stock: 10,
    giftable: true,
    ...overrides,
  };
}

export function product(skus: SkuView[], overrides: Partial<ProductView> = {}): ProductView {
  return {
    id: 'p1',
    shopId: 'shop1',
    shopName: '山茶小馆',
    title: '明前龙井礼盒',
    description: '西湖产区春茶',
    categoryCode: 'tea',
    imageUrls: [],
    status: 'listed',
    giftable: skus.some((s) => s.giftable),
    priceFen: Math.min(...skus.map((s) => s.priceFen)),
    skus,
    createdAt: '2026-01-01T00:00:00.000Z',
    ...overrides,
  };
}

export const CHATS: ChatView[] = [
  { id: 'chat-bob', type: 'direct', title: '鲍勃', memberIds: [ALICE.id, BOB.id] },
  { id: 'chat-family', type: 'group', title: '相亲相爱一家人', memberIds: [ALICE.id, BOB.id, 'u-carol', 'u-dave'] },
];

export function gift(overrides: Partial<GiftView> = {}): GiftView {
  return {
    id: 'g1',
    orderId: 'o1',
    role: 'member',
    mode: 'single',
    status: 10,
    chatId: 'chat-bob',
    giver: { id: ALICE.id, nickname: ALICE.nickname },
    wishMessage: '生日快乐',
    product: {
      productId: 'p1',
      title: '明前龙井礼盒',
      imageUrl: null,
      skuId: 's1',
      specs: { 规格: '250g 礼盒' },
      unitPriceFen: 16800,
    },
    units: 1,
    claimedUnits: 0,
    remainingUnits: 1,
    sentAt: '2026-01-01T00:00:00.000Z',
    expiresAt: '2026-01-02T00:00:00.000Z',
    drawAt: null,
    drawnAt: null,
    myClaim: null,
    ...overrides,
  };
}

export function ok(data: unknown, statusCode = 200): MockResponse {
  return { statusCode, data };
}

export function fail(statusCode: number, code: string, message: string): MockResponse {
  return { statusCode, data: { statusCode, error: 'Error', code, message } };
}

/** Routes `METHOD /path` (query string included) to answers; anything else is a 404. */
export function routeApi(routes: Record<string, (body: unknown) => MockResponse>): void {
  mockApi(({ method, path, data }) => {
    const route = routes[`${method} ${path}`];
    return route ? route(data) : fail(404, 'NOT_FOUND', `no route ${method} ${path}`);
  });
}
