import { Button, Text, View } from '@tarojs/components';
import { GIFT_STATUS_CODES, type GiftView } from '@giftshop/shared';
import { apiPost } from '../../api/client';
import { FormError } from '../../components/FormError';
import { useAction } from '../../hooks/useApi';
import { useI18n } from '../../i18n';
import { formatTime, giftStatusLabel } from '../../i18n/labels';
import { AllClaimed } from './AllClaimed';
import { ClaimForm } from './ClaimForm';
import { MyClaim } from './MyClaim';

/**
 * Everyone in the chat but the giver: the lottery entry, the card to open, the variant and address
 * to accept with (or decline), or the claim once accepted.
 */
export function RecipientView({ gift, reload }: { gift: GiftView; reload: () => Promise<void> }) {
  const { t } = useI18n();
  const enter = useAction(async () => {
    await apiPost('/gifts/{id}/enter', { path: { id: gift.id } });
    await reload();
  });

  if (gift.myClaim) return <MyClaim gift={gift} claim={gift.myClaim} reload={reload} />;
  if (gift.status === GIFT_STATUS_CODES.accepted) return <AllClaimed gift={gift} />;
  if (gift.status !== GIFT_STATUS_CODES.sent) {
    return (
      <View className="section gift-page__closed" data-testid="gift-closed">
        <Text>{t('gift.closed', { status: giftStatusLabel(gift.status) })}</Text>
      </View>
    );
  }
  if (gift.mode === 'lottery' && !gift.drawnAt) {
    return (
      <View className="section gift-page__lottery">
        <Text>{t('gift.drawAtText', { at: formatTime(gift.drawAt), units: gift.units })}</Text>
        <Text className="muted">{t('gift.entrantsText', { n: gift.entrantCount ?? 0 })}</Text>
        {gift.entered ? (
          <Text className="tag tag--green" data-testid="lottery-entered">
            {t('gift.entered')}
          </Text>
        ) : (
          <Button
            className="btn btn--gift"
            data-testid="lottery-enter"
            disabled={enter.pending}
            onClick={() => void enter.run()}
          >
            {t('gift.enter')}
          </Button>
        )}
        <FormError error={enter.error} testId="lottery-error" />
      </View>
    );
  }
  if (gift.mode === 'lottery' && gift.won === false) {
    return (
      <View className="section gift-page__closed" data-testid="lottery-lost">
        <Text>{t('gift.lost')}</Text>
      </View>
    );
  }
  if (gift.remainingUnits === 0) return <AllClaimed gift={gift} />;
  return <ClaimForm gift={gift} reload={reload} />;
}
