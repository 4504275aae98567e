import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { CouponStrip } from '../../components/CouponStrip';
import { ProductCard } from '../../components/ProductCard';
import { AsyncView } from '../../components/StatusView';
import { useProducts, useShop } from '../../hooks/useCatalog';
import { usePageTitle } from '../../hooks/usePage';
import { useI18n } from '../../i18n';
import { go, routes } from '../../routes';
import './index.scss';

/**
 * 店铺主页 (`?shopId=`): the shop's name, 领券, and its listed products; a product opened from here
 * is a view from the shop_home scene.
 */
export default function ShopPage() {
  usePageTitle('page.shop');
  const { t } = useI18n();
  const shopId = useRouter().params.shopId;
  const shop = useShop(shopId);
  const products = useProducts({ shopId });

  return (
    <View className="page shop">
      <AsyncView state={shop}>
        {(data) => (
          <View className="shop__header">
            <Text className="shop__name" data-testid="shop-name">
              🏪 {data.name}
            </Text>
            <Text className="muted">{t('product.followers', { n: data.followerCount })}</Text>
          </View>
        )}
      </AsyncView>
      {shopId && <CouponStrip shopId={shopId} />}
      <Text className="shop__title">{t('shop.products')}</Text>
      <AsyncView state={products} isEmpty={(page) => page.items.length === 0} emptyText={t('shop.noProducts')}>
        {(page) => (
          <View className="shop__grid" data-testid="shop-products">
            {page.items.map((product) => (
              <ProductCard
                key={product.id}
                product={product}
                layout="tile"
                onClick={() => go(routes.product(product.id, 'shop_home'))}
              />
            ))}
          </View>
        )}
      </AsyncView>
    </View>
  );
}
