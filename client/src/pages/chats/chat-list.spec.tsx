import { act, render, screen } from '@testing-library/react';
import type { ChatView } from '@giftshop/shared';
import { setLang } from '../../i18n';
import { ALICE, loginAs, ok, routeApi } from '../../test/fixtures';
import ChatsPage from './index';

const NOW = new Date();
const FAMILY: ChatView = {
  id: 'chat-family',
  type: 'group',
  title: '相亲相爱一家人',
  memberIds: [ALICE.id, 'u-bob', 'u-carol'],
  unreadCount: 3,
  lastMessage: {
    senderId: 'u-bob',
    type: 'system',
    text: '鲍勃 领取了礼物',
    notice: { kind: 'gift_claimed', params: { nickname: '鲍勃' } },
    createdAt: new Date(NOW.getFullYear(), NOW.getMonth(), NOW.getDate(), 9, 5).toISOString(),
  },
};
const BOB_CHAT: ChatView = {
  id: 'chat-bob',
  type: 'direct',
  title: '鲍勃',
  memberIds: [ALICE.id, 'u-bob'],
  unreadCount: 0,
};

beforeEach(() => {
  loginAs(ALICE);
  routeApi({ 'GET /friend-requests': () => ok([]), 'GET /chats': () => ok([FAMILY, BOB_CHAT]) });
});
afterEach(() => act(() => setLang('zh')));

describe('chat list: last message, time, unread', () => {
  it('shows the last message, its time and the unread badge; no badge when all is read', async () => {
    render(<ChatsPage />);
    expect((await screen.findByTestId('chat-preview-chat-family')).textContent).toBe('鲍勃 领取了礼物');
    expect(screen.getByTestId('chat-time-chat-family').textContent).toBe('09:05');
    expect(screen.getByTestId('chat-unread-chat-family').textContent).toBe('3');
    expect(screen.queryByTestId('chat-unread-chat-bob')).toBeNull();
  });

  it('words a system notice in English from its data, not the server’s Chinese text', async () => {
    act(() => setLang('en'));
    render(<ChatsPage />);
    expect((await screen.findByTestId('chat-preview-chat-family')).textContent).toBe('鲍勃 claimed the gift');
  });
});
