import type { GiftCardTheme, GiftCardView } from '@giftshop/shared';
import { translate } from '../../i18n';

/** The festival of a theme in the reader's language: 中秋 / Mid-Autumn (Chinese as GIFT_CARD_THEME_NAMES says). */
export function themeName(theme: GiftCardTheme): string {
  return translate(`cardTheme.${theme}`);
}

/** The emoji a theme's card carries. */
export const THEME_ICONS: Record<GiftCardTheme, string> = {
  plain: '🎫',
  spring_festival: '🧧',
  mid_autumn: '🥮',
  dragon_boat: '🐉',
  mothers_day: '💐',
  birthday: '🎂',
};

type CardState = Pick<GiftCardView, 'status' | 'canClaim' | 'giverId' | 'recipientId'>;

/**
 * What the card in the chat says at its foot, for this viewer: 领取 while the recipient may take
 * it, 待领取 to everyone else while it waits, then 已领取 or 已退回.
 */
export function cardChatLabel(card: CardState, viewerId: string | undefined): string {
  switch (card.status) {
    case 'sent':
      return card.canClaim && viewerId === card.recipientId
        ? translate('giftCard.claim')
        : translate('giftCard.waiting');
    case 'claimed':
      return translate('giftCard.claimed');
    case 'refunded':
      return translate('giftCard.returned');
    case 'pending_payment':
      return translate('giftCard.unpaid');
    case 'cancelled':
      return translate('giftCard.cancelled');
  }
}

/** The giver's line on the card's page: 待领取 (refunded if unclaimed by …), 已领取, 已退款. */
export function giverStatusText(
  card: Pick<GiftCardView, 'status' | 'claimableUntil'>,
  formatAt: (iso: string) => string,
): string {
  switch (card.status) {
    case 'sent':
      return card.claimableUntil
        ? translate('giftCard.waitingUntil', { at: formatAt(card.claimableUntil) })
        : translate('giftCard.waiting');
    case 'claimed':
      return translate('giftCard.claimed');
    case 'refunded':
      return translate('giftCard.refunded');
    case 'pending_payment':
      return translate('giftCard.unpaid');
    case 'cancelled':
      return translate('giftCard.cancelled');
  }
}

/** A refused claim in the reader's language, by its code (403 NOT_RECIPIENT, 409 CARD_NOT_CLAIMABLE). */
export function claimRefusal(error: Error & { code?: string }): string {
  if (error.code === 'NOT_RECIPIENT') return translate('giftCard.notRecipient');
  if (error.code === 'CARD_NOT_CLAIMABLE') return translate('giftCard.notClaimable');
  return error.message;
}
