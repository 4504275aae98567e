import { Button, Input, Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { GiftView, MyGiftClaim } from '@giftshop/shared';
import { apiPost } from '../../api/client';
import { FormError } from '../../components/FormError';
import { InfoRow as Row } from '../../components/InfoRow';
import { skuLabel } from '../../components/SkuPicker';
import { useAction } from '../../hooks/useApi';
import { useI18n } from '../../i18n';
import { claimStatusLabel, formatTime } from '../../i18n/labels';

/** The recipient's accepted unit: variant, own address, shipping; confirm receipt or ask for after-sales. */
export function MyClaim({ gift, claim, reload }: { gift: GiftView; claim: MyGiftClaim; reload: () => Promise<void> }) {
  const { t } = useI18n();
  const [reasonOpen, setReasonOpen] = useState(false);
  const [reason, setReason] = useState('');
  const confirm = useAction(async () => {
    await apiPost('/gift-claims/{id}/confirm-receipt', { path: { id: claim.id } });
    await reload();
  });
  const refund = useAction(async () => {
    await apiPost('/orders/{id}/refund', { path: { id: gift.orderId }, body: { reason: reason.trim() } });
    setReasonOpen(false);
    await reload();
  });
  const canRefund = claim.claimStatus === 'accepted' || claim.claimStatus === 'delivered';

  return (
    <View className="section" data-testid="my-claim">
      <Text className="section__title">{t('gift.accepted')}</Text>
      <Row label={t('gift.variant')} value={skuLabel(claim.specs)} />
      <Row label={t('gift.acceptedAtLabel')} value={formatTime(claim.acceptedAt)} />
      <Row label={t('gift.claimStatus')} value={claimStatusLabel(claim.claimStatus)} testId="my-claim-status" />
      {claim.carrier && <Row label={t('gift.shipping')} value={`${claim.carrier} ${claim.trackingNo ?? ''}`} />}
      <View className="gift-page__address">
        <Text className="muted">
          {claim.address.name} {claim.address.phone}
        </Text>
        <Text className="muted">
          {claim.address.region} {claim.address.detail}
        </Text>
      </View>
      {reasonOpen && (
        <View className="field">
          <Input
            className="field__input"
            data-testid="claim-refund-reason"
            value={reason}
            placeholder={t('orders.reasonPlaceholder')}
            onInput={(e) => setReason(e.detail.value)}
          />
          <Button
            className="btn btn--primary btn--small"
            data-testid="claim-refund-submit"
            disabled={refund.pending || !reason.trim()}
            onClick={() => void refund.run()}
          >
            {t('common.submit')}
          </Button>
        </View>
      )}
      <FormError error={confirm.error ?? refund.error} testId="my-claim-error" />
      <View className="actions">
        {claim.claimStatus === 'shipped' && (
          <Button
            className="btn btn--primary btn--small"
            data-testid="claim-confirm-receipt"
            disabled={confirm.pending}
            onClick={() => void confirm.run()}
          >
            {t('orders.confirmReceipt')}
          </Button>
        )}
        {canRefund && (
          <Button
            className="btn btn--plain btn--small"
            data-testid="claim-refund"
            onClick={() => setReasonOpen((open) => !open)}
          >
            {claim.claimStatus === 'accepted' ? t('orders.refund') : t('orders.return')}
          </Button>
        )}
      </View>
    </View>
  );
}
