import type { TransitionTable } from './state-machine';

/**
 * A payment: opened with the provider (`pending`), settled by the provider's signed notification
 * (`succeeded`). One per order. Money going back is a refund, not a payment state.
 */
export const PAYMENT_STATUSES = ['pending', 'succeeded'] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];
export type PaymentAction = 'settle';

export const PAYMENT_TRANSITIONS: TransitionTable<PaymentStatus, PaymentAction> = {
  settle: { from: ['pending'], to: 'succeeded' },
};

/**
 * A refund: recorded in the transaction that decided it (`pending`, the outbox), then `sent` once
 * the provider has taken it (it keys refunds by our refund id, so sending again is harmless).
 */
export const REFUND_STATUSES = ['pending', 'sent'] as const;
export type RefundStatus = (typeof REFUND_STATUSES)[number];
export type RefundAction = 'send';

export const REFUND_TRANSITIONS: TransitionTable<RefundStatus, RefundAction> = {
  send: { from: ['pending'], to: 'sent' },
};
