import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import type { GiftMode } from '@giftshop/shared';
import type { Address } from '../orders/order.entity';

@Entity('gifts')
export class Gift {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  orderId!: string;

  @Column({ type: 'uuid' })
  giverId!: string;

  @Column({ type: 'uuid' })
  chatId!: string;

  @Column({ type: 'text' })
  mode!: GiftMode;

  @Column({ type: 'integer' })
  units!: number;

  @Column({ type: 'uuid' })
  productId!: string;

  /** The SKU the giver picked; recipients may switch to another of the same price. */
  @Column({ type: 'uuid' })
  skuId!: string;

  @Column({ type: 'integer' })
  unitPriceFen!: number;

  @Column({ type: 'text' })
  wishMessage!: string;

  /** The platform's code: 0, 10, 20, 180, 181, 250 (GIFT_STATUS_CODES). */
  @Column({ type: 'smallint' })
  status!: number;

  @Column({ type: 'timestamptz', nullable: true })
  drawAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  drawnAt!: Date | null;

  @Column({ type: 'text', nullable: true })
  drawSeed!: string | null;

  @Column({ type: 'jsonb', nullable: true })
  drawEntrants!: string[] | null;

  @Column({ type: 'jsonb', nullable: true })
  drawWinners!: string[] | null;

  @Column({ type: 'timestamptz', nullable: true })
  sentAt!: Date | null;

  /** When unaccepted units are refunded: 24 hours after the send, or after the draw. */
  @Column({ type: 'timestamptz', nullable: true })
  expiresAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  declinedAt!: Date | null;

  @Column({ type: 'timestamptz' })
  createdAt!: Date;
}

/** One of the gift's N units: open until claimed; refunded one by one when the window closes. */
@Entity('gift_units')
export class GiftUnit {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  giftId!: string;

  @Column({ type: 'integer' })
  idx!: number;

  @Column({ type: 'text' })
  status!: 'open' | 'claimed' | 'expired' | 'refunded';

  @Column({ type: 'uuid', nullable: true })
  claimId!: string | null;

  @Column({ type: 'uuid', nullable: true })
  refundId!: string | null;

  /** What was paid for this unit: its line's paid amount spread over the units (unitPaidFen). */
  @Column({ type: 'integer' })
  paidFen!: number;
}

/** A recipient's acceptance: their variant and address. Its parcel is a Fulfilment (claimId). */
@Entity('gift_claims')
export class GiftClaim {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  giftId!: string;

  @Column({ type: 'uuid' })
  recipientId!: string;

  @Column({ type: 'uuid' })
  skuId!: string;

  @Column({ type: 'integer' })
  unitPriceFen!: number;

  @Column({ type: 'jsonb' })
  address!: Address;

  @Column({ type: 'timestamptz' })
  acceptedAt!: Date;
}

@Entity('gift_entries')
export class GiftEntry {
  @PrimaryColumn('uuid')
  giftId!: string;

  @PrimaryColumn('uuid')
  userId!: string;

  @Column({ type: 'timestamptz' })
  enteredAt!: Date;

  /** Null until the draw. */
  @Column({ type: 'boolean', nullable: true })
  won!: boolean | null;
}
