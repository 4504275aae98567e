import type { OrderStatus } from './orders';
import type { GiftOrderUnits } from './api';

/** What a gift order's list row says: its own status, or where its units stand while it is paid. */
export type GiftOrderDisplayStatus = OrderStatus | 'gift_waiting';

/**
 * A paid gift order stays `paid` while its units are claimed and shipped one by one, so its
 * status alone would say 待发货 after every unit has gone out. While paid, it is told by its
 * units: waiting for claims while any is open, to ship while a claimed one has not shipped,
 * shipped (or received) once every claimed unit has.
 */
export function giftOrderDisplayStatus(order: {
  status: OrderStatus;
  giftUnits?: GiftOrderUnits | null;
}): GiftOrderDisplayStatus {
  const u = order.giftUnits;
  if (order.status !== 'paid' || !u) return order.status;
  if (u.open > 0) return 'gift_waiting';
  if (u.claimed === 0 || u.shipped < u.claimed) return 'paid';
  return u.delivered === u.claimed ? 'delivered' : 'shipped';
}
