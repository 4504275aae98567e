import type { TransitionTable } from './state-machine';
import type { ClaimStatus } from './fulfilment';

/**
 * Gifts (送礼物). A gift is an order paid by the giver whose units are claimed by members of a
 * chat, each with their own variant and address.
 */
export type GiftMode = 'single' | 'first_come' | 'lottery';
export const GIFT_MODES: readonly GiftMode[] = ['single', 'first_come', 'lottery'];

/** Gift states by name; the API reports the platform's numeric codes below. */
export type GiftState = 'pending_payment' | 'sent' | 'accepted' | 'expired' | 'expired_refunded' | 'cancelled';

/** 0 created and unpaid, 10 sent and claimable, 20 accepted (every unit), 180 expired, 181 expired
 * and refunded, 250 cancelled (never paid). */
export const GIFT_STATUS_CODES = {
  pending_payment: 0,
  sent: 10,
  accepted: 20,
  expired: 180,
  expired_refunded: 181,
  cancelled: 250,
} as const satisfies Record<GiftState, number>;

export type GiftAction = 'pay' | 'cancel' | 'accept_all' | 'expire' | 'finish_refunds';

export const GIFT_TRANSITIONS: TransitionTable<GiftState, GiftAction> = {
  /** Paying sends the card into the chat; from then on the giver cannot cancel. */
  pay: { from: ['pending_payment'], to: 'sent' },
  /** Never paid: the unpaid timeout (or the giver) cancels it. */
  cancel: { from: ['pending_payment'], to: 'cancelled' },
  /** The last unit was accepted. */
  accept_all: { from: ['sent'], to: 'accepted' },
  /** The claim window closed with units left, or a single gift was declined. */
  expire: { from: ['sent'], to: 'expired' },
  /** Every unit left has been refunded to the giver. */
  finish_refunds: { from: ['expired'], to: 'expired_refunded' },
};

/**
 * A claimed unit is a fulfilment the merchant ships; the giver follows its shipping state.
 *   accepted → shipped → delivered → completed; accepted → refunded (before shipment);
 *   delivered → refunded (no-reason return approved).
 */
/** What the giver sees of a claim: the shipping state, never the address. */
export type ShippingStatus = 'pending_shipment' | 'shipped' | 'delivered' | 'refunded';

export function shippingStatus(status: ClaimStatus): ShippingStatus {
  if (status === 'accepted') return 'pending_shipment';
  if (status === 'completed') return 'delivered';
  return status;
}

const HOUR = 3_600_000;

export const GIFT_RULES = {
  /** Units not accepted within this long of the send (or of the draw) are refunded. */
  claimWindowMs: 24 * HOUR,
  /** A lottery draws at most this long after the gift is created. */
  maxDrawDelayMs: 24 * HOUR,
  groupUnits: { min: 2, max: 100 },
} as const;

/** Why `units` is wrong for `mode`, or null when it is right. */
export function giftUnitsProblem(mode: GiftMode, units: number): string | null {
  if (!Number.isSafeInteger(units)) return 'units must be a whole number';
  if (mode === 'single') return units === 1 ? null : 'a single gift is exactly 1 unit';
  const { min, max } = GIFT_RULES.groupUnits;
  return units >= min && units <= max ? null : `a group gift is ${min} to ${max} units`;
}
