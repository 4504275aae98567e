import { Button, Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import type { ClaimStatus, FulfilmentView } from '@giftshop/shared';
import { apiPost } from '../../api/client';
import { FormError } from '../../components/FormError';
import { ShipFields, ShipTo, useShipment } from '../../components/ShipFields';
import { ShopName } from '../../components/ShopSwitcher';
import { skuLabel } from '../../components/SkuPicker';
import { AsyncView } from '../../components/StatusView';
import { Tabs } from '../../components/Tabs';
import { useAction } from '../../hooks/useApi';
import { useGiftClaims } from '../../hooks/useMerchant';
import { usePageTitle, useReloadOnShow } from '../../hooks/usePage';
import { useRequireLogin } from '../../hooks/useSession';
import { useI18n } from '../../i18n';
import { claimStatusLabel, formatTime } from '../../i18n/labels';
import './index.scss';

type Filter = 'accepted' | 'shipped' | 'all';

/** Claimed gift units to ship, one by one, to each recipient's address (seen only here). */
export default function MerchantGiftsPage() {
  const { t } = useI18n();
  usePageTitle('page.merchantGifts');
  useRequireLogin();
  const shopId = useRouter().params.shopId;
  const [filter, setFilter] = useState<Filter>('accepted');
  const claims = useGiftClaims(shopId, filter === 'all' ? undefined : (filter as ClaimStatus));
  useReloadOnShow(claims.reload);

  return (
    <View className="page merchant-gifts-page">
      {shopId && (
        <View className="section">
          <ShopName shopId={shopId} />
        </View>
      )}
      <Tabs
        items={(['accepted', 'shipped', 'all'] as Filter[]).map((key) => ({
          key,
          label: t(`merchantGifts.filter.${key}`),
        }))}
        current={filter}
        onChange={setFilter}
        testIdPrefix="merchant-gifts-tab"
      />
      <AsyncView state={claims} isEmpty={(list) => list.length === 0} emptyText={t('merchantGifts.empty')}>
        {(list) =>
          list.map((claim) => (
            <Fulfilment key={claim.id} claim={claim} onChanged={() => claims.reload({ silent: true })} />
          ))
        }
      </AsyncView>
    </View>
  );
}

function Fulfilment({ claim, onChanged }: { claim: FulfilmentView; onChanged: () => Promise<void> }) {
  const { t } = useI18n();
  const shipment = useShipment();
  const ship = useAction(async () => {
    await apiPost('/gift-claims/{id}/ship', { path: { id: claim.id }, body: shipment.body() });
    await onChanged();
  });

  return (
    <View className="section" data-testid={`fulfilment-${claim.id}`}>
      <View className="row">
        <Text>
          🎁 {claim.title} <Text className="muted">{skuLabel(claim.specs)}</Text>
        </Text>
        <Text className="tag">{claimStatusLabel(claim.claimStatus)}</Text>
      </View>
      <Text className="muted">
        {t('merchantGifts.recipient', { name: claim.recipientNickname, at: formatTime(claim.acceptedAt) })}
      </Text>
      <ShipTo address={claim.address} testId={`fulfilment-address-${claim.id}`} />
      {claim.carrier && (
        <Text className="muted">
          {claim.carrier} {claim.trackingNo}
        </Text>
      )}
      {claim.claimStatus === 'accepted' && (
        <>
          <ShipFields
            shipment={shipment}
            carrierTestId={`ship-claim-carrier-${claim.id}`}
            trackingTestId={`ship-claim-tracking-${claim.id}`}
          />
          <FormError error={ship.error} testId={`ship-claim-error-${claim.id}`} />
          <View className="actions">
            <Button
              className="btn btn--primary btn--small"
              data-testid={`ship-claim-${claim.id}`}
              disabled={ship.pending}
              onClick={() => void ship.run()}
            >
              {t('ship.ship')}
            </Button>
          </View>
        </>
      )}
    </View>
  );
}
