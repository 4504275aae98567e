import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useEffect } from 'react';
import { GIFT_STATUS_CODES, type GiftView } from '@giftshop/shared';
import { rememberUsers } from '../../api/session';
import { skuLabel } from '../../components/SkuPicker';
import { AsyncView } from '../../components/StatusView';
import { useGift } from '../../hooks/useGifts';
import { usePageTitle, usePolling, useReloadOnShow } from '../../hooks/usePage';
import { useRequireLogin } from '../../hooks/useSession';
import { useI18n } from '../../i18n';
import { giftViewerLabel } from '../../components/GiftCard/label';
import { giftModeLabel } from '../../i18n/labels';
import { ClaimCountdown } from './Countdown';
import { GiverView } from './GiverView';
import { RecipientView } from './RecipientView';
import './index.scss';

/**
 * One gift. The recipient opens the card, may switch to another variant of the same price, gives
 * an address and accepts (or declines a single gift; enters a lottery). The giver sees who
 * accepted, when, and the shipping state — never an address.
 */
export default function GiftPage() {
  usePageTitle('page.gift');
  useRequireLogin();
  const giftId = useRouter().params.id;
  const gift = useGift(giftId);
  useReloadOnShow(gift.reload);
  usePolling(() => void gift.reload({ silent: true }), 5000);
  const reload = () => gift.reload({ silent: true });

  useEffect(() => {
    if (gift.status !== 'ready') return;
    const claims = gift.data.claims ?? [];
    rememberUsers([gift.data.giver, ...claims.map((c) => ({ id: c.recipientId, nickname: c.nickname }))]);
  }, [gift]);

  return (
    <View className="page gift-page">
      <AsyncView state={gift}>
        {(data) => (
          <>
            <GiftHeader gift={data} />
            {data.role === 'giver' ? (
              <GiverView gift={data} reload={reload} />
            ) : (
              <RecipientView gift={data} reload={reload} />
            )}
          </>
        )}
      </AsyncView>
    </View>
  );
}

function GiftHeader({ gift }: { gift: GiftView }) {
  const { t } = useI18n();
  return (
    <View className="gift-head" data-testid="gift-header">
      <Text className="gift-head__from">
        {gift.role === 'giver' ? t('gift.yourGift') : t('gift.fromGiver', { name: gift.giver.nickname })}
      </Text>
      <Text className="gift-head__wish" data-testid="gift-wish">
        {gift.wishMessage || t('gift.defaultWish')}
      </Text>
      <View className="gift-head__meta">
        <Text className="gift-head__pill">{giftModeLabel(gift.mode)}</Text>
        <Text className="gift-head__pill" data-testid="gift-status">
          {giftViewerLabel(gift)}
        </Text>
      </View>
      {gift.status === GIFT_STATUS_CODES.sent && gift.expiresAt && <ClaimCountdown expiresAt={gift.expiresAt} />}
      <View className="gift-head__product">
        <Text className="gift-head__title">{gift.product.title}</Text>
        <Text className="gift-head__specs">{skuLabel(gift.product.specs)}</Text>
      </View>
    </View>
  );
}
