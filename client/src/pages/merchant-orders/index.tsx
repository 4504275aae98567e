import { Button, Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import type { OrderView } from '@giftshop/shared';
import { apiPost } from '../../api/client';
import { FormError } from '../../components/FormError';
import { OrderCard } from '../../components/OrderCard';
import { ShipFields, ShipTo, useShipment } from '../../components/ShipFields';
import { ShopName } from '../../components/ShopSwitcher';
import { AsyncView } from '../../components/StatusView';
import { Tabs } from '../../components/Tabs';
import { useAction } from '../../hooks/useApi';
import { useOrders } from '../../hooks/useOrders';
import { usePageTitle, useReloadOnShow } from '../../hooks/usePage';
import { useRequireLogin } from '../../hooks/useSession';
import { useI18n } from '../../i18n';
import { shippable } from './shippable';
import './index.scss';

type Filter = 'to_ship' | 'after_sale' | 'all';

const FILTERS: Record<Filter, (order: OrderView) => boolean> = {
  to_ship: shippable,
  after_sale: (o) => o.afterSale?.open === true,
  all: () => true,
};

/** The shop's orders: ship paid ones (carrier + tracking number), resolve return requests. */
export default function MerchantOrdersPage() {
  const { t } = useI18n();
  usePageTitle('page.merchantOrders');
  useRequireLogin();
  const shopId = useRouter().params.shopId;
  const orders = useOrders('merchant', shopId);
  useReloadOnShow(orders.reload);
  const [filter, setFilter] = useState<Filter>('to_ship');

  return (
    <View className="page merchant-orders-page">
      {shopId && (
        <View className="section">
          <ShopName shopId={shopId} />
          <Text className="muted">{t('merchantOrders.giftHint')}</Text>
        </View>
      )}
      <Tabs
        items={(Object.keys(FILTERS) as Filter[]).map((key) => ({ key, label: t(`merchantOrders.filter.${key}`) }))}
        current={filter}
        onChange={setFilter}
        testIdPrefix="merchant-orders-tab"
      />
      <AsyncView
        state={orders}
        isEmpty={(page) => page.items.filter(FILTERS[filter]).length === 0}
        emptyText={t('orders.empty')}
      >
        {(page) =>
          page.items
            .filter(FILTERS[filter])
            .map((order) => (
              <MerchantOrder key={order.id} order={order} onChanged={() => orders.reload({ silent: true })} />
            ))
        }
      </AsyncView>
    </View>
  );
}

function MerchantOrder({ order, onChanged }: { order: OrderView; onChanged: () => Promise<void> }) {
  const { t } = useI18n();
  const shipment = useShipment();
  const act = useAction(async (write: () => Promise<unknown>) => {
    await write();
    await onChanged();
  });
  const canShip = shippable(order);
  const openCase = order.afterSale?.open ? order.afterSale : null;

  return (
    <OrderCard
      order={order}
      extra={
        <>
          {order.address && <ShipTo address={order.address} testId={`order-address-${order.id}`} />}
          {canShip && (
            <ShipFields
              shipment={shipment}
              carrierTestId={`ship-carrier-${order.id}`}
              trackingTestId={`ship-tracking-${order.id}`}
            />
          )}
          <FormError error={act.error} testId={`order-error-${order.id}`} />
        </>
      }
    >
      {canShip && (
        <Button
          className="btn btn--primary btn--small"
          data-testid={`ship-order-${order.id}`}
          disabled={act.pending}
          onClick={() =>
            void act.run(() => apiPost('/orders/{id}/ship', { path: { id: order.id }, body: shipment.body() }))
          }
        >
          {t('ship.ship')}
        </Button>
      )}
      {openCase && (
        <>
          <Button
            className="btn btn--plain btn--small"
            data-testid={`after-sale-reject-${order.id}`}
            disabled={act.pending}
            onClick={() => void act.run(() => apiPost('/after-sales/{id}/reject', { path: { id: openCase.id } }))}
          >
            {t('afterSale.reject')}
          </Button>
          <Button
            className="btn btn--primary btn--small"
            data-testid={`after-sale-approve-${order.id}`}
            disabled={act.pending}
            onClick={() => void act.run(() => apiPost('/after-sales/{id}/approve', { path: { id: openCase.id } }))}
          >
            {t('afterSale.approve')}
          </Button>
        </>
      )}
    </OrderCard>
  );
}
