import { Image, Text, View } from '@tarojs/components';
import { formatFen, type ProductSummaryView } from '@giftshop/shared';
import './index.scss';

export function ProductCard({ product }: { product: ProductSummaryView }) {
  return (
    <View className="product-card">
      {product.imageUrl ? (
        <Image className="product-card__image" src={product.imageUrl} mode="aspectFill" lazyLoad />
      ) : (
        <View className="product-card__image product-card__image--empty">
          <Text>礼</Text>
        </View>
      )}
      <View className="product-card__body">
        <Text className="product-card__title">{product.title}</Text>
        <Text className="product-card__shop">{product.shopName}</Text>
        <View className="product-card__footer">
          <Text className="product-card__price">{formatFen(product.priceFen)}</Text>
          {product.giftable && <Text className="product-card__tag">可送礼</Text>}
        </View>
      </View>
    </View>
  );
}
