import type { TransitionTable } from './state-machine';

/**
 * 节日礼券: a stored-value card of one shop, bought as a gift for a friend in a direct chat and
 * claimed without an address. It pays part or all of later orders at that shop until it
 * expires. Its price enters the merchant's ledger once, as income when the friend claims it.
 */
export const GIFT_CARD_RULES = {
  minFaceValueFen: 1_000,
  maxFaceValueFen: 100_000,
  minValidDays: 1,
  maxValidDays: 1_095,
  /** Unclaimed this long after it was sent, the card is refunded to the giver. */
  claimWindowMs: 24 * 3_600_000,
  /** Cards one order may name. */
  maxCardsPerOrder: 5,
} as const;

export const GIFT_CARD_THEMES = [
  'plain',
  'spring_festival',
  'mid_autumn',
  'dragon_boat',
  'mothers_day',
  'birthday',
] as const;
export type GiftCardTheme = (typeof GIFT_CARD_THEMES)[number];

/** The festival a theme stands for, as the card shows it. */
export const GIFT_CARD_THEME_NAMES: Record<GiftCardTheme, string> = {
  plain: '礼券',
  spring_festival: '春节',
  mid_autumn: '中秋',
  dragon_boat: '端午',
  mothers_day: '母亲节',
  birthday: '生日',
};

export type GiftCardDesignStatus = 'active' | 'ended';

/**
 * A card's life:
 *   pending_payment → sent (the giver paid: the card is in the chat)
 *   pending_payment → cancelled (the giver's order was cancelled unpaid)
 *   sent → claimed (the friend took it: it is in their wallet)
 *   sent → refunded (unclaimed within 24 hours: the giver gets the money back)
 */
export const GIFT_CARD_STATUSES = ['pending_payment', 'sent', 'claimed', 'refunded', 'cancelled'] as const;
export type GiftCardStatus = (typeof GIFT_CARD_STATUSES)[number];
export type GiftCardAction = 'send' | 'cancel' | 'claim' | 'refund';

export const GIFT_CARD_TRANSITIONS: TransitionTable<GiftCardStatus, GiftCardAction> = {
  send: { from: ['pending_payment'], to: 'sent' },
  cancel: { from: ['pending_payment'], to: 'cancelled' },
  claim: { from: ['sent'], to: 'claimed' },
  refund: { from: ['sent'], to: 'refunded' },
};

/** A card in a wallet as shown: usable, spent to zero, or past its expiry. */
export type WalletCardStatus = 'active' | 'used_up' | 'expired';

export function walletCardStatus(card: { balanceFen: number; expiresAt: Date }, now: Date): WalletCardStatus {
  if (card.expiresAt.getTime() <= now.getTime()) return 'expired';
  return card.balanceFen === 0 ? 'used_up' : 'active';
}

/**
 * What each card pays of `dueFen`, in the order named: each at most its balance, until nothing
 * is due. A card with nothing left (or not needed) pays 0.
 */
export function applyGiftCards(
  dueFen: number,
  cards: readonly { id: string; balanceFen: number }[],
): { id: string; amountFen: number }[] {
  if (!Number.isSafeInteger(dueFen) || dueFen < 0) throw new RangeError('dueFen must be a whole number ≥ 0');
  let left = dueFen;
  return cards.map((card) => {
    if (!Number.isSafeInteger(card.balanceFen) || card.balanceFen < 0) {
      throw new RangeError(`card ${card.id}: a balance is a whole number ≥ 0`);
    }
    const amountFen = Math.min(left, card.balanceFen);
    left -= amountFen;
    return { id: card.id, amountFen };
  });
}
