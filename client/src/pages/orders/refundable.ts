import type { OrderStatus, OrderView } from '@giftshop/shared';

/** What the buyer may ask a refund for (the server's transition table decides; this mirrors it). */
const REFUNDABLE: OrderStatus[] = ['paid', 'delivered'];

/**
 * Whether the buyer may ask for a refund or a return now: a paid or delivered order of their own
 * (a gift's units are asked for by their recipients), no case open, and a group buy only once its
 * team has formed: before, the seat holds the team's place (TEAM_NOT_FORMED) and a failed team
 * refunds everyone by itself.
 */
export function refundable(order: Pick<OrderView, 'status' | 'kind' | 'afterSale' | 'groupBuy'>): boolean {
  return (
    order.kind !== 'gift' &&
    REFUNDABLE.includes(order.status) &&
    order.afterSale?.open !== true &&
    (!order.groupBuy || order.groupBuy.status === 'formed')
  );
}
