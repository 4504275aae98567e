import { checkWishMessage, GIFT_RULES, giftUnitsProblem, MAX_WISH_MESSAGE_LENGTH } from '@giftshop/shared';
import type { ChatView, GiftMode, SkuView } from '@giftshop/shared';
import type { Translate } from '../../i18n';
import { notGiftableReason } from '../../i18n/labels';

/** When a lottery draws, in minutes from now (the rule allows at most 24 hours). */
export const DRAW_CHOICES_MIN = [5, 30, 60, 180, 720, 1380];

export function drawLabel(t: Translate, minutes: number): string {
  return minutes < 60 ? t('compose.inMinutes', { n: minutes }) : t('compose.inHours', { n: minutes / 60 });
}

/** Why the form cannot be sent, in the reader's language, or null. */
export function formProblem(
  t: Translate,
  state: { chat?: ChatView; mode: GiftMode; units: number; wish: string; sku?: SkuView; categoryCode: string },
) {
  if (!state.sku) return t('compose.noSku');
  if (!state.sku.giftable) return notGiftableReason(state.sku, state.categoryCode);
  if (!state.chat) return t('compose.pickChat');
  if (giftUnitsProblem(state.mode, state.units)) {
    return state.mode === 'single'
      ? t('compose.singleUnit')
      : t('compose.unitsRange', { min: GIFT_RULES.groupUnits.min, max: GIFT_RULES.groupUnits.max });
  }
  const wish = checkWishMessage(state.wish);
  if (!wish.ok) {
    if (wish.code === 'WISH_TOO_LONG') {
      return t('compose.wishTooLong', { n: [...state.wish.trim()].length, max: MAX_WISH_MESSAGE_LENGTH });
    }
    return t('compose.wishBanned', { word: /"(.+)"/.exec(wish.reason)?.[1] ?? '' });
  }
  return null;
}
