import { render, screen } from '@testing-library/react';
import type { WalletCardView } from '@giftshop/shared';
import { ALICE, loginAs, ok, routeApi } from '../../test/fixtures';
import WalletPage from './index';
import { walletOrder } from './order';

function card(id: string, overrides: Partial<WalletCardView> = {}): WalletCardView {
  return {
    id,
    shopId: 'shop1',
    shopName: '山茶小馆',
    title: '中秋礼券',
    theme: 'mid_autumn',
    faceValueFen: 20000,
    balanceFen: 12000,
    claimedAt: '2026-09-01T00:00:00.000Z',
    expiresAt: '2027-09-01T00:00:00.000Z',
    status: 'active',
    giverNickname: '鲍勃',
    ...overrides,
  };
}

describe('the wallet', () => {
  it('lists active cards first (soonest expiry on top), then used-up and expired ones, newest first', () => {
    const cards = [
      card('expired', { status: 'expired', claimedAt: '2025-01-01T00:00:00.000Z' }),
      card('later', { expiresAt: '2028-01-01T00:00:00.000Z' }),
      card('used', { status: 'used_up', balanceFen: 0, claimedAt: '2026-10-01T00:00:00.000Z' }),
      card('sooner', { expiresAt: '2027-01-01T00:00:00.000Z' }),
    ];
    expect(walletOrder(cards).map((c) => c.id)).toEqual(['sooner', 'later', 'used', 'expired']);
  });

  it('shows each card’s festival, title, balance of face value, and giver', async () => {
    loginAs(ALICE);
    routeApi({
      'GET /me/gift-cards': () =>
        ok([card('used', { status: 'used_up', balanceFen: 0, theme: 'birthday', title: '生日礼券' }), card('c1')]),
    });
    render(<WalletPage />);
    const first = await screen.findByTestId('wallet-card-c1');
    expect(first.textContent).toContain('中秋');
    expect(first.textContent).toContain('中秋礼券');
    expect(first.textContent).toContain('鲍勃 送的');
    expect(screen.getByTestId('wallet-balance-c1').textContent).toBe('余额 ¥120.00 / 面值 ¥200.00');
    expect(screen.getByTestId('wallet-status-used').textContent).toBe('已用完');
    const order = screen.getAllByTestId(/^wallet-card-/).map((el) => el.getAttribute('data-testid'));
    expect(order).toEqual(['wallet-card-c1', 'wallet-card-used']);
  });
});
