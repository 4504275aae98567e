import { ORDER_KINDS, type OrderView } from '@giftshop/shared';

/**
 * Whether the merchant ships this order now, as one parcel: paid, of a kind that ships whole (a
 * gift's units ship one by one from 礼物发货), no after-sales case open, and for a group buy only
 * once its team has formed (the server refuses earlier with TEAM_NOT_FORMED).
 */
export function shippable(order: Pick<OrderView, 'status' | 'kind' | 'afterSale' | 'groupBuy'>): boolean {
  return (
    order.status === 'paid' &&
    ORDER_KINDS[order.kind].parcel === 'whole' &&
    !order.afterSale?.open &&
    (!order.groupBuy || order.groupBuy.status === 'formed')
  );
}
