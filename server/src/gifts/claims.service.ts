import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { GIFT_STATUS_CODES, GIFT_TRANSITIONS, skuGiftEligibility } from '@giftshop/shared';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { Sku } from '../catalog/sku.entity';
import { StockService } from '../catalog/stock.service';
import { ClockService } from '../clock/clock.service';
import { ConflictError, ForbiddenError, InvalidInputError, NotFoundError } from '../common/domain-errors';
import { Address } from '../orders/order.entity';
import { SocialService } from '../social/social.service';
import { Gift, GiftClaim, GiftEntry, GiftUnit } from './gift.entity';
import { giftState, GiftsService } from './gifts.service';

/**
 * Recipients' side of a gift: claim a unit (one per member; first come, or lottery winners),
 * decline a single gift, enter a lottery.
 *
 * A claim takes the first open unit with `FOR UPDATE SKIP LOCKED`, so concurrent claimers never
 * queue on one row and never take the same unit; the unique (gift, recipient) index makes a
 * member's repeated or concurrent claims one claim.
 */
@Injectable()
export class ClaimsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly clock: ClockService,
    private readonly gifts: GiftsService,
    private readonly social: SocialService,
    private readonly stock: StockService,
  ) {}

  async claim(userId: string, giftId: string, input: { skuId?: string; address: Address }): Promise<GiftClaim> {
    const claim = await this.db.transaction(async (tx) => {
      const gift = await this.sentGiftFor(tx, userId, giftId);
      const now = this.clock.now();
      this.gifts.assertClaimable(gift, now);
      if (gift.mode === 'lottery') await this.assertWinner(tx, gift, userId);
      const sku = await this.chosenSku(tx, gift, input.skuId);

      const claimId = randomUUID();
      const inserted: unknown[] = await tx.query(
        `INSERT INTO gift_claims (id, gift_id, recipient_id, sku_id, unit_price_fen, address, status, accepted_at)
         VALUES ($1, $2, $3, $4, $5, $6, 'accepted', $7)
         ON CONFLICT (gift_id, recipient_id) DO NOTHING RETURNING id`,
        [claimId, giftId, userId, sku.id, gift.unitPriceFen, JSON.stringify(input.address), now],
      );
      if (inserted.length === 0) throw new ConflictError('ALREADY_CLAIMED', 'you have already claimed this gift');
      const [, taken]: [unknown[], number] = await tx.query(
        `UPDATE gift_units SET status = 'claimed', claim_id = $2
         WHERE id = (SELECT id FROM gift_units WHERE gift_id = $1 AND status = 'open'
                     ORDER BY idx LIMIT 1 FOR UPDATE SKIP LOCKED)`,
        [giftId, claimId],
      );
      if (taken !== 1) throw new ConflictError('ALL_CLAIMED', 'all claimed: every unit of this gift has been taken');
      if (sku.id !== gift.skuId) {
        // The gift reserved the giver's variant; the recipient's choice takes its place.
        await this.stock.release(tx, [{ skuId: gift.skuId, quantity: 1 }]);
        await this.stock.reserve(tx, [{ skuId: sku.id, quantity: 1 }], () => describe(sku));
      }
      return tx.findOneByOrFail(GiftClaim, { id: claimId });
    });
    await this.markAcceptedIfAllClaimed(giftId);
    return claim;
  }

  /** A single gift's recipient says no: the whole gift is refunded to the giver at once. */
  async decline(userId: string, giftId: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      await this.sentGiftFor(tx, userId, giftId);
      const gift = await this.gifts.lock(tx, giftId);
      if (gift.mode !== 'single')
        throw new InvalidInputError('NOT_A_SINGLE_GIFT', 'only a single gift can be declined');
      this.gifts.assertClaimable(gift, this.clock.now());
      if (await tx.existsBy(GiftClaim, { giftId, recipientId: userId })) {
        throw new ConflictError('ALREADY_CLAIMED', 'you have already accepted this gift');
      }
      const [units]: [GiftUnit[], number] = await tx.query(
        "UPDATE gift_units SET status = 'expired' WHERE gift_id = $1 AND status = 'open' RETURNING id",
        [giftId],
      );
      const expired = await this.gifts.move(tx, gift, 'expire', { declinedAt: this.clock.now() });
      for (const { id } of units) {
        const unit = await tx.findOneByOrFail(GiftUnit, { id });
        await this.gifts.refundUnit(tx, expired, unit, 'gift declined by the recipient');
      }
    });
  }

  /** Lottery: a member enters before the draw. Entering twice is the same entry. */
  async enter(userId: string, giftId: string): Promise<GiftEntry> {
    return this.db.transaction(async (tx) => {
      await this.sentGiftFor(tx, userId, giftId);
      // A share lock: entries do not block each other, but the draw (FOR UPDATE) waits for them, so
      // an entry is either in the drawn list or refused.
      const gift = await tx.findOneOrFail(Gift, { where: { id: giftId }, lock: { mode: 'pessimistic_read' } });
      if (gift.mode !== 'lottery') throw new InvalidInputError('NOT_A_LOTTERY', 'only a lottery gift can be entered');
      if (gift.drawnAt || !gift.drawAt || this.clock.now() >= gift.drawAt) {
        throw new ConflictError('DRAW_CLOSED', 'the draw has closed');
      }
      await tx
        .createQueryBuilder()
        .insert()
        .into(GiftEntry)
        .values({ giftId, userId, enteredAt: this.clock.now(), won: null })
        .orIgnore()
        .execute();
      return tx.findOneByOrFail(GiftEntry, { giftId, userId });
    });
  }

  /**
   * Run after a claim commits: the gift is 20 once no unit is left unclaimed. Of two claims that
   * commit together at least one sees the other, so the last one always settles it.
   */
  private async markAcceptedIfAllClaimed(giftId: string): Promise<void> {
    const from = GIFT_TRANSITIONS.accept_all.from.map((s) => GIFT_STATUS_CODES[s]);
    await this.db.query(
      `UPDATE gifts SET status = $2 WHERE id = $1 AND status = ANY($3::smallint[])
         AND NOT EXISTS (SELECT 1 FROM gift_units WHERE gift_id = $1 AND status <> 'claimed')`,
      [giftId, GIFT_STATUS_CODES[GIFT_TRANSITIONS.accept_all.to], from],
    );
  }

  /**
   * The gift, sent, as a chat member other than the giver may act on it. Non-members and gifts not
   * yet sent are 404; the giver is 403.
   */
  private async sentGiftFor(tx: EntityManager, userId: string, giftId: string): Promise<Gift> {
    const gift = await tx.findOneBy(Gift, { id: giftId });
    if (!gift) throw new NotFoundError('gift');
    await this.social.assertMember(userId, gift.chatId, tx).catch(() => {
      throw new NotFoundError('gift');
    });
    const state = giftState(gift);
    if (state === 'pending_payment' || state === 'cancelled') throw new NotFoundError('gift');
    if (gift.giverId === userId)
      throw new ForbiddenError('GIVER_CANNOT_CLAIM', 'the giver cannot claim their own gift');
    return gift;
  }

  private async assertWinner(tx: EntityManager, gift: Gift, userId: string): Promise<void> {
    if (!gift.drawnAt) throw new ConflictError('DRAW_PENDING', 'the lottery has not been drawn yet');
    const entry = await tx.findOneBy(GiftEntry, { giftId: gift.id, userId });
    if (!entry?.won) throw new ConflictError('NOT_A_WINNER', 'only the lottery winners can claim this gift');
  }

  /** The giver's SKU, or another giftable SKU of the same product at the same price. */
  private async chosenSku(tx: EntityManager, gift: Gift, skuId?: string): Promise<Sku> {
    const sku = await tx.findOne(Sku, { where: { id: skuId ?? gift.skuId }, relations: { product: true } });
    if (!sku?.product) throw new NotFoundError('sku');
    if (sku.id === gift.skuId) return sku;
    if (sku.productId !== gift.productId) {
      throw new InvalidInputError('VARIANT_NOT_ALLOWED', 'skuId must be a variant of the gifted product');
    }
    if (sku.priceFen !== gift.unitPriceFen) {
      throw new InvalidInputError('VARIANT_NOT_ALLOWED', 'skuId must cost the same as the gifted variant');
    }
    const eligibility = skuGiftEligibility({ categoryCode: sku.product.categoryCode, listPriceFen: sku.listPriceFen });
    if (!eligibility.giftable) throw new InvalidInputError('VARIANT_NOT_ALLOWED', `skuId: ${eligibility.reason}`);
    if (sku.product.status !== 'listed')
      throw new ConflictError('PRODUCT_NOT_LISTED', 'the product is no longer on sale');
    return sku;
  }
}

function describe(sku: Sku): string {
  return `${sku.product?.title ?? sku.id} (${Object.values(sku.specs).join(' / ')})`;
}
