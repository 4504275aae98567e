import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { claimStatusOf, GiftView, LotteryDrawView, MyGiftClaim, shippingStatus } from '@giftshop/shared';
import { DataSource, In } from 'typeorm';
import { Product } from '../catalog/product.entity';
import { Sku } from '../catalog/sku.entity';
import { ConflictError, NotFoundError } from '../common/domain-errors';
import { isoOrNull } from '../common/time';
import { Fulfilment } from '../fulfilment/fulfilment.entity';
import { User } from '../identity/user.entity';
import { ChatMember } from '../social/chat.entity';
import { Gift, GiftClaim, GiftEntry, GiftUnit } from './gift.entity';
import { giftState } from './gifts.service';

/** Where a claim's unit stands: its parcel's state, in the claim's words. */
type Parcel = Pick<Fulfilment, 'status' | 'carrier' | 'trackingNo'>;

export function toMyClaim(claim: GiftClaim, parcel: Parcel, specs: Record<string, string>): MyGiftClaim {
  const claimStatus = claimStatusOf(parcel.status);
  return {
    id: claim.id,
    skuId: claim.skuId,
    specs,
    address: claim.address,
    acceptedAt: claim.acceptedAt.toISOString(),
    claimStatus,
    shippingStatus: shippingStatus(claimStatus),
    carrier: parcel.carrier,
    trackingNo: parcel.trackingNo,
  };
}

/**
 * What each caller may see of a gift. The giver sees who accepted, when and the shipping state,
 * never an address or phone; a recipient sees their own claim; other chat members see the card;
 * anyone else gets 404. Unsent gifts are the giver's alone.
 */
@Injectable()
export class GiftViewsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async get(userId: string, giftId: string): Promise<GiftView> {
    return this.view(userId, await this.visible(userId, giftId));
  }

  async list(userId: string, role: 'giver' | 'recipient'): Promise<GiftView[]> {
    const ids: { id: string }[] =
      role === 'giver'
        ? await this.db.query('SELECT id FROM gifts WHERE giver_id = $1 ORDER BY created_at DESC, id', [userId])
        : await this.db.query(
            `SELECT g.id FROM gifts g WHERE g.giver_id <> $1 AND g.status NOT IN (0, 250) AND (
               EXISTS (SELECT 1 FROM gift_claims c WHERE c.gift_id = g.id AND c.recipient_id = $1)
               OR EXISTS (SELECT 1 FROM gift_entries e WHERE e.gift_id = g.id AND e.user_id = $1)
               OR (g.mode = 'single' AND EXISTS (SELECT 1 FROM chat_members m WHERE m.chat_id = g.chat_id AND m.user_id = $1)))
             ORDER BY g.created_at DESC, g.id`,
            [userId],
          );
    const gifts = ids.length ? await this.db.getRepository(Gift).findBy({ id: In(ids.map((r) => r.id)) }) : [];
    const byId = new Map(gifts.map((g) => [g.id, g]));
    const views: GiftView[] = [];
    for (const { id } of ids) views.push(await this.view(userId, byId.get(id) as Gift));
    return views;
  }

  async giftIdForOrder(orderId: string): Promise<string> {
    return (await this.db.getRepository(Gift).findOneByOrFail({ orderId })).id;
  }

  async draw(userId: string, giftId: string): Promise<LotteryDrawView> {
    const gift = await this.visible(userId, giftId);
    if (gift.mode !== 'lottery') throw new NotFoundError('draw', 'DRAW_NOT_FOUND');
    if (!gift.drawnAt || !gift.drawSeed) throw new ConflictError('DRAW_PENDING', 'the lottery has not been drawn yet');
    return {
      giftId: gift.id,
      seed: gift.drawSeed,
      entrantIds: gift.drawEntrants ?? [],
      winnerIds: gift.drawWinners ?? [],
      units: gift.units,
      drawnAt: gift.drawnAt.toISOString(),
    };
  }

  private async visible(userId: string, giftId: string): Promise<Gift> {
    const gift = await this.db.getRepository(Gift).findOneBy({ id: giftId });
    if (!gift) throw new NotFoundError('gift');
    if (gift.giverId === userId) return gift;
    const state = giftState(gift);
    const member = await this.db.getRepository(ChatMember).existsBy({ chatId: gift.chatId, userId });
    if (!member || state === 'pending_payment' || state === 'cancelled') throw new NotFoundError('gift');
    return gift;
  }

  private async view(userId: string, gift: Gift): Promise<GiftView> {
    const repo = <T extends object>(entity: new () => T) => this.db.getRepository(entity);
    const [product, sku, giver, units, claims, entries] = await Promise.all([
      repo(Product).findOneByOrFail({ id: gift.productId }),
      repo(Sku).findOneByOrFail({ id: gift.skuId }),
      repo(User).findOneByOrFail({ id: gift.giverId }),
      repo(GiftUnit).findBy({ giftId: gift.id }),
      repo(GiftClaim).find({ where: { giftId: gift.id }, order: { acceptedAt: 'ASC', id: 'ASC' } }),
      gift.mode === 'lottery' ? repo(GiftEntry).findBy({ giftId: gift.id }) : Promise.resolve([]),
    ]);
    const isGiver = gift.giverId === userId;
    const parcels = claims.length ? await repo(Fulfilment).findBy({ claimId: In(claims.map((c) => c.id)) }) : [];
    const parcelOf = (claim: GiftClaim): Parcel =>
      parcels.find((f) => f.claimId === claim.id) ?? { status: 'pending', carrier: null, trackingNo: null };
    const nicknames = await this.nicknames(claims.map((c) => c.recipientId));
    const mine = claims.find((c) => c.recipientId === userId) ?? null;
    const entry = entries.find((e) => e.userId === userId);
    const base: GiftView = {
      id: gift.id,
      orderId: gift.orderId,
      role: isGiver ? 'giver' : mine ? 'recipient' : 'member',
      mode: gift.mode,
      status: gift.status,
      chatId: gift.chatId,
      giver: { id: giver.id, nickname: giver.nickname },
      wishMessage: gift.wishMessage,
      product: {
        productId: product.id,
        title: product.title,
        imageUrl: product.imageUrls[0] ?? null,
        skuId: sku.id,
        specs: sku.specs,
        unitPriceFen: gift.unitPriceFen,
      },
      units: gift.units,
      claimedUnits: units.filter((u) => u.status === 'claimed').length,
      remainingUnits: units.filter((u) => u.status === 'open').length,
      sentAt: isoOrNull(gift.sentAt),
      expiresAt: isoOrNull(gift.expiresAt),
      drawAt: isoOrNull(gift.drawAt),
      drawnAt: isoOrNull(gift.drawnAt),
      claimants: claims.map((c) => ({
        nickname: nicknames.get(c.recipientId) ?? '',
        acceptedAt: c.acceptedAt.toISOString(),
      })),
      ...(gift.mode === 'lottery' && {
        entered: Boolean(entry),
        won: entry ? entry.won : null,
        entrantCount: entries.length,
      }),
    };
    if (isGiver) {
      return {
        ...base,
        claims: claims.map((c) => ({
          recipientId: c.recipientId,
          nickname: nicknames.get(c.recipientId) ?? '',
          acceptedAt: c.acceptedAt.toISOString(),
          shippingStatus: shippingStatus(claimStatusOf(parcelOf(c).status)),
        })),
        refundedUnits: units.filter((u) => u.status === 'refunded').length,
      };
    }
    if (!mine) return { ...base, myClaim: null };
    const claimedSku = mine.skuId === sku.id ? sku : await repo(Sku).findOneByOrFail({ id: mine.skuId });
    return { ...base, myClaim: toMyClaim(mine, parcelOf(mine), claimedSku.specs) };
  }

  private async nicknames(ids: string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const users = await this.db.getRepository(User).findBy({ id: In(ids) });
    return new Map(users.map((u) => [u.id, u.nickname]));
  }
}
