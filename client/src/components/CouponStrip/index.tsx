import { Button, ScrollView, Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { CouponView } from '@giftshop/shared';
import { ApiRequestError, apiPost, errorMessage } from '../../api/client';
import { useShopCoupons } from '../../hooks/useCoupons';
import { useSession } from '../../hooks/useSession';
import { useI18n } from '../../i18n';
import { go, routes } from '../../routes';
import { claimedAll, CLAIM_REFUSALS, couponHeadline, couponsForProduct, yuan } from './rules';
import './index.scss';

/**
 * 领券: the shop's claimable coupons (on a product page, only those that apply to it), each with
 * 领取 → 已领取, or why the claim was refused. Shows nothing when there are none.
 */
export function CouponStrip({ shopId, productId }: { shopId: string; productId?: string }) {
  const { t } = useI18n();
  const session = useSession();
  const coupons = useShopCoupons(shopId, session?.user.id ?? '');
  if (coupons.status !== 'ready') return null;
  const shown = productId ? couponsForProduct(coupons.data, productId) : coupons.data;
  if (shown.length === 0) return null;
  return (
    <View className="section coupon-strip" data-testid="coupon-strip">
      <Text className="section__title">{t('coupon.strip')}</Text>
      <ScrollView scrollX className="coupon-strip__list">
        {shown.map((coupon) => (
          <CouponTicket key={coupon.id} coupon={coupon} signedIn={Boolean(session)} />
        ))}
      </ScrollView>
    </View>
  );
}

function CouponTicket({ coupon, signedIn }: { coupon: CouponView; signedIn: boolean }) {
  const { t } = useI18n();
  // Counted here after a claim: reloading the list would drop a coupon the claim just sold out.
  const [claimedByMe, setClaimedByMe] = useState(coupon.claimedByMe);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const done = claimedAll({ claimedByMe, perUserLimit: coupon.perUserLimit });
  const headline = couponHeadline(coupon);

  const claim = async () => {
    if (!signedIn) return go(routes.login());
    setPending(true);
    setRefusal(null);
    try {
      await apiPost('/coupons/{id}/claim', { path: { id: coupon.id } });
      setClaimedByMe((n) => n + 1);
    } catch (err) {
      const key = err instanceof ApiRequestError ? CLAIM_REFUSALS[err.code] : undefined;
      setRefusal(key ? t(key) : errorMessage(err));
    } finally {
      setPending(false);
    }
  };

  return (
    <View className="coupon-ticket" data-testid={`coupon-${coupon.id}`}>
      <Text className="coupon-ticket__headline">{t(headline.key, headline.vars)}</Text>
      <Text className="coupon-ticket__title">{coupon.title}</Text>
      {coupon.minSpendFen > 0 && (
        <Text className="muted">{t('coupon.minSpend', { min: yuan(coupon.minSpendFen) })}</Text>
      )}
      {coupon.productIds && <Text className="muted">{t('coupon.someProducts')}</Text>}
      {refusal ? (
        <Text className="coupon-ticket__refusal" data-testid={`coupon-refusal-${coupon.id}`}>
          {refusal}
        </Text>
      ) : (
        <Button
          className={`btn btn--small ${done ? 'btn--plain' : 'btn--primary'}`}
          data-testid={`coupon-claim-${coupon.id}`}
          disabled={done || pending}
          aria-disabled={done || pending}
          onClick={() => void claim()}
        >
          {done ? t('coupon.claimed') : t('coupon.claim')}
        </Button>
      )}
    </View>
  );
}
