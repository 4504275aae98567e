import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  GiftCardStatus,
  GiftOrderUnits,
  OPEN_AFTER_SALE_STATUSES,
  ORDER_KINDS,
  OrderView,
  Page,
  TeamStatus,
} from '@giftshop/shared';
import { DataSource, EntityManager, FindOptionsWhere, In, IsNull } from 'typeorm';
import { AfterSaleCase } from '../after-sales/after-sale-case.entity';
import { Shop } from '../catalog/shop.entity';
import { ForbiddenError, InvalidInputError, NotFoundError } from '../common/domain-errors';
import { isoOrNull } from '../common/time';
import { Fulfilment } from '../fulfilment/fulfilment.entity';
import { Payment } from '../payments/payment.entity';
import { Order, OrderItem, payFenOf } from './order.entity';

/** Reading orders: who may see one, and what they see. */
@Injectable()
export class OrderViewsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** For reading outside a transaction. */
  get manager(): EntityManager {
    return this.db.manager;
  }

  /** The order if the caller is its buyer or its shop's owner; 404 for anyone else. */
  async visibleOrder(userId: string, orderId: string, manager: EntityManager = this.db.manager): Promise<Order> {
    const order = await manager.findOneBy(Order, { id: orderId });
    if (!order) throw new NotFoundError('order');
    if (order.buyerId === userId) return order;
    if (await manager.existsBy(Shop, { id: order.shopId, ownerId: userId })) return order;
    throw new NotFoundError('order');
  }

  async get(userId: string, orderId: string): Promise<OrderView> {
    return this.view(this.db.manager, await this.visibleOrder(userId, orderId));
  }

  async list(
    userId: string,
    query: { role: 'buyer' | 'merchant'; shopId?: string; limit: number; offset: number },
  ): Promise<Page<OrderView>> {
    let where: FindOptionsWhere<Order>;
    if (query.role === 'merchant') {
      if (!query.shopId) throw new InvalidInputError('VALIDATION_FAILED', 'shopId is required with role=merchant');
      const shop = await this.db.manager.findOneBy(Shop, { id: query.shopId });
      if (!shop) throw new NotFoundError('shop');
      if (shop.ownerId !== userId) throw new ForbiddenError('NOT_SHOP_OWNER', 'this shop is not yours');
      where = { shopId: query.shopId };
    } else {
      where = { buyerId: userId, ...(query.shopId && { shopId: query.shopId }) };
    }
    const [orders, total] = await this.db.manager.findAndCount(Order, {
      where,
      order: { createdAt: 'DESC', id: 'ASC' },
      take: query.limit,
      skip: query.offset,
    });
    return { items: await this.views(this.db.manager, orders), total };
  }

  async view(manager: EntityManager, order: Order): Promise<OrderView> {
    const [view] = await this.views(manager, [order]);
    return view;
  }

  async views(manager: EntityManager, orders: Order[]): Promise<OrderView[]> {
    if (orders.length === 0) return [];
    const ids = orders.map((o) => o.id);
    // One after another: the manager may be a transaction, whose connection runs one query at a time.
    const items = await manager.find(OrderItem, { where: { orderId: In(ids) } });
    const payments = await manager.find(Payment, { where: { orderId: In(ids) } });
    const cases = await manager.find(AfterSaleCase, {
      where: { orderId: In(ids) },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
    const refunds: { orderId: string; fen: number }[] = await manager.query(
      'SELECT order_id AS "orderId", SUM(amount_fen)::int AS fen FROM refunds WHERE order_id = ANY($1) GROUP BY order_id',
      [ids],
    );
    // A normal order's shipping is its one parcel's.
    const parcels = await manager.find(Fulfilment, { where: { orderId: In(ids), claimId: IsNull() } });
    const giftUnits = await this.giftUnits(manager, orders);
    const teams = await this.teams(manager, orders);
    const cardParts: (CardPart & { orderId: string })[] = await manager.query(
      `SELECT order_id AS "orderId", card_id AS id, amount_fen AS "amountFen" FROM gift_card_payments
        WHERE order_id = ANY($1) ORDER BY card_id`,
      [ids],
    );
    const giftCards = await this.giftCards(manager, orders);
    return orders.map((order) =>
      toView(order, {
        items: items.filter((i) => i.orderId === order.id),
        payment: payments.find((p) => p.orderId === order.id) ?? null,
        latestCase: cases.filter((c) => c.orderId === order.id).pop() ?? null,
        refundedFen: refunds.find((r) => r.orderId === order.id)?.fen ?? 0,
        parcel: parcels.find((f) => f.orderId === order.id) ?? null,
        giftUnits: giftUnits.get(order.id) ?? null,
        groupBuy: teams.get(order.id) ?? null,
        cardParts: cardParts.filter((c) => c.orderId === order.id).map(({ id, amountFen }) => ({ id, amountFen })),
        giftCard: giftCards.get(order.id) ?? null,
      }),
    );
  }

  /** 节日礼券 orders' cards (the gift-cards module's table, read for the view). */
  private async giftCards(manager: EntityManager, orders: Order[]): Promise<Map<string, OrderView['giftCard']>> {
    const ids = orders.filter((o) => ORDER_KINDS[o.kind].saleAt === 'card_claimed').map((o) => o.id);
    if (ids.length === 0) return new Map();
    const rows: { orderId: string; id: string; status: GiftCardStatus; title: string }[] = await manager.query(
      'SELECT order_id AS "orderId", id, status, title FROM gift_cards WHERE order_id = ANY($1::uuid[])',
      [ids],
    );
    return new Map(rows.map(({ orderId, ...card }) => [orderId, card]));
  }

  /**
   * An order just placed, as its buyer sees it: nothing paid, shipped or refunded yet (no query);
   * `cardParts`: what its gift cards hold of it.
   */
  placed(order: Order, cardParts: CardPart[] = []): OrderView {
    return toView(order, {
      cardParts,
      giftCard: null,
      items: order.items,
      payment: null,
      latestCase: null,
      refundedFen: 0,
      parcel: null,
      giftUnits: null,
      groupBuy: null,
    });
  }

  /** Group-buy orders' teams (the group-buys module's tables, read for the view). */
  private async teams(manager: EntityManager, orders: Order[]): Promise<Map<string, OrderView['groupBuy']>> {
    const ids = orders.filter((o) => ORDER_KINDS[o.kind].saleAt === 'team_formed').map((o) => o.id);
    if (ids.length === 0) return new Map();
    const rows: { orderId: string; teamId: string; status: TeamStatus; leader: boolean }[] = await manager.query(
      `SELECT s.order_id AS "orderId", t.id AS "teamId", t.status, s.leader
         FROM group_seats s JOIN group_teams t ON t.id = s.team_id WHERE s.order_id = ANY($1::uuid[])`,
      [ids],
    );
    return new Map(rows.map(({ orderId, ...team }) => [orderId, team]));
  }

  /** Sent gifts' units by state, so a paid gift order can be shown as its units stand. */
  private async giftUnits(manager: EntityManager, orders: Order[]): Promise<Map<string, GiftOrderUnits>> {
    const ids = orders.filter((o) => ORDER_KINDS[o.kind].parcel === 'per_unit').map((o) => o.id);
    if (ids.length === 0) return new Map();
    const rows: (GiftOrderUnits & { orderId: string })[] = await manager.query(
      `SELECT g.order_id AS "orderId", count(*)::int AS units,
              count(*) FILTER (WHERE u.status = 'open')::int AS open,
              count(*) FILTER (WHERE u.status = 'claimed')::int AS claimed,
              count(f.shipped_at) FILTER (WHERE u.status = 'claimed')::int AS shipped,
              count(f.delivered_at) FILTER (WHERE u.status = 'claimed')::int AS delivered
         FROM gifts g JOIN gift_units u ON u.gift_id = g.id LEFT JOIN fulfilments f ON f.unit_id = u.id
        WHERE g.order_id = ANY($1::uuid[])
        GROUP BY g.order_id`,
      [ids],
    );
    return new Map(rows.map(({ orderId, ...units }) => [orderId, units]));
  }
}

/** What an order's view is made of besides the order row. */
interface OrderRelated {
  items: OrderItem[];
  payment: Payment | null;
  latestCase: AfterSaleCase | null;
  refundedFen: number;
  /** A normal order's one parcel, which its shipping is. */
  parcel: Fulfilment | null;
  giftUnits: GiftOrderUnits | null;
  groupBuy: OrderView['groupBuy'];
  cardParts: CardPart[];
  giftCard: OrderView['giftCard'];
}

type CardPart = OrderView['giftCards'][number];

function toView(
  order: Order,
  { items, payment, latestCase, refundedFen, parcel, giftUnits, groupBuy, cardParts, giftCard }: OrderRelated,
): OrderView {
  return {
    id: order.id,
    kind: order.kind,
    status: order.status,
    shopId: order.shopId,
    buyerId: order.buyerId,
    items: items.map(({ skuId, productId, title, specs, unitPriceFen, quantity, paidFen }) => ({
      skuId,
      productId,
      title,
      specs,
      unitPriceFen,
      quantity,
      paidFen,
    })),
    goodsFen: order.goodsFen,
    freightFen: order.freightFen,
    discountFen: order.discountFen,
    giftCardFen: order.giftCardFen,
    totalFen: order.totalFen,
    payFen: payFenOf(order),
    refundedFen,
    scene: order.scene,
    domain: order.domain,
    sharerId: order.sharerId,
    address: order.address,
    carrier: parcel?.carrier ?? null,
    trackingNo: parcel?.trackingNo ?? null,
    createdAt: order.createdAt.toISOString(),
    paidAt: isoOrNull(order.paidAt),
    shippedAt: isoOrNull(parcel?.shippedAt ?? null),
    deliveredAt: isoOrNull(parcel?.deliveredAt ?? null),
    completedAt: isoOrNull(order.completedAt),
    cancelledAt: isoOrNull(order.cancelledAt),
    refundedAt: isoOrNull(order.refundedAt),
    payment: payment ? { id: payment.id, transactionId: payment.transactionId, status: payment.status } : null,
    afterSale: latestCase
      ? {
          id: latestCase.id,
          orderId: latestCase.orderId,
          type: latestCase.type,
          status: latestCase.status,
          reason: latestCase.reason,
          createdAt: latestCase.createdAt.toISOString(),
          resolvedAt: isoOrNull(latestCase.resolvedAt),
          open: OPEN_AFTER_SALE_STATUSES.includes(latestCase.status),
        }
      : null,
    userCouponId: order.userCouponId,
    giftCards: cardParts,
    ...(ORDER_KINDS[order.kind].parcel === 'per_unit' && { giftUnits }),
    ...(ORDER_KINDS[order.kind].saleAt === 'card_claimed' && { giftCard }),
    ...(ORDER_KINDS[order.kind].saleAt === 'team_formed' && { groupBuy }),
  };
}
