import { Text, View } from '@tarojs/components';
import { formatFen, type QuoteCouponOption, type UserCouponView } from '@giftshop/shared';
import { useI18n } from '../../i18n';
import { couponReason } from './money';

/**
 * The quote's coupons of the shop: usable ones with what they take off, unusable ones greyed with
 * why, and 不使用优惠券. One is checked: the applied coupon, or none.
 */
export function CouponPicker(props: {
  options: QuoteCouponOption[];
  applied: string | null;
  mine: UserCouponView[];
  productIds: string[];
  onPick: (userCouponId: string | null) => void;
}) {
  const { t } = useI18n();
  if (props.options.length === 0) return <Text className="muted">{t('checkout.noCoupons')}</Text>;
  return (
    <View className="coupon-picker" role="radiogroup">
      {props.options.map((option) => {
        const reason = option.usable ? null : couponReason(option, props.mine, props.productIds);
        const checked = props.applied === option.userCouponId;
        return (
          <View
            key={option.userCouponId}
            className={`row coupon-picker__option ${option.usable ? '' : 'coupon-picker__option--off'}`}
            role="radio"
            aria-checked={checked}
            aria-disabled={!option.usable}
            data-testid={`coupon-option-${option.userCouponId}`}
            onClick={() => option.usable && props.onPick(option.userCouponId)}
          >
            <Text>
              {checked ? '◉ ' : '○ '}
              {option.title}
            </Text>
            <Text className={option.usable ? 'price' : 'muted'}>
              {reason
                ? t(reason.key, reason.vars && { min: formatFen(reason.vars.min) })
                : t('checkout.couponOff', { amount: formatFen(option.discountFen) })}
            </Text>
          </View>
        );
      })}
      <View
        className="row coupon-picker__option"
        role="radio"
        aria-checked={props.applied === null}
        data-testid="coupon-option-none"
        onClick={() => props.onPick(null)}
      >
        <Text>
          {props.applied === null ? '◉ ' : '○ '}
          {t('checkout.noCoupon')}
        </Text>
      </View>
    </View>
  );
}
