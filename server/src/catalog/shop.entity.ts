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
