import type { TransitionTable } from './state-machine';

/**
 * A fulfilment: one parcel the merchant ships — a normal order as a whole, or one accepted unit of
 * a gift to its recipient. Both follow the same lifecycle:
 *   pending → shipped → delivered → completed   (completed when the 7-day return window closes)
 *   pending → refunded                          (refund before shipment: immediate, stock returns)
 *   delivered → refunded                        (7-day no-reason return, approved by the merchant)
 * Shipped parcels are confirmed as received after 10 days (ORDER_TIMERS).
 */
export const FULFILMENT_STATUSES = ['pending', 'shipped', 'delivered', 'completed', 'refunded'] as const;
export type FulfilmentStatus = (typeof FULFILMENT_STATUSES)[number];
export type FulfilmentAction = 'ship' | 'confirm_receipt' | 'complete' | 'refund';

export const FULFILMENT_TRANSITIONS: TransitionTable<FulfilmentStatus, FulfilmentAction> = {
  ship: { from: ['pending'], to: 'shipped' },
  confirm_receipt: { from: ['shipped'], to: 'delivered' },
  complete: { from: ['delivered'], to: 'completed' },
  refund: { from: ['pending', 'delivered'], to: 'refunded' },
};

/** A gift claim's status as the API names it: its fulfilment's, where `pending` reads `accepted`. */
export type ClaimStatus = 'accepted' | Exclude<FulfilmentStatus, 'pending'>;
export type ClaimAction = FulfilmentAction;

export function claimStatusOf(status: FulfilmentStatus): ClaimStatus {
  return status === 'pending' ? 'accepted' : status;
}

/** The fulfilment table in the words of a gift claim (not a second machine: derived from it). */
export const CLAIM_TRANSITIONS = Object.fromEntries(
  Object.entries(FULFILMENT_TRANSITIONS).map(([action, rule]) => [
    action,
    { from: rule.from.map(claimStatusOf), to: claimStatusOf(rule.to) },
  ]),
) as unknown as TransitionTable<ClaimStatus, ClaimAction>;
