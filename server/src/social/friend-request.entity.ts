import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One user asking another to be friends; it ends when the other asks back or declines. */
@Entity('friend_requests')
export class FriendRequest {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  fromUserId!: string;

  @Column({ type: 'uuid' })
  toUserId!: string;

  @Column({ type: 'timestamptz' })
  createdAt!: Date;
}
