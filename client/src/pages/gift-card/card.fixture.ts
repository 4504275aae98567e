import type { GiftCardView } from '@giftshop/shared';
import { BOB, CAROL_ID } from '../../test/fixtures';

/** For specs: Bob's 中秋礼券 ¥200 to Carol in their direct chat, sent and waiting to be claimed. */
export function card(overrides: Partial<GiftCardView> = {}): GiftCardView {
  return {
    id: 'gc1',
    orderId: 'o1',
    shopId: 'shop1',
    shopName: '山茶小馆',
    designId: 'd1',
    title: '中秋礼券',
    theme: 'mid_autumn',
    faceValueFen: 20000,
    wishMessage: '中秋快乐',
    giverId: BOB.id,
    giverNickname: BOB.nickname,
    chatId: 'chat-bc',
    recipientId: CAROL_ID,
    status: 'sent',
    sentAt: '2026-12-01T04:00:00.000Z',
    claimableUntil: '2026-12-02T04:00:00.000Z',
    claimedAt: null,
    expiresAt: null,
    balanceFen: null,
    canClaim: true,
    ...overrides,
  };
}
