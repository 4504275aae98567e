import { act, fireEvent, render, screen } from '@testing-library/react';
import { navigations, setRouterParams } from '../../test/taro';
import { BOB, gift, loginAs, ok, routeApi } from '../../test/fixtures';
import GiftPage from './index';

beforeEach(() => {
  loginAs(BOB);
  setRouterParams({ id: 'g1' });
});
afterEach(() => jest.useRealTimers());

describe('gift page: the claim deadline and the all-claimed view', () => {
  it('counts down to the claim deadline each second', async () => {
    jest.useFakeTimers({ now: Date.parse('2026-01-01T10:00:00.000Z') });
    routeApi({ 'GET /gifts/g1': () => ok(gift({ status: 10, expiresAt: '2026-01-02T09:59:58.000Z' })) });
    render(<GiftPage />);
    await act(async () => {
      await jest.advanceTimersByTimeAsync(0);
    });
    expect(screen.getByTestId('gift-countdown').textContent).toBe('还剩 23:59:58 可领取');
    await act(async () => {
      await jest.advanceTimersByTimeAsync(2000);
    });
    expect(screen.getByTestId('gift-countdown').textContent).toBe('还剩 23:59:56 可领取');
  });

  it('all claimed: shows who got one and when, and offers 我也送一份 and back to the chat', async () => {
    routeApi({
      'GET /gifts/g1': () =>
        ok(
          gift({
            role: 'member',
            mode: 'first_come',
            status: 20,
            units: 2,
            claimedUnits: 2,
            remainingUnits: 0,
            claimants: [
              { nickname: '卡罗尔', acceptedAt: '2026-01-01T01:00:00.000Z' },
              { nickname: '大卫', acceptedAt: '2026-01-01T01:05:00.000Z' },
            ],
          }),
        ),
    });
    render(<GiftPage />);
    await screen.findByTestId('gift-all-claimed');
    expect(screen.queryByTestId('gift-countdown')).toBeNull();
    expect(screen.getByTestId('claimant-0').textContent).toContain('卡罗尔');
    expect(screen.getByTestId('claimant-1').textContent).toContain('大卫');
    expect(screen.getByTestId('claimant-1').textContent).toMatch(/\d\d:\d\d/);
    fireEvent.click(screen.getByTestId('gift-send-too'));
    fireEvent.click(screen.getByTestId('gift-back-to-chat'));
    expect(navigations.slice(-2)).toEqual([
      '/pages/gift-compose/index?productId=p1&skuId=s1',
      '/pages/chat/index?id=chat-bob',
    ]);
  });
});
