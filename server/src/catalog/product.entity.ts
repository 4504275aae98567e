import { Column, CreateDateColumn, Entity, OneToMany, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { ProductStatus } from '@giftshop/shared';
import { Sku } from './sku.entity';

/** A product with its unified product ID (统一商品ID): every scene links to this one id. */
@Entity('products')
export class Product {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  shopId!: string;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text' })
  description!: string;

  @Column({ type: 'text' })
  categoryCode!: string;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  imageUrls!: string[];

  @Column({ type: 'text' })
  status!: ProductStatus;

  /** What a sharer earns of what buyers pay for it (推客), in basis points, 0–5,000. */
  @Column({ type: 'integer', default: 0 })
  commissionBps!: number;

  @OneToMany(() => Sku, (sku) => sku.product, { cascade: ['insert'] })
  skus!: Sku[];

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
