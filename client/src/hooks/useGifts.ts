import type { GiftView, LotteryDrawView } from '@giftshop/shared';
import { useReloadAfterWrite, useUserApi } from './useApi';

/** Gifts the caller sent (giver) or can open (recipient). */
export function useGifts(role: 'giver' | 'recipient') {
  return useUserApi<GiftView[]>(`/gifts?role=${role}`);
}

/** What the caller may see of one gift: the giver's view, the recipient's, or the card. */
export function useGift(giftId: string | undefined) {
  const gift = useUserApi<GiftView>(giftId ? `/gifts/${giftId}` : null);
  useReloadAfterWrite(giftId ? `/gifts/${giftId}/` : null, gift.reload);
  return gift;
}

/** A lottery's recorded draw (seed, entrants, winners), once drawn. */
export function useDraw(giftId: string | undefined) {
  return useUserApi<LotteryDrawView>(giftId ? `/gifts/${giftId}/draw` : null);
}
