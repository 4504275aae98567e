import { GIFT_CARD_THEME_NAMES, GIFT_CARD_THEMES, type GiftCardView } from '@giftshop/shared';
import { cardChatLabel, claimRefusal, giverStatusText, themeName } from './labels';

const card = (overrides: Partial<GiftCardView> = {}) => ({
  status: 'sent' as const,
  canClaim: true,
  giverId: 'u-bob',
  recipientId: 'u-carol',
  claimableUntil: '2026-12-02T04:00:00.000Z',
  ...overrides,
});

describe('a 节日礼券 in words', () => {
  it('names each theme as the shared table does', () => {
    for (const theme of GIFT_CARD_THEMES) expect(themeName(theme)).toBe(GIFT_CARD_THEME_NAMES[theme]);
  });

  it('offers 领取 in the chat only to the recipient while they may claim it', () => {
    expect(cardChatLabel(card(), 'u-carol')).toBe('领取');
    expect(cardChatLabel(card(), 'u-bob')).toBe('待领取');
    expect(cardChatLabel(card({ canClaim: false }), 'u-carol')).toBe('待领取');
    expect(cardChatLabel(card({ status: 'claimed', canClaim: false }), 'u-bob')).toBe('已领取');
    expect(cardChatLabel(card({ status: 'refunded', canClaim: false }), 'u-carol')).toBe('已退回');
  });

  it('tells the giver the 24-hour deadline while it waits, then 已领取 or 已退款', () => {
    const at = (iso: string) => `at:${iso}`;
    expect(giverStatusText(card(), at)).toBe('待领取 · at:2026-12-02T04:00:00.000Z 前未领取将退回');
    expect(giverStatusText(card({ status: 'claimed' }), at)).toBe('已领取');
    expect(giverStatusText(card({ status: 'refunded' }), at)).toBe('已退款');
  });

  it('says a refused claim in Chinese by its code, and anything else as the server said it', () => {
    const refused = (code: string) => Object.assign(new Error('server words'), { code });
    expect(claimRefusal(refused('NOT_RECIPIENT'))).toBe('这张礼券不是送给你的');
    expect(claimRefusal(refused('CARD_NOT_CLAIMABLE'))).toBe('这张礼券已不能领取');
    expect(claimRefusal(refused('SOMETHING_ELSE'))).toBe('server words');
  });
});
