import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { ChatView, FriendRequestView } from '@giftshop/shared';
import { requests } from '../../test/taro';
import { ALICE, fail, loginAs, ok, routeApi } from '../../test/fixtures';
import ChatsPage from './index';

const CAROL: FriendRequestView = {
  id: 'req-carol',
  fromUserId: 'u-carol',
  nickname: '卡罗尔',
  createdAt: '2026-01-01T00:00:00.000Z',
};
const DAVE: FriendRequestView = { id: 'req-dave', fromUserId: 'u-dave', nickname: '大卫', createdAt: CAROL.createdAt };
const CAROL_CHAT: ChatView = { id: 'chat-carol', type: 'direct', title: '卡罗尔', memberIds: [ALICE.id, 'u-carol'] };

const posts = () => requests.filter((r) => r.method === 'POST').map((r) => ({ path: r.path, data: r.data }));

/** A small server: the requests waiting for alice, her chats, and what accepting or declining does. */
function server(pending: FriendRequestView[]) {
  const chats: ChatView[] = [];
  routeApi({
    'GET /friend-requests': () => ok(pending),
    'GET /chats': () => ok(chats),
    'POST /friends': (body) => {
      const { userId } = body as { userId: string };
      const index = pending.findIndex((r) => r.fromUserId === userId);
      if (index < 0) return ok({ status: 'pending' }, 202);
      pending.splice(index, 1);
      chats.push(CAROL_CHAT);
      return ok({ status: 'friends', chatId: CAROL_CHAT.id });
    },
    'POST /friend-requests/req-dave/decline': () => {
      pending.splice(
        pending.findIndex((r) => r.id === 'req-dave'),
        1,
      );
      return ok({ id: 'req-dave', status: 'declined' });
    },
  });
}

beforeEach(() => loginAs(ALICE));

describe('chats page: friend requests', () => {
  it('accepts a request by asking the sender back, then shows the direct chat that opened', async () => {
    server([CAROL, DAVE]);
    render(<ChatsPage />);
    expect((await screen.findByTestId('friend-requests')).textContent).toContain('新的朋友（2）');
    expect(screen.getByTestId('friend-request-req-carol').textContent).toContain('卡罗尔');
    expect(screen.queryByTestId('chat-chat-carol')).toBeNull();

    fireEvent.click(screen.getByTestId('friend-accept-req-carol'));

    await screen.findByTestId('chat-chat-carol');
    expect(posts()).toEqual([{ path: '/friends', data: { userId: 'u-carol' } }]);
    expect(screen.queryByTestId('friend-request-req-carol')).toBeNull();
    expect(screen.getByTestId('friend-request-req-dave')).not.toBeNull();
  });

  it('declines a request through the API and drops it from the list', async () => {
    server([DAVE]);
    render(<ChatsPage />);
    fireEvent.click(await screen.findByTestId('friend-decline-req-dave'));

    await waitFor(() => expect(screen.queryByTestId('friend-requests')).toBeNull());
    expect(posts()).toEqual([{ path: '/friend-requests/req-dave/decline', data: {} }]);
    expect(screen.queryByTestId('chat-chat-carol')).toBeNull();
  });

  it('shows the server’s message when accepting fails, and keeps the request', async () => {
    server([CAROL]);
    routeApi({
      'GET /friend-requests': () => ok([CAROL]),
      'GET /chats': () => ok([]),
      'POST /friends': () => fail(404, 'USER_NOT_FOUND', 'user not found'),
    });
    render(<ChatsPage />);
    fireEvent.click(await screen.findByTestId('friend-accept-req-carol'));

    expect((await screen.findByTestId('friend-requests-error')).textContent).toBe('user not found');
    expect(screen.getByTestId('friend-request-req-carol')).not.toBeNull();
  });

  it('shows no section when nothing is waiting', async () => {
    server([]);
    render(<ChatsPage />);
    await screen.findByText('还没有聊天');
    expect(screen.queryByTestId('friend-requests')).toBeNull();
  });
});
