import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { ChatNotice, MessageType } from '@giftshop/shared';

@Entity('messages')
@Index(['chatId', 'createdAt'])
export class Message {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  chatId!: string;

  @Column({ type: 'uuid' })
  senderId!: string;

  @Column({ type: 'text' })
  type!: MessageType;

  @Column({ type: 'text', nullable: true })
  text!: string | null;

  /** A system message's meaning as data (kind + params); `text` is its Chinese wording. */
  @Column({ type: 'jsonb', nullable: true })
  notice!: ChatNotice | null;

  @Column({ type: 'uuid', nullable: true })
  giftId!: string | null;

  @Column({ type: 'uuid', nullable: true })
  productId!: string | null;

  /** A 拼团 card's team (type group_buy), or the team a notice is about. */
  @Column({ type: 'uuid', nullable: true })
  teamId!: string | null;

  /** A 节日礼券 (type gift_card), or the card a notice is about. */
  @Column({ type: 'uuid', nullable: true })
  giftCardId!: string | null;

  @Column({ type: 'timestamptz' })
  createdAt!: Date;
}
