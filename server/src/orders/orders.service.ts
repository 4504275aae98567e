import { Injectable, OnModuleInit } from '@nestjs/common';
import {
  COMMISSION_RULES,
  MAX_UNPAID_ORDERS,
  ORDER_KINDS,
  type OrderKind,
  ORDER_TIMERS,
  ORDER_TRANSITIONS,
  OrderAction,
  OrderPrice,
  OrderQuote,
  priceOrder,
  OrderView,
  PlacedOrderView,
  PayResponse,
  PricingShop,
  Scene,
  sceneDomain,
  transition,
} from '@giftshop/shared';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { AddressChoice, AddressesService } from '../addresses/addresses.service';
import { BenefitsAsked, CheckoutBenefitsService } from '../checkout/checkout-benefits.service';
import { deferToEnd } from '../database/before-commit';
import { asEntity, columnsOf, prepared } from '../database/prepared';
import { runInTransaction } from '../database/run-in-transaction';
import { Shop } from '../catalog/shop.entity';
import { skuLabel } from '../catalog/sku-label';
import { StockService } from '../catalog/stock.service';
import { ClockService } from '../clock/clock.service';
import { ConflictError, DomainError, ForbiddenError, InvalidInputError, NotFoundError } from '../common/domain-errors';
import { writeTransition } from '../common/write-transition';
import { EventBus } from '../events/event-bus';
import { Fulfilment } from '../fulfilment/fulfilment.entity';
import { FulfilmentService } from '../fulfilment/fulfilment.service';
import { IdempotencyService } from '../idempotency/idempotency.service';
import { JobsService } from '../jobs/jobs.service';
import { Payment } from '../payments/payment.entity';
import { PaymentsService } from '../payments/payments.service';
import { Address, Order, OrderItem, payFenOf } from './order.entity';
import { OrderViewsService } from './order-views.service';

export const ORDER_JOBS = {
  cancelUnpaid: 'order.cancel_unpaid',
} as const;

export interface PlaceOrder {
  buyerId: string;
  kind: OrderKind;
  lines: { skuId: string; quantity: number }[];
  address: Address | null;
  scene: Scene;
  sharerId?: string;
  /** Prices that replace the SKUs' own for this order (a group deal's group prices), by SKU id. */
  unitPrices?: ReadonlyMap<string, number>;
  /** A coupon and gift cards, for kinds that take them (ORDER_KINDS: coupons, giftCards). */
  benefits?: BenefitsAsked;
}

/**
 * A kind's own condition for paying an order (a group-buy seat: its team still takes payments).
 * Throws the refusal (a DomainError); runs when the payment opens and again under the order's
 * lock when it settles.
 */
export type PayGuard = (manager: EntityManager, order: Order) => Promise<void>;

/** The order lifecycle. Every status change goes through `move`, on a locked row. */
@Injectable()
export class OrdersService implements OnModuleInit {
  private readonly payGuards = new Map<OrderKind, PayGuard>();

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly clock: ClockService,
    private readonly stock: StockService,
    private readonly payments: PaymentsService,
    private readonly jobs: JobsService,
    private readonly idempotency: IdempotencyService,
    private readonly views: OrderViewsService,
    private readonly addresses: AddressesService,
    private readonly events: EventBus,
    private readonly fulfilments: FulfilmentService,
    private readonly benefits: CheckoutBenefitsService,
  ) {}

  onModuleInit(): void {
    this.jobs.register(ORDER_JOBS.cancelUnpaid, (tx, p) => this.cancelIfUnpaid(tx, String(p.orderId)));
    this.events.inTransaction('payment.succeeded', 'orders', (tx, { payment }) => this.onPaid(tx, payment));
    // A normal order's status follows its one parcel (a gift order stays paid: its units ship).
    this.followParcel('fulfilment.shipped', 'ship', () => ({}));
    this.followParcel('fulfilment.delivered', 'confirm_receipt', () => ({}));
    this.followParcel('fulfilment.completed', 'complete', (f) => ({ completedAt: f.completedAt }));
    this.followParcel('fulfilment.refunded', 'refund', (f) => ({ refundedAt: f.refundedAt }));
  }

  /** Registers the pay condition of a kind of order (one per kind). */
  guardPayment(kind: OrderKind, guard: PayGuard): void {
    if (this.payGuards.has(kind)) throw new Error(`${kind} orders have a pay guard already`);
    this.payGuards.set(kind, guard);
  }

  create(
    buyerId: string,
    input: Omit<PlaceOrder, 'buyerId' | 'kind' | 'lines' | 'address' | 'benefits'> &
      AddressChoice &
      BenefitsAsked & { items: PlaceOrder['lines'] },
    key?: string,
  ): Promise<PlacedOrderView> {
    return this.idempotency.run({ userId: buyerId, scope: 'orders.create', key, request: input }, async (tx) => {
      const address = await this.addresses.resolve(tx, buyerId, input);
      const { order, shop, followsShop, cardParts } = await this.placeIn(tx, {
        buyerId,
        kind: 'normal',
        lines: input.items,
        address,
        scene: input.scene,
        sharerId: input.sharerId,
        benefits: { userCouponId: input.userCouponId, giftCardIds: input.giftCardIds },
      });
      // Public → private: after a public-scene purchase the buyer is offered to follow the shop.
      const followOffer = order.domain === 'public' && !followsShop ? { shopId: shop.id, shopName: shop.name } : null;
      return { ...this.views.placed(order, cardParts), followOffer };
    });
  }

  /**
   * What `create` would charge for these items, coupon and cards now, by the same checks and the
   * same pricing; with the buyer's coupons of the shop ranked for the picker. Nothing is held.
   */
  quote(buyerId: string, input: { items: PlaceOrder['lines'] } & BenefitsAsked): Promise<OrderQuote> {
    return runInTransaction(this.db, async (tx) => {
      const { byId, shop } = await this.basket(tx, input.items, null);
      // What creating would say now; stock may still run out before the shopper submits.
      input.items.forEach((line, i) => {
        const sku = byId.get(line.skuId) as BasketSku;
        if (sku.stock < line.quantity) throw new ConflictError('SOLD_OUT', `items.${i}: sold out: ${sku.label}`);
      });
      const lines = pricingLines(input.items, byId);
      const goods = couponLines(lines, byId);
      const ask = { ...input, buyerId, shopId: shop.id, lines: goods, lock: false };
      const benefits = await this.benefits.resolve(tx, ask);
      const coupons = await this.benefits.couponOptions(tx, buyerId, shop.id, goods);
      const price = priceOrder(lines, shop, benefits);
      const best = coupons.find((c) => c.usable);
      return { ...price, userCouponId: benefits.userCouponId, coupons, bestUserCouponId: best?.userCouponId ?? null };
    });
  }

  /**
   * The listed SKUs of one shop that the lines name, with their shop and whether the buyer follows
   * it, in one query; or the 4xx naming the line at fault.
   */
  private async basket(tx: EntityManager, lines: PlaceOrder['lines'], buyerId: string | null): Promise<Basket> {
    const ids = lines.map((l) => l.skuId);
    const repeated = ids.findIndex((id, i) => ids.indexOf(id) !== i);
    if (repeated >= 0) throw new InvalidInputError('DUPLICATE_ITEM', `items.${repeated}.skuId repeats an earlier item`);
    const { rows } = await prepared<Omit<BasketSku, 'label'> & BasketShopRow>(
      tx,
      'orders.basket',
      `SELECT s.id, s.product_id AS "productId", s.specs, s.price_fen AS "priceFen", s.stock,
              p.title, p.status, p.shop_id AS "shopId", sh.name AS "shopName", sh.owner_id AS "ownerId",
              sh.freight_fen AS "freightFen",
              sh.free_shipping_threshold_fen AS "freeShippingThresholdFen",
              EXISTS (SELECT 1 FROM shop_follows f WHERE f.shop_id = p.shop_id AND f.user_id = $2) AS "followsShop"
         FROM skus s JOIN products p ON p.id = s.product_id JOIN shops sh ON sh.id = p.shop_id
        WHERE s.id = ANY($1::uuid[])`,
      [ids, buyerId],
    );
    const byId = new Map(rows.map((r) => [r.id, { ...r, label: skuLabel({ ...r, product: { title: r.title } }) }]));
    lines.forEach((line, i) => {
      const sku = byId.get(line.skuId);
      if (!sku) throw new NotFoundError(`items.${i}.skuId`, 'SKU_NOT_FOUND');
      if (sku.status !== 'listed') {
        throw new ConflictError('PRODUCT_NOT_LISTED', `items.${i}: ${sku.title} is no longer on sale`);
      }
    });
    if (new Set(rows.map((r) => r.shopId)).size > 1) {
      throw new InvalidInputError('MIXED_SHOPS', 'items must all come from one shop');
    }
    const [first] = rows;
    return {
      byId,
      shop: {
        id: first.shopId,
        name: first.shopName,
        ownerId: first.ownerId,
        freightFen: first.freightFen,
        freeShippingThresholdFen: first.freeShippingThresholdFen,
      },
      followsShop: first.followsShop,
    };
  }

  /**
   * Reserves stock and writes a pending order of one shop, with its unpaid timeout. Used for
   * normal orders and, with kind 'gift', by gifts.
   */
  async place(tx: EntityManager, input: PlaceOrder): Promise<Order> {
    return (await this.placeIn(tx, input)).order;
  }

  private async placeIn(
    tx: EntityManager,
    input: PlaceOrder,
  ): Promise<{ order: Order; cardParts: OrderPrice['giftCards'] } & Basket> {
    await this.assertUnpaidSlot(tx, input.buyerId);
    const basket = await this.basket(tx, input.lines, input.buyerId);
    const { byId, shop, followsShop } = basket;
    const now = this.clock.now();
    const lines = pricingLines(input.lines, byId, input.unitPrices);
    const kind = ORDER_KINDS[input.kind];
    const benefits = await this.benefits.resolve(tx, {
      buyerId: input.buyerId,
      shopId: shop.id,
      lines: couponLines(lines, byId),
      lock: true,
      userCouponId: kind.coupons ? input.benefits?.userCouponId : null,
      giftCardIds: kind.giftCards ? input.benefits?.giftCardIds : [],
    });
    const price = priceOrder(lines, kind.freight ? shop : null, benefits);
    const sharerId = kind.commission ? await this.attributedSharer(tx, input, basket, now) : null;
    const order = tx.create(Order, {
      id: randomUUID(),
      kind: input.kind,
      buyerId: input.buyerId,
      shopId: shop.id,
      status: 'pending_payment',
      scene: input.scene,
      domain: sceneDomain(input.scene, { followsShop }),
      sharerId,
      address: input.address,
      goodsFen: price.goodsFen,
      freightFen: price.freightFen,
      totalFen: price.totalFen,
      discountFen: price.discountFen,
      giftCardFen: price.giftCardFen,
      userCouponId: benefits.userCouponId,
      createdAt: now,
      paidAt: null,
      completedAt: null,
      cancelledAt: null,
      refundedAt: null,
      items: input.lines.map((l, i) => {
        const sku = byId.get(l.skuId) as BasketSku;
        return tx.create(OrderItem, {
          skuId: sku.id,
          productId: sku.productId,
          title: sku.title,
          specs: sku.specs,
          unitPriceFen: lines[i].unitPriceFen,
          quantity: l.quantity,
          paidFen: price.lines[i].paidFen,
        });
      }),
    });
    await insertOrder(tx, order);
    await this.benefits.hold(tx, order, benefits, price);
    await this.expireUnpaid(tx, order);
    // Last, so a hot SKU's row is locked only for the reservation and the commit (before-commit.ts).
    await deferToEnd(tx, () => this.stock.reserve(tx, input.lines, (skuId) => (byId.get(skuId) as BasketSku).label));
    return { order, cardParts: price.giftCards.filter((c) => c.amountFen > 0), ...basket };
  }

  /**
   * An order with nothing to ship or reserve (a 节日礼券: stored value at a price), pending
   * payment with the same unpaid timeout and the same cap on unpaid orders as any other.
   */
  async placeWithoutItems(
    tx: EntityManager,
    input: { buyerId: string; kind: OrderKind; shopId: string; totalFen: number; scene: Scene },
  ): Promise<Order> {
    await this.assertUnpaidSlot(tx, input.buyerId);
    const order = tx.create(Order, {
      id: randomUUID(),
      kind: input.kind,
      buyerId: input.buyerId,
      shopId: input.shopId,
      status: 'pending_payment',
      scene: input.scene,
      domain: sceneDomain(input.scene, { followsShop: false }),
      sharerId: null,
      address: null,
      goodsFen: input.totalFen,
      freightFen: 0,
      totalFen: input.totalFen,
      discountFen: 0,
      giftCardFen: 0,
      userCouponId: null,
      createdAt: this.clock.now(),
      paidAt: null,
      completedAt: null,
      cancelledAt: null,
      refundedAt: null,
      items: [],
    });
    await insertOrder(tx, order);
    await this.expireUnpaid(tx, order);
    return order;
  }

  /** The unpaid order is cancelled after ORDER_TIMERS.unpaidTimeoutMs (its stock and benefits return). */
  private async expireUnpaid(tx: EntityManager, order: Order): Promise<void> {
    await this.jobs.enqueue(tx, {
      kind: ORDER_JOBS.cancelUnpaid,
      runAt: new Date(order.createdAt.getTime() + ORDER_TIMERS.unpaidTimeoutMs),
      payload: { orderId: order.id },
      uniqueKey: `${ORDER_JOBS.cancelUnpaid}:${order.id}`,
    });
  }

  /**
   * At most MAX_UNPAID_ORDERS unpaid orders per buyer. Locking the buyer's row makes a buyer's
   * concurrent creations take turns, so each counts the ones committed before it. (NO KEY UPDATE:
   * rows that merely reference the user, such as messages, are not held up.)
   */
  private async assertUnpaidSlot(tx: EntityManager, buyerId: string): Promise<void> {
    await prepared(tx, 'orders.lock_buyer', 'SELECT 1 FROM users WHERE id = $1 FOR NO KEY UPDATE', [buyerId]);
    const {
      rows: [{ unpaid }],
    } = await prepared<{ unpaid: number }>(
      tx,
      'orders.count_unpaid',
      "SELECT count(*)::int AS unpaid FROM orders WHERE buyer_id = $1 AND status = 'pending_payment'",
      [buyerId],
    );
    if (unpaid >= MAX_UNPAID_ORDERS) {
      throw new ConflictError(
        'TOO_MANY_UNPAID_ORDERS',
        `at most ${MAX_UNPAID_ORDERS} unpaid orders at once: pay or cancel one first`,
      );
    }
  }

  /**
   * The buyer pays; the sandbox confirms at once through its signed notification. The provider
   * is asked between two transactions, never while the order or payment row is locked.
   */
  async pay(userId: string, orderId: string, key?: string): Promise<PayResponse> {
    const call = { userId, scope: 'orders.pay', key, request: { orderId } };
    const replayed = await this.idempotency.replay<PayResponse>(call);
    if (replayed) return replayed.response;
    const payable = async (tx: EntityManager, mode: 'read' | 'lock'): Promise<Order> => {
      const order = await this.actingAs(tx, userId, orderId, 'buyer', mode);
      transition('order', ORDER_TRANSITIONS, order.status, 'pay');
      await this.payGuards.get(order.kind)?.(tx, order);
      return order;
    };
    const order = await payable(this.db.manager, 'read');
    // Gift cards cover it all: nothing to ask a payment provider for.
    if (payFenOf(order) === 0) {
      return this.idempotency.run(call, async (tx) => {
        const paid = await this.markPaid(tx, await payable(tx, 'lock'), this.clock.now());
        return { id: paid.id, status: paid.status, payment: null };
      });
    }
    // Opening needs no lock and no transaction (two statements): the order's one payment is
    // inserted at most once, and settling checks the order again under its lock.
    const opened = await this.payments.open(this.db.manager, { id: order.id, amountFen: payFenOf(order) });
    const answer = await this.payments.request(opened, `订单 ${orderId}`);
    return this.idempotency.run(call, async (tx) => {
      const payment = await this.payments.lock(tx, opened.id);
      const order = await payable(tx, 'lock');
      const settled = await this.payments.settle(tx, payment, answer);
      // The order was pending under its lock; a payment that settled just now paid it (onPaid).
      const status =
        settled.status === 'succeeded' ? transition('order', ORDER_TRANSITIONS, order.status, 'pay') : order.status;
      return { id: order.id, status, payment: { id: settled.id, transactionId: settled.transactionId } };
    });
  }

  cancel(userId: string, orderId: string): Promise<OrderView> {
    return runInTransaction(this.db, async (tx) => {
      const order = await this.lockAs(tx, userId, orderId, 'buyer');
      return this.views.view(tx, await this.cancelIn(tx, order));
    });
  }

  ship(userId: string, orderId: string, input: { carrier: string; trackingNo: string }): Promise<OrderView> {
    return runInTransaction(this.db, async (tx) => {
      const order = await this.lockAs(tx, userId, orderId, 'merchant');
      assertNotGift(order, 'ship');
      transition('order', ORDER_TRANSITIONS, order.status, 'ship');
      await this.fulfilments.ship(tx, await this.parcelOf(tx, order), input);
      return this.views.view(tx, await tx.findOneByOrFail(Order, { id: orderId }));
    });
  }

  confirmReceipt(userId: string, orderId: string): Promise<OrderView> {
    return runInTransaction(this.db, async (tx) => {
      const order = await this.lockAs(tx, userId, orderId, 'buyer');
      assertNotGift(order, 'confirm receipt');
      transition('order', ORDER_TRANSITIONS, order.status, 'confirm_receipt');
      await this.fulfilments.deliver(tx, await this.parcelOf(tx, order));
      return this.views.view(tx, await tx.findOneByOrFail(Order, { id: orderId }));
    });
  }

  /**
   * A paid normal order's one parcel (the order's status said it has one). A group-buy order has
   * none until its team forms: nothing to ship yet.
   */
  private async parcelOf(tx: EntityManager, order: Order): Promise<Fulfilment> {
    const parcel = await this.fulfilments.lockForOrder(tx, order.id);
    if (!parcel && ORDER_KINDS[order.kind].saleAt === 'team_formed') {
      throw new ConflictError('TEAM_NOT_FORMED', 'the team has not formed yet: its orders ship once it has');
    }
    if (!parcel) throw new Error(`order ${order.id} is ${order.status} but has no fulfilment`);
    return parcel;
  }

  /**
   * Gives back everything a paid order that never became a sale was paid (a failed team's), once
   * (its refund key), and returns its stock. The order is locked by the caller.
   */
  async refundUnsold(tx: EntityManager, order: Order, reason: string): Promise<Order> {
    const refunded = await this.move(tx, order, 'refund', { refundedAt: this.clock.now() });
    await this.releaseStock(tx, order.id);
    await this.payments.refund(tx, {
      orderId: order.id,
      refundKey: `order:${order.id}:unsold`,
      amountFen: payFenOf(order),
      reason,
    });
    return refunded;
  }

  /** Keeps a normal order's status in step with its parcel (the order is locked first: lock order). */
  private followParcel(
    event: 'fulfilment.shipped' | 'fulfilment.delivered' | 'fulfilment.completed' | 'fulfilment.refunded',
    action: OrderAction,
    changes: (f: Fulfilment) => Partial<Order>,
  ): void {
    this.events.inTransaction(event, 'orders', async (tx, { fulfilment }) => {
      if (fulfilment.claimId !== null) return;
      await this.move(tx, await this.lock(tx, fulfilment.orderId), action, changes(fulfilment));
    });
  }

  /**
   * Locks the order row for the rest of the transaction; 404 if missing. FOR NO KEY UPDATE, not FOR
   * UPDATE: lockers still exclude each other, but rows inserted under the order (refunds, ledger
   * entries) need not wait for it — see the lock order at GiftsService.lock.
   */
  async lock(tx: EntityManager, orderId: string): Promise<Order> {
    const {
      rows: [order],
    } = await prepared<Order>(
      tx,
      'orders.lock',
      `SELECT ${columnsOf(tx, Order)} FROM orders WHERE id = $1 FOR NO KEY UPDATE`,
      [orderId],
    );
    if (!order) throw new NotFoundError('order');
    return asEntity(tx, Order, order);
  }

  /** The order row as it is now, without a lock; 404 if missing. */
  private async read(manager: EntityManager, orderId: string): Promise<Order> {
    const {
      rows: [order],
    } = await prepared<Order>(manager, 'orders.read', `SELECT ${columnsOf(manager, Order)} FROM orders WHERE id = $1`, [
      orderId,
    ]);
    if (!order) throw new NotFoundError('order');
    return asEntity(manager, Order, order);
  }

  /**
   * Locks an order the caller acts on as buyer or as the shop's merchant. Someone who cannot see
   * the order gets 404; the other party of a visible order gets 403.
   */
  lockAs(tx: EntityManager, userId: string, orderId: string, role: 'buyer' | 'merchant'): Promise<Order> {
    return this.actingAs(tx, userId, orderId, role, 'lock');
  }

  /** The order the caller acts on, locked or only read; the same 404 and 403 as `lockAs`. */
  private async actingAs(
    manager: EntityManager,
    userId: string,
    orderId: string,
    role: 'buyer' | 'merchant',
    mode: 'read' | 'lock',
  ): Promise<Order> {
    const order = mode === 'lock' ? await this.lock(manager, orderId) : await this.read(manager, orderId);
    const isBuyer = order.buyerId === userId;
    if (role === 'buyer' && isBuyer) return order;
    const isOwner = await manager.existsBy(Shop, { id: order.shopId, ownerId: userId });
    if (!isBuyer && !isOwner) throw new NotFoundError('order');
    if (role === 'buyer') throw new ForbiddenError('NOT_BUYER', 'only the buyer can do this');
    if (!isOwner) throw new ForbiddenError('NOT_SHOP_OWNER', "only the shop's merchant can do this");
    return order;
  }

  /** Applies one transition of the order table to a locked order, with the fields it sets. */
  async move(tx: EntityManager, order: Order, action: OrderAction, changes: Partial<Order> = {}): Promise<Order> {
    const status = transition('order', ORDER_TRANSITIONS, order.status, action);
    return writeTransition(tx, Order, order, status, changes, 'order');
  }

  async releaseStock(tx: EntityManager, orderId: string): Promise<void> {
    const items = await tx.find(OrderItem, { where: { orderId } });
    await this.stock.release(tx, items);
  }

  async cancelIn(tx: EntityManager, order: Order): Promise<Order> {
    const cancelled = await this.move(tx, order, 'cancel', { cancelledAt: this.clock.now() });
    await this.releaseStock(tx, order.id);
    await this.events.publish(tx, 'order.cancelled', { order: cancelled });
    return cancelled;
  }

  private async cancelIfUnpaid(tx: EntityManager, orderId: string): Promise<void> {
    const order = await this.lock(tx, orderId);
    if (order.status === 'pending_payment') await this.cancelIn(tx, order);
  }

  /** A payment settled: the order is paid, or, if it was cancelled meanwhile, refunded in full. */
  private async onPaid(tx: EntityManager, payment: Payment): Promise<void> {
    let order = await this.lock(tx, payment.orderId);
    const refusal = order.status === 'pending_payment' ? await this.payRefusal(tx, order) : null;
    // A notification that arrives when its kind no longer takes the payment (a closed team).
    if (refusal) order = await this.cancelIn(tx, order);
    if (order.status === 'pending_payment') {
      await this.markPaid(tx, order, payment.paidAt ?? this.clock.now());
    } else {
      await this.payments.refund(tx, {
        orderId: order.id,
        refundKey: `order:${order.id}:late-payment`,
        amountFen: payment.amountFen,
        reason: refusal ?? `paid after the order was ${order.status}`,
      });
    }
  }

  /** The locked, pending order is paid: everything that follows a payment runs on `order.paid`. */
  private async markPaid(tx: EntityManager, order: Order, paidAt: Date): Promise<Order> {
    const paid = await this.move(tx, order, 'pay', { paidAt });
    await this.events.publish(tx, 'order.paid', { order: paid });
    return paid;
  }

  /** Why the order's kind refuses its payment now, or null. */
  private async payRefusal(tx: EntityManager, order: Order): Promise<string | null> {
    try {
      await this.payGuards.get(order.kind)?.(tx, order);
      return null;
    } catch (err) {
      if (err instanceof DomainError) return err.message;
      throw err;
    }
  }

  /**
   * Who the order is attributed to (推客): the sharer it names, or else the sharer of the buyer's
   * latest view of one of its products through a sharer's link within the window (last touch).
   * Never the buyer, never the shop's owner, never someone unknown.
   */
  private async attributedSharer(
    tx: EntityManager,
    input: PlaceOrder,
    basket: Basket,
    now: Date,
  ): Promise<string | null> {
    const productIds = [...new Set([...basket.byId.values()].map((s) => s.productId))];
    const {
      rows: [row],
    } = await prepared<{ sharer_id: string | null }>(
      tx,
      'orders.attributed_sharer',
      `SELECT COALESCE(
         (SELECT u.id FROM users u WHERE u.id = $4::uuid AND u.id <> $1 AND u.id <> $3),
         (SELECT v.sharer_id FROM product_views v
           WHERE v.viewer_id = $1 AND v.product_id = ANY($2::uuid[]) AND v.sharer_id IS NOT NULL
             AND v.sharer_id <> $1 AND v.sharer_id <> $3 AND v.viewed_at BETWEEN $5 AND $6
           ORDER BY v.viewed_at DESC, v.id LIMIT 1)) AS sharer_id`,
      [
        input.buyerId,
        productIds,
        basket.shop.ownerId,
        input.sharerId ?? null,
        new Date(now.getTime() - COMMISSION_RULES.attributionWindowMs),
        now,
      ],
    );
    return row?.sharer_id ?? null;
  }
}

/** A SKU of a basket, with what creating an order needs of its product. */
interface BasketSku {
  id: string;
  productId: string;
  specs: Record<string, string>;
  priceFen: number;
  stock: number;
  title: string;
  status: string;
  /** "花果茶组合 (蜜桃乌龙)", for the sold-out message. */
  label: string;
}

interface BasketShopRow {
  shopId: string;
  shopName: string;
  ownerId: string;
  freightFen: number;
  freeShippingThresholdFen: number;
  followsShop: boolean;
}

interface Basket {
  byId: Map<string, BasketSku>;
  shop: { id: string; name: string; ownerId: string } & PricingShop;
  followsShop: boolean;
}

function pricingLines(
  lines: PlaceOrder['lines'],
  byId: Map<string, BasketSku>,
  unitPrices?: ReadonlyMap<string, number>,
) {
  return lines.map((l) => ({
    skuId: l.skuId,
    quantity: l.quantity,
    unitPriceFen: unitPrices?.get(l.skuId) ?? (byId.get(l.skuId) as BasketSku).priceFen,
  }));
}

/** The lines as a coupon sees them: each line's product and goods. */
function couponLines(lines: ReturnType<typeof pricingLines>, byId: Map<string, BasketSku>) {
  return lines.map((l) => ({
    productId: (byId.get(l.skuId) as BasketSku).productId,
    goodsFen: l.unitPriceFen * l.quantity,
  }));
}

/** The order and its lines, in one statement (the lines' ids are the database's). */
async function insertOrder(tx: EntityManager, o: Order): Promise<void> {
  await prepared(
    tx,
    'orders.insert',
    `WITH o AS (
       INSERT INTO orders (id, kind, buyer_id, shop_id, status, scene, sharer_id, domain, address,
                           goods_fen, freight_fen, total_fen, created_at, discount_fen, gift_card_fen, user_coupon_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $15, $16, $17))
     INSERT INTO order_items (order_id, sku_id, product_id, title, specs, unit_price_fen, quantity, paid_fen)
     SELECT $1, i."skuId", i."productId", i.title, i.specs, i."unitPriceFen", i.quantity, i."paidFen"
       FROM jsonb_to_recordset($14::jsonb) AS i("skuId" uuid, "productId" uuid, title text, specs jsonb,
                                                 "unitPriceFen" int, quantity int, "paidFen" int)`,
    [
      o.id,
      o.kind,
      o.buyerId,
      o.shopId,
      o.status,
      o.scene,
      o.sharerId,
      o.domain,
      o.address === null ? null : JSON.stringify(o.address),
      o.goodsFen,
      o.freightFen,
      o.totalFen,
      o.createdAt,
      JSON.stringify(o.items),
      o.discountFen,
      o.giftCardFen,
      o.userCouponId,
    ],
  );
}

/** Only an order that ships as one parcel is shipped as a whole; a gift's units ship on their own. */
function assertNotGift(order: Order, what: string): void {
  if (ORDER_KINDS[order.kind].parcel === 'none') {
    throw new ConflictError('NOTHING_TO_SHIP', `a ${order.kind} order has nothing to ${what}`);
  }
  if (ORDER_KINDS[order.kind].parcel !== 'whole') {
    throw new ConflictError(
      'GIFT_SHIPS_PER_CLAIM',
      `a gift order cannot ${what} as a whole: each claimed unit ships on its own`,
    );
  }
}
