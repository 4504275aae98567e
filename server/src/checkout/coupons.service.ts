import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  CouponFiguresView,
  CouponTerms,
  couponTermsProblem,
  CouponView,
  UserCouponView,
  userCouponStatus,
} from '@giftshop/shared';
import { DataSource, EntityManager } from 'typeorm';
import { ShopsService } from '../catalog/shops.service';
import { ClockService } from '../clock/clock.service';
import { ConflictError, InvalidInputError, NotFoundError } from '../common/domain-errors';
import { runInTransaction } from '../database/run-in-transaction';
import { IdempotencyService } from '../idempotency/idempotency.service';
import type { IssueCouponDto } from './checkout.dto';

const DAY_MS = 24 * 3_600_000;

/** A coupon row with its terms, as the queries below select it. */
export interface CouponRow {
  id: string;
  shop_id: string;
  title: string;
  type: CouponTerms['type'];
  amount_off_fen: number | null;
  percent_off_bps: number | null;
  min_spend_fen: number;
  max_discount_fen: number | null;
  product_ids: string[] | null;
  total: number;
  claimed: number;
  per_user_limit: number;
  claim_ends_at: Date;
  valid_days: number;
  status: 'active' | 'ended';
  created_at: Date;
}

const COUPON_COLUMNS = `c.id, c.shop_id, c.title, c.type, c.amount_off_fen, c.percent_off_bps, c.min_spend_fen,
  c.max_discount_fen, c.product_ids, c.total, c.claimed, c.per_user_limit, c.claim_ends_at, c.valid_days, c.status,
  c.created_at`;

export function termsOf(
  row: Pick<
    CouponRow,
    'type' | 'amount_off_fen' | 'percent_off_bps' | 'min_spend_fen' | 'max_discount_fen' | 'product_ids'
  >,
): CouponTerms {
  return {
    type: row.type,
    amountOffFen: row.amount_off_fen,
    percentOffBps: row.percent_off_bps,
    minSpendFen: row.min_spend_fen,
    maxDiscountFen: row.max_discount_fen,
    productIds: row.product_ids,
  };
}

/**
 * 优惠券: merchants issue them, shoppers claim them. Never more than `total` are claimed: the
 * claim takes one with a conditional UPDATE of the coupon row (`claimed < total`, also a table
 * constraint), and that row lock makes one user's concurrent claims take turns, so each counts
 * the claims committed before it against the per-user limit. Using one on an order is the
 * checkout's (CheckoutBenefitsService).
 */
@Injectable()
export class CouponsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly clock: ClockService,
    private readonly shops: ShopsService,
    private readonly idempotency: IdempotencyService,
  ) {}

  issue(ownerId: string, shopId: string, input: IssueCouponDto): Promise<CouponView> {
    return runInTransaction(this.db, async (tx) => {
      await this.shops.findOwned(shopId, ownerId, tx);
      const terms: CouponTerms = {
        type: input.type,
        amountOffFen: input.amountOffFen ?? null,
        percentOffBps: input.percentOffBps ?? null,
        minSpendFen: input.minSpendFen,
        maxDiscountFen: input.maxDiscountFen ?? null,
        productIds: input.productIds ?? null,
      };
      const problem = couponTermsProblem(terms);
      if (problem) throw new InvalidInputError('INVALID_COUPON', problem);
      const now = this.clock.now();
      if (new Date(input.claimEndsAt).getTime() <= now.getTime()) {
        throw new InvalidInputError('INVALID_COUPON', 'claimEndsAt: must be in the future');
      }
      if (terms.productIds) await this.assertShopProducts(tx, shopId, terms.productIds);
      const [row]: CouponRow[] = await tx.query(
        `INSERT INTO coupons AS c (shop_id, title, type, amount_off_fen, percent_off_bps, min_spend_fen, max_discount_fen,
                              product_ids, total, per_user_limit, claim_ends_at, valid_days, status, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, 'active', $13) RETURNING ${COUPON_COLUMNS}`,
        [
          shopId,
          input.title,
          terms.type,
          terms.amountOffFen,
          terms.percentOffBps,
          terms.minSpendFen,
          terms.maxDiscountFen,
          terms.productIds,
          input.total,
          input.perUserLimit,
          input.claimEndsAt,
          input.validDays,
          now,
        ],
      );
      return couponView(row, 0);
    });
  }

  /** The shop's coupons anyone may claim now, newest first; `claimedByMe` for a signed-in caller. */
  async claimable(shopId: string, callerId: string | null): Promise<CouponView[]> {
    const rows: (CouponRow & { mine: number })[] = await this.db.query(
      `SELECT ${COUPON_COLUMNS},
              (SELECT count(*)::int FROM user_coupons u WHERE u.coupon_id = c.id AND u.user_id = $3) AS mine
         FROM coupons c
        WHERE c.shop_id = $1 AND c.status = 'active' AND c.claim_ends_at > $2 AND c.claimed < c.total
        ORDER BY c.created_at DESC, c.id`,
      [shopId, this.clock.now(), callerId],
    );
    return rows.map((r) => couponView(r, r.mine));
  }

  /** Every coupon of the owner's shop with what became of its claims. */
  async figures(ownerId: string, shopId: string): Promise<CouponFiguresView[]> {
    await this.shops.findOwned(shopId, ownerId);
    const rows: (CouponRow & { held: number; used: number; discount_fen: string })[] = await this.db.query(
      `SELECT ${COUPON_COLUMNS},
              count(u.id) FILTER (WHERE u.status = 'held')::int AS held,
              count(u.id) FILTER (WHERE u.status = 'used')::int AS used,
              COALESCE(SUM(o.discount_fen) FILTER (WHERE u.status = 'used'), 0)::bigint AS discount_fen
         FROM coupons c LEFT JOIN user_coupons u ON u.coupon_id = c.id LEFT JOIN orders o ON o.id = u.order_id
        WHERE c.shop_id = $1
        GROUP BY c.id ORDER BY c.created_at DESC, c.id`,
      [shopId],
    );
    return rows.map((r) => ({
      ...couponView(r, 0),
      held: r.held,
      used: r.used,
      discountFen: Number(r.discount_fen),
    }));
  }

  /** Stops claims; coupons already claimed stay usable until they expire. */
  end(ownerId: string, couponId: string): Promise<CouponView> {
    return runInTransaction(this.db, async (tx) => {
      const [coupon]: CouponRow[] = await tx.query(`SELECT ${COUPON_COLUMNS} FROM coupons c WHERE c.id = $1`, [
        couponId,
      ]);
      if (!coupon) throw new NotFoundError('coupon');
      await this.shops.findOwned(coupon.shop_id, ownerId, tx);
      const [[ended]]: [CouponRow[], number] = await tx.query(
        `UPDATE coupons c SET status = 'ended' WHERE c.id = $1 RETURNING ${COUPON_COLUMNS}`,
        [couponId],
      );
      return couponView(ended, 0);
    });
  }

  /** 领券: one more of the coupon for the caller, or 409 SOLD_OUT / LIMIT_REACHED / COUPON_ENDED. */
  claim(userId: string, couponId: string, key?: string): Promise<UserCouponView> {
    return this.idempotency.run({ userId, scope: 'coupons.claim', key, request: { couponId } }, async (tx) => {
      const now = this.clock.now();
      const [[taken]]: [CouponRow[], number] = await tx.query(
        `UPDATE coupons c SET claimed = c.claimed + 1
          WHERE c.id = $1 AND c.status = 'active' AND c.claim_ends_at > $2 AND c.claimed < c.total
          RETURNING ${COUPON_COLUMNS}`,
        [couponId, now],
      );
      if (!taken) throw await this.whyNotClaimable(tx, couponId, now);
      // The coupon row is locked until commit: this user's other claims wait, then count this one.
      const [{ mine }]: { mine: number }[] = await tx.query(
        'SELECT count(*)::int AS mine FROM user_coupons WHERE coupon_id = $1 AND user_id = $2',
        [couponId, userId],
      );
      if (mine >= taken.per_user_limit) {
        throw new ConflictError(
          'LIMIT_REACHED',
          `you have claimed this coupon ${mine} ${mine === 1 ? 'time' : 'times'}: at most ${taken.per_user_limit} per person`,
        );
      }
      const [claimed]: UserCouponRow[] = await tx.query(
        `INSERT INTO user_coupons (coupon_id, user_id, shop_id, status, claimed_at, expires_at)
         VALUES ($1, $2, $3, 'unused', $4, $5) RETURNING id, status, order_id, claimed_at, expires_at`,
        [couponId, userId, taken.shop_id, now, new Date(now.getTime() + taken.valid_days * DAY_MS)],
      );
      return userCouponView({ ...taken, ...claimed, coupon_id: couponId }, now);
    });
  }

  /** The caller's claimed coupons, of one shop or all, newest first. */
  async mine(userId: string, shopId?: string): Promise<UserCouponView[]> {
    const rows: UserCouponJoined[] = await this.db.query(
      `SELECT ${COUPON_COLUMNS}, u.id, u.coupon_id, u.status, u.order_id, u.claimed_at, u.expires_at
         FROM user_coupons u JOIN coupons c ON c.id = u.coupon_id
        WHERE u.user_id = $1 AND ($2::uuid IS NULL OR u.shop_id = $2)
        ORDER BY u.claimed_at DESC, u.id LIMIT 200`,
      [userId, shopId ?? null],
    );
    const now = this.clock.now();
    return rows.map((r) => userCouponView(r, now));
  }

  private async whyNotClaimable(tx: EntityManager, couponId: string, now: Date): Promise<Error> {
    const [coupon]: CouponRow[] = await tx.query(`SELECT ${COUPON_COLUMNS} FROM coupons c WHERE c.id = $1`, [couponId]);
    if (!coupon) return new NotFoundError('coupon');
    if (coupon.status === 'ended') return new ConflictError('COUPON_ENDED', 'the shop has ended this coupon');
    if (coupon.claim_ends_at.getTime() <= now.getTime()) {
      return new ConflictError('COUPON_ENDED', `claims closed at ${coupon.claim_ends_at.toISOString()}`);
    }
    return new ConflictError('SOLD_OUT', `all ${coupon.total} of this coupon have been claimed`);
  }

  private async assertShopProducts(tx: EntityManager, shopId: string, productIds: readonly string[]): Promise<void> {
    const rows: { id: string }[] = await tx.query(
      'SELECT id FROM products WHERE id = ANY($1::uuid[]) AND shop_id = $2',
      [productIds, shopId],
    );
    const found = new Set(rows.map((r) => r.id));
    const missing = productIds.findIndex((id) => !found.has(id));
    if (missing >= 0) throw new NotFoundError(`productIds.${missing}`, 'PRODUCT_NOT_FOUND');
  }
}

/** A claimed coupon with its coupon's terms. */
type UserCouponJoined = Omit<CouponRow, 'id' | 'status'> & UserCouponRow & { coupon_id: string };

interface UserCouponRow {
  id: string;
  status: 'unused' | 'held' | 'used';
  order_id: string | null;
  claimed_at: Date;
  expires_at: Date;
}

function couponView(r: CouponRow, claimedByMe: number): CouponView {
  return {
    id: r.id,
    shopId: r.shop_id,
    title: r.title,
    type: r.type,
    amountOffFen: r.amount_off_fen,
    percentOffBps: r.percent_off_bps,
    minSpendFen: r.min_spend_fen,
    maxDiscountFen: r.max_discount_fen,
    productIds: r.product_ids,
    total: r.total,
    claimed: r.claimed,
    perUserLimit: r.per_user_limit,
    claimEndsAt: r.claim_ends_at.toISOString(),
    validDays: r.valid_days,
    status: r.status,
    createdAt: r.created_at.toISOString(),
    claimedByMe,
  };
}

function userCouponView(r: UserCouponJoined, now: Date): UserCouponView {
  return {
    id: r.id,
    couponId: r.coupon_id,
    shopId: r.shop_id,
    title: r.title,
    type: r.type,
    amountOffFen: r.amount_off_fen,
    percentOffBps: r.percent_off_bps,
    minSpendFen: r.min_spend_fen,
    maxDiscountFen: r.max_discount_fen,
    productIds: r.product_ids,
    status: userCouponStatus(r.status, r.expires_at, now),
    claimedAt: r.claimed_at.toISOString(),
    expiresAt: r.expires_at.toISOString(),
    orderId: r.order_id,
  };
}
