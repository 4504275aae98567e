import { GIFT_STATUS_CODES, type GiftView } from '@giftshop/shared';
import { translate } from '../../i18n';
import { giftStatusLabel } from '../../i18n/labels';

/**
 * The gift's state as this viewer should read it: a recipient who has claimed sees 已领取 (not the
 * gift's own 待领取, which is about the units still open); a group gift with nothing left is 已领完
 * for everyone else, whether the last claim has settled the gift's status yet or not.
 */
export function giftViewerLabel(gift: Pick<GiftView, 'status' | 'units' | 'remainingUnits' | 'myClaim'>): string {
  if (gift.myClaim) return translate('giftStatus.accepted');
  const allTaken =
    gift.status === GIFT_STATUS_CODES.accepted || (gift.status === GIFT_STATUS_CODES.sent && gift.remainingUnits === 0);
  if (allTaken && gift.units > 1) return translate('giftStatus.allClaimed');
  return giftStatusLabel(gift.status);
}
