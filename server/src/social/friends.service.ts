import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { FriendRequestDeclined, FriendRequestResult, FriendRequestView } from '@giftshop/shared';
import { DataSource, EntityManager } from 'typeorm';
import { runInTransaction } from '../database/run-in-transaction';
import { ClockService } from '../clock/clock.service';
import { InvalidInputError, NotFoundError } from '../common/domain-errors';
import { User } from '../identity/user.entity';
import { Chat, ChatMember, Friendship } from './chat.entity';
import { FriendRequest } from './friend-request.entity';

/** The newest requests a caller is shown; older ones wait until these are answered. */
const REQUESTS_SHOWN = 100;

/**
 * Friends by consent: asking leaves a request; asking back makes both friends and opens their
 * direct chat. Only friendships count as friends anywhere (groups, gifts).
 */
@Injectable()
export class FriendsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly clock: ClockService,
  ) {}

  async ask(callerId: string, otherId: string): Promise<FriendRequestResult> {
    if (callerId === otherId) throw new InvalidInputError('CANNOT_FRIEND_SELF', 'userId must be another user');
    const [userA, userB] = [callerId, otherId].sort();
    return runInTransaction(this.db, async (tx) => {
      if (!(await tx.existsBy(User, { id: otherId }))) throw new NotFoundError('user');
      // One pair, one decision at a time: A→B and B→A arriving together must not both stay pending.
      await tx.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`friends:${userA}:${userB}`]);
      const friendship = await tx.findOneBy(Friendship, { userA, userB });
      if (friendship) return { status: 'friends', chatId: friendship.chatId };
      if (await tx.existsBy(FriendRequest, { fromUserId: otherId, toUserId: callerId })) {
        await tx.delete(FriendRequest, [
          { fromUserId: otherId, toUserId: callerId },
          { fromUserId: callerId, toUserId: otherId },
        ]);
        return { status: 'friends', chatId: await this.befriend(tx, userA, userB) };
      }
      await tx
        .createQueryBuilder()
        .insert()
        .into(FriendRequest)
        .values({ fromUserId: callerId, toUserId: otherId, createdAt: this.clock.now() })
        .orIgnore()
        .execute();
      return { status: 'pending' };
    });
  }

  /** Requests waiting for the caller, newest first. */
  async incoming(callerId: string): Promise<FriendRequestView[]> {
    const rows = await this.db
      .getRepository(FriendRequest)
      .createQueryBuilder('r')
      .innerJoin(User, 'u', 'u.id = r.from_user_id')
      .select(['r.id AS id', 'r.from_user_id AS "fromUserId"', 'u.nickname AS nickname', 'r.created_at AS "createdAt"'])
      .where('r.to_user_id = :callerId', { callerId })
      .orderBy('r.created_at', 'DESC')
      .addOrderBy('r.id', 'DESC')
      .limit(REQUESTS_SHOWN)
      .getRawMany<{ id: string; fromUserId: string; nickname: string; createdAt: Date }>();
    return rows.map((r) => ({ ...r, createdAt: new Date(r.createdAt).toISOString() }));
  }

  /** Only the addressee may decline; to anyone else the request does not exist. */
  async decline(callerId: string, requestId: string): Promise<FriendRequestDeclined> {
    const result = await this.db.getRepository(FriendRequest).delete({ id: requestId, toUserId: callerId });
    if (!result.affected) throw new NotFoundError('friend request');
    return { id: requestId, status: 'declined' };
  }

  /** The friendship row and the direct chat both users share (the demo seed writes the same rows). */
  private async befriend(tx: EntityManager, userA: string, userB: string): Promise<string> {
    const directKey = `${userA}:${userB}`;
    await tx.createQueryBuilder().insert().into(Chat).values({ type: 'direct', directKey }).orIgnore().execute();
    const chat = await tx.findOneByOrFail(Chat, { directKey });
    await tx
      .createQueryBuilder()
      .insert()
      .into(ChatMember)
      .values([
        { chatId: chat.id, userId: userA },
        { chatId: chat.id, userId: userB },
      ])
      .orIgnore()
      .execute();
    await tx.insert(Friendship, { userA, userB, chatId: chat.id });
    return chat.id;
  }
}
