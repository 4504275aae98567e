import type { PaymentStatus, RefundStatus } from '@giftshop/shared';
import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/** One payment per order; its id is the out_trade_no the provider knows it by. */
@Entity('payments')
export class Payment {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  orderId!: string;

  @Column({ type: 'text' })
  provider!: string;

  @Column({ type: 'integer' })
  amountFen!: number;

  @Column({ type: 'text' })
  status!: PaymentStatus;

  @Column({ type: 'text', nullable: true })
  prepayId!: string | null;

  @Column({ type: 'text', nullable: true })
  transactionId!: string | null;

  @Column({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  paidAt!: Date | null;
}

/** Every provider notification seen, by its event id, so a repeat is recognised. */
@Entity('payment_notifications')
export class PaymentNotification {
  @PrimaryColumn('text')
  eventId!: string;

  @Column({ type: 'uuid' })
  paymentId!: string;

  @Column({ type: 'timestamptz' })
  receivedAt!: Date;
}

/** Money sent back to the original payment. `refundKey` names the cause, once. */
@Entity('refunds')
export class Refund {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text', unique: true })
  refundKey!: string;

  @Column({ type: 'uuid' })
  paymentId!: string;

  @Column({ type: 'uuid' })
  orderId!: string;

  @Column({ type: 'integer' })
  amountFen!: number;

  @Column({ type: 'text' })
  reason!: string;

  /** pending until the provider has taken it, then sent (REFUND_TRANSITIONS). */
  @Column({ type: 'text' })
  status!: RefundStatus;

  @Column({ type: 'text', nullable: true })
  providerRefundId!: string | null;

  @Column({ type: 'timestamptz' })
  createdAt!: Date;
}

/**
 * The sandbox provider's own record of the refunds it has paid, one per refund id however often
 * it was asked (as WeChat Pay keys refunds by out_refund_no). Not the shop's data.
 */
@Entity('sandbox_refunds')
export class SandboxRefund {
  @PrimaryColumn('uuid')
  refundId!: string;

  @Column({ type: 'text' })
  transactionId!: string;

  @Column({ type: 'integer' })
  amountFen!: number;

  /** How many times the shop asked for this refund. */
  @Column({ type: 'integer' })
  requests!: number;

  @Column({ type: 'timestamptz' })
  paidAt!: Date;
}
