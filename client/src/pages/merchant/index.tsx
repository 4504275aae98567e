import { Button, Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { formatFen, type ProductView } from '@giftshop/shared';
import { apiPatch } from '../../api/client';
import { FormError } from '../../components/FormError';
import { ShopSwitcher } from '../../components/ShopSwitcher';
import { skuLabel } from '../../components/SkuPicker';
import { AsyncView } from '../../components/StatusView';
import { useAction } from '../../hooks/useApi';
import { useShopProducts } from '../../hooks/useCatalog';
import { useMe } from '../../hooks/useMerchant';
import { usePageTitle, useReloadOnShow } from '../../hooks/usePage';
import { useRequireLogin } from '../../hooks/useSession';
import { useI18n, type MessageKey } from '../../i18n';
import { notGiftableReason } from '../../i18n/labels';
import { go, routes } from '../../routes';
import './index.scss';

const NAV: { key: string; label: MessageKey; icon: string; url: (shopId: string) => string }[] = [
  { key: 'orders', label: 'page.merchantOrders', icon: '📦', url: routes.merchantOrders },
  { key: 'gifts', label: 'page.merchantGifts', icon: '🎁', url: routes.merchantGifts },
  { key: 'deals', label: 'page.merchantDeals', icon: '👥', url: routes.merchantDeals },
  { key: 'ledger', label: 'page.merchantLedger', icon: '💰', url: routes.merchantLedger },
  { key: 'sharers', label: 'page.merchantSharers', icon: '🤝', url: routes.merchantSharers },
  { key: 'coupons', label: 'page.merchantCoupons', icon: '🏷️', url: routes.merchantCoupons },
  { key: 'gift-cards', label: 'page.merchantGiftCards', icon: '🥮', url: routes.merchantGiftCards },
  { key: 'analytics', label: 'page.merchantAnalytics', icon: '📊', url: routes.merchantAnalytics },
  { key: 'search', label: 'page.merchantSearch', icon: '🔎', url: routes.merchantSearch },
];

/** 商家后台: the shop's listings (create, edit, list / delist) and the way to its other tools. */
export default function MerchantPage() {
  const { t } = useI18n();
  usePageTitle('page.merchant');
  useRequireLogin();
  const me = useMe();
  const requested = useRouter().params.shopId;

  return (
    <View className="page merchant">
      <AsyncView state={me} isEmpty={(data) => data.shopIds.length === 0} emptyText={t('merchant.noShop')}>
        {(data) => {
          const shopId = requested && data.shopIds.includes(requested) ? requested : data.shopIds[0];
          return (
            <>
              <ShopSwitcher shopIds={data.shopIds} current={shopId} to={routes.merchant} />
              <View className="merchant__nav">
                {NAV.map((item) => (
                  <View
                    key={item.key}
                    className="merchant__nav-item"
                    data-testid={`merchant-nav-${item.key}`}
                    onClick={() => go(item.url(shopId))}
                  >
                    <Text className="merchant__nav-icon">{item.icon}</Text>
                    <Text>{t(item.label)}</Text>
                  </View>
                ))}
              </View>
              <Listings shopId={shopId} />
            </>
          );
        }}
      </AsyncView>
    </View>
  );
}

function Listings({ shopId }: { shopId: string }) {
  const { t } = useI18n();
  const products = useShopProducts(shopId);
  useReloadOnShow(products.reload);

  return (
    <>
      <View className="merchant__head">
        <Text className="section__title">{t('merchant.listings')}</Text>
        <Button
          className="btn btn--primary btn--small"
          data-testid="merchant-new-product"
          onClick={() => go(routes.merchantProduct(shopId))}
        >
          {t('merchant.newProduct')}
        </Button>
      </View>
      <AsyncView state={products} isEmpty={(list) => list.length === 0} emptyText={t('merchant.noProducts')}>
        {(list) =>
          list.map((product) => (
            <Listing
              key={product.id}
              shopId={shopId}
              product={product}
              onChanged={() => products.reload({ silent: true })}
            />
          ))
        }
      </AsyncView>
    </>
  );
}

function Listing({
  shopId,
  product,
  onChanged,
}: {
  shopId: string;
  product: ProductView;
  onChanged: () => Promise<void>;
}) {
  const { t } = useI18n();
  const toggle = useAction(async () => {
    await apiPatch('/products/{id}', {
      path: { id: product.id },
      body: { status: product.status === 'listed' ? 'delisted' : 'listed' },
    });
    await onChanged();
  });
  const listed = product.status === 'listed';

  return (
    <View className="section" data-testid={`listing-${product.id}`}>
      <View className="row">
        <Text className="merchant__title">{product.title}</Text>
        <Text className={`tag ${listed ? 'tag--green' : 'tag--grey'}`} data-testid={`listing-status-${product.id}`}>
          {listed ? t('merchant.listed') : t('merchant.delisted')}
        </Text>
      </View>
      {product.skus.map((sku) => (
        <View key={sku.id} className="merchant__sku">
          <Text>{skuLabel(sku.specs)}</Text>
          <Text>
            <Text className="price">{formatFen(sku.priceFen)}</Text>
            <Text className="list-price">{formatFen(sku.listPriceFen)}</Text>
          </Text>
          <Text className="muted">{t('sku.stock', { n: sku.stock })}</Text>
          {sku.giftable ? (
            <Text className="tag tag--green">{t('product.giftable')}</Text>
          ) : (
            <Text className="muted merchant__reason">{notGiftableReason(sku, product.categoryCode)}</Text>
          )}
        </View>
      ))}
      <FormError error={toggle.error} testId={`product-error-${product.id}`} />
      <View className="actions">
        <Button
          className="btn btn--plain btn--small"
          data-testid={`product-toggle-${product.id}`}
          disabled={toggle.pending}
          onClick={() => void toggle.run()}
        >
          {listed ? t('merchant.delist') : t('merchant.list')}
        </Button>
        <Button
          className="btn btn--plain btn--small"
          data-testid={`product-edit-${product.id}`}
          onClick={() => go(routes.merchantProduct(shopId, product.id))}
        >
          {t('merchant.edit')}
        </Button>
      </View>
    </View>
  );
}
