import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { plainToInstance } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsString, IsUUID, Length, Min, validateSync } from 'class-validator';
import { DataSource, EntityManager } from 'typeorm';
import { canTransition, PAYMENT_TRANSITIONS, REFUND_TRANSITIONS, RefundStatus, transition } from '@giftshop/shared';
import { asEntity, columnsOf, prepared } from '../database/prepared';
import { runInTransaction, sqlState } from '../database/run-in-transaction';
import { writeTransition } from '../common/write-transition';
import { ClockService } from '../clock/clock.service';
import { ConflictError, InvalidInputError, NotFoundError, UnauthenticatedError } from '../common/domain-errors';
import { EventBus } from '../events/event-bus';
import { RefundMade } from '../events/domain-events';
import { JobsService } from '../jobs/jobs.service';
import { Payment, Refund } from './payment.entity';
import { OpenedPayment, PaymentNotificationBody, PaymentProvider, SignedNotification } from './payment-provider';
import { PaymentProviders } from './payment-providers';

class NotificationShape implements PaymentNotificationBody {
  @IsString() @Length(1, 128) eventId!: string;
  @IsIn(['payment.succeeded']) type!: 'payment.succeeded';
  @IsUUID('all') paymentId!: string;
  @IsString() @Length(1, 128) transactionId!: string;
  @IsInt() @Min(0) amountFen!: number;
  @IsISO8601() paidAt!: string;
}

export const PAYMENT_JOBS = {
  /** Sends one recorded refund to the provider (the refund outbox). */
  sendRefund: 'payments.refund.send',
} as const;

@Injectable()
export class PaymentsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly providers: PaymentProviders,
    private readonly clock: ClockService,
    private readonly jobs: JobsService,
    private readonly events: EventBus,
  ) {
    this.jobs.registerOutside(PAYMENT_JOBS.sendRefund, (p) => this.sendRefund(String(p.refundId)));
  }

  /**
   * Paying is three steps so that no row is locked while the provider is asked: `open` records
   * the order's one payment in the caller's transaction; `request` asks the provider for it with
   * no transaction open (the payment id is the provider's idempotency key, so asking twice opens
   * one payment); `settle` stores the answer in a new transaction. A provider that settles at once
   * (the sandbox) answers with its signed notification, applied there exactly as if POSTed.
   */
  async open(tx: EntityManager, order: { id: string; amountFen: number }): Promise<Payment> {
    const {
      rows: [opened],
    } = await prepared<Payment>(
      tx,
      'payments.open',
      `INSERT INTO payments (order_id, provider, amount_fen, status, created_at) VALUES ($1, $2, $3, 'pending', $4)
       ON CONFLICT DO NOTHING RETURNING ${columnsOf(tx, Payment)}`,
      [order.id, this.providers.default.name, order.amountFen, this.clock.now()],
    );
    // The order's one payment was opened before: this is a retry.
    return opened ? asEntity(tx, Payment, opened) : tx.findOneByOrFail(Payment, { orderId: order.id });
  }

  /** Asks the provider for the payment; no transaction may be open (it is a call out). */
  async request(payment: Payment, description: string): Promise<OpenedPayment | null> {
    if (payment.status === 'succeeded') return null;
    return this.providers
      .get(payment.provider)
      .createPayment({ paymentId: payment.id, amountFen: payment.amountFen, description });
  }

  /**
   * Locks a payment. A payment is locked before its order, here and when a notification arrives
   * (the notification knows only the payment), so the two never wait on each other in a circle.
   */
  async lock(tx: EntityManager, paymentId: string): Promise<Payment> {
    const {
      rows: [payment],
    } = await prepared<Payment>(
      tx,
      'payments.lock',
      `SELECT ${columnsOf(tx, Payment)} FROM payments WHERE id = $1 FOR UPDATE`,
      [paymentId],
    );
    if (!payment) throw new NotFoundError('payment');
    return asEntity(tx, Payment, payment);
  }

  /** Stores what the provider answered on the payment the caller locked; answers the payment as it now is. */
  async settle(tx: EntityManager, payment: Payment, opened: OpenedPayment | null): Promise<Payment> {
    if (!opened || payment.status === 'succeeded') return payment;
    if (!opened.immediate) {
      await tx.update(Payment, { id: payment.id }, { prepayId: opened.prepayId });
      return Object.assign(payment, { prepayId: opened.prepayId });
    }
    const provider = this.providers.get(payment.provider);
    const { settled } = await this.applyTo(tx, payment, this.verified(opened.immediate, provider), provider, {
      prepayId: opened.prepayId,
    });
    return settled;
  }

  /**
   * POST /api/payments/notify: verify the signature and the shape first (a forged notification
   * never opens a transaction), then apply it once.
   */
  async handleNotification(notification: SignedNotification): Promise<{ received: true; duplicate: boolean }> {
    const provider = this.providers.default;
    const body = this.verified(notification, provider);
    return runInTransaction(this.db, (tx) => this.apply(tx, body, provider));
  }

  async findForOrder(orderId: string, manager: EntityManager = this.db.manager): Promise<Payment | null> {
    return manager.findOneBy(Payment, { orderId });
  }

  /**
   * Sends money back to the order's payment, exactly once per `refundKey`: a second call with the
   * same key returns the first refund and moves nothing.
   *
   * The refund is recorded here, in the caller's transaction, and sent to the provider by a job
   * after that transaction commits (an outbox): no provider call is made while rows are locked,
   * a rollback sends nothing, and a crash after the send sends again under the same refund id,
   * which the provider takes as its idempotency key.
   */
  async refund(
    tx: EntityManager,
    input: { orderId: string; unitId?: string; refundKey: string; amountFen: number; reason: string },
  ): Promise<{ refund: Refund; created: boolean }> {
    const payment = await tx.findOneBy(Payment, { orderId: input.orderId, status: 'succeeded' });
    if (!payment || !payment.transactionId) throw new ConflictError('NOT_PAID', 'there is no payment to refund');
    const inserted: { id: string }[] = await tx.query(
      `INSERT INTO refunds (refund_key, payment_id, order_id, amount_fen, reason, created_at)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (refund_key) DO NOTHING RETURNING id`,
      [input.refundKey, payment.id, input.orderId, input.amountFen, input.reason, this.clock.now()],
    );
    if (inserted.length === 0) {
      return { refund: await tx.findOneByOrFail(Refund, { refundKey: input.refundKey }), created: false };
    }
    const refunded = await this.refundedFen(tx, input.orderId);
    if (refunded > payment.amountFen) {
      throw new ConflictError('REFUND_EXCEEDS_PAYMENT', `refunds would exceed the ${payment.amountFen} fen paid`);
    }
    await this.jobs.enqueue(tx, {
      kind: PAYMENT_JOBS.sendRefund,
      runAt: this.clock.now(),
      payload: { refundId: inserted[0].id },
      uniqueKey: `refund.send:${inserted[0].id}`,
      maxAttempts: 20,
    });
    const made: RefundMade = {
      orderId: input.orderId,
      unitId: input.unitId ?? null,
      refundId: inserted[0].id,
      amountFen: input.amountFen,
    };
    await this.events.publish(tx, 'refund.made', made);
    return { refund: await tx.findOneByOrFail(Refund, { id: inserted[0].id }), created: true };
  }

  /**
   * The outbox's send: no transaction is open; the refund id makes a repeat a no-op at the
   * provider. It goes to the provider that took the payment, whichever is the default now.
   */
  private async sendRefund(refundId: string): Promise<void> {
    const [refund]: {
      status: RefundStatus;
      payment_id: string;
      provider: string;
      transaction_id: string;
      amount_fen: number;
    }[] = await this.db.query(
      `SELECT r.status, r.payment_id, p.provider, p.transaction_id, r.amount_fen
         FROM refunds r JOIN payments p ON p.id = r.payment_id WHERE r.id = $1`,
      [refundId],
    );
    if (!refund || !canTransition(REFUND_TRANSITIONS, refund.status, 'send')) return;
    const { providerRefundId } = await this.providers.get(refund.provider).refund({
      refundId,
      paymentId: refund.payment_id,
      transactionId: refund.transaction_id,
      amountFen: refund.amount_fen,
    });
    const sent = transition('refund', REFUND_TRANSITIONS, refund.status, 'send');
    await this.db.query(
      'UPDATE refunds SET status = $4, provider_refund_id = $2, sent_at = $3 WHERE id = $1 AND status = $5',
      [refundId, providerRefundId, this.clock.now(), sent, refund.status],
    );
  }

  async refundedFen(manager: EntityManager, orderId: string): Promise<number> {
    const [{ sum }] = await manager.query(
      'SELECT COALESCE(SUM(amount_fen), 0)::int AS sum FROM refunds WHERE order_id = $1',
      [orderId],
    );
    return sum;
  }

  /** The notification's body when its signature is good and its shape is right; else 401 or 400. */
  private verified(notification: SignedNotification, provider: PaymentProvider): NotificationShape {
    const verified = provider.verifyNotification(notification.rawBody, notification.headers);
    if (!verified) throw new UnauthenticatedError('the notification signature is invalid');
    const body = plainToInstance(NotificationShape, verified);
    const errors = validateSync(body);
    if (errors.length > 0) {
      throw new InvalidInputError(
        'INVALID_NOTIFICATION',
        errors.flatMap((e) => Object.values(e.constraints ?? {})).join('; '),
      );
    }
    return body;
  }

  private async apply(
    tx: EntityManager,
    body: NotificationShape,
    provider: PaymentProvider,
  ): Promise<{ received: true; duplicate: boolean }> {
    const payment = await this.lock(tx, body.paymentId);
    const { duplicate } = await this.applyTo(tx, payment, body, provider);
    return { received: true, duplicate };
  }

  /** Applies a verified notification to the payment, locked by the caller; `extra` is written with it. */
  private async applyTo(
    tx: EntityManager,
    payment: Payment,
    body: NotificationShape,
    provider: PaymentProvider,
    extra: Partial<Payment> = {},
  ): Promise<{ settled: Payment; duplicate: boolean }> {
    if (payment.provider !== provider.name) {
      throw new ConflictError('WRONG_PROVIDER', `payment ${payment.id} was opened with ${payment.provider}`);
    }
    const { rowCount: fresh } = await prepared(
      tx,
      'payments.notification',
      'INSERT INTO payment_notifications (event_id, payment_id, received_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING',
      [body.eventId, payment.id, this.clock.now()],
    );
    // A repeated event, or another event for a payment already settled, changes nothing.
    if (fresh === 0 || payment.status === 'succeeded') return { settled: payment, duplicate: true };
    if (body.amountFen !== payment.amountFen) {
      throw new InvalidInputError(
        'AMOUNT_MISMATCH',
        `amountFen ${body.amountFen} does not match the ${payment.amountFen} fen due`,
      );
    }
    const next = transition('payment', PAYMENT_TRANSITIONS, payment.status, 'settle');
    const changes = { ...extra, transactionId: body.transactionId, paidAt: new Date(body.paidAt) };
    const settled = await writeTransition(tx, Payment, payment, next, changes, 'payment').catch((err: unknown) => {
      // payments.transaction_id is unique: one provider transaction settles one payment.
      if (sqlState(err) === UNIQUE_VIOLATION) {
        throw new ConflictError('TRANSACTION_ID_REUSED', 'transactionId already settled another payment');
      }
      throw err;
    });
    await this.events.publish(tx, 'payment.succeeded', { payment: settled });
    return { settled, duplicate: false };
  }
}

const UNIQUE_VIOLATION = '23505';
