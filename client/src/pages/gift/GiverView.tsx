import { Button, Text, View } from '@tarojs/components';
import { useState } from 'react';
import { formatFen, GIFT_STATUS_CODES, type GiftView } from '@giftshop/shared';
import { apiPost, newIdempotencyKey } from '../../api/client';
import { FormError } from '../../components/FormError';
import { InfoRow as Row } from '../../components/InfoRow';
import { AsyncView } from '../../components/StatusView';
import { useAction } from '../../hooks/useApi';
import { useDraw } from '../../hooks/useGifts';
import { useI18n } from '../../i18n';
import { formatTime, shippingStatusLabel } from '../../i18n/labels';
import { go, routes } from '../../routes';

/** The giver's view: units, who accepted and when, the shipping state; never an address. */
export function GiverView({ gift, reload }: { gift: GiftView; reload: () => Promise<void> }) {
  const { t } = useI18n();
  const [payKey] = useState(newIdempotencyKey);
  const pay = useAction(async () => {
    await apiPost('/orders/{id}/pay', { path: { id: gift.orderId }, idempotencyKey: payKey });
    await reload();
  });
  const claims = gift.claims ?? [];

  return (
    <>
      <View className="section">
        <Row label={t('gift.total')} value={formatFen(gift.product.unitPriceFen * gift.units)} />
        <Row label={t('gift.units')} value={String(gift.units)} />
        <Row label={t('gift.claimed')} value={String(gift.claimedUnits)} testId="gift-claimed-units" />
        <Row label={t('gift.remaining')} value={String(gift.remainingUnits)} />
        {(gift.refundedUnits ?? 0) > 0 && (
          <Row label={t('gift.refundedUnits')} value={String(gift.refundedUnits)} testId="gift-refunded-units" />
        )}
        <Row label={t('gift.sentAt')} value={formatTime(gift.sentAt)} />
        <Row label={t('gift.expiresAt')} value={formatTime(gift.expiresAt)} />
        {gift.mode === 'lottery' && (
          <>
            <Row label={t('gift.drawAt')} value={formatTime(gift.drawAt)} />
            <Row label={t('gift.entrants')} value={String(gift.entrantCount ?? 0)} />
          </>
        )}
        {gift.status === GIFT_STATUS_CODES.pending_payment && (
          <>
            <Button
              className="btn btn--gift"
              data-testid="gift-pay"
              disabled={pay.pending}
              onClick={() => void pay.run()}
            >
              {t('gift.payNow')}
            </Button>
            <FormError error={pay.error} />
          </>
        )}
      </View>

      <View className="section">
        <Text className="section__title">{t('gift.whoAccepted')}</Text>
        {claims.length === 0 ? (
          <Text className="muted">{t('gift.noClaims')}</Text>
        ) : (
          claims.map((claim) => (
            <View key={claim.recipientId} className="row" data-testid={`gift-claim-${claim.recipientId}`}>
              <View className="gift-page__claimer">
                <Text>{claim.nickname}</Text>
                <Text className="muted">{t('gift.acceptedAt', { at: formatTime(claim.acceptedAt) })}</Text>
              </View>
              <Text className="tag tag--green">{shippingStatusLabel(claim.shippingStatus)}</Text>
            </View>
          ))
        )}
        <View className="gift-page__privacy">
          <Text className="muted">{t('gift.privacy')}</Text>
        </View>
      </View>

      {gift.mode === 'lottery' && gift.drawnAt && <DrawResult giftId={gift.id} />}

      <View className="section">
        <Button className="btn btn--plain" data-testid="gift-open-chat" onClick={() => go(routes.chat(gift.chatId))}>
          {t('gift.openChat')}
        </Button>
      </View>
    </>
  );
}

/** The recorded draw: the seed and entrants anyone can recompute the winners from. */
function DrawResult({ giftId }: { giftId: string }) {
  const { t } = useI18n();
  const draw = useDraw(giftId);
  return (
    <View className="section" data-testid="lottery-draw">
      <Text className="section__title">{t('gift.drawResult')}</Text>
      <AsyncView state={draw}>
        {(data) => (
          <>
            <Row label={t('gift.drawnAt')} value={formatTime(data.drawnAt)} />
            <Row label={t('gift.entrants')} value={String(data.entrantIds.length)} />
            <Row label={t('gift.winners')} value={String(data.winnerIds.length)} />
            <Text className="muted gift-page__seed">seed {data.seed}</Text>
          </>
        )}
      </AsyncView>
    </View>
  );
}
