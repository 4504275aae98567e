import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { TabBar } from '../../components/TabBar';
import { useMe } from '../../hooks/useMerchant';
import { usePageTitle } from '../../hooks/usePage';
import { logout, useSession } from '../../hooks/useSession';
import { useI18n } from '../../i18n';
import { go, routes } from '../../routes';
import './index.scss';

/** 我: who is logged in, switching user, orders, gifts, the merchant console and the language. */
export default function MePage() {
  const { t } = useI18n();
  usePageTitle('page.me');
  const session = useSession();
  const me = useMe();
  const shopIds = me.status === 'ready' ? me.data.shopIds : [];

  return (
    <View className="page me">
      <View className="me__card" data-testid="me-card">
        <View className="me__avatar">
          <Text>{session ? session.user.nickname.slice(0, 1) : '?'}</Text>
        </View>
        <View className="me__who">
          <Text className="me__name" data-testid="me-nickname">
            {session ? session.user.nickname : t('me.notLoggedIn')}
          </Text>
          {session && <Text className="muted">openId: {session.user.openId}</Text>}
        </View>
      </View>

      <View className="me__list">
        <MenuRow
          testId="switch-user"
          icon="🔁"
          label={session ? t('me.switchUser') : t('me.login')}
          onClick={() => go(routes.login())}
        />
        {session && (
          <>
            <MenuRow testId="me-orders" icon="📦" label={t('page.orders')} onClick={() => go(routes.orders())} />
            <MenuRow testId="me-gifts" icon="🎁" label={t('page.gifts')} onClick={() => go(routes.gifts())} />
            <MenuRow testId="me-coupons" icon="🎟️" label={t('page.myCoupons')} onClick={() => go(routes.myCoupons())} />
            <MenuRow testId="me-wallet" icon="💳" label={t('page.wallet')} onClick={() => go(routes.wallet())} />
            <MenuRow testId="me-promote" icon="💸" label={t('page.promote')} onClick={() => go(routes.promote())} />
            {shopIds.length > 0 && (
              <MenuRow
                testId="me-merchant"
                icon="🏪"
                label={t('page.merchant')}
                onClick={() => go(routes.merchant(shopIds[0]))}
              />
            )}
          </>
        )}
      </View>

      <View className="section">
        <LanguageSwitch />
      </View>

      {session && (
        <View className="me__list">
          <MenuRow
            testId="logout"
            icon="🚪"
            label={t('me.logout')}
            onClick={() => {
              logout();
              void Taro.redirectTo({ url: routes.login() });
            }}
          />
        </View>
      )}
      <TabBar current="me" />
    </View>
  );
}

function MenuRow({
  testId,
  icon,
  label,
  onClick,
}: {
  testId: string;
  icon: string;
  label: string;
  onClick: () => void;
}) {
  return (
    <View className="me__row" data-testid={testId} role="button" onClick={onClick}>
      <Text className="me__icon">{icon}</Text>
      <Text className="me__label">{label}</Text>
      <Text className="muted">›</Text>
    </View>
  );
}
