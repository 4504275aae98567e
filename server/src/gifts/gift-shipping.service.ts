import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { CLAIM_TRANSITIONS, claimStatusOf, ClaimStatus, FulfilmentView, transition } from '@giftshop/shared';
import { DataSource } from 'typeorm';
import { ShopsService } from '../catalog/shops.service';
import { isoOrNull } from '../common/time';
import { runInTransaction } from '../database/run-in-transaction';
import { Fulfilment } from '../fulfilment/fulfilment.entity';
import { FulfilmentService } from '../fulfilment/fulfilment.service';

/**
 * A gift's accepted units as parcels, in the gift's words (by claim id, statuses as claim statuses):
 * the merchant's list of units to ship, and ship / confirm receipt, all through FulfilmentService.
 * The giver follows the shipping state only (GiftViewsService).
 */
@Injectable()
export class GiftShippingService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly shops: ShopsService,
    private readonly fulfilments: FulfilmentService,
  ) {}

  async listForShop(userId: string, shopId: string, status?: ClaimStatus): Promise<FulfilmentView[]> {
    await this.shops.findOwned(shopId, userId);
    const rows: Record<string, unknown>[] = await this.db.query(
      `SELECT f.claim_id, f.status, f.address, f.carrier, f.tracking_no, f.shipped_at, f.delivered_at,
              c.gift_id, c.recipient_id, c.sku_id, c.accepted_at, g.order_id, g.product_id, p.title, s.specs, u.nickname
         FROM fulfilments f
         JOIN gift_claims c ON c.id = f.claim_id
         JOIN gifts g ON g.id = c.gift_id
         JOIN products p ON p.id = g.product_id
         JOIN skus s ON s.id = c.sku_id
         JOIN users u ON u.id = c.recipient_id
        WHERE f.shop_id = $1 AND ($2::text IS NULL OR f.status = $2)
        ORDER BY c.accepted_at, c.id`,
      [shopId, status === undefined ? null : status === 'accepted' ? 'pending' : status],
    );
    return rows.map((r) => ({
      id: r.claim_id as string,
      giftId: r.gift_id as string,
      orderId: r.order_id as string,
      recipientId: r.recipient_id as string,
      recipientNickname: r.nickname as string,
      productId: r.product_id as string,
      title: r.title as string,
      skuId: r.sku_id as string,
      specs: r.specs as Record<string, string>,
      address: r.address as FulfilmentView['address'],
      claimStatus: claimStatusOf(r.status as Fulfilment['status']),
      acceptedAt: isoOrNull(r.accepted_at as Date) as string,
      carrier: r.carrier as string | null,
      trackingNo: r.tracking_no as string | null,
      shippedAt: isoOrNull(r.shipped_at as Date | null),
      deliveredAt: isoOrNull(r.delivered_at as Date | null),
    }));
  }

  ship(userId: string, claimId: string, input: { carrier: string; trackingNo: string }): Promise<Fulfilment> {
    return runInTransaction(this.db, async (tx) => {
      const parcel = await this.fulfilments.lockClaimAs(tx, userId, claimId, 'merchant');
      assertClaimCan(parcel, 'ship');
      return this.fulfilments.ship(tx, parcel, input);
    });
  }

  confirmReceipt(userId: string, claimId: string): Promise<Fulfilment> {
    return runInTransaction(this.db, async (tx) => {
      const parcel = await this.fulfilments.lockClaimAs(tx, userId, claimId, 'recipient');
      assertClaimCan(parcel, 'confirm_receipt');
      return this.fulfilments.deliver(tx, parcel);
    });
  }
}

/** Refuses in the claim's words ("gift claim is accepted: cannot confirm receipt"). */
function assertClaimCan(parcel: Fulfilment, action: 'ship' | 'confirm_receipt'): void {
  transition('gift claim', CLAIM_TRANSITIONS, claimStatusOf(parcel.status), action);
}
