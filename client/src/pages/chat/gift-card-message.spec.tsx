import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { ChatView } from '@giftshop/shared';
import { setRouterParams, navigations } from '../../test/taro';
import { BOB, CAROL_ID, loginAs, ok, routeApi } from '../../test/fixtures';
import { card } from '../gift-card/card.fixture';
import ChatPage from './index';

const CAROL = { id: CAROL_ID, openId: 'o_carol', nickname: '卡罗尔' };
const DIRECT: ChatView = { id: 'chat-bc', type: 'direct', title: '鲍勃', memberIds: [BOB.id, CAROL_ID] };
const GROUP: ChatView = { id: 'chat-family', type: 'group', title: '相亲相爱一家人', memberIds: [BOB.id, CAROL_ID] };
const CARD_MESSAGE = {
  id: 'm1',
  chatId: 'chat-bc',
  senderId: BOB.id,
  type: 'gift_card',
  giftCardId: 'gc1',
  text: '中秋快乐',
  createdAt: '2026-12-01T04:00:00.000Z',
};
const CLAIMED_NOTICE = {
  id: 'm2',
  chatId: 'chat-bc',
  senderId: CAROL_ID,
  type: 'system',
  giftCardId: 'gc1',
  notice: { kind: 'gift_card_claimed', params: { nickname: '卡罗尔' } },
  text: '卡罗尔 领取了礼券',
  createdAt: '2026-12-01T05:00:00.000Z',
};

function openChat(chat: ChatView, messages: object[], cardOverrides: Parameters<typeof card>[0] = {}) {
  loginAs(CAROL);
  setRouterParams({ id: chat.id });
  routeApi({
    [`GET /chats/${chat.id}`]: () => ok(chat),
    [`GET /chats/${chat.id}/messages?limit=100`]: () => ok(messages),
    'GET /gift-cards/gc1': () => ok(card(cardOverrides)),
  });
  render(<ChatPage />);
}

/** The card's foot once the card has loaded. */
async function cardSays(text: string) {
  await waitFor(() => expect(screen.getByTestId('card-message-status-gc1').textContent).toBe(text));
}

describe('a 节日礼券 in the chat', () => {
  it('shows the card with its festival, face value and wish, 领取 for the friend, and opens its page', async () => {
    openChat(DIRECT, [CARD_MESSAGE]);
    await cardSays('领取');
    const message = screen.getByTestId('card-message-gc1');
    expect(message.textContent).toContain('中秋礼券');
    expect(message.textContent).toContain('¥200.00');
    expect(message.textContent).toContain('中秋快乐');
    expect(message.textContent).toContain('中秋');
    fireEvent.click(message);
    expect(navigations.at(-1)).toBe('/pages/gift-card/index?id=gc1');
  });

  it('says 已领取 and shows the claimed notice once it is claimed, 已退回 once refunded', async () => {
    openChat(DIRECT, [CARD_MESSAGE, CLAIMED_NOTICE], { status: 'claimed', canClaim: false });
    await cardSays('已领取');
    expect(screen.getByTestId('system-m2').textContent).toBe('卡罗尔 领取了礼券');
  });

  it('says 已退回 once the card was refunded', async () => {
    openChat(DIRECT, [CARD_MESSAGE], { status: 'refunded', canClaim: false });
    await cardSays('已退回');
  });

  it('offers 送礼券 in a direct chat only', async () => {
    openChat(DIRECT, []);
    fireEvent.click(await screen.findByTestId('chat-send-card'));
    expect(navigations.at(-1)).toBe('/pages/gift-card-compose/index?chatId=chat-bc');
  });

  it('has no 送礼券 in a group', async () => {
    openChat(GROUP, []);
    await screen.findByTestId('chat-input');
    expect(screen.queryByTestId('chat-send-card')).toBeNull();
  });
});
