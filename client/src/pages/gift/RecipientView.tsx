import { Button, Text, View } from '@tarojs/components';
import { claimEligibility, type GiftView } from '@giftshop/shared';
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
 * to accept with (or decline), or the claim once accepted. What may be claimed is the server's rule,
 * claimEligibility; its refusals choose the view.
 */
export function RecipientView({ gift, reload }: { gift: GiftView; reload: () => Promise<void> }) {
  const { t } = useI18n();
  if (gift.myClaim) return <MyClaim gift={gift} claim={gift.myClaim} reload={reload} />;
  const verdict = claimEligibility({
    gift: {
      mode: gift.mode,
      status: gift.status,
      expiresAt: gift.expiresAt,
      drawnAt: gift.drawnAt,
      hasOpenUnit: gift.remainingUnits > 0,
    },
    // The server shows a gift only to members of its chat; the caller's own claim is shown above.
    caller: { isMember: true, isGiver: gift.role === 'giver', hasClaimed: false, won: gift.won ?? null },
    // The phone's clock is not the server's: the countdown shows the deadline, and the server
    // answers a claim sent after it.
    now: null,
  });
  if (verdict.ok) return <ClaimForm gift={gift} reload={reload} />;
  switch (verdict.code) {
    case 'ALL_CLAIMED':
      return <AllClaimed gift={gift} />;
    case 'DRAW_PENDING':
      return <LotteryEntry gift={gift} reload={reload} />;
    case 'NOT_A_WINNER':
      return (
        <View className="section gift-page__closed" data-testid="lottery-lost">
          <Text>{t('gift.lost')}</Text>
        </View>
      );
    default:
      return (
        <View className="section gift-page__closed" data-testid="gift-closed">
          <Text>{t('gift.closed', { status: giftStatusLabel(gift.status) })}</Text>
        </View>
      );
  }
}

/** Before the draw: enter, or see that you have, and how many have. */
function LotteryEntry({ gift, reload }: { gift: GiftView; reload: () => Promise<void> }) {
  const { t } = useI18n();
  const enter = useAction(async () => {
    await apiPost('/gifts/{id}/enter', { path: { id: gift.id } });
    await reload();
  });
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
