import type { FulfilmentStatus } from '@giftshop/shared';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { Address } from '../orders/order.entity';

/** One line of a parcel: what left the shelf for it. */
export interface FulfilmentLine {
  skuId: string;
  quantity: number;
}

/**
 * One parcel the merchant ships: a normal order as a whole, or one accepted unit of a gift (then
 * `claimId` and `unitId` name it). One lifecycle for both: FULFILMENT_TRANSITIONS.
 */
@Entity('fulfilments')
export class Fulfilment {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  orderId!: string;

  @Column({ type: 'uuid', nullable: true })
  claimId!: string | null;

  @Column({ type: 'uuid', nullable: true })
  unitId!: string | null;

  @Column({ type: 'uuid' })
  shopId!: string;

  /** Who receives it: confirms receipt, may ask for after-sales (the buyer, or the gift's recipient). */
  @Column({ type: 'uuid' })
  recipientId!: string;

  @Column({ type: 'jsonb' })
  address!: Address;

  @Column({ type: 'jsonb' })
  lines!: FulfilmentLine[];

  /** What was paid for it: what a full refund gives back. */
  @Column({ type: 'integer' })
  amountFen!: number;

  /** The refund's idempotency key: one refund per parcel, however often it is asked for. */
  @Column({ type: 'text' })
  refundKey!: string;

  @Column({ type: 'text' })
  status!: FulfilmentStatus;

  @Column({ type: 'text', nullable: true })
  carrier!: string | null;

  @Column({ type: 'text', nullable: true })
  trackingNo!: string | null;

  @Column({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  shippedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  deliveredAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  completedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  refundedAt!: Date | null;
}
