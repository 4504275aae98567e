import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  type GroupDealView,
  Page,
  ProductSummaryView,
  ProductView as ProductDto,
  Scene,
  sceneDomain,
} from '@giftshop/shared';
import { DataSource, EntityManager } from 'typeorm';
import { LaggingReads } from '../database/lagging-reads';
import { runInTransaction } from '../database/run-in-transaction';
import { ClockService } from '../clock/clock.service';
import { EventBus } from '../events/event-bus';
import { ForbiddenError, InvalidInputError, NotFoundError } from '../common/domain-errors';
import { User } from '../identity/user.entity';
import { CreateProductDto, UpdateProductDto } from './catalog.dto';
import { ProductView } from './product-view.entity';
import { refreshSearchVectors } from './search-vector';
import { toProductSummary, toProductView } from './product.mapper';
import { Product } from './product.entity';
import { Shop, ShopFollow } from './shop.entity';
import { Sku } from './sku.entity';
import { ShopsService } from './shops.service';

/** Rules a whole SKU list must keep beyond per-field validation. */
function checkSkus(skus: { specs?: Record<string, string>; priceFen: number; listPriceFen: number }[]): void {
  skus.forEach((sku, i) => {
    if (sku.listPriceFen < sku.priceFen) {
      throw new InvalidInputError('LIST_PRICE_BELOW_PRICE', `skus.${i}.listPriceFen must be at least its priceFen`);
    }
  });
  const seen = new Set<string>();
  skus.forEach((sku, i) => {
    if (!sku.specs) return;
    const key = JSON.stringify(Object.entries(sku.specs).sort(([a], [b]) => a.localeCompare(b)));
    if (seen.has(key)) throw new InvalidInputError('DUPLICATE_SKU', `skus.${i}.specs repeats another SKU's specs`);
    seen.add(key);
  });
}

@Injectable()
export class ProductsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly shops: ShopsService,
    private readonly clock: ClockService,
    private readonly events: EventBus,
    private readonly laggingReads: LaggingReads,
  ) {}

  async create(shopId: string, ownerId: string, input: CreateProductDto): Promise<ProductDto> {
    const shop = await this.shops.findOwned(shopId, ownerId);
    checkSkus(input.skus);
    const product = await runInTransaction(this.db, async (tx) => {
      const saved = await tx.save(
        Product,
        tx.create(Product, {
          shopId,
          title: input.title,
          description: input.description,
          categoryCode: input.categoryCode,
          imageUrls: input.imageUrls ?? [],
          status: 'listed',
          skus: input.skus.map((s, position) => tx.create(Sku, { ...s, position })),
        }),
      );
      await refreshSearchVectors(tx, [saved.id]);
      return saved;
    });
    return toProductView(product, shop.name);
  }

  /** Owner only. Title, description, status, and each SKU's price and stock. */
  async update(productId: string, userId: string, input: UpdateProductDto): Promise<ProductDto> {
    return runInTransaction(this.db, async (tx) => {
      const product = await this.lockProduct(tx, productId);
      const shop = await tx.findOneByOrFail(Shop, { id: product.shopId });
      if (shop.ownerId !== userId) throw new ForbiddenError('NOT_SHOP_OWNER', 'this product is not yours');
      const byId = new Map(product.skus.map((s) => [s.id, s]));
      input.skus?.forEach((change, i) => {
        const sku = byId.get(change.id);
        if (!sku) throw new InvalidInputError('UNKNOWN_SKU', `skus.${i}.id is not a SKU of this product`);
        if (change.priceFen !== undefined) sku.priceFen = change.priceFen;
        if (change.stock !== undefined) sku.stock = change.stock;
      });
      checkSkus(product.skus.map(({ priceFen, listPriceFen }) => ({ priceFen, listPriceFen })));
      for (const change of input.skus ?? []) {
        const sku = byId.get(change.id) as Sku;
        await tx.update(Sku, { id: sku.id }, { priceFen: sku.priceFen, stock: sku.stock });
      }
      const { title, description, status, imageUrls, commissionBps } = input;
      await tx.update(
        Product,
        { id: productId },
        {
          ...(title !== undefined && { title }),
          ...(description !== undefined && { description }),
          ...(status && { status }),
          ...(imageUrls !== undefined && { imageUrls }),
          ...(commissionBps !== undefined && { commissionBps }),
          updatedAt: this.clock.now(),
        },
      );
      if (title !== undefined || description !== undefined) await refreshSearchVectors(tx, [productId]);
      const updated = await tx.findOneOrFail(Product, { where: { id: productId }, relations: { skus: true } });
      return toProductView(updated, shop.name);
    });
  }

  /**
   * Reads a product by its unified ID. Listed products are public; a delisted one is visible to
   * its owner only. With a scene, records a view in it (and who shared the link), on the primary.
   * The page may come from the replica (it may lag); "not found" never does: a product the
   * replica has not seen yet (just listed, just made) is looked up again on the primary.
   */
  async read(productId: string, viewerId: string | undefined, scene?: Scene, sharerId?: string): Promise<ProductDto> {
    const page = async (db: DataSource) => {
      const found = await this.page(db, productId, viewerId);
      return found ?? (db === this.db ? null : this.page(this.db, productId, viewerId));
    };
    const found = await this.laggingReads.read(page);
    if (!found) throw new NotFoundError('product');
    if (!scene) return found.view;
    await this.recordView(found.product, scene, viewerId, sharerId);
    return { ...found.view, scene };
  }

  private async page(
    db: DataSource,
    productId: string,
    viewerId: string | undefined,
  ): Promise<{ product: Product; view: ProductDto } | null> {
    const product = await db.getRepository(Product).findOne({ where: { id: productId }, relations: { skus: true } });
    if (!product) return null;
    const shop = await db.getRepository(Shop).findOneByOrFail({ id: product.shopId });
    if (product.status !== 'listed' && shop.ownerId !== viewerId) return null;
    return {
      product,
      view: { ...toProductView(product, shop.name), groupDeal: await this.activeGroupDeal(db, product.id) },
    };
  }

  /** The product's active 拼团 deal (the group-buys module's tables, read for the page). */
  private async activeGroupDeal(db: DataSource, productId: string): Promise<GroupDealView | null> {
    const [deal]: (Omit<GroupDealView, 'createdAt'> & { createdAt: Date })[] = await db.query(
      `SELECT d.id, d.shop_id AS "shopId", d.product_id AS "productId", d.group_size AS "groupSize",
              d.window_hours AS "windowHours", d.status,
              (SELECT jsonb_agg(jsonb_build_object('skuId', s.sku_id, 'groupPriceFen', s.group_price_fen) ORDER BY s.sku_id)
                 FROM group_deal_skus s WHERE s.deal_id = d.id) AS skus,
              d.created_at AS "createdAt", NULL AS "endedAt"
         FROM group_deals d WHERE d.product_id = $1 AND d.status = 'active'`,
      [productId],
    );
    return deal ? { ...deal, createdAt: deal.createdAt.toISOString() } : null;
  }

  async list(filter: {
    shopId?: string;
    categoryCode?: string;
    limit: number;
    offset: number;
  }): Promise<Page<ProductSummaryView>> {
    return this.laggingReads.read((db) => this.listOn(db, filter));
  }

  private async listOn(
    db: DataSource,
    filter: { shopId?: string; categoryCode?: string; limit: number; offset: number },
  ): Promise<Page<ProductSummaryView>> {
    const query = db
      .getRepository(Product)
      .createQueryBuilder('p')
      .innerJoinAndSelect('p.skus', 's')
      .where("p.status = 'listed'")
      .orderBy('p.createdAt', 'DESC')
      .addOrderBy('p.id', 'ASC');
    if (filter.shopId) query.andWhere('p.shop_id = :shopId', { shopId: filter.shopId });
    if (filter.categoryCode) query.andWhere('p.category_code = :categoryCode', { categoryCode: filter.categoryCode });
    const [products, total] = await query.skip(filter.offset).take(filter.limit).getManyAndCount();
    const names = await this.shopNames(
      db,
      products.map((p) => p.shopId),
    );
    return { items: products.map((p) => toProductSummary(p, names.get(p.shopId) ?? '')), total };
  }

  /** The merchant console's list: every product of the shop, listed or not. Owner only. */
  async listForOwner(shopId: string, userId: string): Promise<ProductDto[]> {
    const shop = await this.shops.findOwned(shopId, userId);
    const products = await this.db.getRepository(Product).find({
      where: { shopId },
      relations: { skus: true },
      order: { createdAt: 'DESC', id: 'ASC' },
    });
    return products.map((p) => toProductView(p, shop.name));
  }

  private async recordView(product: Product, scene: Scene, viewerId?: string, sharerId?: string): Promise<void> {
    const [follows, sharerExists] = await Promise.all([
      viewerId ? this.db.getRepository(ShopFollow).existsBy({ shopId: product.shopId, userId: viewerId }) : false,
      // A stale or foreign sharer in a link must not break the page: it is simply not recorded.
      sharerId ? this.db.getRepository(User).existsBy({ id: sharerId }) : false,
    ]);
    await runInTransaction(this.db, async (tx) => {
      await tx.insert(ProductView, {
        productId: product.id,
        shopId: product.shopId,
        viewerId: viewerId ?? null,
        scene,
        domain: sceneDomain(scene, { followsShop: follows }),
        sharerId: sharerExists && sharerId !== viewerId ? (sharerId ?? null) : null,
        viewedAt: this.clock.now(),
      });
      await this.events.publish(tx, 'product.viewed', { productId: product.id });
    });
  }

  private async lockProduct(tx: EntityManager, productId: string): Promise<Product> {
    const locked = await tx
      .getRepository(Product)
      .findOne({ where: { id: productId }, lock: { mode: 'pessimistic_write' } });
    if (!locked) throw new NotFoundError('product');
    locked.skus = await tx.find(Sku, { where: { productId }, order: { position: 'ASC' } });
    return locked;
  }

  private async shopNames(db: DataSource, shopIds: string[]): Promise<Map<string, string>> {
    const unique = [...new Set(shopIds)];
    if (unique.length === 0) return new Map();
    const shops = await db
      .getRepository(Shop)
      .createQueryBuilder('s')
      .where('s.id IN (:...ids)', { ids: unique })
      .getMany();
    return new Map(shops.map((s) => [s.id, s.name]));
  }
}
