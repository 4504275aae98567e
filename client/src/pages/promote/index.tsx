import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { formatFen, type EarningsTotals, type ProductSummaryView } from '@giftshop/shared';
import { apiPost, newIdempotencyKey } from '../../api/client';
import { FormError } from '../../components/FormError';
import { QrCode } from '../../components/QrCode';
import { AsyncView } from '../../components/StatusView';
import { parseYuan, YuanInput, yuanText } from '../../components/YuanInput';
import { useAction } from '../../hooks/useApi';
import { useProducts } from '../../hooks/useCatalog';
import { useEarnings } from '../../hooks/useMerchant';
import { usePageTitle, useReloadOnShow } from '../../hooks/usePage';
import { useRequireLogin, useSession } from '../../hooks/useSession';
import { useI18n, type MessageKey } from '../../i18n';
import { earningStatusLabel, formatTime } from '../../i18n/labels';
import { bpsToPercent, h5Origin, shareEarnFen, shareLink } from '../../sharing';
import './index.scss';

const TOTALS: { key: keyof EarningsTotals; label: MessageKey }[] = [
  { key: 'pendingFen', label: 'promote.pending' },
  { key: 'availableFen', label: 'promote.available' },
  { key: 'withdrawnFen', label: 'promote.withdrawn' },
];

/** 推广中心: the products that pay commission with the shopper's own link and QR code, earnings and withdrawals. */
export default function PromotePage() {
  const { t } = useI18n();
  usePageTitle('page.promote');
  useRequireLogin();
  const session = useSession();
  const products = useProducts({ limit: 100 });

  return (
    <View className="page promote">
      <Earnings />
      <View className="section">
        <Text className="section__title">{t('promote.products')}</Text>
      </View>
      <AsyncView
        state={products}
        isEmpty={(page) => !page.items.some((p) => p.commissionBps > 0)}
        emptyText={t('promote.noProducts')}
      >
        {(page) =>
          session &&
          page.items
            .filter((p) => p.commissionBps > 0)
            .map((p) => <SharedProduct key={p.id} product={p} sharerId={session.user.id} />)
        }
      </AsyncView>
    </View>
  );
}

function SharedProduct({ product, sharerId }: { product: ProductSummaryView; sharerId: string }) {
  const { t } = useI18n();
  const link = shareLink(h5Origin(), product.id, sharerId);
  const [copied, setCopied] = useState(false);
  return (
    <View className="section promote__product" data-testid={`promote-product-${product.id}`}>
      <View className="promote__info">
        <Text className="promote__title">{product.title}</Text>
        <Text className="price">{formatFen(product.priceFen)}</Text>
        <Text className="promote__rate" data-testid={`promote-earn-${product.id}`}>
          {t('promote.rate', {
            rate: bpsToPercent(product.commissionBps),
            amount: formatFen(shareEarnFen(product)),
          })}
        </Text>
        <Text className="muted promote__link" data-testid={`promote-link-${product.id}`}>
          {link}
        </Text>
        <Button
          className="btn btn--plain btn--small"
          data-testid={`promote-copy-${product.id}`}
          onClick={() =>
            void Taro.setClipboardData({ data: link })
              .then(() => setCopied(true))
              .catch(() => undefined)
          }
        >
          {copied ? t('promote.copied') : t('promote.copy')}
        </Button>
      </View>
      <View className="promote__qr">
        <QrCode text={link} testId={`promote-qr-${product.id}`} />
        <Text className="muted">{t('promote.qrHint')}</Text>
      </View>
    </View>
  );
}

function Earnings() {
  const { t } = useI18n();
  const earnings = useEarnings();
  useReloadOnShow(earnings.reload);
  const [amount, setAmount] = useState('');
  const [key, setKey] = useState(newIdempotencyKey);
  const [withdrew, setWithdrew] = useState<number | null>(null);
  const [badAmount, setBadAmount] = useState(false);
  const withdraw = useAction(async (amountFen: number) => {
    const done = await apiPost('/me/earnings/withdrawals', { body: { amountFen }, idempotencyKey: key });
    // The next withdrawal is a new attempt; a retry of this one (same key) is not.
    setKey(newIdempotencyKey());
    setWithdrew(done.amountFen);
    setAmount('');
    await earnings.reload({ silent: true });
  });
  const submit = () => {
    const fen = parseYuan(amount);
    setBadAmount(!fen);
    setWithdrew(null);
    if (fen) void withdraw.run(fen);
  };

  return (
    <AsyncView state={earnings}>
      {(data) => (
        <>
          <View className="section promote__totals">
            <Text className="section__title">{t('promote.earnings')}</Text>
            <View className="promote__row">
              {TOTALS.map((item) => (
                <View key={item.key} className="promote__total" data-testid={`earnings-${item.key}`}>
                  <Text className="muted">{t(item.label)}</Text>
                  <Text className="promote__amount">{formatFen(data.totals[item.key])}</Text>
                </View>
              ))}
            </View>
            <View className="promote__withdraw">
              <YuanInput
                testId="withdraw-amount"
                value={amount}
                onChange={(text) => {
                  setAmount(text);
                  setBadAmount(false);
                  withdraw.clear();
                }}
                placeholder={t('promote.amount')}
              />
              <Button
                className="btn btn--plain btn--small"
                data-testid="withdraw-all"
                onClick={() => setAmount(yuanText(data.totals.availableFen))}
              >
                {t('promote.withdrawAll')}
              </Button>
              <Button
                className="btn btn--primary btn--small"
                data-testid="withdraw-submit"
                disabled={withdraw.pending}
                onClick={submit}
              >
                {t('promote.withdraw')}
              </Button>
            </View>
            {withdrew !== null && (
              <Text className="muted" data-testid="withdraw-done">
                {t('promote.withdrew', { amount: formatFen(withdrew) })}
              </Text>
            )}
            <FormError error={badAmount ? t('promote.badAmount') : withdraw.error} testId="withdraw-error" />
          </View>
          <View className="section">
            {data.entries.length === 0 && <Text className="muted">{t('promote.noEarnings')}</Text>}
            {data.entries.map((entry) => (
              <View
                key={`${entry.orderId}-${entry.productId}`}
                className="row"
                data-testid={`earning-${entry.orderId}-${entry.productId}`}
              >
                <View className="promote__entry">
                  <Text>{entry.productTitle}</Text>
                  <Text className="muted">
                    {formatTime(entry.at)} · {earningStatusLabel(entry.status)}
                  </Text>
                </View>
                <Text className={entry.status === 'reversed' ? 'muted' : 'promote__plus'}>
                  {formatFen(entry.amountFen)}
                </Text>
              </View>
            ))}
          </View>
        </>
      )}
    </AsyncView>
  );
}
