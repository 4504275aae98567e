import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useI18n, type MessageKey } from '../../i18n';
import './index.scss';

export type TabName = 'chats' | 'discover' | 'me';

const TABS: { name: TabName; url: string; label: MessageKey; icon: string }[] = [
  { name: 'chats', url: '/pages/chats/index', label: 'tab.chats', icon: '💬' },
  { name: 'discover', url: '/pages/index/index', label: 'tab.discover', icon: '🧭' },
  { name: 'me', url: '/pages/me/index', label: 'tab.me', icon: '👤' },
];

/** WeChat's bottom bar: 微信 (chats), 发现 (the discovery feed) and 我. */
export function TabBar({ current }: { current: TabName }) {
  const { t } = useI18n();
  return (
    <View className="tab-bar">
      {TABS.map((tab) => (
        <View
          key={tab.name}
          className={`tab-bar__item ${tab.name === current ? 'tab-bar__item--active' : ''}`}
          data-testid={`tab-${tab.name}`}
          onClick={() => {
            if (tab.name !== current) void Taro.redirectTo({ url: tab.url });
          }}
        >
          <Text className="tab-bar__icon">{tab.icon}</Text>
          <Text className="tab-bar__label">{t(tab.label)}</Text>
        </View>
      ))}
    </View>
  );
}
