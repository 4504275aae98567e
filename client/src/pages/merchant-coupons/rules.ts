import { COUPON_RULES, type CouponType } from '@giftshop/shared';
import { parseYuan } from '../../components/YuanInput';
import { translate } from '../../i18n';

/** The coupon form as typed: amounts in yuan, a discount in 折 ("8.5"), counts and days as text. */
export interface CouponForm {
  title: string;
  type: CouponType;
  /** 满减: yuan off. */
  amountOff: string;
  /** 折扣: what is paid, in 折 (8.5 = 15% off); 2 to 9.99. */
  zhe: string;
  /** 折扣: the most it takes off, in yuan; blank is no cap. */
  cap: string;
  /** Goods needed, in yuan; blank is no minimum. */
  minSpend: string;
  /** The shop's products it applies to; none picked is the whole shop. */
  productIds: string[];
  total: string;
  perUserLimit: string;
  /** The last day to claim, YYYY-MM-DD (claims close at the end of that day). */
  claimEndsOn: string;
  validDays: string;
}

/** The body of `POST /api/shops/:shopId/coupons`. */
export interface CouponBody {
  title: string;
  type: CouponType;
  amountOffFen?: number;
  percentOffBps?: number;
  maxDiscountFen?: number;
  minSpendFen: number;
  productIds?: string[];
  total: number;
  perUserLimit: number;
  claimEndsAt: string;
  validDays: number;
}

const MAX_TITLE = 40;

const whole = (text: string): number | null => (/^\d+$/.test(text.trim()) ? Number(text.trim()) : null);
const inRange = (n: number | null, min: number, max: number): n is number => n !== null && n >= min && n <= max;

/** 8.5折 as basis points off (1500); null unless it is 2 to 9.99 with at most two decimals. */
export function zheToBps(text: string): number | null {
  const match = /^(\d)(?:\.(\d{1,2}))?$/.exec(text.trim());
  if (!match) return null;
  const hundredths = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
  const bps = 10_000 - hundredths * 10;
  return bps >= 1 && bps <= COUPON_RULES.maxPercentOffBps ? bps : null;
}

/** The end of a local day written YYYY-MM-DD, or null when it is not a date. */
export function endOfDay(text: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]) - 1, Number(match[3])];
  const date = new Date(year, month, day, 23, 59, 59);
  return date.getFullYear() === year && date.getMonth() === month && date.getDate() === day ? date : null;
}

/**
 * The body of a new coupon, or the first thing wrong with the form by the server's rules
 * (API.md; shared COUPON_RULES): a title of 1–40 characters; ¥0.01 or more off, or 2折–9.99折 with an
 * optional cap; a minimum spend ≥ 0; 1–1,000,000 coupons, 1–100 a person; claims closing in the
 * future; 1–365 days valid after a claim.
 */
export function couponBody(
  form: CouponForm,
  now: Date,
): { ok: true; body: CouponBody } | { ok: false; problem: string } {
  const fail = (key: Parameters<typeof translate>[0], vars?: Record<string, number>) => ({
    ok: false as const,
    problem: translate(key, vars),
  });
  const title = form.title.trim();
  if (title.length === 0 || [...title].length > MAX_TITLE) return fail('coupons.badTitle', { max: MAX_TITLE });

  const terms: Pick<CouponBody, 'type' | 'amountOffFen' | 'percentOffBps' | 'maxDiscountFen'> = { type: form.type };
  if (form.type === 'amount_off') {
    const amountOffFen = parseYuan(form.amountOff);
    if (!inRange(amountOffFen, 1, COUPON_RULES.maxAmountFen)) return fail('coupons.badAmount');
    terms.amountOffFen = amountOffFen;
  } else {
    const percentOffBps = zheToBps(form.zhe);
    if (percentOffBps === null) return fail('coupons.badZhe');
    terms.percentOffBps = percentOffBps;
    if (form.cap.trim()) {
      const cap = parseYuan(form.cap);
      if (!inRange(cap, 1, COUPON_RULES.maxAmountFen)) return fail('coupons.badCap');
      terms.maxDiscountFen = cap;
    }
  }
  const minSpendFen = form.minSpend.trim() ? parseYuan(form.minSpend) : 0;
  if (minSpendFen === null) return fail('coupons.badMinSpend');

  const total = whole(form.total);
  if (!inRange(total, 1, COUPON_RULES.maxTotal)) return fail('coupons.badTotal', { max: COUPON_RULES.maxTotal });
  const perUserLimit = whole(form.perUserLimit);
  if (!inRange(perUserLimit, 1, COUPON_RULES.maxPerUserLimit)) {
    return fail('coupons.badPerUser', { max: COUPON_RULES.maxPerUserLimit });
  }
  const claimEndsAt = endOfDay(form.claimEndsOn);
  if (!claimEndsAt) return fail('coupons.badClaimEnd');
  if (claimEndsAt.getTime() <= now.getTime()) return fail('coupons.claimEndPast');
  const validDays = whole(form.validDays);
  if (!inRange(validDays, 1, COUPON_RULES.maxValidDays)) {
    return fail('coupons.badValidDays', { max: COUPON_RULES.maxValidDays });
  }
  return {
    ok: true,
    body: {
      title,
      ...terms,
      minSpendFen,
      ...(form.productIds.length ? { productIds: form.productIds } : {}),
      total,
      perUserLimit,
      claimEndsAt: claimEndsAt.toISOString(),
      validDays,
    },
  };
}
