import type { Fulfilment } from '../fulfilment/fulfilment.entity';
import type { Order } from '../orders/order.entity';
import type { Payment } from '../payments/payment.entity';

/**
 * A refund actually made (not a repeat of one), in the transaction that recorded it. (A type, not
 * an interface: only type literals count as plain JSON for `AfterCommitEvent`.)
 */
export type RefundMade = {
  orderId: string;
  /** The gift unit the money was for, when it was one unit of a gift. */
  unitId: string | null;
  refundId: string;
  amountFen: number;
};

/**
 * Every domain event, by name, with what it carries: the one map publishers and subscribers are
 * typed by (in the manner of Immich's event map). A module publishes only its own events; who
 * handles each is listed in docs/ARCHITECTURE.md.
 *
 * Events handled in the publishing transaction may carry the locked entity (handlers must not
 * re-read what they were given). Events handled after commit go through the jobs table, so they
 * must be plain JSON (see `AfterCommitEvent`).
 */
export interface DomainEvents {
  /** Someone opened a product's page (catalog). */
  'product.viewed': { productId: string };
  /** A provider's signed notification settled a payment (payments). */
  'payment.succeeded': { payment: Payment };
  /** Money went back to the payer, once per refund key (payments). */
  'refund.made': RefundMade;
  /** An order moved from pending_payment to paid (orders). */
  'order.paid': { order: Order };
  /** An unpaid order was cancelled by its buyer or its timeout; its stock is back (orders). */
  'order.cancelled': { order: Order };
  /** A parcel left the shop (fulfilment). */
  'fulfilment.shipped': { fulfilment: Fulfilment };
  /** Its recipient confirmed receipt, or 10 days passed; the 7-day return window opens (fulfilment). */
  'fulfilment.delivered': { fulfilment: Fulfilment };
  /** Its return window closed with no case open: its money may settle (fulfilment). */
  'fulfilment.completed': { fulfilment: Fulfilment };
  /** What was paid for it went back (before shipment, or an approved return) (fulfilment). */
  'fulfilment.refunded': { fulfilment: Fulfilment };
  /** A 拼团 team's paid members reached its size: its orders are sales now (group-buys). */
  'team.formed': { teamId: string; orderIds: string[] };
  /** A team's deadline passed before it formed: its paid orders were refunded in full (group-buys). */
  'team.failed': { teamId: string; orderIds: string[] };
  /** A refunded order's gift-card part went back onto its cards (checkout). */
  'gift_card.returned': { orderId: string; shopId: string; amountFen: number };
  /** A friend claimed a 节日礼券: its price is the shop's income now (gift-cards). */
  'gift_card.claimed': { orderId: string; shopId: string; amountFen: number };
}

export type EventName = keyof DomainEvents;

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/** The events whose payload is plain JSON, so they can be handled after commit by a job. */
export type AfterCommitEvent = {
  [K in EventName]: DomainEvents[K] extends { [key: string]: Json } ? K : never;
}[EventName];
