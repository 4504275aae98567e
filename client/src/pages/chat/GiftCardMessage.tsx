import { Text, View } from '@tarojs/components';
import { useEffect, useRef } from 'react';
import { formatFen } from '@giftshop/shared';
import { useSession } from '../../hooks/useSession';
import { useI18n } from '../../i18n';
import { go, routes } from '../../routes';
import { useGiftCard } from '../gift-card/api';
import { cardChatLabel, THEME_ICONS, themeName } from '../gift-card/labels';

/**
 * A 节日礼券 in the chat (`card-message-<id>`), in its festival's colours: the title, face value and
 * wish, and at its foot 领取 for the friend while it can be claimed, else where it stands (已领取,
 * 已退回), which follows the card's notices as the chat polls them in. It opens the card's page.
 */
export function GiftCardMessage({
  giftCardId,
  wishMessage,
  notices,
}: {
  giftCardId: string;
  wishMessage?: string;
  /** The card's notices in the chat so far: a new one (claimed, refunded) means its status moved. */
  notices: number;
}) {
  const { t } = useI18n();
  const card = useGiftCard(giftCardId);
  const { reload } = card;
  const seen = useRef(notices);
  useEffect(() => {
    if (notices === seen.current) return;
    seen.current = notices;
    void reload({ silent: true });
  }, [notices, reload]);
  const viewerId = useSession()?.user.id;
  const ready = card.status === 'ready' ? card.data : null;

  return (
    <View
      className={`card-message card-message--${ready?.theme ?? 'plain'}`}
      data-testid={`card-message-${giftCardId}`}
      onClick={() => go(routes.giftCard(giftCardId))}
    >
      <View className="card-message__top">
        <Text className="card-message__icon">{ready ? THEME_ICONS[ready.theme] : '🎫'}</Text>
        <View className="card-message__text">
          <Text className="card-message__title">{ready ? ready.title : t('giftCard.cardFoot')}</Text>
          {ready && <Text className="card-message__face">{formatFen(ready.faceValueFen)}</Text>}
          {(ready?.wishMessage || wishMessage) && (
            <Text className="card-message__wish">{ready?.wishMessage || wishMessage}</Text>
          )}
        </View>
      </View>
      <View className="card-message__bottom">
        <Text>{ready ? `${themeName(ready.theme)} · ${t('giftCard.cardFoot')}` : t('giftCard.cardFoot')}</Text>
        <Text className="card-message__status" data-testid={`card-message-status-${giftCardId}`}>
          {ready ? cardChatLabel(ready, viewerId) : card.status === 'loading' ? t('common.loading') : ''}
        </Text>
      </View>
    </View>
  );
}
