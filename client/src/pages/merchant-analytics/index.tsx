import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { formatFen, type DomainAnalytics, type SceneAnalyticsRow } from '@giftshop/shared';
import { ShopName } from '../../components/ShopSwitcher';
import { AsyncView } from '../../components/StatusView';
import { useShopProducts } from '../../hooks/useCatalog';
import { useDomainAnalytics, useSceneAnalytics } from '../../hooks/useMerchant';
import { usePageTitle, useReloadOnShow } from '../../hooks/usePage';
import { useRequireLogin } from '../../hooks/useSession';
import { useI18n } from '../../i18n';
import './index.scss';

function percent(conversion: number | null): string {
  return conversion === null ? '—' : `${(conversion * 100).toFixed(2)}%`;
}

/** 场景分析: views, orders, GMV and conversion per product and scene, and the public / private split. */
export default function MerchantAnalyticsPage() {
  const { t } = useI18n();
  usePageTitle('page.merchantAnalytics');
  useRequireLogin();
  const shopId = useRouter().params.shopId;
  const [productId, setProductId] = useState<string | undefined>(undefined);
  const products = useShopProducts(shopId);
  const rows = useSceneAnalytics(shopId, productId);
  const domains = useDomainAnalytics(shopId, productId);
  useReloadOnShow(rows.reload);

  return (
    <View className="page analytics">
      {shopId && (
        <View className="section">
          <ShopName shopId={shopId} />
          {products.status === 'ready' && (
            <View className="chips">
              <View
                className={`chip ${!productId ? 'chip--active' : ''}`}
                data-testid="analytics-product-all"
                onClick={() => setProductId(undefined)}
              >
                {t('analytics.allProducts')}
              </View>
              {products.data.map((p) => (
                <View
                  key={p.id}
                  className={`chip ${productId === p.id ? 'chip--active' : ''}`}
                  data-testid={`analytics-product-${p.id}`}
                  onClick={() => setProductId(p.id)}
                >
                  {p.title}
                </View>
              ))}
            </View>
          )}
        </View>
      )}
      <AsyncView state={domains}>{(data) => <DomainSplit data={data} />}</AsyncView>
      <AsyncView state={rows} isEmpty={(list) => list.length === 0} emptyText={t('analytics.empty')}>
        {(list) => <SceneTable rows={list} />}
      </AsyncView>
    </View>
  );
}

function DomainSplit({ data }: { data: DomainAnalytics }) {
  const { t } = useI18n();
  return (
    <View className="section analytics__domains">
      {(['public', 'private'] as const).map((domain) => (
        <View
          key={domain}
          className={`analytics__domain analytics__domain--${domain}`}
          data-testid={`analytics-domain-${domain}`}
        >
          <Text className="analytics__domain-name">{t(`domain.${domain}`)}</Text>
          <Text>{t('analytics.views', { n: data[domain].views })}</Text>
          <Text>{t('analytics.orders', { n: data[domain].orders })}</Text>
          <Text className="price">{formatFen(data[domain].gmvFen)}</Text>
          <Text className="muted">{t('analytics.conversion', { rate: percent(data[domain].conversion) })}</Text>
        </View>
      ))}
    </View>
  );
}

function SceneTable({ rows }: { rows: SceneAnalyticsRow[] }) {
  const { t, sceneName } = useI18n();
  const byProduct = new Map<string, SceneAnalyticsRow[]>();
  for (const row of rows) byProduct.set(row.productId, [...(byProduct.get(row.productId) ?? []), row]);

  return (
    <>
      {[...byProduct.entries()].map(([productId, list]) => (
        <View key={productId} className="section" data-testid={`analytics-${productId}`}>
          <Text className="section__title">{list[0].title}</Text>
          <View className="analytics__row analytics__row--head">
            <Text className="analytics__scene">{t('analytics.scene')}</Text>
            <Text>{t('analytics.viewsHead')}</Text>
            <Text>{t('analytics.ordersHead')}</Text>
            <Text>GMV</Text>
            <Text>{t('analytics.conversionHead')}</Text>
          </View>
          {list.map((row) => (
            <View
              key={`${row.scene}-${row.domain}`}
              className="analytics__row"
              data-testid={`analytics-row-${productId}-${row.scene}`}
            >
              <Text className="analytics__scene">
                {sceneName(row.scene)}
                <Text className={`tag ${row.domain === 'private' ? 'tag--green' : 'tag--grey'}`}>
                  {t(`domain.${row.domain}`)}
                </Text>
              </Text>
              <Text>{row.views}</Text>
              <Text>{row.orders}</Text>
              <Text>{formatFen(row.gmvFen)}</Text>
              <Text>{percent(row.conversion)}</Text>
            </View>
          ))}
        </View>
      ))}
    </>
  );
}
