import { Text, View } from '@tarojs/components';
import type { UserCouponView } from '@giftshop/shared';
import { couponHeadline, yuan } from '../../components/CouponStrip/rules';
import { AsyncView } from '../../components/StatusView';
import { useMyCoupons } from '../../hooks/useCoupons';
import { usePageTitle, useReloadOnShow } from '../../hooks/usePage';
import { useRequireLogin } from '../../hooks/useSession';
import { useI18n } from '../../i18n';
import { formatTime } from '../../i18n/labels';
import { go, routes } from '../../routes';
import { groupCoupons } from './groups';
import './index.scss';

/** 我的优惠券: the coupons the user claimed, by status; one opens its shop. */
export default function MyCouponsPage() {
  const { t } = useI18n();
  usePageTitle('page.myCoupons');
  useRequireLogin();
  const coupons = useMyCoupons();
  useReloadOnShow(coupons.reload);

  return (
    <View className="page my-coupons">
      <AsyncView state={coupons} isEmpty={(list) => list.length === 0} emptyText={t('coupon.empty')}>
        {(list) =>
          groupCoupons(list).map((group) => (
            <View key={group.status} className="section" data-testid={`coupon-group-${group.status}`}>
              <Text className="section__title">{t(`coupon.status.${group.status}`)}</Text>
              {group.coupons.map((coupon) => (
                <CouponRow key={coupon.id} coupon={coupon} />
              ))}
            </View>
          ))
        }
      </AsyncView>
    </View>
  );
}

function CouponRow({ coupon }: { coupon: UserCouponView }) {
  const { t } = useI18n();
  const headline = couponHeadline(coupon);
  const live = coupon.status === 'unused';
  return (
    <View
      className={`row my-coupons__row ${live ? '' : 'my-coupons__row--off'}`}
      data-testid={`my-coupon-${coupon.id}`}
      onClick={() => live && go(routes.shop(coupon.shopId))}
    >
      <View className="my-coupons__terms">
        <Text className="my-coupons__headline">{t(headline.key, headline.vars)}</Text>
        <Text>{coupon.title}</Text>
        {coupon.minSpendFen > 0 && (
          <Text className="muted">{t('coupon.minSpend', { min: yuan(coupon.minSpendFen) })}</Text>
        )}
      </View>
      <Text className="muted">{t('coupon.expires', { date: formatTime(coupon.expiresAt) })}</Text>
    </View>
  );
}
