import { Image, Text, View } from '@tarojs/components';
import { formatFen, type ProductSummaryView } from '@giftshop/shared';
import { useI18n } from '../../i18n';
import './index.scss';

export function ProductCard({ product, onClick }: { product: ProductSummaryView; onClick?: () => void }) {
  const { t } = useI18n();
  return (
    <View className="product-card" data-testid={`product-card-${product.id}`} onClick={onClick}>
      {product.imageUrl ? (
        <Image className="product-card__image" src={product.imageUrl} mode="aspectFill" lazyLoad />
      ) : (
        <View className="product-card__image product-card__image--empty">
          <Text>{t('product.placeholderGlyph')}</Text>
        </View>
      )}
      <View className="product-card__body">
        <Text className="product-card__title">{product.title}</Text>
        <Text className="product-card__shop">{product.shopName}</Text>
        <View className="product-card__footer">
          <Text className="product-card__price">{formatFen(product.priceFen)}</Text>
          {product.giftable && <Text className="product-card__tag">{t('product.giftable')}</Text>}
        </View>
      </View>
    </View>
  );
}
