import { Text, View } from '@tarojs/components';
import './index.scss';

/** A row of segment tabs (订单状态, 送出 / 收到 …). */
export function Tabs<K extends string>({
  items,
  current,
  onChange,
  testIdPrefix = 'tab',
}: {
  items: { key: K; label: string }[];
  current: K;
  onChange: (key: K) => void;
  testIdPrefix?: string;
}) {
  return (
    <View className="tabs" role="tablist">
      {items.map((item) => (
        <View
          key={item.key}
          role="tab"
          aria-selected={item.key === current}
          className={`tabs__item ${item.key === current ? 'tabs__item--active' : ''}`}
          data-testid={`${testIdPrefix}-${item.key}`}
          onClick={() => onChange(item.key)}
        >
          <Text>{item.label}</Text>
        </View>
      ))}
    </View>
  );
}
