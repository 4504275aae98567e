import type { GiftView, LotteryDrawView } from '@giftshop/shared';
import { apiUrl } from '../api/routes';
import { useReloadAfterWrite, useUserApi, type ApiState } from './useApi';

/** Gifts the caller sent (giver) or can open (recipient). */
export function useGifts(role: 'giver' | 'recipient'): ApiState<GiftView[]> {
  return useUserApi(apiUrl('/gifts', { query: { role } }));
}

/** What the caller may see of one gift: the giver's view, the recipient's, or the card. */
export function useGift(giftId: string | undefined): ApiState<GiftView> {
  const gift = useUserApi(giftId ? apiUrl('/gifts/{id}', { path: { id: giftId } }) : null);
  useReloadAfterWrite(giftId ? `/gifts/${giftId}/` : null, gift.reload);
  return gift;
}

/** A lottery's recorded draw (seed, entrants, winners), once drawn. */
export function useDraw(giftId: string | undefined): ApiState<LotteryDrawView> {
  return useUserApi(giftId ? apiUrl('/gifts/{id}/draw', { path: { id: giftId } }) : null);
}
