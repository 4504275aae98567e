import { Injectable, OnModuleInit } from '@nestjs/common';
import { FULFILMENT_TRANSITIONS, FulfilmentAction, ORDER_KINDS, ORDER_TIMERS, transition } from '@giftshop/shared';
import { EntityManager, IsNull } from 'typeorm';
import { Shop } from '../catalog/shop.entity';
import { StockService } from '../catalog/stock.service';
import { ClockService } from '../clock/clock.service';
import { ForbiddenError, NotFoundError } from '../common/domain-errors';
import { writeTransition } from '../common/write-transition';
import { prepared } from '../database/prepared';
import { EventBus } from '../events/event-bus';
import { JobsService } from '../jobs/jobs.service';
import { type Order, payFenOf } from '../orders/order.entity';
import { PaymentsService } from '../payments/payments.service';
import { Fulfilment } from './fulfilment.entity';

export const FULFILMENT_JOBS = {
  autoConfirm: 'fulfilment.auto_confirm',
  complete: 'fulfilment.complete',
} as const;

/** How a fulfilment is named in messages: as the order it is, or as the gift claim it ships. */
export type FulfilmentRole = 'merchant' | 'recipient';

/**
 * Shipping, one way for every parcel (a normal order as a whole, or one accepted unit of a gift):
 * the merchant ships it, the recipient confirms receipt (or it is confirmed 10 days after
 * shipment), and it completes when its 7-day return window closes with no after-sales case open.
 * A refund (before shipment, or an approved return) gives back what was paid for it, once.
 *
 * Each change is one transition of FULFILMENT_TRANSITIONS on a locked row, and publishes
 * `fulfilment.<what happened>`: orders keep their status in step with a whole-order parcel, the
 * ledger settles a completed one, gifts show a unit's progress by reading it.
 */
@Injectable()
export class FulfilmentService implements OnModuleInit {
  constructor(
    private readonly clock: ClockService,
    private readonly jobs: JobsService,
    private readonly events: EventBus,
    private readonly stock: StockService,
    private readonly payments: PaymentsService,
  ) {}

  onModuleInit(): void {
    this.jobs.register(FULFILMENT_JOBS.autoConfirm, async (tx, p) => {
      const fulfilment = await this.lockWithOrder(tx, String(p.fulfilmentId));
      if (fulfilment?.status === 'shipped') await this.deliver(tx, fulfilment);
    });
    this.jobs.register(FULFILMENT_JOBS.complete, async (tx, p) => {
      const fulfilment = await this.lockWithOrder(tx, String(p.fulfilmentId));
      if (fulfilment) await this.completeIfDue(tx, fulfilment);
    });
    // An order that ships whole has its parcel once it is a sale: paid, or (拼团) its team formed.
    // A gift's units each get theirs when accepted.
    this.events.inTransaction('order.paid', 'fulfilment', (tx, { order }) => {
      const kind = ORDER_KINDS[order.kind];
      return kind.parcel === 'whole' && kind.saleAt === 'payment' ? this.openForOrder(tx, order) : Promise.resolve();
    });
    this.events.inTransaction('team.formed', 'fulfilment', (tx, { orderIds }) => this.openForFormedTeam(tx, orderIds));
  }

  /** The parcels of a team's paid orders, at once, waiting to ship from the moment it formed. */
  private async openForFormedTeam(tx: EntityManager, orderIds: string[]): Promise<void> {
    await tx.query(
      `INSERT INTO fulfilments (order_id, shop_id, recipient_id, address, lines, amount_fen, refund_key, status, created_at)
       SELECT o.id, o.shop_id, o.buyer_id, o.address,
              (SELECT jsonb_agg(jsonb_build_object('skuId', i.sku_id, 'quantity', i.quantity) ORDER BY i.id)
                 FROM order_items i WHERE i.order_id = o.id),
              o.total_fen, 'order:' || o.id || ':full', 'pending', $2
         FROM orders o WHERE o.id = ANY($1::uuid[]) AND o.status = 'paid' ORDER BY o.id`,
      [orderIds, this.clock.now()],
    );
  }

  /**
   * The parcel of a paid normal order: all its items, to its address, worth what WeChat Pay was
   * paid for it (a refund gives that back; the gift-card part goes back to the cards).
   */
  private async openForOrder(tx: EntityManager, order: Order): Promise<void> {
    await prepared(
      tx,
      'fulfilment.open_for_order',
      `INSERT INTO fulfilments (order_id, shop_id, recipient_id, address, lines, amount_fen, refund_key, status, created_at)
       SELECT $1, $2, $3, $4, (SELECT jsonb_agg(jsonb_build_object('skuId', sku_id, 'quantity', quantity) ORDER BY id)
                                 FROM order_items WHERE order_id = $1),
              $5, $6, 'pending', $7`,
      [
        order.id,
        order.shopId,
        order.buyerId,
        JSON.stringify(order.address),
        payFenOf(order),
        `order:${order.id}:full`,
        // Waiting to ship since it was paid.
        order.paidAt ?? this.clock.now(),
      ],
    );
  }

  /**
   * Gives back what was paid for the parcel, once (its refund key), and moves it to refunded;
   * the stock returns if it never left. Answers the refund's id (null when nothing was paid).
   */
  async refund(tx: EntityManager, fulfilment: Fulfilment, reason: string): Promise<string | null> {
    const shipped = fulfilment.status !== 'pending';
    const refunded = await this.move(tx, fulfilment, 'refund', { refundedAt: this.clock.now() });
    if (!shipped) await this.stock.release(tx, fulfilment.lines);
    let refundId: string | null = null;
    if (fulfilment.amountFen > 0) {
      const { refund } = await this.payments.refund(tx, {
        orderId: fulfilment.orderId,
        unitId: fulfilment.unitId ?? undefined,
        refundKey: fulfilment.refundKey,
        amountFen: fulfilment.amountFen,
        reason,
      });
      refundId = refund.id;
    }
    await this.events.publish(tx, 'fulfilment.refunded', { fulfilment: refunded });
    return refundId;
  }

  /** Completes a delivered parcel whose return window closed, unless an after-sales case is open on it. */
  async completeIfDue(tx: EntityManager, fulfilment: Fulfilment): Promise<void> {
    if (fulfilment.status !== 'delivered' || !fulfilment.deliveredAt) return;
    if (this.clock.now().getTime() < fulfilment.deliveredAt.getTime() + ORDER_TIMERS.returnWindowMs) return;
    const [{ open }]: { open: number }[] = await tx.query(
      "SELECT count(*)::int AS open FROM after_sale_cases WHERE fulfilment_id = $1 AND status = 'requested'",
      [fulfilment.id],
    );
    if (open > 0) return; // resolving the case completes it
    const completed = await this.move(tx, fulfilment, 'complete', { completedAt: this.clock.now() });
    await this.events.publish(tx, 'fulfilment.completed', { fulfilment: completed });
  }

  /** Whether the return window of a delivered parcel is still open. */
  returnWindowOpen(fulfilment: Fulfilment): boolean {
    return (
      fulfilment.deliveredAt !== null &&
      this.clock.now().getTime() <= fulfilment.deliveredAt.getTime() + ORDER_TIMERS.returnWindowMs
    );
  }

  /**
   * For jobs, which start from the parcel: its order's row first, then the parcel — the lock order
   * every request path keeps (order, then gift, units, claims, then the parcel), so a job and a
   * request on the same order cannot wait on each other in a circle.
   */
  private async lockWithOrder(tx: EntityManager, id: string): Promise<Fulfilment | null> {
    const [row]: { order_id: string }[] = await tx.query('SELECT order_id FROM fulfilments WHERE id = $1', [id]);
    if (!row) return null;
    await tx.query('SELECT 1 FROM orders WHERE id = $1 FOR NO KEY UPDATE', [row.order_id]);
    return this.lock(tx, id);
  }

  async lock(tx: EntityManager, id: string): Promise<Fulfilment> {
    const fulfilment = await tx.findOne(Fulfilment, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!fulfilment) throw new NotFoundError('fulfilment', 'FULFILMENT_NOT_FOUND');
    return fulfilment;
  }

  /** The whole-order parcel of a normal order, locked, or null before it is paid (or for a gift). */
  lockForOrder(tx: EntityManager, orderId: string): Promise<Fulfilment | null> {
    return tx.findOne(Fulfilment, { where: { orderId, claimId: IsNull() }, lock: { mode: 'pessimistic_write' } });
  }

  /** A gift unit's parcel, by the claim that accepted it, locked; 404 when there is none. */
  async lockForClaim(tx: EntityManager, claimId: string): Promise<Fulfilment> {
    const fulfilment = await tx.findOne(Fulfilment, { where: { claimId }, lock: { mode: 'pessimistic_write' } });
    if (!fulfilment) throw new NotFoundError('gift claim', 'GIFT_CLAIM_NOT_FOUND');
    return fulfilment;
  }

  /**
   * A gift unit's parcel for its merchant or its recipient; the other party (and the giver) get
   * 403, strangers 404.
   */
  async lockClaimAs(tx: EntityManager, userId: string, claimId: string, role: FulfilmentRole): Promise<Fulfilment> {
    const fulfilment = await this.lockForClaim(tx, claimId);
    const isMerchant = await tx.existsBy(Shop, { id: fulfilment.shopId, ownerId: userId });
    const isRecipient = fulfilment.recipientId === userId;
    if (role === 'merchant' && isMerchant) return fulfilment;
    if (role === 'recipient' && isRecipient) return fulfilment;
    const [giver]: unknown[] = await tx.query('SELECT 1 FROM orders WHERE id = $1 AND buyer_id = $2', [
      fulfilment.orderId,
      userId,
    ]);
    if (isMerchant || isRecipient || giver) {
      throw new ForbiddenError(
        role === 'merchant' ? 'NOT_SHOP_OWNER' : 'NOT_RECIPIENT',
        role === 'merchant' ? "only the shop's merchant can do this" : 'only the recipient can do this',
      );
    }
    throw new NotFoundError('gift claim', 'GIFT_CLAIM_NOT_FOUND');
  }

  /**
   * The statement part that opens the parcels of gift units just accepted, for the batched claim
   * statement (ClaimsService). Expects CTEs `g` (order_id, sku_id), `pair` (claim_id, user_id,
   * address, unit_id, paid_fen: a claimer matched with a unit) and `taken` (claim_id: the claims
   * that took their unit); $5 is now.
   */
  static openForClaimsSql(): string {
    return `INSERT INTO fulfilments (order_id, claim_id, unit_id, shop_id, recipient_id, address, lines, amount_fen,
                                     refund_key, status, created_at)
             SELECT g.order_id, pair.claim_id, pair.unit_id, o.shop_id, pair.user_id, pair.address,
                    jsonb_build_array(jsonb_build_object('skuId', g.sku_id, 'quantity', 1)), pair.paid_fen,
                    'gift-claim:' || pair.claim_id, 'pending', $5
               FROM g JOIN orders o ON o.id = g.order_id, pair JOIN taken ON taken.claim_id = pair.claim_id`;
  }

  /** The parcel of a gift unit just accepted in a transaction (the batched claim: openForClaimsSql). */
  async openForClaim(
    tx: EntityManager,
    claim: { orderId: string; claimId: string; unitId: string; recipientId: string; address: Fulfilment['address'] },
    content: { skuId: string; paidFen: number },
  ): Promise<void> {
    const [{ shop_id: shopId }]: { shop_id: string }[] = await tx.query('SELECT shop_id FROM orders WHERE id = $1', [
      claim.orderId,
    ]);
    await tx.insert(Fulfilment, {
      ...claim,
      shopId,
      lines: [{ skuId: content.skuId, quantity: 1 }],
      amountFen: content.paidFen,
      refundKey: `gift-claim:${claim.claimId}`,
      status: 'pending',
      createdAt: this.clock.now(),
    });
  }

  async ship(
    tx: EntityManager,
    fulfilment: Fulfilment,
    input: { carrier: string; trackingNo: string },
  ): Promise<Fulfilment> {
    const now = this.clock.now();
    const shipped = await this.move(tx, fulfilment, 'ship', { shippedAt: now, ...input });
    await this.jobs.enqueue(tx, {
      kind: FULFILMENT_JOBS.autoConfirm,
      runAt: new Date(now.getTime() + ORDER_TIMERS.autoConfirmMs),
      payload: { fulfilmentId: fulfilment.id },
      uniqueKey: `${FULFILMENT_JOBS.autoConfirm}:${fulfilment.id}`,
    });
    await this.events.publish(tx, 'fulfilment.shipped', { fulfilment: shipped });
    return shipped;
  }

  /** The recipient confirms receipt (or the auto-confirm job does). */
  async deliver(tx: EntityManager, fulfilment: Fulfilment): Promise<Fulfilment> {
    const now = this.clock.now();
    const delivered = await this.move(tx, fulfilment, 'confirm_receipt', { deliveredAt: now });
    await this.jobs.enqueue(tx, {
      kind: FULFILMENT_JOBS.complete,
      runAt: new Date(now.getTime() + ORDER_TIMERS.returnWindowMs),
      payload: { fulfilmentId: fulfilment.id },
      uniqueKey: `${FULFILMENT_JOBS.complete}:${fulfilment.id}`,
    });
    await this.events.publish(tx, 'fulfilment.delivered', { fulfilment: delivered });
    return delivered;
  }

  private move(
    tx: EntityManager,
    fulfilment: Fulfilment,
    action: FulfilmentAction,
    changes: Partial<Fulfilment>,
  ): Promise<Fulfilment> {
    const status = transition('fulfilment', FULFILMENT_TRANSITIONS, fulfilment.status, action);
    return writeTransition(tx, Fulfilment, fulfilment, status, changes, 'fulfilment');
  }
}
