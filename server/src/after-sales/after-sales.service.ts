import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  AFTER_SALE_TRANSITIONS,
  AfterSaleAction,
  GiftView,
  ORDER_TIMERS,
  OrderView,
  transition,
} from '@giftshop/shared';
import { DataSource, EntityManager } from 'typeorm';
import { runInTransaction } from '../database/run-in-transaction';
import { Shop } from '../catalog/shop.entity';
import { ClockService } from '../clock/clock.service';
import { ConflictError, ForbiddenError, NotFoundError } from '../common/domain-errors';
import { LedgerService } from '../ledger/ledger.service';
import { Order } from '../orders/order.entity';
import { OrderViewsService } from '../orders/order-views.service';
import { OrdersService } from '../orders/orders.service';
import { PaymentsService } from '../payments/payments.service';
import { AfterSaleCase } from './after-sale-case.entity';

/**
 * After-sales of another kind of order (gifts: per claimed unit, opened by the recipient). The
 * delegate works inside the transaction; `view` answers after it commits.
 */
export interface AfterSalesDelegate {
  request(tx: EntityManager, userId: string, order: Order, reason: string): Promise<void>;
  approve(tx: EntityManager, order: Order, kase: AfterSaleCase): Promise<void>;
  reject(tx: EntityManager, order: Order, kase: AfterSaleCase): Promise<void>;
  view(userId: string, order: Order): Promise<OrderView | GiftView>;
}

/**
 * 售后. Before shipment a refund is immediate and the stock returns. Within 7 days of delivery
 * the buyer may return without a reason; the merchant approves (refund) or rejects. Refunds go
 * back to the original payment through the provider. An open case blocks completion.
 */
@Injectable()
export class AfterSalesService {
  private readonly delegates = new Map<Order['kind'], AfterSalesDelegate>();

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly clock: ClockService,
    private readonly orders: OrdersService,
    private readonly views: OrderViewsService,
    private readonly payments: PaymentsService,
    private readonly ledger: LedgerService,
  ) {}

  delegate(kind: Order['kind'], delegate: AfterSalesDelegate): void {
    this.delegates.set(kind, delegate);
  }

  async request(userId: string, orderId: string, reason: string): Promise<OrderView | GiftView> {
    const found = await this.db.getRepository(Order).findOneBy({ id: orderId });
    const delegate = found && this.delegates.get(found.kind);
    if (found && delegate) {
      await runInTransaction(this.db, async (tx) =>
        delegate.request(tx, userId, await this.orders.lock(tx, orderId), reason),
      );
      return delegate.view(userId, found);
    }
    return runInTransaction(this.db, async (tx) => {
      const order = await this.orders.lockAs(tx, userId, orderId, 'buyer');
      const now = this.clock.now();
      if (order.status === 'paid') {
        const refundId = await this.refundOrder(tx, order, reason);
        await this.orders.releaseStock(tx, order.id);
        await tx.insert(AfterSaleCase, {
          orderId,
          openedBy: userId,
          type: 'refund',
          status: 'refunded',
          reason,
          refundId,
          createdAt: now,
          resolvedAt: now,
        });
      } else if (order.status === 'delivered' && order.deliveredAt) {
        if (now.getTime() > order.deliveredAt.getTime() + ORDER_TIMERS.returnWindowMs) {
          throw new ConflictError('RETURN_WINDOW_CLOSED', 'the 7-day return window has closed');
        }
        if (await tx.existsBy(AfterSaleCase, { orderId, status: 'requested' })) {
          throw new ConflictError('CASE_ALREADY_OPEN', 'an after-sales case is already open for this order');
        }
        await tx.insert(AfterSaleCase, {
          orderId,
          openedBy: userId,
          type: 'return',
          status: 'requested',
          reason,
          createdAt: now,
        });
      } else {
        throw new ConflictError(
          'REFUND_NOT_ALLOWED',
          `order is ${order.status}: refunds are possible before shipment, or within 7 days of delivery`,
        );
      }
      return this.views.view(tx, await tx.findOneByOrFail(Order, { id: orderId }));
    });
  }

  approve(userId: string, caseId: string): Promise<OrderView> {
    return this.resolve(userId, caseId, 'approve', async (tx, order, kase) => {
      const delegate = kase.claimId ? this.delegates.get(order.kind) : undefined;
      if (delegate) return delegate.approve(tx, order, kase);
      kase.refundId = await this.refundOrder(tx, order, kase.reason);
    });
  }

  reject(userId: string, caseId: string): Promise<OrderView> {
    return this.resolve(userId, caseId, 'reject', async (tx, order, kase) => {
      const delegate = kase.claimId ? this.delegates.get(order.kind) : undefined;
      if (delegate) return delegate.reject(tx, order, kase);
      // The completion job skipped the order while the case was open; finish it if it is due.
      await this.orders.completeIfDue(tx, order.id);
    });
  }

  private resolve(
    userId: string,
    caseId: string,
    action: AfterSaleAction,
    effect: (tx: EntityManager, order: Order, kase: AfterSaleCase) => Promise<void>,
  ): Promise<OrderView> {
    return runInTransaction(this.db, async (tx) => {
      const found = await tx.findOneBy(AfterSaleCase, { id: caseId });
      if (!found) throw new NotFoundError('after-sales case', 'AFTER_SALE_NOT_FOUND');
      const order = await this.orders.lock(tx, found.orderId);
      const isMerchant = await tx.existsBy(Shop, { id: order.shopId, ownerId: userId });
      if (!isMerchant) {
        if (order.buyerId === userId)
          throw new ForbiddenError('NOT_SHOP_OWNER', "only the shop's merchant can do this");
        throw new NotFoundError('after-sales case', 'AFTER_SALE_NOT_FOUND');
      }
      const kase = await tx.findOneOrFail(AfterSaleCase, {
        where: { id: caseId },
        lock: { mode: 'pessimistic_write' },
      });
      const status = transition('after-sales case', AFTER_SALE_TRANSITIONS, kase.status, action);
      // The case is resolved before its effect runs: completing the order checks for open cases.
      await tx.update(AfterSaleCase, { id: kase.id }, { status, resolvedAt: this.clock.now() });
      await effect(tx, order, kase);
      // Settlement waited for the case: whatever completed meanwhile is released now.
      await this.ledger.release(tx, order.id);
      if (kase.refundId) await tx.update(AfterSaleCase, { id: kase.id }, { refundId: kase.refundId });
      return this.views.view(tx, await tx.findOneByOrFail(Order, { id: order.id }));
    });
  }

  /** Refunds what is left of the order's payment and moves the order to refunded. */
  private async refundOrder(tx: EntityManager, order: Order, reason: string): Promise<string> {
    const { refund } = await this.payments.refund(tx, {
      orderId: order.id,
      refundKey: `order:${order.id}:full`,
      amountFen: order.totalFen,
      reason,
    });
    await this.orders.move(tx, order, 'refund', { refundedAt: this.clock.now() });
    return refund.id;
  }
}
