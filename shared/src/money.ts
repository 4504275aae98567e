/**
 * Money is always an integer number of fen (分, 1/100 CNY). No floating point in money, anywhere.
 * This module is the one owner of formatting and rounding.
 */

export type Fen = number;

/** True when `value` is a whole, non-negative, safe number of fen. */
export function isFen(value: unknown): value is Fen {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

/**
 * Formats fen as a price a shopper reads: `formatFen(123456)` → `¥1,234.56`.
 * Negative amounts (refunds, reversals in a ledger) keep their sign in front: `-¥3.00`.
 */
export function formatFen(fen: Fen, options: { symbol?: boolean } = {}): string {
  if (!Number.isSafeInteger(fen)) {
    throw new RangeError(`formatFen: ${fen} is not a whole number of fen`);
  }
  const symbol = options.symbol === false ? '' : '¥';
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const yuan = Math.floor(abs / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const cents = (abs % 100).toString().padStart(2, '0');
  return `${sign}${symbol}${yuan}.${cents}`;
}

/**
 * round-half-up(numerator / denominator) for non-negative integers, exact for any size
 * (computed with BigInt so `rate × amount` never loses precision).
 */
export function divideRoundHalfUp(numerator: number, denominator: number): number {
  if (!Number.isSafeInteger(numerator) || numerator < 0) {
    throw new RangeError(`divideRoundHalfUp: numerator ${numerator} must be a non-negative integer`);
  }
  if (!Number.isSafeInteger(denominator) || denominator <= 0) {
    throw new RangeError(`divideRoundHalfUp: denominator ${denominator} must be a positive integer`);
  }
  const n = BigInt(numerator);
  const d = BigInt(denominator);
  return Number((2n * n + d) / (2n * d));
}

/** Basis points: 10,000 bps = 100%. */
export const BPS_DENOMINATOR = 10_000;

/** round-half-up(amountFen × rateBps / 10,000), exact. */
export function applyBps(amountFen: Fen, rateBps: number): Fen {
  if (!isFen(amountFen)) throw new RangeError(`applyBps: ${amountFen} is not a whole number of fen`);
  if (!Number.isSafeInteger(rateBps) || rateBps < 0 || rateBps > BPS_DENOMINATOR) {
    throw new RangeError(`applyBps: rate ${rateBps} must be a whole number of basis points from 0 to 10,000`);
  }
  // rate ≤ 100%, so the result never exceeds the (safe) amount.
  const n = BigInt(amountFen) * BigInt(rateBps);
  const d = BigInt(BPS_DENOMINATOR);
  return Number((2n * n + d) / (2n * d));
}
