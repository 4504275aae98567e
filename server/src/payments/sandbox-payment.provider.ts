import { Inject, Injectable } from '@nestjs/common';
import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ClockService } from '../clock/clock.service';
import { APP_CONFIG, AppConfig } from '../config/config';
import type { PaymentNotificationBody, PaymentProvider, SignedNotification } from './payment-provider';

export const SIGNATURE_HEADER = 'x-sandbox-signature';
/** A notification signed further than this from the server's clock is refused (replay window). */
export const NOTIFICATION_TOLERANCE_SECONDS = 300;
export const TIMESTAMP_HEADER = 'x-sandbox-timestamp';

/** HMAC-SHA256 over `<timestamp>.<raw body>`, hex; the format the notify route checks. */
export function signSandboxNotification(secret: string, timestamp: string, rawBody: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${rawBody}`).digest('hex');
}

/**
 * The emulated WeChat Pay: every payment succeeds at once, confirmed by a notification signed
 * with PAYMENT_NOTIFY_SECRET. Refunds succeed at once too, and are kept (sandbox_refunds) so that
 * a refund asked for twice is paid once.
 */
@Injectable()
export class SandboxPaymentProvider implements PaymentProvider {
  readonly name = 'sandbox';

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: ClockService,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  async createPayment(input: { paymentId: string; amountFen: number }): Promise<{
    prepayId: string;
    immediate: SignedNotification;
  }> {
    const body: PaymentNotificationBody = {
      eventId: `evt_${randomUUID()}`,
      type: 'payment.succeeded',
      paymentId: input.paymentId,
      transactionId: `sandbox_tx_${randomUUID().replace(/-/g, '')}`,
      amountFen: input.amountFen,
      paidAt: this.clock.now().toISOString(),
    };
    return { prepayId: `sandbox_prepay_${randomUUID()}`, immediate: this.sign(body) };
  }

  sign(body: PaymentNotificationBody): SignedNotification {
    const rawBody = JSON.stringify(body);
    const timestamp = String(Math.floor(this.clock.now().getTime() / 1000));
    return {
      rawBody,
      headers: {
        [SIGNATURE_HEADER]: signSandboxNotification(this.config.paymentNotifySecret, timestamp, rawBody),
        [TIMESTAMP_HEADER]: timestamp,
      },
    };
  }

  verifyNotification(
    rawBody: string,
    headers: Record<string, string | string[] | undefined>,
  ): PaymentNotificationBody | null {
    const signature = headers[SIGNATURE_HEADER];
    const timestamp = headers[TIMESTAMP_HEADER];
    if (typeof signature !== 'string' || typeof timestamp !== 'string' || !/^[0-9a-f]{64}$/.test(signature))
      return null;
    const age = Math.abs(this.clock.now().getTime() / 1000 - Number(timestamp));
    if (!/^\d{1,12}$/.test(timestamp) || age > NOTIFICATION_TOLERANCE_SECONDS) return null;
    const expected = signSandboxNotification(this.config.paymentNotifySecret, timestamp, rawBody);
    if (!timingSafeEqual(Buffer.from(signature, 'hex'), Buffer.from(expected, 'hex'))) return null;
    try {
      const body = JSON.parse(rawBody) as PaymentNotificationBody;
      return body && typeof body === 'object' ? body : null;
    } catch {
      return null;
    }
  }

  /**
   * Pays a refund back, once per refund id: asked again with the same id (a retried send), it
   * answers the same refund and pays nothing more, as WeChat Pay does with out_refund_no.
   */
  async refund(input: { refundId: string; transactionId: string; amountFen: number }): Promise<{
    providerRefundId: string;
  }> {
    await this.db.query(
      `INSERT INTO sandbox_refunds (refund_id, transaction_id, amount_fen, requests, paid_at)
       VALUES ($1, $2, $3, 1, $4)
       ON CONFLICT (refund_id) DO UPDATE SET requests = sandbox_refunds.requests + 1`,
      [input.refundId, input.transactionId, input.amountFen, this.clock.now()],
    );
    // Test hook: die the hard way after the provider has paid and before the shop has marked the
    // refund sent, so a test can show that the retry pays nothing twice.
    if (this.config.testHooks && this.config.sandboxFault === 'kill-after-refund') process.kill(process.pid, 'SIGKILL');
    return { providerRefundId: `sandbox_refund_${input.refundId}` };
  }
}
