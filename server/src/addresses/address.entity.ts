import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One saved 收货地址 of a user's address book. Orders and claims take a copy, never a reference. */
@Entity('addresses')
export class SavedAddress {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  userId!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  phone!: string;

  @Column({ type: 'text' })
  region!: string;

  @Column({ type: 'text' })
  detail!: string;

  @Column({ type: 'boolean' })
  isDefault!: boolean;

  @Column({ type: 'timestamptz' })
  createdAt!: Date;
}
