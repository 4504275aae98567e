import { View, Text } from '@tarojs/components';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { ProductCard } from '../../components/ProductCard';
import { StatusView } from '../../components/StatusView';
import { useProducts } from '../../hooks/useProducts';
import './index.scss';

export default function Index() {
  const products = useProducts();

  usePullDownRefresh(() => {
    void products.reload().finally(() => Taro.stopPullDownRefresh());
  });

  return (
    <View className="index">
      <View className="index__header">
        <Text className="index__title">精选好物</Text>
        {products.status === 'ready' && <Text className="index__count">共 {products.total} 件</Text>}
      </View>
      {products.status === 'loading' && <StatusView text="加载中…" />}
      {products.status === 'error' && <StatusView text={products.message} onRetry={() => void products.reload()} />}
      {products.status === 'ready' && products.items.length === 0 && <StatusView text="暂无商品" />}
      {products.status === 'ready' &&
        products.items.map((product) => <ProductCard key={product.id} product={product} />)}
    </View>
  );
}
