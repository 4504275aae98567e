import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

@Entity('shops')
export class Shop {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  ownerId!: string;

  @Column({ type: 'text' })
  name!: string;

  /** When the shop opened: the start of its new-merchant fee window. */
  @Column({ type: 'timestamptz' })
  openedAt!: Date;

  /** Flat freight per order, waived at or above the free-shipping threshold. */
  @Column({ type: 'integer', default: 1000 })
  freightFen!: number;

  @Column({ type: 'integer', default: 9900 })
  freeShippingThresholdFen!: number;
}

@Entity('shop_follows')
export class ShopFollow {
  @PrimaryColumn('uuid')
  shopId!: string;

  @PrimaryColumn('uuid')
  userId!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
