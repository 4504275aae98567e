import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  describeNotice,
  EVENT_NOTICES,
  type ChatNotice,
  type ChatRead,
  type ChatView,
  type MessageView,
} from '@giftshop/shared';
import { DataSource, EntityManager, In } from 'typeorm';
import { runInTransaction } from '../database/run-in-transaction';
import { Product } from '../catalog/product.entity';
import { ClockService } from '../clock/clock.service';
import { InvalidInputError, NotFoundError } from '../common/domain-errors';
import { User } from '../identity/user.entity';
import { Chat, ChatMember, Friendship } from './chat.entity';
import { Message } from './message.entity';

export function toMessageView(m: Message): MessageView {
  return {
    id: m.id,
    chatId: m.chatId,
    senderId: m.senderId,
    type: m.type,
    ...(m.text !== null && { text: m.text }),
    ...(m.notice !== null && { notice: m.notice }),
    ...(m.giftId !== null && { giftId: m.giftId }),
    ...(m.productId !== null && { productId: m.productId }),
    ...(m.teamId !== null && { teamId: m.teamId }),
    ...(m.giftCardId !== null && { giftCardId: m.giftCardId }),
    createdAt: m.createdAt.toISOString(),
  };
}

/** Friends, group chats and messages. Chats are visible to their members only. */
@Injectable()
export class SocialService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly clock: ClockService,
  ) {}

  /** Accepted friends only: a request nobody answered makes no one a friend. */
  async friendIds(userId: string, manager: EntityManager = this.db.manager): Promise<string[]> {
    const rows = await manager.find(Friendship, { where: [{ userA: userId }, { userB: userId }] });
    return rows.map((f) => (f.userA === userId ? f.userB : f.userA));
  }

  /** A group chat of the caller (its owner) and friends of the caller. */
  async createGroup(ownerId: string, name: string, memberIds: string[]): Promise<ChatView> {
    if (memberIds.includes(ownerId)) {
      throw new InvalidInputError('INVALID_MEMBERS', 'memberIds must not include yourself: you join as the owner');
    }
    return runInTransaction(this.db, async (tx) => {
      const friends = new Set(await this.friendIds(ownerId, tx));
      const strangers = memberIds.filter((id) => !friends.has(id));
      if (strangers.length > 0) {
        throw new InvalidInputError('NOT_FRIENDS', `memberIds: ${strangers.join(', ')} is not your friend`);
      }
      const chat = await tx.save(Chat, tx.create(Chat, { type: 'group', name, ownerId, directKey: null }));
      const members = [ownerId, ...memberIds];
      await tx.insert(
        ChatMember,
        members.map((userId) => ({ chatId: chat.id, userId })),
      );
      await this.postNotice(tx, {
        chatId: chat.id,
        senderId: ownerId,
        notice: { kind: 'group_created', params: { name } },
      });
      return { id: chat.id, type: 'group', title: name, memberIds: members };
    });
  }

  async listChats(userId: string): Promise<ChatView[]> {
    const mine = await this.db.getRepository(ChatMember).find({ where: { userId }, select: { chatId: true } });
    return this.describeChats(
      userId,
      mine.map((m) => m.chatId),
    );
  }

  async getChat(userId: string, chatId: string): Promise<ChatView> {
    await this.assertMember(userId, chatId);
    const [chat] = await this.describeChats(userId, [chatId]);
    return chat;
  }

  /** 404 for non-members: a chat is invisible to anyone outside it. */
  async assertMember(userId: string, chatId: string, manager: EntityManager = this.db.manager): Promise<void> {
    if (!(await manager.existsBy(ChatMember, { chatId, userId }))) throw new NotFoundError('chat');
  }

  async memberIds(chatId: string, manager: EntityManager = this.db.manager): Promise<string[]> {
    const rows = await manager.find(ChatMember, { where: { chatId }, order: { joinedAt: 'ASC', userId: 'ASC' } });
    return rows.map((m) => m.userId);
  }

  async listMessages(
    userId: string,
    chatId: string,
    options: { limit: number; before?: Date },
  ): Promise<MessageView[]> {
    await this.assertMember(userId, chatId);
    const query = this.db
      .getRepository(Message)
      .createQueryBuilder('m')
      .where('m.chat_id = :chatId', { chatId })
      .orderBy('m.created_at', 'DESC')
      .addOrderBy('m.id', 'DESC')
      .limit(options.limit);
    if (options.before) query.andWhere('m.created_at < :before', { before: options.before });
    const rows = await query.getMany();
    await this.markRead(userId, chatId);
    return rows.reverse().map(toMessageView);
  }

  async sendMessage(
    userId: string,
    chatId: string,
    input: { text?: string; productId?: string },
  ): Promise<MessageView> {
    // null counts as absent: {text: null} is neither a text nor a product.
    if ((input.text == null) === (input.productId == null)) {
      throw new InvalidInputError('INVALID_MESSAGE', 'send exactly one of text or productId');
    }
    await this.assertMember(userId, chatId);
    if (input.productId) {
      const product = await this.db.getRepository(Product).findOneBy({ id: input.productId, status: 'listed' });
      if (!product) throw new NotFoundError('product');
    }
    const message = await this.postMessage(this.db.manager, {
      chatId,
      senderId: userId,
      type: input.productId ? 'product' : 'text',
      text: input.text ?? null,
      productId: input.productId ?? null,
    });
    return toMessageView(message);
  }

  /**
   * The member has read the chat up to now. Only moves forward, so a late reader cannot make
   * newer messages unread again.
   */
  async markRead(userId: string, chatId: string): Promise<ChatRead> {
    await this.assertMember(userId, chatId);
    await this.db.query(
      `UPDATE chat_members SET last_read_at = GREATEST(COALESCE(last_read_at, $3), $3)
        WHERE chat_id = $1 AND user_id = $2`,
      [chatId, userId, this.clock.now()],
    );
    return { id: chatId, unreadCount: 0 };
  }

  /** A system message saying `notice`, worded in Chinese as its text, in the caller's transaction. */
  postNotice(
    manager: EntityManager,
    input: { chatId: string; senderId: string; notice: ChatNotice; giftId?: string; teamId?: string },
  ): Promise<Message> {
    return this.postMessage(manager, {
      chatId: input.chatId,
      senderId: input.senderId,
      type: 'system',
      giftId: input.giftId ?? null,
      teamId: input.teamId ?? null,
      notice: input.notice,
      text: describeNotice(input.notice, 'zh'),
    });
  }

  /**
   * The statement part that posts each accepted claim's "<nickname> claimed" line, for the batched
   * claim statement (ClaimsService). Expects CTEs `g` (id, chat_id), `pair` (claim_id, user_id, ord)
   * and `taken` (claim_id); `text` has `{nickname}`; $5 is now.
   */
  static claimedNoticeSql(text: string): string {
    return `INSERT INTO messages (chat_id, sender_id, type, text, notice, gift_id, created_at)
           SELECT g.chat_id, pair.user_id, 'system', replace(${text}, '{nickname}', u.nickname),
                  jsonb_build_object('kind', 'gift_claimed', 'params', jsonb_build_object('nickname', u.nickname)),
                  g.id, $5
             FROM g, pair JOIN taken ON taken.claim_id = pair.claim_id JOIN users u ON u.id = pair.user_id
            ORDER BY pair.ord`;
  }

  /** Writes a message in the caller's transaction (gifts post their card this way). */
  async postMessage(
    manager: EntityManager,
    message: Pick<Message, 'chatId' | 'senderId' | 'type'> &
      Partial<Pick<Message, 'text' | 'giftId' | 'productId' | 'teamId' | 'giftCardId' | 'notice'>>,
  ): Promise<Message> {
    return manager.save(
      Message,
      manager.create(Message, {
        text: null,
        giftId: null,
        productId: null,
        teamId: null,
        giftCardId: null,
        notice: null,
        ...message,
        createdAt: this.clock.now(),
      }),
    );
  }

  private async describeChats(userId: string, chatIds: string[]): Promise<ChatView[]> {
    if (chatIds.length === 0) return [];
    const [chats, members, activity] = await Promise.all([
      this.db.getRepository(Chat).find({ where: { id: In(chatIds) }, order: { createdAt: 'ASC' } }),
      this.db
        .getRepository(ChatMember)
        .find({ where: { chatId: In(chatIds) }, order: { joinedAt: 'ASC', userId: 'ASC' } }),
      this.activity(userId, chatIds),
    ]);
    const others = [...new Set(members.map((m) => m.userId).filter((id) => id !== userId))];
    const users = others.length ? await this.db.getRepository(User).findBy({ id: In(others) }) : [];
    const nicknames = new Map(users.map((u) => [u.id, u.nickname]));
    return chats.map((chat) => {
      const memberIds = members.filter((m) => m.chatId === chat.id).map((m) => m.userId);
      const other = memberIds.find((id) => id !== userId);
      const title = chat.type === 'group' ? (chat.name ?? '') : (nicknames.get(other ?? '') ?? '');
      const { lastMessage, unreadCount } = activity.get(chat.id) ?? { unreadCount: 0 };
      return { id: chat.id, type: chat.type, title, memberIds, ...(lastMessage && { lastMessage }), unreadCount };
    });
  }

  /**
   * Each chat's newest message and the caller's unread count, in one query: both walk the
   * (chat_id, created_at) index from the newest end.
   */
  private async activity(
    userId: string,
    chatIds: string[],
  ): Promise<Map<string, Pick<ChatView, 'lastMessage' | 'unreadCount'>>> {
    const rows: {
      chat_id: string;
      sender_id: string | null;
      type: Message['type'] | null;
      text: string | null;
      notice: ChatNotice | null;
      created_at: Date | null;
      unread: number;
    }[] = await this.db.query(
      `SELECT cm.chat_id, last.sender_id, last.type, last.text, last.notice, last.created_at,
              (SELECT count(*)::int FROM messages u
                WHERE u.chat_id = cm.chat_id AND (u.sender_id <> cm.user_id OR u.notice->>'kind' = ANY($3::text[]))
                  AND (cm.last_read_at IS NULL OR u.created_at > cm.last_read_at)) AS unread
         FROM chat_members cm
         LEFT JOIN LATERAL (
           SELECT m.sender_id, m.type, m.text, m.notice, m.created_at FROM messages m
            WHERE m.chat_id = cm.chat_id ORDER BY m.created_at DESC, m.id DESC LIMIT 1
         ) last ON true
        WHERE cm.user_id = $1 AND cm.chat_id = ANY($2::uuid[])`,
      [userId, chatIds, EVENT_NOTICES],
    );
    return new Map(
      rows.map((r) => [
        r.chat_id,
        {
          unreadCount: r.unread,
          ...(r.type &&
            r.created_at && {
              lastMessage: {
                senderId: r.sender_id ?? '',
                type: r.type,
                ...(r.text !== null && { text: r.text }),
                ...(r.notice !== null && { notice: r.notice }),
                createdAt: new Date(r.created_at).toISOString(),
              },
            }),
        },
      ]),
    );
  }
}
