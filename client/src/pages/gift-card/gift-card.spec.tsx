import { fireEvent, render, screen } from '@testing-library/react';
import { setRouterParams } from '../../test/taro';
import { BOB, CAROL_ID, fail, loginAs, ok, routeApi } from '../../test/fixtures';
import { card } from './card.fixture';
import GiftCardPage from './index';

const CAROL = { id: CAROL_ID, openId: 'o_carol', nickname: '卡罗尔' };

/** Signs in (which resets the Taro mock) and opens the card's page. */
function openAs(user: typeof BOB): void {
  loginAs(user);
  setRouterParams({ id: 'gc1' });
}

describe('the 节日礼券 page', () => {
  it('lets the recipient claim it without an address, then shows the balance and the way to the wallet', async () => {
    openAs(CAROL);
    let current = card();
    routeApi({
      'GET /gift-cards/gc1': () => ok(current),
      'POST /gift-cards/gc1/claim': () => {
        current = card({
          status: 'claimed',
          canClaim: false,
          claimedAt: '2026-12-01T05:00:00.000Z',
          expiresAt: '2027-12-01T05:00:00.000Z',
          balanceFen: 20000,
        });
        return ok({ id: 'gc1', balanceFen: 20000 }, 201);
      },
    });
    render(<GiftCardPage />);
    expect((await screen.findByTestId('card-theme')).textContent).toContain('中秋');
    expect(screen.getByTestId('card-face-value').textContent).toBe('¥200.00');
    expect(screen.getByTestId('card-wish').textContent).toBe('中秋快乐');
    fireEvent.click(screen.getByTestId('card-claim'));
    expect((await screen.findByTestId('card-balance')).textContent).toBe('¥200.00');
    expect(screen.getByTestId('card-status').textContent).toBe('已领取');
    expect(screen.getByTestId('card-wallet')).toBeTruthy();
  });

  it('says a refused claim in Chinese', async () => {
    openAs(CAROL);
    routeApi({
      'GET /gift-cards/gc1': () => ok(card()),
      'POST /gift-cards/gc1/claim': () => fail(409, 'CARD_NOT_CLAIMABLE', 'gift card is refunded: cannot claim'),
    });
    render(<GiftCardPage />);
    fireEvent.click(await screen.findByTestId('card-claim'));
    expect((await screen.findByTestId('card-error')).textContent).toBe('这张礼券已不能领取');
  });

  it('shows the giver where it stands, with no claim button', async () => {
    openAs(BOB);
    routeApi({ 'GET /gift-cards/gc1': () => ok(card({ canClaim: false, status: 'refunded' })) });
    render(<GiftCardPage />);
    expect((await screen.findByTestId('card-status')).textContent).toBe('已退款');
    expect(screen.queryByTestId('card-claim')).toBeNull();
  });

  it('tells someone outside the chat they cannot see it', async () => {
    openAs(BOB);
    routeApi({ 'GET /gift-cards/gc1': () => fail(403, 'FORBIDDEN', 'not a member of the chat') });
    render(<GiftCardPage />);
    expect(await screen.findByText('只有聊天里的两人能查看这张礼券')).toBeTruthy();
  });
});
