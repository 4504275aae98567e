import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ChatView, MessageView } from '@giftshop/shared';
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
    ...(m.giftId !== null && { giftId: m.giftId }),
    ...(m.productId !== null && { productId: m.productId }),
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
      await tx.insert(Message, {
        chatId: chat.id,
        senderId: ownerId,
        type: 'system',
        text: `群聊「${name}」已创建`,
        createdAt: this.clock.now(),
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

  /** Writes a message in the caller's transaction (gifts post their card this way). */
  async postMessage(
    manager: EntityManager,
    message: Pick<Message, 'chatId' | 'senderId' | 'type'> & Partial<Pick<Message, 'text' | 'giftId' | 'productId'>>,
  ): Promise<Message> {
    return manager.save(
      Message,
      manager.create(Message, {
        text: null,
        giftId: null,
        productId: null,
        ...message,
        createdAt: this.clock.now(),
      }),
    );
  }

  private async describeChats(userId: string, chatIds: string[]): Promise<ChatView[]> {
    if (chatIds.length === 0) return [];
    const [chats, members] = await Promise.all([
      this.db.getRepository(Chat).find({ where: { id: In(chatIds) }, order: { createdAt: 'ASC' } }),
      this.db
        .getRepository(ChatMember)
        .find({ where: { chatId: In(chatIds) }, order: { joinedAt: 'ASC', userId: 'ASC' } }),
    ]);
    const others = [...new Set(members.map((m) => m.userId).filter((id) => id !== userId))];
    const users = others.length ? await this.db.getRepository(User).findBy({ id: In(others) }) : [];
    const nicknames = new Map(users.map((u) => [u.id, u.nickname]));
    return chats.map((chat) => {
      const memberIds = members.filter((m) => m.chatId === chat.id).map((m) => m.userId);
      const other = memberIds.find((id) => id !== userId);
      const title = chat.type === 'group' ? (chat.name ?? '') : (nicknames.get(other ?? '') ?? '');
      return { id: chat.id, type: chat.type, title, memberIds };
    });
  }
}
