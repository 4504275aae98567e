import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { formatFen } from '@giftshop/shared';
import { useGift } from '../../hooks/useGifts';
import { useI18n } from '../../i18n';
import { giftModeLabel } from '../../i18n/labels';
import { giftViewerLabel } from './label';
import { skuLabel } from '../SkuPicker';
import './index.scss';

/** The gift card a paid gift posts into the chat (`gift-card-<giftId>`); opens the gift page. */
export function GiftCard({ giftId, wishMessage }: { giftId: string; wishMessage?: string }) {
  const { t } = useI18n();
  const gift = useGift(giftId);
  const open = () => void Taro.navigateTo({ url: `/pages/gift/index?id=${giftId}` });

  return (
    <View className="gift-card" data-testid={`gift-card-${giftId}`} onClick={open}>
      <View className="gift-card__top">
        <Text className="gift-card__icon">🎁</Text>
        <View className="gift-card__text">
          <Text className="gift-card__wish">{wishMessage || t('gift.defaultWish')}</Text>
          {gift.status === 'ready' && (
            <Text className="gift-card__product">
              {gift.data.product.title} · {skuLabel(gift.data.product.specs)}
            </Text>
          )}
        </View>
      </View>
      <View className="gift-card__bottom">
        {gift.status === 'ready' ? (
          <Text>
            {giftModeLabel(gift.data.mode)}
            {gift.data.units > 1
              ? ` · ${t('gift.unitsLeft', { left: gift.data.remainingUnits, units: gift.data.units })}`
              : ''}
            {' · '}
            {giftViewerLabel(gift.data)}
            {gift.data.role === 'giver' && (
              <>
                {' · '}
                <Text className="money" data-testid={`gift-card-total-${giftId}`}>
                  {formatFen(gift.data.product.unitPriceFen * gift.data.units)}
                </Text>
              </>
            )}
          </Text>
        ) : (
          <Text>{gift.status === 'loading' ? t('common.loading') : t('gift.cardTitle')}</Text>
        )}
      </View>
    </View>
  );
}
