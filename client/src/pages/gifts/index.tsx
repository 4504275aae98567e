import { Button, Text, View } from '@tarojs/components';
import { useState } from 'react';
import { GIFT_STATUS_CODES, type GiftView } from '@giftshop/shared';
import { apiPost } from '../../api/client';
import { FormError } from '../../components/FormError';
import { skuLabel } from '../../components/SkuPicker';
import { AsyncView } from '../../components/StatusView';
import { Tabs } from '../../components/Tabs';
import { useAction } from '../../hooks/useApi';
import { useGifts } from '../../hooks/useGifts';
import { usePageTitle, useReloadOnShow } from '../../hooks/usePage';
import { useRequireLogin } from '../../hooks/useSession';
import { useI18n } from '../../i18n';
import { formatTime, giftModeLabel, giftStatusLabel } from '../../i18n/labels';
import { go, routes } from '../../routes';
import './index.scss';

/** 我的礼物: the gifts the user sent and the ones sent to them. */
export default function GiftsPage() {
  const { t } = useI18n();
  usePageTitle('page.gifts');
  useRequireLogin();
  const [role, setRole] = useState<'giver' | 'recipient'>('giver');
  const gifts = useGifts(role);
  useReloadOnShow(gifts.reload);

  return (
    <View className="page gifts-page">
      <Tabs
        items={[
          { key: 'giver', label: t('gifts.sent') },
          { key: 'recipient', label: t('gifts.received') },
        ]}
        current={role}
        onChange={setRole}
        testIdPrefix="gifts-tab"
      />
      <AsyncView state={gifts} isEmpty={(list) => list.length === 0} emptyText={t('gifts.empty')}>
        {(list) => list.map((gift) => <GiftRow key={gift.id} gift={gift} onChanged={() => void gifts.reload()} />)}
      </AsyncView>
    </View>
  );
}

function GiftRow({ gift, onChanged }: { gift: GiftView; onChanged: () => void }) {
  const { t } = useI18n();
  // An unpaid gift was never sent: it is paid (on its page) or cancelled, not "剩 0/1 份".
  const unpaid = gift.role === 'giver' && gift.status === GIFT_STATUS_CODES.pending_payment;
  const cancel = useAction(async () => {
    await apiPost('/orders/{id}/cancel', { path: { id: gift.orderId } });
    onChanged();
  });
  return (
    <View className="section" data-testid={`gift-row-${gift.id}`} onClick={() => go(routes.gift(gift.id))}>
      <View className="row">
        <Text>
          🎁 {gift.product.title} <Text className="muted">{skuLabel(gift.product.specs)}</Text>
        </Text>
        <Text className="tag">{giftStatusLabel(gift.status)}</Text>
      </View>
      {unpaid ? (
        <View className="row">
          <Text className="muted">
            {giftModeLabel(gift.mode)} · {t('gifts.unpaid')}
          </Text>
          <Button
            className="btn btn--plain btn--small"
            data-testid={`gift-cancel-${gift.id}`}
            disabled={cancel.pending}
            aria-disabled={cancel.pending}
            onClick={(e) => {
              e.stopPropagation();
              void cancel.run();
            }}
          >
            {t('gifts.cancelUnpaid')}
          </Button>
        </View>
      ) : (
        <Text className="muted">
          {giftModeLabel(gift.mode)} · {t('gift.unitsLeft', { left: gift.remainingUnits, units: gift.units })} ·{' '}
          {gift.role === 'giver'
            ? t('gifts.sentAt', { at: formatTime(gift.sentAt) })
            : t('gift.fromGiver', { name: gift.giver.nickname })}
        </Text>
      )}
      <FormError error={cancel.error} testId={`gift-error-${gift.id}`} />
    </View>
  );
}
