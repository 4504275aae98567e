import type { ChatLastMessage } from '@giftshop/shared';
import { previewText } from './index';

describe('the chat list’s last line', () => {
  it('names a 节日礼券 card as [礼券] rather than its wish', () => {
    const last: ChatLastMessage = {
      senderId: 'u-bob',
      type: 'gift_card',
      text: '中秋快乐',
      createdAt: '2026-09-15T00:00:00.000Z',
    };
    expect(previewText(last, 'zh')).toBe('[礼券]');
    expect(previewText(last, 'en')).toBe('[Gift card]');
  });

  it('words a card’s notice in the reader’s language', () => {
    const last: ChatLastMessage = {
      senderId: 'u-carol',
      type: 'system',
      text: '卡罗尔 领取了礼券',
      notice: { kind: 'gift_card_claimed', params: { nickname: '卡罗尔' } },
      createdAt: '2026-09-15T00:00:00.000Z',
    };
    expect(previewText(last, 'zh')).toBe('卡罗尔 领取了礼券');
    expect(previewText(last, 'en')).toBe('卡罗尔 claimed the gift card');
  });
});
