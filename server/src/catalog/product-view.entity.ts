import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { Domain, Scene } from '@giftshop/shared';

/** One opening of a product page, with the scene it came from and who shared the link. */
@Entity('product_views')
export class ProductView {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  productId!: string;

  @Column({ type: 'uuid' })
  shopId!: string;

  @Column({ type: 'uuid', nullable: true })
  viewerId!: string | null;

  @Column({ type: 'text' })
  scene!: Scene;

  /** public or private, decided when the view happened (shop_home depends on following). */
  @Column({ type: 'text' })
  domain!: Domain;

  @Column({ type: 'uuid', nullable: true })
  sharerId!: string | null;

  @Column({ type: 'timestamptz' })
  viewedAt!: Date;
}
