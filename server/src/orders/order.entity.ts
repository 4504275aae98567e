import { Column, Entity, OneToMany, PrimaryGeneratedColumn, ManyToOne, JoinColumn } from 'typeorm';
import type { Domain, OrderKind, OrderStatus, Scene } from '@giftshop/shared';

export interface Address {
  name: string;
  phone: string;
  region: string;
  detail: string;
}

@Entity('orders')
export class Order {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  kind!: OrderKind;

  @Column({ type: 'uuid' })
  buyerId!: string;

  @Column({ type: 'uuid' })
  shopId!: string;

  @Column({ type: 'text' })
  status!: OrderStatus;

  @Column({ type: 'text' })
  scene!: Scene;

  @Column({ type: 'uuid', nullable: true })
  sharerId!: string | null;

  /** public or private, decided when the order was placed (shop_home depends on following). */
  @Column({ type: 'text' })
  domain!: Domain;

  /** The delivery address; null for gift orders, whose recipients give their own. */
  @Column({ type: 'jsonb', nullable: true })
  address!: Address | null;

  @Column({ type: 'integer' })
  goodsFen!: number;

  @Column({ type: 'integer' })
  freightFen!: number;

  /** goods + freight − discount: what the order costs. */
  @Column({ type: 'integer' })
  totalFen!: number;

  /** What the order's coupon took off the goods (spread over its lines' paidFen). */
  @Column({ type: 'integer', default: 0 })
  discountFen!: number;

  /** The part of the total gift cards pay; WeChat Pay is asked for the rest (`payFenOf`). */
  @Column({ type: 'integer', default: 0 })
  giftCardFen!: number;

  @Column({ type: 'uuid', nullable: true })
  userCouponId!: string | null;

  @OneToMany(() => OrderItem, (item) => item.order, { cascade: ['insert'] })
  items!: OrderItem[];

  @Column({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  paidAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  completedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  cancelledAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  refundedAt!: Date | null;
}

/** A line of an order, with the title, specs and price as they were when ordered. */
@Entity('order_items')
export class OrderItem {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  orderId!: string;

  @ManyToOne(() => Order, (order) => order.items, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'order_id' })
  order?: Order;

  @Column({ type: 'uuid' })
  skuId!: string;

  @Column({ type: 'uuid' })
  productId!: string;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'jsonb' })
  specs!: Record<string, string>;

  @Column({ type: 'integer' })
  unitPriceFen!: number;

  @Column({ type: 'integer' })
  quantity!: number;

  /** What was paid for this line: its goods after any discount (priceOrder). Refunds give back from here. */
  @Column({ type: 'integer' })
  paidFen!: number;
}

/** What WeChat Pay is asked for: the total less what gift cards pay. */
export function payFenOf(order: Pick<Order, 'totalFen' | 'giftCardFen'>): number {
  return order.totalFen - order.giftCardFen;
}
