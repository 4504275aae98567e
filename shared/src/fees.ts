import { DEFAULT_FEE_RATE_BPS, findCategory } from './categories';
import { BPS_DENOMINATOR, isFen } from './money';

/**
 * Technical service fees (技术服务费). The one function every fee in the shop comes from.
 *
 * fee = round-half-up(rate × amount actually paid, freight included), in fen.
 * New merchants pay 1% on their first ¥1,000,000 of GMV within 30 days of opening; the order that
 * crosses the line pays 1% on the part below it and the category rate on the rest, rounded once.
 */
export const NEW_MERCHANT_FEE = {
  rateBps: 100,
  gmvCapFen: 100_000_000,
  windowMs: 30 * 24 * 3_600_000,
} as const;

export function categoryFeeRateBps(categoryCode: string): number {
  return findCategory(categoryCode)?.feeRateBps ?? DEFAULT_FEE_RATE_BPS;
}

export interface FeeInput {
  /** What the buyer actually paid for this order (or gift unit), freight included. */
  amountFen: number;
  categoryRateBps: number;
  /** When the shop opened and when this money was paid: the 30-day window. */
  shopOpenedAt: Date;
  paidAt: Date;
  /** The shop's GMV already counted towards the new-merchant cap before this payment. */
  priorNewMerchantGmvFen: number;
}

export interface FeeBreakdown {
  feeFen: number;
  /** The part of the amount charged at the new-merchant rate. */
  newMerchantFen: number;
  /** The part charged at the category rate. */
  standardFen: number;
}

export function serviceFee(input: FeeInput): FeeBreakdown {
  const { amountFen, categoryRateBps, priorNewMerchantGmvFen } = input;
  if (!isFen(amountFen)) throw new RangeError(`serviceFee: amount ${amountFen} is not a whole number of fen`);
  if (!isFen(priorNewMerchantGmvFen)) throw new RangeError('serviceFee: prior GMV must be a whole number of fen');
  if (!Number.isSafeInteger(categoryRateBps) || categoryRateBps < 0 || categoryRateBps > BPS_DENOMINATOR) {
    throw new RangeError(`serviceFee: rate ${categoryRateBps} must be 0 to 10,000 basis points`);
  }
  const inWindow = input.paidAt.getTime() - input.shopOpenedAt.getTime() < NEW_MERCHANT_FEE.windowMs;
  const room = inWindow ? Math.max(0, NEW_MERCHANT_FEE.gmvCapFen - priorNewMerchantGmvFen) : 0;
  const newMerchantFen = Math.min(amountFen, room);
  const standardFen = amountFen - newMerchantFen;
  const numerator =
    BigInt(newMerchantFen) * BigInt(NEW_MERCHANT_FEE.rateBps) + BigInt(standardFen) * BigInt(categoryRateBps);
  const d = BigInt(BPS_DENOMINATOR);
  return { feeFen: Number((2n * numerator + d) / (2n * d)), newMerchantFen, standardFen };
}

/**
 * The rate of an order whose items span categories: the highest of their rates. One order pays
 * one fee on the whole amount (freight included), so it needs one rate; the highest never lets a
 * low-rate item carry a high-rate one.
 */
export function orderFeeRateBps(categoryCodes: readonly string[]): number {
  if (categoryCodes.length === 0) throw new RangeError('orderFeeRateBps: an order has at least one item');
  return Math.max(...categoryCodes.map(categoryFeeRateBps));
}

/**
 * The fee of each unit of a gift, fixed when the gift is paid and charged when a unit is
 * accepted: unit i is priced as if the shop's GMV already held the units before it, so a gift
 * that crosses the new-merchant line has units at 1%, one split unit, then the category rate.
 */
export function giftUnitFees(
  input: Omit<FeeInput, 'amountFen'> &
    (
      | { unitPriceFen: number; units: number }
      | { /** What each unit paid (unitPaidFen). */ unitsPaidFen: readonly number[] }
    ),
): number[] {
  const { priorNewMerchantGmvFen, categoryRateBps, shopOpenedAt, paidAt } = input;
  const paid =
    'unitsPaidFen' in input ? input.unitsPaidFen : Array.from({ length: input.units }, () => input.unitPriceFen);
  let prior = priorNewMerchantGmvFen;
  return paid.map((amountFen) => {
    const { feeFen } = serviceFee({ categoryRateBps, shopOpenedAt, paidAt, amountFen, priorNewMerchantGmvFen: prior });
    prior += amountFen;
    return feeFen;
  });
}
