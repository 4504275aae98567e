import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useShop } from '../../hooks/useCatalog';
import './index.scss';

/** The merchant's shops as chips (`shop-<shopId>`); picking one reopens the page for it. */
export function ShopSwitcher({
  shopIds,
  current,
  to,
}: {
  shopIds: string[];
  current: string;
  to: (shopId: string) => string;
}) {
  return (
    <View className="chips shop-switcher">
      {shopIds.map((id) => (
        <ShopChip
          key={id}
          shopId={id}
          active={id === current}
          onPick={() => id !== current && void Taro.redirectTo({ url: to(id) })}
        />
      ))}
    </View>
  );
}

function ShopChip({ shopId, active, onPick }: { shopId: string; active: boolean; onPick: () => void }) {
  const shop = useShop(shopId);
  return (
    <View className={`chip ${active ? 'chip--active' : ''}`} data-testid={`shop-${shopId}`} onClick={onPick}>
      <Text>🏪 {shop.status === 'ready' ? shop.data.name : '…'}</Text>
    </View>
  );
}

/** The name of one shop, for page headers. */
export function ShopName({ shopId }: { shopId: string }) {
  const shop = useShop(shopId);
  return (
    <Text className="section__title" data-testid="shop-name">
      🏪 {shop.status === 'ready' ? shop.data.name : '…'}
    </Text>
  );
}
