import { applyBps } from './money';
import { spreadFen } from './pricing';

/**
 * 推客 · 用户即渠道: a shopper who shares a product link earns a commission on what its buyers
 * paid for that product. The merchant sets the rate per product; the commission is the merchant's
 * expense, pending until the order settles and reversed in proportion by refunds.
 */
export const COMMISSION_RULES = {
  /** 0 to 50% of what was paid for the product. */
  maxBps: 5_000,
  /** Last touch: the buyer's latest view through a sharer's link at most this long before the order. */
  attributionWindowMs: 7 * 24 * 3_600_000,
} as const;

/** Whether a view at `viewedAt` may attribute an order placed at `orderAt` (inclusive edge). */
export function withinAttributionWindow(viewedAt: Date, orderAt: Date): boolean {
  const age = orderAt.getTime() - viewedAt.getTime();
  return age >= 0 && age <= COMMISSION_RULES.attributionWindowMs;
}

/**
 * Each product's commission of an order: round-half-up(rate × what was paid for that product's
 * lines), freight excluded; products at 0% (or paying nothing) earn none.
 */
export function orderCommissions(
  lines: readonly { productId: string; paidFen: number; commissionBps: number }[],
): { productId: string; baseFen: number; commissionBps: number; commissionFen: number }[] {
  const byProduct = new Map<string, { baseFen: number; commissionBps: number }>();
  for (const line of lines) {
    const product = byProduct.get(line.productId) ?? { baseFen: 0, commissionBps: line.commissionBps };
    product.baseFen += line.paidFen;
    byProduct.set(line.productId, product);
  }
  return [...byProduct]
    .map(([productId, p]) => ({ productId, ...p, commissionFen: applyBps(p.baseFen, p.commissionBps) }))
    .filter((p) => p.commissionFen > 0);
}

/**
 * What WeChat Pay paid of each line of an order that gift cards paid `giftCardFen` of: the card
 * part is spread over the lines and the freight by what each cost (spreadFen), the rest of each
 * line is WeChat Pay's. Commissions are on that part — the money the sharer's link brought in; a
 * card's money came in (and paid its fee) when the card was claimed — so an order's commission
 * never exceeds its income and no order leaves the merchant's money below zero.
 */
export function linesPaidByWechat(linesPaidFen: readonly number[], freightFen: number, giftCardFen: number): number[] {
  if (giftCardFen === 0) return [...linesPaidFen];
  const shares = spreadFen(giftCardFen, [...linesPaidFen, freightFen]);
  return linesPaidFen.map((paid, i) => paid - shares[i]);
}

/**
 * How much of a booked commission stands reversed once `refundedFen` of the `paidFen` an order
 * was paid has gone back: in proportion, rounded half up, never more than was booked. Computed
 * from the running total of refunds, so a series of partial refunds reverses exactly what one
 * refund of their sum would.
 */
export function reversedCommissionFen(bookedFen: number, refundedFen: number, paidFen: number): number {
  if (paidFen <= 0 || refundedFen <= 0) return 0;
  if (refundedFen >= paidFen) return bookedFen;
  // booked × refunded may pass 2^53: exact in BigInt.
  const n = BigInt(bookedFen) * BigInt(refundedFen);
  const d = BigInt(paidFen);
  return Math.min(bookedFen, Number((2n * n + d) / (2n * d)));
}
