import type { TransitionTable } from './state-machine';

/**
 * The order lifecycle:
 *   pending_payment → paid → shipped → delivered → completed
 *   pending_payment → cancelled            (buyer, or unpaid for 15 minutes; stock returns)
 *   paid → refunded                        (refund before shipment: immediate, stock returns)
 *   delivered → refunded                   (7-day no-reason return, approved by the merchant)
 */
export const ORDER_STATUSES = [
  'pending_payment',
  'paid',
  'shipped',
  'delivered',
  'completed',
  'cancelled',
  'refunded',
] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export type OrderAction = 'pay' | 'cancel' | 'ship' | 'confirm_receipt' | 'complete' | 'refund';

/**
 * What each kind of order means to the modules that handle it, in one table (a new kind — a group
 * buy's — is a row here, not a switch in every handler):
 * - `freight`: whether the shop's freight rule applies (a gift's units ship at the shop's cost);
 * - `parcel`: how it ships — as one parcel once paid (`whole`), or one parcel per accepted unit
 *   (`per_unit`, opened by the gift's claims);
 * - `afterSalesBy`: who may ask for after-sales — the buyer, or each unit's recipient;
 * - `saleAt`: when a paid order becomes a sale — its whole parcel opens and search counts it: at
 *   payment, or (拼团) when its team forms; a failed team's orders never do;
 * - `commission`: whether a sharer may earn on it (推客): a gift is the giver's present, a group
 *   buy's price is already the deal's.
 */
export const ORDER_KINDS = {
  normal: {
    freight: true,
    parcel: 'whole',
    afterSalesBy: 'buyer',
    saleAt: 'payment',
    commission: true,
    coupons: true,
    giftCards: true,
  },
  gift: {
    freight: false,
    parcel: 'per_unit',
    afterSalesBy: 'recipient',
    saleAt: 'payment',
    commission: false,
    coupons: false,
    giftCards: false,
  },
  /** 拼团: a team member's own order at the group price, shipped free once the team forms. */
  group_buy: {
    freight: false,
    parcel: 'whole',
    afterSalesBy: 'buyer',
    saleAt: 'team_formed',
    commission: false,
    coupons: false,
    giftCards: false,
  },
  /**
   * 节日礼券: a stored-value card bought for a friend. Nothing ships and it has no after-sales; it
   * is a sale (income in the ledger) when the friend claims it, and refunded if nobody does.
   */
  gift_card: {
    freight: false,
    parcel: 'none',
    afterSalesBy: 'none',
    saleAt: 'card_claimed',
    commission: false,
    coupons: false,
    giftCards: false,
  },
} as const satisfies Record<
  string,
  {
    freight: boolean;
    /** How it ships: as one parcel, one parcel per accepted gift unit, or not at all. */
    parcel: 'whole' | 'per_unit' | 'none';
    afterSalesBy: 'buyer' | 'recipient' | 'none';
    /** When it becomes a sale (search, analytics, the merchant's income). */
    saleAt: 'payment' | 'team_formed' | 'card_claimed';
    /** Whether a sharer earns on it (推客). */
    commission: boolean;
    /** Whether a coupon, and gift cards, may pay part of it. */
    coupons: boolean;
    giftCards: boolean;
  }
>;
export type OrderKind = keyof typeof ORDER_KINDS;

export const ORDER_TRANSITIONS: TransitionTable<OrderStatus, OrderAction> = {
  pay: { from: ['pending_payment'], to: 'paid' },
  cancel: { from: ['pending_payment'], to: 'cancelled' },
  ship: { from: ['paid'], to: 'shipped' },
  confirm_receipt: { from: ['shipped'], to: 'delivered' },
  complete: { from: ['delivered'], to: 'completed' },
  refund: { from: ['paid', 'delivered'], to: 'refunded' },
};

/**
 * After-sales cases (售后):
 *   refund (before shipment): requested → refunded at once
 *   return (七天无理由, after delivery): requested → refunded when the merchant approves,
 *                                        requested → rejected when the merchant refuses
 */
export const AFTER_SALE_STATUSES = ['requested', 'refunded', 'rejected'] as const;
export type AfterSaleStatus = (typeof AFTER_SALE_STATUSES)[number];
export type AfterSaleType = 'refund' | 'return';
export type AfterSaleAction = 'approve' | 'reject';

export const AFTER_SALE_TRANSITIONS: TransitionTable<AfterSaleStatus, AfterSaleAction> = {
  approve: { from: ['requested'], to: 'refunded' },
  reject: { from: ['requested'], to: 'rejected' },
};

/** Open cases freeze the order's settlement and block its completion. */
export const OPEN_AFTER_SALE_STATUSES: readonly AfterSaleStatus[] = ['requested'];

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** The order timers, one place. */
export const ORDER_TIMERS = {
  /** Unpaid orders are cancelled after this long. */
  unpaidTimeoutMs: 15 * MINUTE,
  /** Shipped orders are confirmed as received after this long. */
  autoConfirmMs: 10 * DAY,
  /** The no-reason return window after delivery; the order completes when it closes. */
  returnWindowMs: 7 * DAY,
} as const;

/**
 * Unpaid orders (gifts included) one buyer may hold at once: each holds its stock until paid or
 * cancelled, so without a cap one buyer could reserve a SKU away from everyone.
 */
export const MAX_UNPAID_ORDERS = 5;

/** Freight: a flat fee per order, waived at or above the shop's free-shipping threshold. */
export function freightFor(goodsFen: number, shop: { freightFen: number; freeShippingThresholdFen: number }): number {
  return goodsFen >= shop.freeShippingThresholdFen ? 0 : shop.freightFen;
}
