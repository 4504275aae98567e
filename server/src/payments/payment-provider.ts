/**
 * The one interface every payment provider implements, so a real WeChat Pay client can replace
 * the sandbox without touching callers.
 *
 * Payment: `createPayment` opens it with the provider. The provider later confirms it with a
 * signed notification (POST /api/payments/notify), which `verifyNotification` checks. A provider
 * that settles at once (the sandbox) also hands the notification back from `createPayment`; it
 * goes through the same verification and handling as one that arrives over HTTP.
 */
export interface PaymentNotificationBody {
  /** Unique per notification: a repeat of the same event carries the same id. */
  eventId: string;
  type: 'payment.succeeded';
  /** Our payment id (out_trade_no). */
  paymentId: string;
  /** The provider's transaction id. */
  transactionId: string;
  amountFen: number;
  paidAt: string;
}

export interface SignedNotification {
  rawBody: string;
  headers: Record<string, string>;
}

/** The provider's answer to opening a payment. */
export interface OpenedPayment {
  prepayId: string;
  /** The confirmation, from a provider that settles at once. */
  immediate?: SignedNotification;
}

export interface PaymentProvider {
  /** The provider's code, stored on each payment it opens (PaymentProviders finds it by this). */
  readonly name: string;
  /** Opens a payment; asked again for the same `paymentId` it opens no second one. */
  createPayment(input: { paymentId: string; amountFen: number; description: string }): Promise<OpenedPayment>;
  /** The notification if its signature is good, else null. */
  verifyNotification(
    rawBody: string,
    headers: Record<string, string | string[] | undefined>,
  ): PaymentNotificationBody | null;
  /** Sends `amountFen` back to the payment; `refundId` makes a retried call a no-op at the provider. */
  refund(input: { refundId: string; paymentId: string; transactionId: string; amountFen: number }): Promise<{
    providerRefundId: string;
  }>;
}
