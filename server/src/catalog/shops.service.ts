import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { ShopView } from '@giftshop/shared';
import { EntityManager, Repository } from 'typeorm';
import { ClockService } from '../clock/clock.service';
import { ForbiddenError, NotFoundError } from '../common/domain-errors';
import { Shop, ShopFollow } from './shop.entity';

@Injectable()
export class ShopsService {
  constructor(
    @InjectRepository(Shop) private readonly shops: Repository<Shop>,
    @InjectRepository(ShopFollow) private readonly follows: Repository<ShopFollow>,
    private readonly clock: ClockService,
  ) {}

  async create(ownerId: string, name: string): Promise<ShopView> {
    const shop = await this.shops.save(this.shops.create({ ownerId, name, openedAt: this.clock.now() }));
    return this.view(shop, ownerId);
  }

  async get(shopId: string, viewerId?: string): Promise<ShopView> {
    return this.view(await this.find(shopId), viewerId);
  }

  /** Inside a transaction, pass its manager: a transaction never asks the pool for a second connection. */
  async find(shopId: string, manager: EntityManager = this.shops.manager): Promise<Shop> {
    const shop = await manager.findOneBy(Shop, { id: shopId });
    if (!shop) throw new NotFoundError('shop');
    return shop;
  }

  /** The shop, when `userId` owns it: 404 if it does not exist, 403 if it is someone else's. */
  async findOwned(shopId: string, userId: string, manager?: EntityManager): Promise<Shop> {
    const shop = await this.find(shopId, manager);
    if (shop.ownerId !== userId) throw new ForbiddenError('NOT_SHOP_OWNER', 'this shop is not yours');
    return shop;
  }

  /** Following turns a shopper's later visits from the shop home into private-domain traffic. */
  async follow(shopId: string, userId: string): Promise<ShopView> {
    const shop = await this.find(shopId);
    await this.follows.createQueryBuilder().insert().values({ shopId, userId }).orIgnore().execute();
    return this.view(shop, userId);
  }

  async unfollow(shopId: string, userId: string): Promise<ShopView> {
    const shop = await this.find(shopId);
    await this.follows.delete({ shopId, userId });
    return this.view(shop, userId);
  }

  isFollowing(shopId: string, userId: string): Promise<boolean> {
    return this.follows.existsBy({ shopId, userId });
  }

  private async view(shop: Shop, viewerId?: string): Promise<ShopView> {
    const [followerCount, following] = await Promise.all([
      this.follows.countBy({ shopId: shop.id }),
      viewerId ? this.isFollowing(shop.id, viewerId) : Promise.resolve(undefined),
    ]);
    return {
      id: shop.id,
      name: shop.name,
      ownerId: shop.ownerId,
      openedAt: shop.openedAt.toISOString(),
      followerCount,
      ...(following !== undefined && { following }),
    };
  }
}
