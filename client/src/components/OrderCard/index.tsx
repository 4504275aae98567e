import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import { formatFen, giftOrderDisplayStatus, type OrderView } from '@giftshop/shared';
import { translate, useI18n } from '../../i18n';
import { afterSaleLabel, formatTime, orderStatusLabel } from '../../i18n/labels';
import { skuLabel } from '../SkuPicker';
import { orderTeamLabel } from '../TeamCard/labels';
import { orderDeductions } from './money';
import { go, routes } from '../../routes';
import './index.scss';

/** The order's state as its row shows it; a paid gift order by where its units stand. */
function orderDisplayLabel(order: OrderView): string {
  const status = giftOrderDisplayStatus(order);
  return status === 'gift_waiting' ? translate('giftStatus.sent') : orderStatusLabel(status);
}

/** One order: items, totals, state and after-sales case; the page passes the actions it allows. */
export function OrderCard({ order, children, extra }: { order: OrderView; children?: ReactNode; extra?: ReactNode }) {
  const { t, sceneName } = useI18n();
  return (
    <View className="section order-card" data-testid={`order-${order.id}`}>
      <View className="order-card__head">
        <Text className="muted">
          {formatTime(order.createdAt)} · {sceneName(order.scene)}
          {order.kind === 'gift' && <Text className="tag">{t('order.giftOrder')}</Text>}
          {order.kind === 'group_buy' && <Text className="tag">{t('order.groupBuy')}</Text>}
          {order.kind === 'gift_card' && <Text className="tag">{t('order.giftCardKind')}</Text>}
        </Text>
        <Text className="order-card__status" data-testid={`order-status-${order.id}`}>
          {orderDisplayLabel(order)}
        </Text>
      </View>
      {order.items.map((item) => (
        <View key={item.skuId} className="order-card__item">
          <View className="order-card__thumb">
            <Text>{item.title.slice(0, 1)}</Text>
          </View>
          <View className="order-card__info">
            <Text className="order-card__title">{item.title}</Text>
            <Text className="muted">{skuLabel(item.specs)}</Text>
          </View>
          <View className="order-card__qty">
            <Text>{formatFen(item.unitPriceFen)}</Text>
            <Text className="muted">×{item.quantity}</Text>
          </View>
        </View>
      ))}
      {order.giftCard && (
        <View className="order-card__item" data-testid={`order-gift-card-${order.id}`}>
          <View className="order-card__thumb">
            <Text>🎫</Text>
          </View>
          <Text className="order-card__title">{order.giftCard.title}</Text>
        </View>
      )}
      <View className="order-card__total">
        <Text className="muted">
          {t('order.freight')} {formatFen(order.freightFen)}
        </Text>
        {orderDeductions(order).map((line) => (
          <Text key={line.testId} className="muted" data-testid={line.testId}>
            {t(line.label)} -{formatFen(line.fen)}
          </Text>
        ))}
        <Text>
          {t('order.total')}{' '}
          <Text className="price" data-testid={`order-total-${order.id}`}>
            {formatFen(order.payFen)}
          </Text>
        </Text>
      </View>
      {order.refundedFen > 0 && (
        <Text className="muted order-card__line">
          {t('order.refunded')} {formatFen(order.refundedFen)}
        </Text>
      )}
      {order.groupBuy && <TeamLine orderId={order.id} groupBuy={order.groupBuy} />}
      {order.carrier && (
        <Text className="muted order-card__line">
          {order.carrier} {order.trackingNo}
        </Text>
      )}
      {order.afterSale && (
        <Text className="muted order-card__line" data-testid={`after-sale-${order.id}`}>
          {t('order.afterSale')}: {afterSaleLabel(order.afterSale.status)} · {order.afterSale.reason}
        </Text>
      )}
      {extra}
      {children && <View className="actions">{children}</View>}
    </View>
  );
}

/** A group-buy order's team: 拼团中 / 已成团 / 拼团失败·已退款; it opens the team page. */
function TeamLine({ orderId, groupBuy }: { orderId: string; groupBuy: NonNullable<OrderView['groupBuy']> }) {
  const { t } = useI18n();
  return (
    <View className="row order-card__line" onClick={() => go(routes.team(groupBuy.teamId))}>
      <Text data-testid={`order-team-${orderId}`} data-status={groupBuy.status}>
        {t('order.groupBuy')} · {orderTeamLabel(groupBuy)}
      </Text>
      <Text className="muted">{t('team.view')} ›</Text>
    </View>
  );
}
