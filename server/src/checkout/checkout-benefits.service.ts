import { Injectable, OnModuleInit } from '@nestjs/common';
import {
  couponDiscount,
  CouponLine,
  GIFT_CARD_RULES,
  OrderPrice,
  QuoteCouponOption,
  rankCoupons,
} from '@giftshop/shared';
import { EntityManager } from 'typeorm';
import { ClockService } from '../clock/clock.service';
import { ConflictError, InvalidInputError, NotFoundError } from '../common/domain-errors';
import { EventBus } from '../events/event-bus';
import { type CouponRow, termsOf } from './coupons.service';

/** What the shopper asks to use on an order. */
export interface BenefitsAsked {
  userCouponId?: string | null;
  giftCardIds?: readonly string[];
}

/** What priceOrder is given for them: the coupon's discount and the cards' balances now. */
export interface Benefits {
  userCouponId: string | null;
  discount?: { amountFen: number; appliesTo: boolean[] };
  giftCards: { id: string; balanceFen: number }[];
}

/** A claimed coupon with its coupon's terms. */
type ClaimedCouponRow = Pick<
  CouponRow,
  | 'shop_id'
  | 'title'
  | 'type'
  | 'amount_off_fen'
  | 'percent_off_bps'
  | 'min_spend_fen'
  | 'max_discount_fen'
  | 'product_ids'
> & { id: string; coupon_id: string; user_id: string; uc_status: 'unused' | 'held' | 'used'; expires_at: Date };

const CLAIMED_COUPON_COLUMNS = `c.shop_id, c.title, c.type, c.amount_off_fen, c.percent_off_bps, c.min_spend_fen,
  c.max_discount_fen, c.product_ids, u.id, u.coupon_id, u.user_id, u.status AS uc_status, u.expires_at`;

/**
 * What may discount or pay for an order at checkout: the buyer's coupon and gift cards. The quote
 * reads them; order creation locks them (the coupon's row, then the cards' rows by id, after the
 * buyer's row that orders lock first) and holds them: the coupon becomes `held`, each card's part
 * leaves its balance. Paying the order uses them; cancelling it unpaid gives them back; a refund
 * of the order returns the cards' part to the cards. A card's balance never goes below zero: an
 * order takes from each card at most its balance under the card's lock (and a constraint).
 */
@Injectable()
export class CheckoutBenefitsService implements OnModuleInit {
  constructor(
    private readonly clock: ClockService,
    private readonly events: EventBus,
  ) {}

  onModuleInit(): void {
    this.events.inTransaction('order.paid', 'checkout', (tx, { order }) => this.use(tx, order.id));
    this.events.inTransaction('order.cancelled', 'checkout', (tx, { order }) => this.giveBack(tx, order.id));
    // A whole order's parcel refunded: what cards paid for it goes back to them.
    this.events.inTransaction('fulfilment.refunded', 'checkout', async (tx, { fulfilment }) => {
      if (fulfilment.unitId === null) await this.returnToCards(tx, fulfilment.orderId, fulfilment.shopId);
    });
  }

  /**
   * The coupon and cards the buyer asked for, checked for this shop and these lines, or the 4xx
   * naming what is wrong. `lock` (order creation) locks their rows for the rest of the transaction.
   */
  async resolve(
    manager: EntityManager,
    q: { buyerId: string; shopId: string; lines: CouponLine[]; lock: boolean } & BenefitsAsked,
  ): Promise<Benefits> {
    const benefits: Benefits = { userCouponId: null, giftCards: [] };
    if (q.userCouponId) {
      const coupon = await this.claimedCoupon(manager, q.userCouponId, q.lock);
      if (!coupon || coupon.user_id !== q.buyerId) throw new NotFoundError('userCouponId', 'COUPON_NOT_FOUND');
      const problem = this.couponProblem(coupon, q.shopId);
      if (problem) throw new ConflictError('COUPON_NOT_USABLE', `userCouponId: ${problem}`);
      const verdict = couponDiscount(termsOf(coupon), q.lines);
      if (!verdict.usable) throw new ConflictError('COUPON_NOT_USABLE', `userCouponId: ${verdict.reason}`);
      benefits.userCouponId = coupon.id;
      benefits.discount = { amountFen: verdict.discountFen, appliesTo: verdict.appliesTo };
    }
    if (q.giftCardIds && q.giftCardIds.length > 0) benefits.giftCards = await this.cards(manager, q);
    return benefits;
  }

  /** The buyer's unused, unexpired coupons of the shop, ranked for these lines (the quote's picker). */
  async couponOptions(
    manager: EntityManager,
    buyerId: string,
    shopId: string,
    lines: CouponLine[],
  ): Promise<QuoteCouponOption[]> {
    const rows: ClaimedCouponRow[] = await manager.query(
      `SELECT ${CLAIMED_COUPON_COLUMNS}
         FROM user_coupons u JOIN coupons c ON c.id = u.coupon_id
        WHERE u.user_id = $1 AND u.shop_id = $2 AND u.status = 'unused' AND u.expires_at > $3
        ORDER BY u.expires_at LIMIT 100`,
      [buyerId, shopId, this.clock.now()],
    );
    const ranked = rankCoupons(
      rows.map((r) => ({ id: r.id, terms: termsOf(r), expiresAt: r.expires_at, row: r })),
      lines,
    );
    return ranked.map(({ coupon, verdict }) => ({
      userCouponId: coupon.id,
      couponId: coupon.row.coupon_id,
      title: coupon.row.title,
      usable: verdict.usable,
      discountFen: verdict.usable ? verdict.discountFen : 0,
      reason: verdict.usable ? null : verdict.reason,
      expiresAt: coupon.expiresAt.toISOString(),
    }));
  }

  /** Holds what the new order uses: its coupon, and each card's part out of the card's balance. */
  async hold(tx: EntityManager, order: { id: string }, benefits: Benefits, price: OrderPrice): Promise<void> {
    if (benefits.userCouponId) {
      await tx.query("UPDATE user_coupons SET status = 'held', order_id = $2 WHERE id = $1 AND status = 'unused'", [
        benefits.userCouponId,
        order.id,
      ]);
    }
    const parts = price.giftCards.filter((c) => c.amountFen > 0);
    if (parts.length === 0) return;
    await tx.query(
      `WITH part AS (SELECT * FROM unnest($2::uuid[], $3::int[]) AS p(card_id, amount_fen)),
            taken AS (UPDATE gift_cards g SET balance_fen = g.balance_fen - part.amount_fen
                        FROM part WHERE g.id = part.card_id RETURNING g.id)
       INSERT INTO gift_card_payments (order_id, card_id, amount_fen, status)
       SELECT $1, part.card_id, part.amount_fen, 'held' FROM part JOIN taken ON taken.id = part.card_id`,
      [order.id, parts.map((c) => c.id), parts.map((c) => c.amountFen)],
    );
  }

  /** The order was paid: its coupon is used, its cards' parts are taken for good. */
  private async use(tx: EntityManager, orderId: string): Promise<void> {
    await tx.query("UPDATE user_coupons SET status = 'used', used_at = $2 WHERE order_id = $1 AND status = 'held'", [
      orderId,
      this.clock.now(),
    ]);
    await tx.query("UPDATE gift_card_payments SET status = 'captured' WHERE order_id = $1 AND status = 'held'", [
      orderId,
    ]);
  }

  /** The order was cancelled unpaid: its coupon is unused again and its cards get their parts back. */
  private async giveBack(tx: EntityManager, orderId: string): Promise<void> {
    await tx.query(
      "UPDATE user_coupons SET status = 'unused', order_id = NULL WHERE order_id = $1 AND status = 'held'",
      [orderId],
    );
    await this.credit(tx, orderId, 'held', 'released');
  }

  /** A refund of the order: what cards paid goes back onto them (once: the parts' status). */
  private async returnToCards(tx: EntityManager, orderId: string, shopId: string): Promise<void> {
    const amountFen = await this.credit(tx, orderId, 'captured', 'returned');
    if (amountFen > 0) await this.events.publish(tx, 'gift_card.returned', { orderId, shopId, amountFen });
  }

  /** Moves the order's card parts from one status to the next and adds them back to the cards' balances. */
  private async credit(
    tx: EntityManager,
    orderId: string,
    from: 'held' | 'captured',
    to: 'released' | 'returned',
  ): Promise<number> {
    const [{ fen }]: { fen: string }[] = await tx.query(
      `WITH part AS (UPDATE gift_card_payments SET status = $3 WHERE order_id = $1 AND status = $2
                     RETURNING card_id, amount_fen),
            back AS (UPDATE gift_cards g SET balance_fen = g.balance_fen + part.amount_fen
                       FROM part WHERE g.id = part.card_id RETURNING part.amount_fen)
       SELECT COALESCE(SUM(amount_fen), 0)::bigint AS fen FROM back`,
      [orderId, from, to],
    );
    return Number(fen);
  }

  private async claimedCoupon(manager: EntityManager, id: string, lock: boolean): Promise<ClaimedCouponRow | null> {
    const [row]: ClaimedCouponRow[] = await manager.query(
      `SELECT ${CLAIMED_COUPON_COLUMNS}
         FROM user_coupons u JOIN coupons c ON c.id = u.coupon_id
        WHERE u.id = $1 ${lock ? 'FOR UPDATE OF u' : ''}`,
      [id],
    );
    return row ?? null;
  }

  private couponProblem(coupon: ClaimedCouponRow, shopId: string): string | null {
    if (coupon.shop_id !== shopId) return 'it is a coupon of another shop';
    if (coupon.uc_status === 'held') return 'another unpaid order holds it: pay or cancel that order first';
    if (coupon.uc_status === 'used') return 'it has been used on an order';
    if (coupon.expires_at.getTime() <= this.clock.now().getTime()) {
      return `it expired at ${coupon.expires_at.toISOString()}`;
    }
    return null;
  }

  /** The named cards, in the order named, each the buyer's own, of this shop and unexpired. */
  private async cards(
    manager: EntityManager,
    q: { buyerId: string; shopId: string; lock: boolean } & BenefitsAsked,
  ): Promise<{ id: string; balanceFen: number }[]> {
    const ids = q.giftCardIds as readonly string[];
    if (ids.length > GIFT_CARD_RULES.maxCardsPerOrder) {
      throw new InvalidInputError(
        'TOO_MANY_GIFT_CARDS',
        `giftCardIds: at most ${GIFT_CARD_RULES.maxCardsPerOrder} cards`,
      );
    }
    const repeated = ids.findIndex((id, i) => ids.indexOf(id) !== i);
    if (repeated >= 0) throw new InvalidInputError('DUPLICATE_GIFT_CARD', `giftCardIds.${repeated} repeats a card`);
    // Locked in id order, so two orders naming the same cards never wait on each other in a circle.
    const rows: {
      id: string;
      recipient_id: string;
      shop_id: string;
      status: string;
      balance_fen: number;
      expires_at: Date | null;
    }[] = await manager.query(
      `SELECT id, recipient_id, shop_id, status, balance_fen, expires_at FROM gift_cards
          WHERE id = ANY($1::uuid[]) ORDER BY id ${q.lock ? 'FOR UPDATE' : ''}`,
      [ids],
    );
    const byId = new Map(rows.map((r) => [r.id, r]));
    const now = this.clock.now().getTime();
    return ids.map((id, i) => {
      const card = byId.get(id);
      if (!card || card.recipient_id !== q.buyerId || card.status !== 'claimed') {
        throw new NotFoundError(`giftCardIds.${i}`, 'GIFT_CARD_NOT_FOUND');
      }
      if (card.shop_id !== q.shopId) {
        throw new ConflictError('GIFT_CARD_NOT_USABLE', `giftCardIds.${i}: a card of another shop`);
      }
      if ((card.expires_at as Date).getTime() <= now) {
        throw new ConflictError(
          'GIFT_CARD_NOT_USABLE',
          `giftCardIds.${i}: it expired at ${(card.expires_at as Date).toISOString()}`,
        );
      }
      return { id, balanceFen: card.balance_fen };
    });
  }
}
