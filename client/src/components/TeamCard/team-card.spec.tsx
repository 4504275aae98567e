import { fireEvent, render, screen } from '@testing-library/react';
import type { MessageView } from '@giftshop/shared';
import { navigations } from '../../test/taro';
import { BOB, loginAs, ok, routeApi, team } from '../../test/fixtures';
import { previewText } from '../ChatPreview';
import { TeamCard } from './index';

beforeEach(() => loginAs(BOB));

describe('the 拼团 card in a chat', () => {
  it('shows the product, the seats, the paid members and opens the team page from the group chat', async () => {
    routeApi({ 'GET /group-buys/t1': () => ok(team({ expiresAt: new Date(Date.now() + 3600_000).toISOString() })) });
    render(<TeamCard teamId="t1" scene="group_chat" />);
    expect((await screen.findByTestId('team-card-seats-t1')).textContent).toBe('还差 2 人成团 · 剩 1 个名额');
    const card = screen.getByTestId('team-card-t1');
    expect(card.textContent).toContain('明前龙井礼盒');
    // An hour ahead, give or take the second the render took.
    expect(card.textContent).toMatch(/1\/3 人已支付 · 还剩 (0:59:\d\d|1:00:00)拼团/);
    expect(card.textContent).toContain('拼团 · 拼团中');
    fireEvent.click(card);
    expect(navigations).toEqual(['/pages/team/index?id=t1&scene=group_chat']);
  });

  it('says the team failed once it has', async () => {
    routeApi({ 'GET /group-buys/t1': () => ok(team({ status: 'failed' })) });
    render(<TeamCard teamId="t1" scene="chat" />);
    expect((await screen.findByTestId('team-card-seats-t1')).textContent).toBe('未在时限内成团，已全额退款');
  });

  it('is [拼团] in the chat list', () => {
    const last: Pick<MessageView, 'type' | 'senderId' | 'createdAt'> = {
      type: 'group_buy',
      senderId: 'u',
      createdAt: '2026-01-01T00:00:00.000Z',
    };
    expect(previewText(last, 'zh')).toBe('[拼团]');
    expect(previewText(last, 'en')).toBe('[Group buy]');
  });
});
