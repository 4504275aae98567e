import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  AFTER_SALE_TRANSITIONS,
  AfterSaleAction,
  claimStatusOf,
  OPEN_AFTER_SALE_STATUSES,
  ORDER_KINDS,
  transition,
} from '@giftshop/shared';
import { DataSource, EntityManager, In } from 'typeorm';
import { runInTransaction } from '../database/run-in-transaction';
import { Shop } from '../catalog/shop.entity';
import { ClockService } from '../clock/clock.service';
import { ConflictError, ForbiddenError, NotFoundError } from '../common/domain-errors';
import { writeTransition } from '../common/write-transition';
import { Fulfilment } from '../fulfilment/fulfilment.entity';
import { FulfilmentService } from '../fulfilment/fulfilment.service';
import { LedgerService } from '../ledger/ledger.service';
import { Order } from '../orders/order.entity';
import { OrdersService } from '../orders/orders.service';
import { AfterSaleCase } from './after-sale-case.entity';

/** What a request opened a case about: the order and the parcel (a gift unit's, or the whole order's). */
export interface CaseSubject {
  order: Order;
  fulfilment: Fulfilment;
}

/**
 * 售后, one path for every parcel: a normal order (asked by its buyer) or one unit of a gift (asked
 * by its recipient). Before shipment the refund is immediate and the stock returns; within 7 days
 * of delivery it is a no-reason return the merchant approves (refund) or rejects. The refund is
 * what was paid for the parcel, back to the original payment, once. An open case holds the
 * parcel's completion and the order's settlement.
 */
@Injectable()
export class AfterSalesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly clock: ClockService,
    private readonly orders: OrdersService,
    private readonly fulfilments: FulfilmentService,
    private readonly ledger: LedgerService,
  ) {}

  request(userId: string, orderId: string, reason: string): Promise<CaseSubject> {
    return runInTransaction(this.db, async (tx) => {
      const order = await this.orders.lock(tx, orderId); // 404 when there is none
      const fulfilment = await this.parcelFor(tx, userId, order);
      // Refused in the words of what the caller asked about: their order, or their gift claim.
      const refused = () =>
        fulfilment?.claimId ? `gift claim is ${claimStatusOf(fulfilment.status)}` : `order is ${order.status}`;
      if (ORDER_KINDS[order.kind].afterSalesBy === 'none') {
        throw new ConflictError(
          'NO_AFTER_SALES',
          'a gift card has no after-sales: one not claimed within 24 hours is refunded to its giver by itself',
        );
      }
      if (!fulfilment && order.status === 'paid' && ORDER_KINDS[order.kind].saleAt === 'team_formed') {
        // A paid seat holds its team's place until the team forms or fails (then all are refunded).
        throw new ConflictError(
          'TEAM_NOT_FORMED',
          'the team has not formed yet: if it does not form by its deadline, every member is refunded in full',
        );
      }
      if (!fulfilment || (fulfilment.status !== 'pending' && fulfilment.status !== 'delivered')) {
        throw new ConflictError(
          'REFUND_NOT_ALLOWED',
          `${refused()}: refunds are possible before shipment, or within 7 days of delivery`,
        );
      }
      const kase = {
        orderId,
        fulfilmentId: fulfilment.id,
        claimId: fulfilment.claimId,
        openedBy: userId,
        reason,
        createdAt: this.clock.now(),
      };
      if (fulfilment.status === 'pending') {
        const refundId = await this.fulfilments.refund(tx, fulfilment, reason);
        await tx.insert(AfterSaleCase, {
          ...kase,
          type: 'refund',
          status: 'refunded',
          refundId,
          resolvedAt: kase.createdAt,
        });
      } else {
        if (!this.fulfilments.returnWindowOpen(fulfilment)) {
          throw new ConflictError('RETURN_WINDOW_CLOSED', 'the 7-day return window has closed');
        }
        if (await tx.existsBy(AfterSaleCase, { fulfilmentId: fulfilment.id, status: In(OPEN_AFTER_SALE_STATUSES) })) {
          const about = fulfilment.claimId ? 'gift' : 'order';
          throw new ConflictError('CASE_ALREADY_OPEN', `an after-sales case is already open for this ${about}`);
        }
        await tx.insert(AfterSaleCase, { ...kase, type: 'return', status: 'requested' });
      }
      return {
        order: await tx.findOneByOrFail(Order, { id: orderId }),
        fulfilment: await tx.findOneByOrFail(Fulfilment, { id: fulfilment.id }),
      };
    });
  }

  approve(userId: string, caseId: string): Promise<Order> {
    return this.resolve(userId, caseId, 'approve', async (tx, fulfilment, kase) => {
      kase.refundId = await this.fulfilments.refund(tx, fulfilment, kase.reason);
    });
  }

  reject(userId: string, caseId: string): Promise<Order> {
    // Completion skipped the parcel while the case was open; finish it if it is due.
    return this.resolve(userId, caseId, 'reject', (tx, fulfilment) => this.fulfilments.completeIfDue(tx, fulfilment));
  }

  /**
   * The parcel the caller may ask about: their own unit of a gift (the giver may not: 403), or the
   * whole order for its buyer (null before it is paid). Someone who cannot see the order gets 404,
   * the shop's merchant 403.
   */
  private async parcelFor(tx: EntityManager, userId: string, order: Order): Promise<Fulfilment | null> {
    if (ORDER_KINDS[order.kind].afterSalesBy === 'recipient') {
      const [mine]: { id: string }[] = await tx.query(
        'SELECT id FROM fulfilments WHERE order_id = $1 AND recipient_id = $2 AND claim_id IS NOT NULL',
        [order.id, userId],
      );
      if (mine) return this.fulfilments.lock(tx, mine.id);
      if (order.buyerId === userId) {
        throw new ForbiddenError('GIFT_RECIPIENT_ONLY', 'only a recipient can open after-sales on a gift');
      }
      throw new NotFoundError('order');
    }
    await this.orders.lockAs(tx, userId, order.id, 'buyer');
    return this.fulfilments.lockForOrder(tx, order.id);
  }

  private resolve(
    userId: string,
    caseId: string,
    action: AfterSaleAction,
    effect: (tx: EntityManager, fulfilment: Fulfilment, kase: AfterSaleCase) => Promise<void>,
  ): Promise<Order> {
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
      const fulfilment = await this.fulfilments.lock(tx, found.fulfilmentId);
      const kase = await tx.findOneOrFail(AfterSaleCase, {
        where: { id: caseId },
        lock: { mode: 'pessimistic_write' },
      });
      const status = transition('after-sales case', AFTER_SALE_TRANSITIONS, kase.status, action);
      // The case is resolved before its effect runs: completing the parcel checks for open cases.
      await writeTransition(tx, AfterSaleCase, kase, status, { resolvedAt: this.clock.now() }, 'after-sales case');
      await effect(tx, fulfilment, kase);
      // Settlement waited for the case: whatever completed meanwhile is released now.
      await this.ledger.release(tx, order.id);
      if (kase.refundId) await tx.update(AfterSaleCase, { id: kase.id }, { refundId: kase.refundId });
      return tx.findOneByOrFail(Order, { id: order.id });
    });
  }
}
