import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Product } from './product.entity';

/** A variant (规格) with its own price, list price (原价) and stock. */
@Entity('skus')
export class Sku {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  productId!: string;

  @ManyToOne(() => Product, (product) => product.skus, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'product_id' })
  product?: Product;

  @Column({ type: 'jsonb' })
  specs!: Record<string, string>;

  @Column({ type: 'integer' })
  priceFen!: number;

  @Column({ type: 'integer' })
  listPriceFen!: number;

  /** Never below zero: a CHECK constraint backs the conditional updates that reserve it. */
  @Column({ type: 'integer' })
  stock!: number;

  @Column({ type: 'integer', default: 0 })
  position!: number;
}
