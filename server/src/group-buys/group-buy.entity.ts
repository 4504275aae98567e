import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import type { GroupDealStatus, SeatStatus, TeamStatus } from '@giftshop/shared';

/** A merchant's 拼团 offer on one product: a group price per SKU, a team size, a window. */
@Entity('group_deals')
export class GroupDeal {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  shopId!: string;

  @Column({ type: 'uuid' })
  productId!: string;

  @Column({ type: 'integer' })
  groupSize!: number;

  @Column({ type: 'integer' })
  windowHours!: number;

  @Column({ type: 'text' })
  status!: GroupDealStatus;

  @Column({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  endedAt!: Date | null;
}

@Entity('group_deal_skus')
export class GroupDealSku {
  @PrimaryColumn({ type: 'uuid' })
  dealId!: string;

  @PrimaryColumn({ type: 'uuid' })
  skuId!: string;

  @Column({ type: 'integer' })
  groupPriceFen!: number;
}

/**
 * A team opened from a deal. `paid` and `held` count its seats (paid orders, unpaid orders not
 * cancelled); the table's constraint keeps `paid + held <= group_size`. The size and window are
 * the deal's when the team opened.
 */
@Entity('group_teams')
export class GroupTeam {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  dealId!: string;

  @Column({ type: 'uuid' })
  shopId!: string;

  @Column({ type: 'uuid' })
  productId!: string;

  @Column({ type: 'uuid' })
  leaderId!: string;

  /** The chat the leader shares the team into (its card is posted when the leader pays). */
  @Column({ type: 'uuid', nullable: true })
  chatId!: string | null;

  @Column({ type: 'integer' })
  groupSize!: number;

  @Column({ type: 'integer' })
  windowHours!: number;

  @Column({ type: 'text' })
  status!: TeamStatus;

  @Column({ type: 'integer' })
  paid!: number;

  @Column({ type: 'integer' })
  held!: number;

  @Column({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  openedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  expiresAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  formedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  failedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  cancelledAt!: Date | null;
}

/** One member's place in a team, tied to their order: held while it is unpaid, paid with it. */
@Entity('group_seats')
export class GroupSeat {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  teamId!: string;

  @Column({ type: 'uuid' })
  userId!: string;

  @Column({ type: 'uuid' })
  orderId!: string;

  @Column({ type: 'boolean' })
  leader!: boolean;

  @Column({ type: 'text' })
  status!: SeatStatus;

  @Column({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  paidAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  releasedAt!: Date | null;
}
