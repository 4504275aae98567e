import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { GiftView } from '@giftshop/shared';
import { useI18n } from '../../i18n';
import { formatTime } from '../../i18n/labels';
import { routes } from '../../routes';

/**
 * Every unit has been taken (red-packet style): who got one and when, then 我也送一份 (the same
 * product in the gift composer) and back to the chat.
 */
export function AllClaimed({ gift }: { gift: GiftView }) {
  const { t } = useI18n();
  const claimants = gift.claimants ?? [];
  return (
    <View className="section gift-all-claimed" data-testid="gift-all-claimed">
      <Text className="gift-all-claimed__title">{t('gift.allClaimed')}</Text>
      <Text className="muted">{t('gift.claimedCount', { n: claimants.length, units: gift.units })}</Text>
      <View className="gift-all-claimed__list">
        {claimants.map((c, i) => (
          <View key={`${c.nickname}-${c.acceptedAt}`} className="gift-all-claimed__row" data-testid={`claimant-${i}`}>
            <View className="gift-all-claimed__avatar">
              <Text>{c.nickname.slice(0, 1)}</Text>
            </View>
            <Text className="gift-all-claimed__name">{c.nickname}</Text>
            <Text className="muted">{formatTime(c.acceptedAt)}</Text>
          </View>
        ))}
      </View>
      <View className="gift-all-claimed__actions">
        <Button
          className="btn btn--gift"
          data-testid="gift-send-too"
          onClick={() => void Taro.navigateTo({ url: routes.giftCompose(gift.product.productId, gift.product.skuId) })}
        >
          {t('gift.sendToo')}
        </Button>
        <Button
          className="btn"
          data-testid="gift-back-to-chat"
          onClick={() => void Taro.navigateTo({ url: routes.chat(gift.chatId) })}
        >
          {t('gift.backToChat')}
        </Button>
      </View>
    </View>
  );
}
