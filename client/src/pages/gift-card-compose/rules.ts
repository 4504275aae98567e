import { checkWishMessage, MAX_WISH_MESSAGE_LENGTH, type GiftCardDesignView } from '@giftshop/shared';
import { translate } from '../../i18n';

/**
 * Why the card cannot be sent yet, in the reader's language, or null: a design must be picked and
 * the wish message pass the same rule as a gift's (at most 50 characters, no banned word).
 */
export function cardComposeProblem(state: { design?: Pick<GiftCardDesignView, 'id'>; wish: string }): string | null {
  if (!state.design) return translate('cardCompose.pickDesign');
  const wish = checkWishMessage(state.wish);
  if (wish.ok) return null;
  if (wish.code === 'WISH_TOO_LONG') {
    return translate('compose.wishTooLong', { n: [...state.wish.trim()].length, max: MAX_WISH_MESSAGE_LENGTH });
  }
  return translate('compose.wishBanned', { word: /"(.+)"/.exec(wish.reason)?.[1] ?? '' });
}
