import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Product } from '../catalog/product.entity';
import { refreshSearchVectors } from '../catalog/search-vector';
import { Shop } from '../catalog/shop.entity';
import { Sku } from '../catalog/sku.entity';
import { ClockService } from '../clock/clock.service';
import { runInTransaction } from '../database/run-in-transaction';
import { KnownUsers } from '../identity/known-users';
import { User } from '../identity/user.entity';
import { Chat, ChatMember, Friendship } from '../social/chat.entity';
import { Message } from '../social/message.entity';
import { DEMO_FRIENDSHIPS, DEMO_GROUPS, DEMO_SHOPS, DEMO_USERS, type DemoProduct, type DemoShop } from './demo-data';
import { demoImageUrls } from './demo-images';

@Injectable()
export class SeedService {
  private readonly logger = new Logger('Seed');

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly clock: ClockService,
    private readonly knownUsers: KnownUsers,
  ) {}

  async isEmpty(): Promise<boolean> {
    return (await this.db.getRepository(User).count()) === 0;
  }

  /** Loads the demo data into an empty database; does nothing when users exist. */
  async seedIfEmpty(): Promise<boolean> {
    if (!(await this.isEmpty())) return false;
    await this.db.transaction((tx) => this.load(tx));
    return true;
  }

  /** Empties every table (the migration history stays) and loads the demo data again. */
  async reset(): Promise<void> {
    // Retried: the TRUNCATE takes its tables' locks one by one, and another process's job may hold
    // one of them while it waits for one the TRUNCATE already has (a deadlock; its victim reruns).
    await runInTransaction(this.db, async (tx) => {
      const tables = this.db.entityMetadatas.map((m) => `"${m.tableName}"`).join(', ');
      await tx.query(`TRUNCATE ${tables} RESTART IDENTITY CASCADE`);
      await this.load(tx);
    });
    this.knownUsers.forget();
  }

  /** A demo 拼团 deal (the group-buys module's tables; the seed writes every module's demo rows). */
  private async seedGroupDeal(
    tx: EntityManager,
    product: Product,
    deal: NonNullable<DemoProduct['groupDeal']>,
    now: Date,
  ): Promise<void> {
    const [{ id }]: { id: string }[] = await tx.query(
      `INSERT INTO group_deals (shop_id, product_id, group_size, window_hours, status, created_at)
       VALUES ($1, $2, $3, $4, 'active', $5) RETURNING id`,
      [product.shopId, product.id, deal.groupSize, deal.windowHours, now],
    );
    for (const sku of product.skus) {
      await tx.query('INSERT INTO group_deal_skus (deal_id, sku_id, group_price_fen) VALUES ($1, $2, $3)', [
        id,
        sku.id,
        Math.floor((sku.priceFen * deal.groupPricePercent) / 100),
      ]);
    }
  }

  /** A demo shop's 优惠券 and 节日礼券 designs (the checkout and gift-cards modules' tables). */
  private async seedOffers(tx: EntityManager, shopId: string, shop: DemoShop, now: Date): Promise<void> {
    const claimEndsAt = new Date(now.getTime() + 30 * 24 * 3_600_000);
    for (const c of shop.coupons ?? []) {
      await tx.query(
        `INSERT INTO coupons (shop_id, title, type, amount_off_fen, percent_off_bps, min_spend_fen, max_discount_fen,
                              total, per_user_limit, claim_ends_at, valid_days, status, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 30, 'active', $11)`,
        [
          shopId,
          c.title,
          c.type,
          c.amountOffFen ?? null,
          c.percentOffBps ?? null,
          c.minSpendFen,
          c.maxDiscountFen ?? null,
          c.total,
          c.perUserLimit,
          claimEndsAt,
          now,
        ],
      );
    }
    for (const d of shop.giftCardDesigns ?? []) {
      await tx.query(
        `INSERT INTO gift_card_designs (shop_id, title, theme, face_value_fen, valid_days, status, created_at)
         VALUES ($1, $2, $3, $4, $5, 'active', $6)`,
        [shopId, d.title, d.theme, d.faceValueFen, d.validDays, now],
      );
    }
  }

  private async load(tx: EntityManager): Promise<void> {
    const now = this.clock.now();
    const users = await tx.save(
      User,
      DEMO_USERS.map((u) => tx.create(User, { ...u, avatarUrl: null })),
    );
    const idOf = new Map(users.map((u) => [u.openId, u.id]));
    const id = (openId: string): string => {
      const found = idOf.get(openId);
      if (!found) throw new Error(`demo data names an unknown user ${openId}`);
      return found;
    };

    // Accepted friendships (the rows FriendsService writes when both have asked): no pending requests.
    for (const [a, b] of DEMO_FRIENDSHIPS) {
      const [userA, userB] = [id(a), id(b)].sort();
      const chat = await tx.save(
        Chat,
        tx.create(Chat, { type: 'direct', directKey: `${userA}:${userB}`, name: null, ownerId: null }),
      );
      await tx.insert(ChatMember, [
        { chatId: chat.id, userId: userA },
        { chatId: chat.id, userId: userB },
      ]);
      await tx.insert(Friendship, { userA, userB, chatId: chat.id });
    }

    for (const group of DEMO_GROUPS) {
      const ownerId = id(group.ownerOpenId);
      const chat = await tx.save(Chat, tx.create(Chat, { type: 'group', name: group.name, ownerId, directKey: null }));
      await tx.insert(
        ChatMember,
        [group.ownerOpenId, ...group.memberOpenIds].map((openId) => ({ chatId: chat.id, userId: id(openId) })),
      );
      await tx.insert(Message, {
        chatId: chat.id,
        senderId: ownerId,
        type: 'system',
        text: `群聊「${group.name}」已创建`,
        notice: { kind: 'group_created', params: { name: group.name } },
        createdAt: now,
      });
    }

    let count = 0;
    for (const demoShop of DEMO_SHOPS) {
      const shop = await tx.save(
        Shop,
        tx.create(Shop, { name: demoShop.name, ownerId: id(demoShop.ownerOpenId), openedAt: now }),
      );
      // Newest first in lists: give the first product of each shop the latest time.
      for (const [i, p] of demoShop.products.entries()) {
        const createdAt = new Date(now.getTime() - (count + i) * 60_000);
        const product = await tx.save(
          Product,
          tx.create(Product, {
            shopId: shop.id,
            title: p.title,
            description: p.description,
            categoryCode: p.categoryCode,
            imageUrls: demoImageUrls(p.title),
            status: 'listed',
            commissionBps: p.commissionBps ?? 0,
            createdAt,
            updatedAt: createdAt,
            skus: p.skus.map((s, position) => tx.create(Sku, { ...s, position })),
          }),
        );
        if (p.groupDeal) await this.seedGroupDeal(tx, product, p.groupDeal, now);
      }
      await this.seedOffers(tx, shop.id, demoShop, now);
      count += demoShop.products.length;
    }
    await refreshSearchVectors(tx);
    this.logger.log(`demo data loaded: ${users.length} users, ${DEMO_SHOPS.length} shops, ${count} products`);
  }
}
