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
}

export interface PricingShop {
  freightFen: number;
  freeShippingThresholdFen: number;
}

function assertFen(value: number, what: string, min = 0): void {
  if (!Number.isSafeInteger(value) || value < min) throw new RangeError(`${what} must be an integer ≥ ${min}`);
}

/**
 * The one price of a basket, used by POST /api/orders and POST /api/orders/quote alike so what
 * the checkout shows is what is charged. `shop` null means no freight (gifts carry none).
 * Coupons and gift cards do not exist yet: discount and card part are 0.
 */
export function priceOrder(lines: readonly PricingLine[], shop: PricingShop | null): OrderPrice {
  if (lines.length === 0) throw new RangeError('an order has at least one line');
  const priced = lines.map((line, i) => {
    assertFen(line.quantity, `lines.${i}.quantity`, 1);
    assertFen(line.unitPriceFen, `lines.${i}.unitPriceFen`);
    const paidFen = line.unitPriceFen * line.quantity;
    assertFen(paidFen, `lines.${i} total`);
    return { skuId: line.skuId, quantity: line.quantity, paidFen };
  });
  const goodsFen = priced.reduce((sum, l) => sum + l.paidFen, 0);
  assertFen(goodsFen, 'goods');
  if (shop) {
    assertFen(shop.freightFen, 'shop.freightFen');
    assertFen(shop.freeShippingThresholdFen, 'shop.freeShippingThresholdFen');
  }
  const discountFen = 0;
  const giftCardFen = 0;
  // Freight is waived when the goods after the discount reach the threshold.
  const freightFen = shop ? freightFor(goodsFen - discountFen, shop) : 0;
  const totalFen = goodsFen + freightFen - discountFen;
  return { goodsFen, freightFen, discountFen, giftCardFen, totalFen, payFen: totalFen - giftCardFen, lines: priced };
}
