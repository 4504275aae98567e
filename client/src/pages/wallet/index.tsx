import { Text, View } from '@tarojs/components';
import { formatFen, GIFT_CARD_THEME_NAMES, type WalletCardView } from '@giftshop/shared';
import { AsyncView } from '../../components/StatusView';
import { useWallet } from '../../hooks/useCoupons';
import { usePageTitle, useReloadOnShow } from '../../hooks/usePage';
import { useRequireLogin } from '../../hooks/useSession';
import { useI18n } from '../../i18n';
import { formatTime } from '../../i18n/labels';
import { go, routes } from '../../routes';
import { walletOrder } from './order';
import './index.scss';

/** 我的礼券: the gift cards the user claimed, with balance, expiry and giver; an active one opens its shop. */
export default function WalletPage() {
  const { t } = useI18n();
  usePageTitle('page.wallet');
  useRequireLogin();
  const wallet = useWallet();
  useReloadOnShow(wallet.reload);

  return (
    <View className="page wallet">
      <AsyncView state={wallet} isEmpty={(list) => list.length === 0} emptyText={t('wallet.empty')}>
        {(list) => walletOrder(list).map((card) => <WalletCard key={card.id} card={card} />)}
      </AsyncView>
    </View>
  );
}

function WalletCard({ card }: { card: WalletCardView }) {
  const { t } = useI18n();
  const active = card.status === 'active';
  return (
    <View
      className={`wallet__card wallet__card--${card.theme} ${active ? '' : 'wallet__card--off'}`}
      data-testid={`wallet-card-${card.id}`}
      onClick={() => active && go(routes.shop(card.shopId))}
    >
      <View className="row">
        <Text className="wallet__theme">{GIFT_CARD_THEME_NAMES[card.theme]}</Text>
        <Text className="tag" data-testid={`wallet-status-${card.id}`}>
          {t(`wallet.status.${card.status}`)}
        </Text>
      </View>
      <Text className="wallet__title">{card.title}</Text>
      <Text className="muted">{card.shopName}</Text>
      <Text className="wallet__balance" data-testid={`wallet-balance-${card.id}`}>
        {t('wallet.balance', { balance: formatFen(card.balanceFen), face: formatFen(card.faceValueFen) })}
      </Text>
      <View className="row">
        <Text className="muted">{t('wallet.expires', { date: formatTime(card.expiresAt) })}</Text>
        <Text className="muted">{t('wallet.giver', { name: card.giverNickname })}</Text>
      </View>
    </View>
  );
}
