import {
  GIFT_CARD_RULES,
  type OrderTotals,
  type QuoteCouponOption,
  type UserCouponView,
  type WalletCardView,
} from '@giftshop/shared';
import type { MessageKey } from '../../i18n/messages';

/**
 * The coupon the checkout asks the quote for. Until the shopper picks (`undefined`), the first
 * quote's best usable coupon is the default; a pick, even 不使用 (null), is kept.
 */
export function couponChoice(picked: string | null | undefined, quote: { bestUserCouponId: string | null }) {
  return picked === undefined ? quote.bestUserCouponId : picked;
}

/** The wallet's cards that can pay at this shop: active ones of the same shop. */
export function cardsForShop(wallet: readonly WalletCardView[], shopId: string): WalletCardView[] {
  return wallet.filter((card) => card.status === 'active' && card.shopId === shopId);
}

/**
 * Toggles a card: added at the end (cards pay in the order named), or taken out. An order names
 * at most `GIFT_CARD_RULES.maxCardsPerOrder` cards: one more is not added.
 */
export function toggleCard(ids: readonly string[], id: string): string[] {
  if (ids.includes(id)) return ids.filter((other) => other !== id);
  return ids.length < GIFT_CARD_RULES.maxCardsPerOrder ? [...ids, id] : [...ids];
}

export interface MoneyLine {
  label: MessageKey;
  fen: number;
  /** Shown as −¥: it comes off the goods. */
  minus: boolean;
  testId: string;
}

/** 商品金额, 优惠券 −, 运费, 礼券抵扣 −: the lines above 实付, a discount or card part only when there is one. */
export function moneyLines(price: OrderTotals): MoneyLine[] {
  const lines: MoneyLine[] = [{ label: 'checkout.goods', fen: price.goodsFen, minus: false, testId: 'checkout-goods' }];
  if (price.discountFen > 0) {
    lines.push({ label: 'checkout.coupon', fen: price.discountFen, minus: true, testId: 'checkout-discount' });
  }
  lines.push({ label: 'order.freight', fen: price.freightFen, minus: false, testId: 'checkout-freight' });
  if (price.giftCardFen > 0) {
    lines.push({ label: 'checkout.cardsOff', fen: price.giftCardFen, minus: true, testId: 'checkout-cards' });
  }
  return lines;
}

/**
 * Why a coupon cannot be used here, in the shopper's words: from its terms (the server's reason is
 * for logs) — none of its products in the basket, else the minimum spend.
 */
export function couponReason(
  option: QuoteCouponOption,
  mine: readonly UserCouponView[],
  productIds: readonly string[],
): { key: MessageKey; vars?: { min: number } } {
  const terms = mine.find((c) => c.id === option.userCouponId);
  if (!terms) return { key: 'checkout.couponUnusable' };
  if (terms.productIds && !productIds.some((id) => terms.productIds?.includes(id))) {
    return { key: 'checkout.couponNotForThese' };
  }
  return { key: 'checkout.couponNeeds', vars: { min: terms.minSpendFen } };
}
