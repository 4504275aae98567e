import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { formatFen } from '@giftshop/shared';
import { ShopName } from '../../components/ShopSwitcher';
import { AsyncView } from '../../components/StatusView';
import { useSharers } from '../../hooks/useMerchant';
import { usePageTitle, useReloadOnShow } from '../../hooks/usePage';
import { useRequireLogin } from '../../hooks/useSession';
import { useI18n } from '../../i18n';
import './index.scss';

/** 推客: who sells for the shop through their links, ranked by GMV (as the server ranks them). */
export default function MerchantSharersPage() {
  const { t } = useI18n();
  usePageTitle('page.merchantSharers');
  useRequireLogin();
  const shopId = useRouter().params.shopId;
  const sharers = useSharers(shopId);
  useReloadOnShow(sharers.reload);

  return (
    <View className="page sharers">
      {shopId && (
        <View className="section">
          <ShopName shopId={shopId} />
        </View>
      )}
      <View className="section">
        <AsyncView state={sharers} isEmpty={(rows) => rows.length === 0} emptyText={t('sharers.empty')}>
          {(rows) =>
            rows.map((row, index) => (
              <View key={row.sharerId} className="row" data-testid={`sharer-${row.sharerId}`}>
                <Text className="sharers__rank">{index + 1}</Text>
                <View className="sharers__who">
                  <Text>{row.nickname}</Text>
                  <Text className="muted">{t('sharers.orders', { n: row.orders })}</Text>
                </View>
                <View className="sharers__money">
                  <Text data-testid={`sharer-gmv-${row.sharerId}`}>
                    {t('sharers.gmv', { amount: formatFen(row.gmvFen) })}
                  </Text>
                  <Text className="muted" data-testid={`sharer-commission-${row.sharerId}`}>
                    {t('sharers.commission', { amount: formatFen(row.commissionFen) })}
                  </Text>
                </View>
              </View>
            ))
          }
        </AsyncView>
      </View>
    </View>
  );
}
