import { formatFen, type CouponFiguresView, type CouponView } from '@giftshop/shared';
import { translate } from '../../i18n';
import { formatTime } from '../../i18n/labels';

/** 15% off as the 折 a shopper reads: 1500 → "8.5", 1000 → "9", 50 → "9.95". */
export function bpsToZhe(bps: number): string {
  return String((10_000 - bps) / 1_000);
}

type Terms = Pick<
  CouponView,
  'type' | 'amountOffFen' | 'percentOffBps' | 'minSpendFen' | 'maxDiscountFen' | 'productIds'
>;

/** What a coupon takes off, in one line: 满 ¥100.00 减 ¥20.00 · 全店通用; 9 折 · 最多减 ¥30.00 · 指定 2 件商品. */
export function couponTermsText(coupon: Terms): string {
  const parts: string[] = [];
  if (coupon.type === 'amount_off') {
    const off = formatFen(coupon.amountOffFen ?? 0);
    parts.push(
      coupon.minSpendFen > 0
        ? translate('coupons.amountTerms', { min: formatFen(coupon.minSpendFen), off })
        : translate('coupons.amountTermsNoMin', { off }),
    );
  } else {
    const bps = coupon.percentOffBps ?? 0;
    parts.push(translate('coupons.zheTerms', { zhe: bpsToZhe(bps), pct: bps / 100 }));
    if (coupon.minSpendFen > 0) parts.push(translate('coupons.minTerms', { min: formatFen(coupon.minSpendFen) }));
    if (coupon.maxDiscountFen !== null)
      parts.push(translate('coupons.capTerms', { cap: formatFen(coupon.maxDiscountFen) }));
  }
  parts.push(
    coupon.productIds
      ? translate('coupons.someProducts', { n: coupon.productIds.length })
      : translate('coupons.wholeShop'),
  );
  return parts.join(' · ');
}

/** The merchant's figures: 已领 3/100 · 使用中 1 · 已使用 2 · 优惠金额 ¥40.00. */
export function couponFiguresText(
  coupon: Pick<CouponFiguresView, 'claimed' | 'total' | 'held' | 'used' | 'discountFen'>,
) {
  return translate('coupons.figures', {
    claimed: coupon.claimed,
    total: coupon.total,
    held: coupon.held,
    used: coupon.used,
    discount: formatFen(coupon.discountFen),
  });
}

export function couponScheduleText(coupon: Pick<CouponView, 'claimEndsAt' | 'validDays' | 'perUserLimit'>) {
  return translate('coupons.schedule', {
    at: formatTime(coupon.claimEndsAt),
    days: coupon.validDays,
    limit: coupon.perUserLimit,
  });
}
