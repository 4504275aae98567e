import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { CLAIM_TRANSITIONS, ClaimAction, FulfilmentView, ORDER_TIMERS, transition } from '@giftshop/shared';
import { DataSource, EntityManager } from 'typeorm';
import { runInTransaction } from '../database/run-in-transaction';
import { Shop } from '../catalog/shop.entity';
import { ShopsService } from '../catalog/shops.service';
import { ClockService } from '../clock/clock.service';
import { ForbiddenError, NotFoundError } from '../common/domain-errors';
import { isoOrNull } from '../common/time';
import { writeTransition } from '../common/write-transition';
import { JobsService } from '../jobs/jobs.service';
import { LedgerService } from '../ledger/ledger.service';
import { Order } from '../orders/order.entity';
import { Gift, GiftClaim } from './gift.entity';

export const CLAIM_JOBS = { autoConfirm: 'gift_claim.auto_confirm', complete: 'gift_claim.complete' } as const;

/**
 * Each accepted unit is a fulfilment: the merchant ships it to the recipient's address, the
 * recipient confirms receipt (or it is confirmed after 10 days), and it completes when its 7-day
 * return window closes. The giver follows the shipping state only.
 */
@Injectable()
export class FulfilmentService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly clock: ClockService,
    private readonly jobs: JobsService,
    private readonly shops: ShopsService,
    private readonly ledger: LedgerService,
  ) {}

  onModuleInit(): void {
    this.jobs.register(CLAIM_JOBS.autoConfirm, async (tx, p) => {
      const claim = await this.lockClaim(tx, String(p.claimId));
      if (claim.status === 'shipped') await this.deliver(tx, claim);
    });
    this.jobs.register(CLAIM_JOBS.complete, (tx, p) => this.completeIfDue(tx, String(p.claimId)));
  }

  async listForShop(userId: string, shopId: string, status?: GiftClaim['status']): Promise<FulfilmentView[]> {
    await this.shops.findOwned(shopId, userId);
    const rows: Record<string, unknown>[] = await this.db.query(
      `SELECT c.*, g.order_id, g.product_id, p.title, s.specs, u.nickname
         FROM gift_claims c
         JOIN gifts g ON g.id = c.gift_id
         JOIN orders o ON o.id = g.order_id
         JOIN products p ON p.id = g.product_id
         JOIN skus s ON s.id = c.sku_id
         JOIN users u ON u.id = c.recipient_id
        WHERE o.shop_id = $1 AND ($2::text IS NULL OR c.status = $2)
        ORDER BY c.accepted_at, c.id`,
      [shopId, status ?? null],
    );
    return rows.map((r) => ({
      id: r.id as string,
      giftId: r.gift_id as string,
      orderId: r.order_id as string,
      recipientId: r.recipient_id as string,
      recipientNickname: r.nickname as string,
      productId: r.product_id as string,
      title: r.title as string,
      skuId: r.sku_id as string,
      specs: r.specs as Record<string, string>,
      address: r.address as FulfilmentView['address'],
      claimStatus: r.status as FulfilmentView['claimStatus'],
      acceptedAt: isoOrNull(r.accepted_at as Date) as string,
      carrier: r.carrier as string | null,
      trackingNo: r.tracking_no as string | null,
      shippedAt: isoOrNull(r.shipped_at as Date | null),
      deliveredAt: isoOrNull(r.delivered_at as Date | null),
    }));
  }

  ship(userId: string, claimId: string, input: { carrier: string; trackingNo: string }): Promise<GiftClaim> {
    return runInTransaction(this.db, async (tx) => {
      const claim = await this.lockClaimAs(tx, userId, claimId, 'merchant');
      const now = this.clock.now();
      const shipped = await this.move(tx, claim, 'ship', { shippedAt: now, ...input });
      await this.jobs.enqueue(tx, {
        kind: CLAIM_JOBS.autoConfirm,
        runAt: new Date(now.getTime() + ORDER_TIMERS.autoConfirmMs),
        payload: { claimId },
        uniqueKey: `${CLAIM_JOBS.autoConfirm}:${claimId}`,
      });
      return shipped;
    });
  }

  confirmReceipt(userId: string, claimId: string): Promise<GiftClaim> {
    return runInTransaction(this.db, async (tx) =>
      this.deliver(tx, await this.lockClaimAs(tx, userId, claimId, 'recipient')),
    );
  }

  async move(
    tx: EntityManager,
    claim: GiftClaim,
    action: ClaimAction,
    changes: Partial<GiftClaim> = {},
  ): Promise<GiftClaim> {
    const status = transition('gift claim', CLAIM_TRANSITIONS, claim.status, action);
    return writeTransition(tx, GiftClaim, claim, status, changes, 'gift claim');
  }

  async lockClaim(tx: EntityManager, claimId: string): Promise<GiftClaim> {
    const claim = await tx.findOne(GiftClaim, { where: { id: claimId }, lock: { mode: 'pessimistic_write' } });
    if (!claim) throw new NotFoundError('gift claim', 'GIFT_CLAIM_NOT_FOUND');
    return claim;
  }

  /** Completes a delivered claim whose return window closed, unless an after-sales case is open. */
  async completeIfDue(tx: EntityManager, claimId: string): Promise<void> {
    const claim = await this.lockClaim(tx, claimId);
    if (claim.status !== 'delivered' || !claim.deliveredAt) return;
    if (this.clock.now().getTime() < claim.deliveredAt.getTime() + ORDER_TIMERS.returnWindowMs) return;
    const [{ open }] = await tx.query(
      "SELECT count(*)::int AS open FROM after_sale_cases WHERE claim_id = $1 AND status = 'requested'",
      [claimId],
    );
    if (open > 0) return; // resolving the case completes it
    await this.move(tx, claim, 'complete', { completedAt: this.clock.now() });
    const gift = await tx.findOneByOrFail(Gift, { id: claim.giftId });
    await this.ledger.release(tx, gift.orderId);
  }

  private async deliver(tx: EntityManager, claim: GiftClaim): Promise<GiftClaim> {
    const now = this.clock.now();
    const delivered = await this.move(tx, claim, 'confirm_receipt', { deliveredAt: now });
    await this.jobs.enqueue(tx, {
      kind: CLAIM_JOBS.complete,
      runAt: new Date(now.getTime() + ORDER_TIMERS.returnWindowMs),
      payload: { claimId: claim.id },
      uniqueKey: `${CLAIM_JOBS.complete}:${claim.id}`,
    });
    return delivered;
  }

  /** The claim for its merchant or its recipient; the other parties get 403, strangers 404. */
  private async lockClaimAs(
    tx: EntityManager,
    userId: string,
    claimId: string,
    role: 'merchant' | 'recipient',
  ): Promise<GiftClaim> {
    const claim = await this.lockClaim(tx, claimId);
    const gift = await tx.findOneByOrFail(Gift, { id: claim.giftId });
    const order = await tx.findOneByOrFail(Order, { id: gift.orderId });
    const isMerchant = await tx.existsBy(Shop, { id: order.shopId, ownerId: userId });
    const isRecipient = claim.recipientId === userId;
    if (role === 'merchant' && isMerchant) return claim;
    if (role === 'recipient' && isRecipient) return claim;
    if (isMerchant || isRecipient || gift.giverId === userId) {
      throw new ForbiddenError(
        role === 'merchant' ? 'NOT_SHOP_OWNER' : 'NOT_RECIPIENT',
        role === 'merchant' ? "only the shop's merchant can do this" : 'only the recipient can do this',
      );
    }
    throw new NotFoundError('gift claim', 'GIFT_CLAIM_NOT_FOUND');
  }
}
