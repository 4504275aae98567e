import { Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { useState } from 'react';
import { formatFen, type ProductSummaryView, type Scene } from '@giftshop/shared';
import { ProductCard } from '../../components/ProductCard';
import { AsyncView } from '../../components/StatusView';
import { TabBar } from '../../components/TabBar';
import { useProducts } from '../../hooks/useCatalog';
import { usePageTitle } from '../../hooks/usePage';
import { useI18n } from '../../i18n';
import { go, routes } from '../../routes';
import './index.scss';

/**
 * 发现: the products first, two columns of pictures; below them the feed of entry points, where each
 * card opens the same product (one unified product ID) from a different scene, so the product page
 * and the merchant's analytics show where the visit came from.
 */
export default function DiscoverPage() {
  const { t } = useI18n();
  usePageTitle('page.discover');
  const products = useProducts();
  const [featuredIndex, setFeaturedIndex] = useState(0);

  usePullDownRefresh(() => {
    void products.reload().finally(() => Taro.stopPullDownRefresh());
  });

  return (
    <View className="page discover">
      <View className="discover__search" data-testid="discover-search" onClick={() => go(routes.search())}>
        <Text>🔍 {t('search.placeholder')}</Text>
      </View>
      <AsyncView state={products} isEmpty={(page) => page.items.length === 0} emptyText={t('discover.empty')}>
        {(page) => {
          const giftable = page.items.filter((item) => item.giftable);
          const pool = giftable.length ? giftable : page.items;
          const featured = pool[featuredIndex % pool.length];
          return (
            <>
              <View className="discover__header">
                <Text className="discover__title">{t('discover.picks')}</Text>
                <Text className="muted">{t('discover.count', { n: page.total })}</Text>
              </View>
              <View className="discover__grid" data-testid="product-grid">
                {page.items.map((product) => (
                  <ProductCard
                    key={product.id}
                    product={product}
                    layout="tile"
                    onClick={() => go(routes.product(product.id, 'mini_program'))}
                  />
                ))}
              </View>
              <SceneFeed
                product={featured}
                onNext={() => setFeaturedIndex((index) => index + 1)}
                showNext={pool.length > 1}
              />
            </>
          );
        }}
      </AsyncView>
      <TabBar current="discover" />
    </View>
  );
}

/** The same product as each scene shows it: an article, a live room, a Moments ad, 搜一搜, a chat card. */
function SceneFeed({
  product,
  onNext,
  showNext,
}: {
  product: ProductSummaryView;
  onNext: () => void;
  showNext: boolean;
}) {
  const { t, sceneName } = useI18n();
  const open = (scene: Scene) => go(routes.product(product.id, scene));
  const price = formatFen(product.priceFen);

  return (
    <View className="feed">
      <View className="feed__head">
        <Text className="section__title">{t('discover.sceneFeed')}</Text>
        {showNext && (
          <Text className="feed__next" data-testid="featured-next" onClick={onNext}>
            {t('discover.next')}
          </Text>
        )}
      </View>
      <Text className="muted feed__hint">{t('discover.sceneHint', { title: product.title })}</Text>

      <View
        className="feed__card feed__card--article"
        data-testid="scene-entry-official_account"
        onClick={() => open('official_account')}
      >
        <Text className="feed__source">
          📰 {sceneName('official_account')} · {product.shopName}
        </Text>
        <Text className="feed__headline">{t('discover.articleTitle', { title: product.title })}</Text>
        <Text className="muted">{t('discover.articleSummary', { price })}</Text>
      </View>

      <View
        className="feed__card feed__card--live"
        data-testid="scene-entry-channels_live"
        onClick={() => open('channels_live')}
      >
        <Text className="feed__live-badge">● {t('discover.live')}</Text>
        <Text className="feed__headline feed__headline--light">{product.shopName}</Text>
        <Text className="feed__light">
          {t('discover.liveNow', { title: product.title })} {price}
        </Text>
      </View>

      <View
        className="feed__card feed__card--moments"
        data-testid="scene-entry-moments_ad"
        onClick={() => open('moments_ad')}
      >
        <View className="feed__moments-head">
          <Text className="feed__moments-name">{product.shopName}</Text>
          <Text className="tag tag--grey">{t('discover.ad')}</Text>
        </View>
        <Text>{t('discover.momentsText', { title: product.title })}</Text>
        <Text className="feed__link">
          {sceneName('moments_ad')} · {t('discover.learnMore')}
        </Text>
      </View>

      <View
        className="feed__card feed__card--search"
        data-testid="scene-entry-search"
        onClick={() => go(routes.search(product.title))}
      >
        <Text>🔍 {sceneName('search')}</Text>
        <Text className="feed__query">{product.title}</Text>
      </View>

      <View className="feed__card feed__card--chat" data-testid="scene-entry-chat" onClick={() => open('chat')}>
        <Text className="muted">💬 {t('discover.chatShared')}</Text>
        <View className="feed__chat-card">
          <Text className="feed__chat-title">{product.title}</Text>
          <Text className="price">{price}</Text>
          <Text className="muted">{t('discover.miniProgram')}</Text>
        </View>
      </View>
    </View>
  );
}
