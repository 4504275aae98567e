import { Image, Text, View } from '@tarojs/components';
import { formatFen, type ProductSummaryView } from '@giftshop/shared';
import { useI18n } from '../../i18n';
import './index.scss';

/** `row`: picture beside the text (lists); `tile`: picture above, for a two-column grid. */
export function ProductCard({
  product,
  onClick,
  layout = 'row',
}: {
  product: ProductSummaryView;
  onClick?: () => void;
  layout?: 'row' | 'tile';
}) {
  const { t } = useI18n();
  return (
    <View
      className={`product-card product-card--${layout}`}
      data-testid={`product-card-${product.id}`}
      onClick={onClick}
    >
      {product.imageUrl ? (
        <Image
          className="product-card__image"
          src={product.imageUrl}
          mode="aspectFill"
          lazyLoad
          data-testid={`product-card-image-${product.id}`}
        />
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
