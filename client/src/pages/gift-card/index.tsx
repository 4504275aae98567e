import { Button, Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { formatFen, type GiftCardView } from '@giftshop/shared';
import { FormError } from '../../components/FormError';
import { InfoRow } from '../../components/InfoRow';
import { AsyncView } from '../../components/StatusView';
import { useAction } from '../../hooks/useApi';
import { usePageTitle } from '../../hooks/usePage';
import { useRequireLogin, useSession } from '../../hooks/useSession';
import { useI18n } from '../../i18n';
import { formatTime } from '../../i18n/labels';
import { go, routes } from '../../routes';
import { claimGiftCard, useGiftCard } from './api';
import { cardChatLabel, claimRefusal, giverStatusText, THEME_ICONS, themeName } from './labels';
import './index.scss';

/**
 * One 节日礼券 as a member of its chat sees it: the recipient claims it (no address) and then sees
 * its balance and expiry; the giver follows it (待领取 until the 24-hour deadline, 已领取, 已退款).
 */
export default function GiftCardPage() {
  const { t } = useI18n();
  usePageTitle('page.giftCard');
  useRequireLogin();
  const card = useGiftCard(useRouter().params.id);
  const viewerId = useSession()?.user.id;

  return (
    <View className="page card-page">
      <AsyncView state={card} errorText={(status, message) => (status === 403 ? t('giftCard.forbidden') : message)}>
        {(data) => (
          <>
            <CardFace card={data} />
            <View className="section">
              {viewerId === data.recipientId ? <RecipientPart card={data} /> : <GiverPart card={data} />}
            </View>
          </>
        )}
      </AsyncView>
    </View>
  );
}

function CardFace({ card }: { card: GiftCardView }) {
  const { t } = useI18n();
  return (
    <View className={`card-page__card card-page__card--${card.theme}`} data-testid="card-face" data-theme={card.theme}>
      <Text className="card-page__theme" data-testid="card-theme">
        {THEME_ICONS[card.theme]} {themeName(card.theme)} · {card.shopName}
      </Text>
      <Text className="card-page__title" data-testid="card-title">
        {card.title}
      </Text>
      <Text className="card-page__face" data-testid="card-face-value">
        {formatFen(card.faceValueFen)}
      </Text>
      {card.wishMessage && (
        <Text className="card-page__wish" data-testid="card-wish">
          {card.wishMessage}
        </Text>
      )}
      <Text className="card-page__from">{t('giftCard.from', { name: card.giverNickname })}</Text>
    </View>
  );
}

function RecipientPart({ card }: { card: GiftCardView }) {
  const { t } = useI18n();
  const claim = useAction(() => claimGiftCard(card.id));

  if (card.canClaim) {
    return (
      <>
        <Text className="muted">{t('giftCard.claimHint', { shop: card.shopName })}</Text>
        <FormError error={claim.error && claimRefusal(claim.error)} testId="card-error" />
        <View className="actions">
          <Button
            className="btn btn--gift"
            data-testid="card-claim"
            disabled={claim.pending}
            onClick={() => void claim.run()}
          >
            {t('giftCard.claim')}
          </Button>
        </View>
      </>
    );
  }
  return (
    <>
      <Text className="card-page__status" data-testid="card-status">
        {cardChatLabel(card, card.recipientId)}
      </Text>
      {card.status === 'claimed' && (
        <>
          <InfoRow
            label={t('giftCard.balance')}
            value={card.balanceFen === null ? '—' : formatFen(card.balanceFen)}
            testId="card-balance"
          />
          <InfoRow label={t('giftCard.expires')} value={formatTime(card.expiresAt)} testId="card-expires" />
          <View className="actions">
            <Button className="btn btn--primary" data-testid="card-wallet" onClick={() => go(routes.wallet())}>
              {t('giftCard.toWallet')}
            </Button>
          </View>
        </>
      )}
    </>
  );
}

function GiverPart({ card }: { card: GiftCardView }) {
  const { t } = useI18n();
  return (
    <>
      <Text className="card-page__status" data-testid="card-status">
        {giverStatusText(card, formatTime)}
      </Text>
      <InfoRow label={t('giftCard.faceValue')} value={formatFen(card.faceValueFen)} />
    </>
  );
}
