import type { CouponView } from '@giftshop/shared';
import type { MessageKey } from '../../i18n/messages';

/** The coupons a product page offers: those for the whole shop and those naming this product. */
export function couponsForProduct(coupons: readonly CouponView[], productId: string): CouponView[] {
  return coupons.filter((c) => c.productIds === null || c.productIds.includes(productId));
}

/** Yuan as a coupon says it: 100, or 99.5 (no ¥, no trailing zeros). */
export function yuan(fen: number): string {
  return String(fen / 100);
}

type Terms = Pick<CouponView, 'type' | 'amountOffFen' | 'percentOffBps' | 'minSpendFen'>;

/** The coupon's headline: 满100减20, 立减5, or 9折 / 8.5折 (percentOffBps 1000 = 10% off = 9折). */
export function couponHeadline(c: Terms): { key: MessageKey; vars: Record<string, string> } {
  if (c.type === 'percent_off') {
    const bps = c.percentOffBps ?? 0;
    return { key: 'coupon.percentOff', vars: { rate: String((10_000 - bps) / 1_000), pct: String(bps / 100) } };
  }
  const off = yuan(c.amountOffFen ?? 0);
  return c.minSpendFen > 0
    ? { key: 'coupon.amountOff', vars: { min: yuan(c.minSpendFen), off } }
    : { key: 'coupon.amountOffNoMin', vars: { off } };
}

/** Whether the caller has claimed as many as one may: the button then says 已领取. */
export function claimedAll(c: Pick<CouponView, 'claimedByMe' | 'perUserLimit'>): boolean {
  return c.claimedByMe >= c.perUserLimit;
}

/** The claim's refusals said in the shopper's words; other errors keep their message. */
export const CLAIM_REFUSALS: Record<string, MessageKey> = {
  SOLD_OUT: 'coupon.soldOut',
  LIMIT_REACHED: 'coupon.limitReached',
  COUPON_ENDED: 'coupon.ended',
};
