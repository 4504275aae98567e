import { applyGiftCards } from './gift-cards';
import { freightFor } from './orders';

/** One line of a basket at the price of the moment. */
export interface PricingLine {
  skuId: string;
  quantity: number;
  unitPriceFen: number;
}

/** An order's money, as priced and as shown on the order. */
export interface OrderTotals {
  goodsFen: number;
  freightFen: number;
  discountFen: number;
  giftCardFen: number;
  /** goods + freight − discount: what the order costs. */
  totalFen: number;
  /** total − gift-card part: what WeChat Pay charges. */
  payFen: number;
}

/** What an order costs. `lines[i].paidFen` adds up to the goods after the discount. */
export interface OrderPrice extends OrderTotals {
  lines: { skuId: string; quantity: number; paidFen: number }[];
  /** What each named gift card pays, in the order named (0 for a card with nothing left or not needed). */
  giftCards: { id: string; amountFen: number }[];
}

export interface PricingOptions {
  /** A coupon's discount (couponDiscount), spread over the lines it applies to. */
  discount?: { amountFen: number; appliesTo?: readonly boolean[] };
  /** Gift cards with their balances now: they pay the total after the discount, freight included. */
  giftCards?: readonly { id: string; balanceFen: number }[];
}

export interface PricingShop {
  freightFen: number;
  freeShippingThresholdFen: number;
}

function assertFen(value: number, what: string, min = 0): void {
  if (!Number.isSafeInteger(value) || value < min) throw new RangeError(`${what} must be an integer ≥ ${min}`);
}

/**
 * Splits `amountFen` over parts in proportion to `weights`, in whole fen that add up exactly
 * (largest remainder: each part gets its floor, the fen left over go to the largest remainders,
 * ties to the earlier part). All weights 0 split evenly. Used to spread a discount over lines and
 * a line's paid amount over a gift's units, so each knows what was paid for it.
 */
export function spreadFen(amountFen: number, weights: readonly number[]): number[] {
  assertFen(amountFen, 'amountFen');
  if (weights.length === 0) {
    if (amountFen === 0) return [];
    throw new RangeError('cannot spread an amount over no parts');
  }
  weights.forEach((w, i) => assertFen(w, `weights.${i}`));
  const total = weights.reduce((sum, w) => sum + w, 0);
  const shares = total === 0 ? weights.map(() => 1) : weights;
  const sum = total === 0 ? weights.length : total;
  // BigInt: amount × weight can pass 2^53 for large orders.
  const exact = shares.map((w) => (BigInt(amountFen) * BigInt(w)) / BigInt(sum));
  const parts = exact.map(Number);
  const remainders = shares.map((w, i) => ({ i, r: (BigInt(amountFen) * BigInt(w)) % BigInt(sum) }));
  let left = amountFen - parts.reduce((a, b) => a + b, 0);
  remainders.sort((a, b) => (a.r === b.r ? a.i - b.i : a.r > b.r ? -1 : 1));
  for (const { i } of remainders) {
    if (left === 0) break;
    parts[i] += 1;
    left -= 1;
  }
  return parts;
}

/** What each of `units` units of a line paid, adding up to the line's paid amount exactly. */
export function unitPaidFen(line: { paidFen: number; quantity: number }): number[] {
  assertFen(line.quantity, 'quantity', 1);
  return spreadFen(
    line.paidFen,
    Array.from({ length: line.quantity }, () => 1),
  );
}

/**
 * The one price of a basket, used by POST /api/orders and POST /api/orders/quote alike so what
 * the checkout shows is what is charged. `shop` null means no freight (gifts carry none).
 *
 * A coupon's discount is spread over the lines it applies to by their goods value (spreadFen), so
 * each line's `paidFen` is what was paid for it, none is below zero, and the lines add up to the
 * goods after the discount; a refund of some lines gives back what was paid for those lines.
 * Freight is worked out on the goods after the discount. Gift cards then pay the total, each at
 * most its balance: `payFen` is what is left for WeChat Pay. A card is a way to pay, not a
 * discount: the lines' `paidFen` include what cards paid for them.
 */
export function priceOrder(
  lines: readonly PricingLine[],
  shop: PricingShop | null,
  options: PricingOptions = {},
): OrderPrice {
  if (lines.length === 0) throw new RangeError('an order has at least one line');
  const priced = lines.map((line, i) => {
    assertFen(line.quantity, `lines.${i}.quantity`, 1);
    assertFen(line.unitPriceFen, `lines.${i}.unitPriceFen`);
    const goodsFen = line.unitPriceFen * line.quantity;
    assertFen(goodsFen, `lines.${i} total`);
    return { skuId: line.skuId, quantity: line.quantity, goodsFen };
  });
  const goodsFen = priced.reduce((sum, l) => sum + l.goodsFen, 0);
  assertFen(goodsFen, 'goods');
  if (shop) {
    assertFen(shop.freightFen, 'shop.freightFen');
    assertFen(shop.freeShippingThresholdFen, 'shop.freeShippingThresholdFen');
  }
  const discountFen = options.discount?.amountFen ?? 0;
  assertFen(discountFen, 'discountFen');
  const appliesTo = options.discount?.appliesTo ?? priced.map(() => true);
  if (appliesTo.length !== priced.length) throw new RangeError('appliesTo names every line');
  const weights = priced.map((l, i) => (appliesTo[i] ? l.goodsFen : 0));
  if (discountFen > weights.reduce((sum, w) => sum + w, 0)) {
    throw new RangeError('a discount cannot exceed the goods it applies to');
  }
  // No goods to weigh (all lines free) means no discount to spread.
  const discounts = discountFen === 0 ? priced.map(() => 0) : spreadFen(discountFen, weights);
  const paidLines = priced.map((l, i) => ({
    skuId: l.skuId,
    quantity: l.quantity,
    paidFen: l.goodsFen - discounts[i],
  }));
  // Freight is waived when the goods after the discount reach the threshold.
  const freightFen = shop ? freightFor(goodsFen - discountFen, shop) : 0;
  const totalFen = goodsFen + freightFen - discountFen;
  const giftCards = applyGiftCards(totalFen, options.giftCards ?? []);
  const giftCardFen = giftCards.reduce((sum, c) => sum + c.amountFen, 0);
  return {
    goodsFen,
    freightFen,
    discountFen,
    giftCardFen,
    totalFen,
    payFen: totalFen - giftCardFen,
    lines: paidLines,
    giftCards,
  };
}
