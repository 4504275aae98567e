import type { WalletCardView } from '@giftshop/shared';

/** Active cards first, the one expiring soonest on top; used-up and expired ones after, newest first. */
export function walletOrder(cards: readonly WalletCardView[]): WalletCardView[] {
  const active = cards.filter((c) => c.status === 'active').sort((a, b) => a.expiresAt.localeCompare(b.expiresAt));
  const spent = cards.filter((c) => c.status !== 'active').sort((a, b) => b.claimedAt.localeCompare(a.claimedAt));
  return [...active, ...spent];
}
