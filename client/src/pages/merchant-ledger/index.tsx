import { Button, Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { formatFen, type LedgerTotals } from '@giftshop/shared';
import { apiPost, newIdempotencyKey } from '../../api/client';
import { FormError } from '../../components/FormError';
import { ShopName } from '../../components/ShopSwitcher';
import { AsyncView } from '../../components/StatusView';
import { useAction } from '../../hooks/useApi';
import { useLedger } from '../../hooks/useMerchant';
import { usePageTitle, useReloadOnShow } from '../../hooks/usePage';
import { useRequireLogin } from '../../hooks/useSession';
import { useI18n, type MessageKey } from '../../i18n';
import { formatTime } from '../../i18n/labels';
import { ledgerBalanced } from './balance';
import './index.scss';

const TOTALS: { key: keyof LedgerTotals; label: MessageKey }[] = [
  { key: 'paidFen', label: 'ledger.paid' },
  { key: 'refundedFen', label: 'ledger.refunded' },
  { key: 'feeFen', label: 'ledger.fee' },
  { key: 'commissionFen', label: 'ledger.commission' },
  { key: 'pendingFen', label: 'ledger.pending' },
  { key: 'availableFen', label: 'ledger.available' },
  { key: 'withdrawnFen', label: 'ledger.withdrawn' },
];

/** 结算账本: income, fees, commissions, refunds and reversals, balanced as `ledgerBalanced` says. */
export default function MerchantLedgerPage() {
  const { t } = useI18n();
  usePageTitle('page.merchantLedger');
  useRequireLogin();
  const shopId = useRouter().params.shopId;
  const ledger = useLedger(shopId);
  useReloadOnShow(ledger.reload);
  const [withdrawKey, setWithdrawKey] = useState(newIdempotencyKey);
  const [withdrawn, setWithdrawn] = useState<number | null>(null);
  const withdraw = useAction(async (amountFen: number) => {
    if (!shopId) return;
    const done = await apiPost('/shops/{shopId}/withdrawals', {
      path: { shopId },
      body: { amountFen },
      idempotencyKey: withdrawKey,
    });
    setWithdrawKey(newIdempotencyKey());
    setWithdrawn(done.amountFen);
    await ledger.reload({ silent: true });
  });

  return (
    <View className="page ledger">
      {shopId && (
        <View className="section">
          <ShopName shopId={shopId} />
        </View>
      )}
      <AsyncView state={ledger} errorText={(status, message) => (status === 404 ? t('ledger.unavailable') : message)}>
        {(data) => {
          const x = data.totals;
          const balanced = ledgerBalanced(x);
          return (
            <>
              <View className="section ledger__totals">
                {TOTALS.map((item) => (
                  <View key={item.key} className="ledger__total" data-testid={`ledger-${item.key}`}>
                    <Text className="muted">{t(item.label)}</Text>
                    <Text className="ledger__amount">{formatFen(x[item.key])}</Text>
                  </View>
                ))}
                <Text className={`ledger__check ${balanced ? '' : 'ledger__check--bad'}`} data-testid="ledger-balance">
                  {balanced ? t('ledger.balanced') : t('ledger.unbalanced')}
                </Text>
                <Button
                  className="btn btn--primary btn--small"
                  data-testid="ledger-withdraw"
                  disabled={withdraw.pending || x.availableFen <= 0}
                  onClick={() => void withdraw.run(x.availableFen)}
                >
                  {t('ledger.withdraw')}
                </Button>
                {withdrawn !== null && (
                  <Text className="muted">{t('ledger.withdrawn.toast', { amount: formatFen(withdrawn) })}</Text>
                )}
                <FormError error={withdraw.error} testId="ledger-error" />
              </View>
              <View className="section">
                <Text className="section__title">{t('ledger.entries', { n: data.total ?? data.entries.length })}</Text>
                {data.entries.length === 0 && <Text className="muted">{t('ledger.empty')}</Text>}
                {data.entries.map((entry) => (
                  <View key={entry.id} className="row" data-testid="ledger-entry">
                    <View className="ledger__entry">
                      <Text>{t(`ledgerType.${entry.type}`)}</Text>
                      <Text className="muted">
                        {formatTime(entry.at)}
                        {entry.orderId ? ` · ${entry.orderId.slice(0, 8)}` : ''}
                        {entry.releasedAt === null ? ` · ${t('ledger.pending')}` : ''}
                      </Text>
                    </View>
                    <Text className={entry.amountFen < 0 ? 'ledger__minus' : 'ledger__plus'}>
                      {entry.amountFen > 0 ? '+' : ''}
                      {formatFen(entry.amountFen)}
                    </Text>
                  </View>
                ))}
              </View>
            </>
          );
        }}
      </AsyncView>
    </View>
  );
}
