import type { ChatView, GiftView, GroupDealView, OrderView, ProductView, SkuView, TeamView } from '@giftshop/shared';
import { setSession } from '../api/session';
import { mockApi, resetTaroMock, type MockResponse } from './taro';

export const ALICE = { id: 'u-alice', openId: 'o_alice', nickname: '爱丽丝' };
export const BOB = { id: 'u-bob', openId: 'o_bob', nickname: '鲍勃' };
export const CAROL_ID = 'u-carol';

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
    commissionBps: 0,
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

/** Alice's paid normal order of two 花果茶组合 (¥59 each, free freight), nothing taken off; override what a test is about. */
export function order(overrides: Partial<OrderView> = {}): OrderView {
  return {
    id: 'o1',
    kind: 'normal',
    status: 'paid',
    userCouponId: null,
    giftCards: [],
    shopId: 'shop1',
    buyerId: 'u-alice',
    items: [
      {
        skuId: 's1',
        productId: 'p1',
        title: '花果茶组合',
        specs: { 口味: '蜜桃乌龙' },
        unitPriceFen: 5900,
        quantity: 2,
        paidFen: 11800,
      },
    ],
    goodsFen: 11800,
    freightFen: 0,
    discountFen: 0,
    giftCardFen: 0,
    totalFen: 11800,
    payFen: 11800,
    refundedFen: 0,
    scene: 'shop_home',
    domain: 'private',
    sharerId: null,
    address: null,
    carrier: null,
    trackingNo: null,
    createdAt: '2026-01-01T00:00:00.000Z',
    paidAt: '2026-01-01T00:00:00.000Z',
    shippedAt: null,
    deliveredAt: null,
    completedAt: null,
    cancelledAt: null,
    refundedAt: null,
    payment: null,
    afterSale: null,
    ...overrides,
  };
}

export function groupDeal(overrides: Partial<GroupDealView> = {}): GroupDealView {
  return {
    id: 'deal1',
    shopId: 'shop1',
    productId: 'p1',
    groupSize: 3,
    windowHours: 24,
    status: 'active',
    skus: [{ skuId: 's1', groupPriceFen: 12800 }],
    createdAt: '2026-01-01T00:00:00.000Z',
    endedAt: null,
    ...overrides,
  };
}

/** An open team of 3 led by Alice (paid), one seat held by Bob's unpaid join, one free. */
export function team(overrides: Partial<TeamView> = {}): TeamView {
  return {
    id: 't1',
    dealId: 'deal1',
    productId: 'p1',
    shopId: 'shop1',
    productTitle: '明前龙井礼盒',
    imageUrl: null,
    skus: [{ skuId: 's1', groupPriceFen: 12800 }],
    status: 'open',
    groupSize: 3,
    paidCount: 1,
    seatsLeft: 1,
    expiresAt: '2026-01-02T10:00:00.000Z',
    formedAt: null,
    createdAt: '2026-01-01T10:00:00.000Z',
    members: [
      { userId: ALICE.id, nickname: ALICE.nickname, avatarUrl: null, paidAt: '2026-01-01T10:00:00.000Z', leader: true },
      { userId: BOB.id, nickname: BOB.nickname, avatarUrl: null, paidAt: null, leader: false },
    ],
    ...overrides,
  };
}
