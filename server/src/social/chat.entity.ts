import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import type { ChatType } from '@giftshop/shared';

@Entity('chats')
export class Chat {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  type!: ChatType;

  /** Group name; null for direct chats, whose title is the other member's nickname. */
  @Column({ type: 'text', nullable: true })
  name!: string | null;

  /** `<smaller user id>:<larger user id>` for direct chats, unique, so two users share one chat. */
  @Column({ type: 'text', nullable: true, unique: true })
  directKey!: string | null;

  @Column({ type: 'uuid', nullable: true })
  ownerId!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}

@Entity('chat_members')
export class ChatMember {
  @PrimaryColumn('uuid')
  chatId!: string;

  @PrimaryColumn('uuid')
  userId!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  joinedAt!: Date;

  /** How far the member has read: newer messages from others are unread. Null: nothing read. */
  @Column({ type: 'timestamptz', nullable: true })
  lastReadAt!: Date | null;
}

/** A friendship, stored once with userA < userB. */
@Entity('friendships')
export class Friendship {
  @PrimaryColumn('uuid')
  userA!: string;

  @PrimaryColumn('uuid')
  userB!: string;

  @Column({ type: 'uuid' })
  chatId!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
