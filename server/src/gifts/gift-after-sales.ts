import { Injectable, OnModuleInit } from '@nestjs/common';
import { ORDER_TIMERS, type GiftView } from '@giftshop/shared';
import { EntityManager } from 'typeorm';
import { AfterSaleCase } from '../after-sales/after-sale-case.entity';
import { AfterSalesDelegate, AfterSalesService } from '../after-sales/after-sales.service';
import { StockService } from '../catalog/stock.service';
import { ClockService } from '../clock/clock.service';
import { ConflictError, ForbiddenError, NotFoundError } from '../common/domain-errors';
import { Order } from '../orders/order.entity';
import { PaymentsService } from '../payments/payments.service';
import { FulfilmentService } from './fulfilment.service';
import { Gift, GiftClaim, GiftUnit } from './gift.entity';
import { GiftViewsService } from './gift-views.service';

/**
 * After-sales on a gift: only a recipient opens it, about their own unit; the refund goes back to
 * the giver's payment. Before shipment it is immediate and the stock returns; within 7 days of
 * delivery it is a return the merchant approves.
 */
@Injectable()
export class GiftAfterSales implements AfterSalesDelegate, OnModuleInit {
  constructor(
    private readonly afterSales: AfterSalesService,
    private readonly fulfilment: FulfilmentService,
    private readonly payments: PaymentsService,
    private readonly stock: StockService,
    private readonly clock: ClockService,
    private readonly views: GiftViewsService,
  ) {}

  onModuleInit(): void {
    this.afterSales.delegate('gift', this);
  }

  async request(tx: EntityManager, userId: string, order: Order, reason: string): Promise<void> {
    const gift = await tx.findOneByOrFail(Gift, { orderId: order.id });
    const found = await tx.findOneBy(GiftClaim, { giftId: gift.id, recipientId: userId });
    if (!found) {
      if (gift.giverId === userId) {
        throw new ForbiddenError('GIFT_RECIPIENT_ONLY', 'only a recipient can open after-sales on a gift');
      }
      throw new NotFoundError('order');
    }
    const claim = await this.fulfilment.lockClaim(tx, found.id);
    const now = this.clock.now();
    const kase = { orderId: order.id, claimId: claim.id, openedBy: userId, reason, createdAt: now };
    if (claim.status === 'accepted') {
      const refundId = await this.refundClaim(tx, gift, claim, reason);
      await tx.insert(AfterSaleCase, { ...kase, type: 'refund', status: 'refunded', refundId, resolvedAt: now });
    } else if (claim.status === 'delivered' && claim.deliveredAt) {
      if (now.getTime() > claim.deliveredAt.getTime() + ORDER_TIMERS.returnWindowMs) {
        throw new ConflictError('RETURN_WINDOW_CLOSED', 'the 7-day return window has closed');
      }
      if (await tx.existsBy(AfterSaleCase, { claimId: claim.id, status: 'requested' })) {
        throw new ConflictError('CASE_ALREADY_OPEN', 'an after-sales case is already open for this gift');
      }
      await tx.insert(AfterSaleCase, { ...kase, type: 'return', status: 'requested' });
    } else {
      throw new ConflictError(
        'REFUND_NOT_ALLOWED',
        `gift claim is ${claim.status}: refunds are possible before shipment, or within 7 days of delivery`,
      );
    }
  }

  async approve(tx: EntityManager, order: Order, kase: AfterSaleCase): Promise<void> {
    const gift = await tx.findOneByOrFail(Gift, { orderId: order.id });
    const claim = await this.fulfilment.lockClaim(tx, kase.claimId as string);
    kase.refundId = await this.refundClaim(tx, gift, claim, kase.reason);
  }

  async reject(tx: EntityManager, _order: Order, kase: AfterSaleCase): Promise<void> {
    await this.fulfilment.completeIfDue(tx, kase.claimId as string);
  }

  async view(userId: string, order: Order): Promise<GiftView> {
    const gift = await this.views.giftIdForOrder(order.id);
    return this.views.get(userId, gift);
  }

  /** One unit back to the giver's payment, once per claim; stock returns if it never shipped. */
  private async refundClaim(tx: EntityManager, gift: Gift, claim: GiftClaim, reason: string): Promise<string | null> {
    const shipped = claim.status !== 'accepted';
    await this.fulfilment.move(tx, claim, 'refund', { refundedAt: this.clock.now() });
    if (!shipped) await this.stock.release(tx, [{ skuId: claim.skuId, quantity: 1 }]);
    if (claim.unitPriceFen === 0) return null;
    const unit = await tx.findOneByOrFail(GiftUnit, { claimId: claim.id });
    const { refund } = await this.payments.refund(tx, {
      orderId: gift.orderId,
      unitId: unit.id,
      refundKey: `gift-claim:${claim.id}`,
      amountFen: claim.unitPriceFen,
      reason,
    });
    return refund.id;
  }
}
