import { findCategory } from './categories';
import { formatFen, isFen } from './money';

/** A SKU's list price (原价) must be at most ¥10,000 to be sent as a gift. */
export const MAX_GIFT_LIST_PRICE_FEN = 1_000_000;

export type GiftIneligibleCode = 'UNKNOWN_CATEGORY' | 'CATEGORY_NOT_GIFTABLE' | 'LIST_PRICE_OVER_GIFT_CAP';

export type GiftEligibility = { giftable: true } | { giftable: false; code: GiftIneligibleCode; reason: string };

/**
 * Whether a SKU may be sent as a gift: its category must be giftable and its list price at most
 * ¥10,000. Checked when listing (to show it) and again when a gift is created (to enforce it).
 * The reason is written for the shopper ("not giftable: list price over ¥10,000").
 */
export function skuGiftEligibility(sku: { categoryCode: string; listPriceFen: number }): GiftEligibility {
  if (!isFen(sku.listPriceFen)) {
    throw new RangeError(`skuGiftEligibility: list price ${sku.listPriceFen} is not a whole number of fen`);
  }
  const category = findCategory(sku.categoryCode);
  if (!category) {
    return { giftable: false, code: 'UNKNOWN_CATEGORY', reason: `unknown category ${sku.categoryCode}` };
  }
  if (!category.giftable) {
    return {
      giftable: false,
      code: 'CATEGORY_NOT_GIFTABLE',
      reason: `not giftable: ${category.name} (${category.nameEn}) cannot be sent as a gift`,
    };
  }
  if (sku.listPriceFen > MAX_GIFT_LIST_PRICE_FEN) {
    return {
      giftable: false,
      code: 'LIST_PRICE_OVER_GIFT_CAP',
      reason: `not giftable: list price over ${formatFen(MAX_GIFT_LIST_PRICE_FEN)}`,
    };
  }
  return { giftable: true };
}
