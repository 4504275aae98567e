import { applyBps, formatFen } from './money';

/**
 * 优惠券: a merchant issues a fixed number of coupons; shoppers claim them and use one per order.
 * The discount is worked out here, on the order's lines, and spread over the lines it applies to
 * by `priceOrder`, so every line knows what was paid for it.
 */
export const COUPON_RULES = {
  /** At most 80% off (WeChat's 2折 floor). */
  maxPercentOffBps: 8_000,
  maxTotal: 1_000_000,
  maxPerUserLimit: 100,
  maxValidDays: 365,
  maxProducts: 100,
  /** The most a coupon may take off, ¥100,000, so no amount overflows an order. */
  maxAmountFen: 10_000_000,
} as const;

export type CouponType = 'amount_off' | 'percent_off';
export type CouponStatus = 'active' | 'ended';

/**
 * A claimed coupon: `unused` → `held` by an unpaid order → `used` when it is paid; back to
 * `unused` if that order is cancelled unpaid. `expired` is an unused coupon past its `expiresAt`
 * (worked out when read, never stored).
 */
export type UserCouponStatus = 'unused' | 'held' | 'used' | 'expired';

/** What a coupon takes off and when (the terms its claims are used by). */
export interface CouponTerms {
  type: CouponType;
  amountOffFen: number | null;
  percentOffBps: number | null;
  /** Goods of the coupon's products (all of them when `productIds` is null), before the discount, freight excluded. */
  minSpendFen: number;
  /** Caps a percent-off discount; null is no cap. */
  maxDiscountFen: number | null;
  /** The products it applies to; null: every product of the shop. */
  productIds: readonly string[] | null;
}

/** A line of the order as the coupon sees it. */
export interface CouponLine {
  productId: string;
  /** unit price × quantity. */
  goodsFen: number;
}

export type CouponVerdict =
  | { usable: true; discountFen: number; /** per line: whether the discount is spread over it */ appliesTo: boolean[] }
  | { usable: false; reason: string };

/** Why the terms of a new coupon cannot be issued, or null. */
export function couponTermsProblem(terms: CouponTerms): string | null {
  if (terms.type === 'amount_off') {
    if (terms.amountOffFen === null) return 'amountOffFen: an amount-off coupon needs it';
    if (terms.amountOffFen < 1 || terms.amountOffFen > COUPON_RULES.maxAmountFen) {
      return `amountOffFen: 1 to ${COUPON_RULES.maxAmountFen} fen`;
    }
    if (terms.percentOffBps !== null) return 'percentOffBps: only for a percent-off coupon';
    if (terms.maxDiscountFen !== null) return 'maxDiscountFen: only for a percent-off coupon';
  } else {
    if (terms.percentOffBps === null) return 'percentOffBps: a percent-off coupon needs it';
    if (terms.percentOffBps < 1 || terms.percentOffBps > COUPON_RULES.maxPercentOffBps) {
      return `percentOffBps: 1 to ${COUPON_RULES.maxPercentOffBps} (at most 80% off)`;
    }
    if (terms.amountOffFen !== null) return 'amountOffFen: only for an amount-off coupon';
  }
  if (terms.productIds !== null && terms.productIds.length === 0) {
    return 'productIds: leave it out for every product, or name at least one';
  }
  if (terms.productIds && new Set(terms.productIds).size !== terms.productIds.length) {
    return 'productIds: a product is named twice';
  }
  return null;
}

/**
 * What the coupon takes off these lines, or why it cannot be used on them. The discount never
 * exceeds the goods it applies to, so no line is paid below zero. Percent off is
 * round-half-up(rate × the goods it applies to), then capped.
 */
export function couponDiscount(terms: CouponTerms, lines: readonly CouponLine[]): CouponVerdict {
  const products = terms.productIds ? new Set(terms.productIds) : null;
  const appliesTo = lines.map((l) => products === null || products.has(l.productId));
  if (!appliesTo.some(Boolean)) return { usable: false, reason: 'it applies to none of these products' };
  const eligibleFen = lines.reduce((sum, l, i) => (appliesTo[i] ? sum + l.goodsFen : sum), 0);
  if (eligibleFen < terms.minSpendFen) {
    const of = products ? 'of its products' : 'of goods';
    return {
      usable: false,
      reason: `it needs ${formatFen(terms.minSpendFen)} ${of} (this order has ${formatFen(eligibleFen)})`,
    };
  }
  const off =
    terms.type === 'amount_off'
      ? (terms.amountOffFen as number)
      : Math.min(applyBps(eligibleFen, terms.percentOffBps as number), terms.maxDiscountFen ?? Infinity);
  return { usable: true, discountFen: Math.min(off, eligibleFen), appliesTo };
}

/** A claimed coupon as a candidate for an order. */
export interface CouponCandidate {
  id: string;
  terms: CouponTerms;
  expiresAt: Date;
}

/**
 * The caller's coupons for these lines, best first: usable ones by discount (larger first; on a
 * tie, the one expiring sooner), then the unusable ones with their reason.
 */
export function rankCoupons<C extends CouponCandidate>(
  candidates: readonly C[],
  lines: readonly CouponLine[],
): { coupon: C; verdict: CouponVerdict }[] {
  const ranked = candidates.map((coupon) => ({ coupon, verdict: couponDiscount(coupon.terms, lines) }));
  const worth = (v: CouponVerdict) => (v.usable ? v.discountFen : -1);
  return ranked.sort(
    (a, b) =>
      worth(b.verdict) - worth(a.verdict) ||
      a.coupon.expiresAt.getTime() - b.coupon.expiresAt.getTime() ||
      a.coupon.id.localeCompare(b.coupon.id),
  );
}

/** A claimed coupon's status as shown: an unused one past its expiry is `expired`. */
export function userCouponStatus(stored: 'unused' | 'held' | 'used', expiresAt: Date, now: Date): UserCouponStatus {
  return stored === 'unused' && expiresAt.getTime() <= now.getTime() ? 'expired' : stored;
}
