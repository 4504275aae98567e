import { Text, View } from '@tarojs/components';
import { formatFen, GIFT_CARD_THEME_NAMES, type WalletCardView } from '@giftshop/shared';
import { useI18n } from '../../i18n';

/**
 * The caller's cards of this shop as toggles (`card-toggle-<cardId>`, aria-checked): checking one
 * adds it to the cards that pay, after the coupon, in the order checked.
 */
export function CardToggles(props: {
  cards: WalletCardView[];
  selected: string[];
  onToggle: (cardId: string) => void;
}) {
  const { t } = useI18n();
  return (
    <View className="card-toggles">
      {props.cards.map((card) => {
        const checked = props.selected.includes(card.id);
        return (
          <View
            key={card.id}
            className="row"
            role="checkbox"
            aria-checked={checked}
            data-testid={`card-toggle-${card.id}`}
            onClick={() => props.onToggle(card.id)}
          >
            <Text>
              {checked ? '☑ ' : '☐ '}
              {GIFT_CARD_THEME_NAMES[card.theme]} · {card.title}
            </Text>
            <Text className="muted">{t('checkout.cardBalance', { amount: formatFen(card.balanceFen) })}</Text>
          </View>
        );
      })}
    </View>
  );
}
