import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { AfterSaleStatus, AfterSaleType } from '@giftshop/shared';

/** 售后: a refund before shipment, or a no-reason return after delivery. */
@Entity('after_sale_cases')
export class AfterSaleCase {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  orderId!: string;

  @Column({ type: 'uuid' })
  openedBy!: string;

  @Column({ type: 'text' })
  type!: AfterSaleType;

  @Column({ type: 'text' })
  status!: AfterSaleStatus;

  @Column({ type: 'text' })
  reason!: string;

  @Column({ type: 'uuid', nullable: true })
  refundId!: string | null;

  /** The parcel the case is about: the whole order's, or one gift unit's. */
  @Column({ type: 'uuid' })
  fulfilmentId!: string;

  /** For a gift order: the claim (one recipient's unit) the case is about. */
  @Column({ type: 'uuid', nullable: true })
  claimId!: string | null;

  @Column({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  resolvedAt!: Date | null;
}
