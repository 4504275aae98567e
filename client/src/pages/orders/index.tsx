import { Button, Input, View } from '@tarojs/components';
import { useState } from 'react';
import type { OrderView } from '@giftshop/shared';
import { apiPost, newIdempotencyKey } from '../../api/client';
import { FormError } from '../../components/FormError';
import { OrderCard } from '../../components/OrderCard';
import { AsyncView } from '../../components/StatusView';
import { Tabs } from '../../components/Tabs';
import { useAction } from '../../hooks/useApi';
import { useOrders } from '../../hooks/useOrders';
import { usePageTitle, useReloadOnShow } from '../../hooks/usePage';
import { useRequireLogin } from '../../hooks/useSession';
import { useI18n } from '../../i18n';
import { refundable } from './refundable';
import './index.scss';

type Filter = 'all' | 'pending_payment' | 'paid' | 'shipped' | 'done' | 'after_sale';

const FILTERS: Record<Filter, (order: OrderView) => boolean> = {
  all: () => true,
  pending_payment: (o) => o.status === 'pending_payment',
  paid: (o) => o.status === 'paid',
  shipped: (o) => o.status === 'shipped',
  done: (o) => o.status === 'delivered' || o.status === 'completed',
  after_sale: (o) => o.afterSale !== null || o.status === 'refunded' || o.status === 'cancelled',
};

/** 我的订单: states, pay, cancel, confirm receipt, refund and return requests. */
export default function OrdersPage() {
  const { t } = useI18n();
  usePageTitle('page.orders');
  useRequireLogin();
  const orders = useOrders('buyer');
  useReloadOnShow(orders.reload);
  const [filter, setFilter] = useState<Filter>('all');

  return (
    <View className="page orders-page">
      <Tabs
        items={(Object.keys(FILTERS) as Filter[]).map((key) => ({ key, label: t(`orders.filter.${key}`) }))}
        current={filter}
        onChange={setFilter}
        testIdPrefix="orders-tab"
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
              <BuyerOrder key={order.id} order={order} onChanged={() => orders.reload({ silent: true })} />
            ))
        }
      </AsyncView>
    </View>
  );
}

function BuyerOrder({ order, onChanged }: { order: OrderView; onChanged: () => Promise<void> }) {
  const { t } = useI18n();
  const [reasonOpen, setReasonOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [payKey] = useState(newIdempotencyKey);
  const act = useAction(async (write: () => Promise<unknown>) => {
    await write();
    setReasonOpen(false);
    await onChanged();
  });
  const path = { id: order.id };
  const isGift = order.kind === 'gift';
  const canRefund = refundable(order);

  return (
    <OrderCard
      order={order}
      extra={
        <>
          {reasonOpen && (
            <View className="field">
              <Input
                className="field__input"
                data-testid={`order-refund-reason-${order.id}`}
                value={reason}
                placeholder={t('orders.reasonPlaceholder')}
                onInput={(e) => setReason(e.detail.value)}
              />
              <Button
                className="btn btn--primary btn--small"
                data-testid={`order-refund-submit-${order.id}`}
                disabled={act.pending || !reason.trim()}
                onClick={() =>
                  void act.run(() => apiPost('/orders/{id}/refund', { path, body: { reason: reason.trim() } }))
                }
              >
                {t('common.submit')}
              </Button>
            </View>
          )}
          <FormError error={act.error} testId={`order-error-${order.id}`} />
        </>
      }
    >
      {order.status === 'pending_payment' && (
        <>
          <Button
            className="btn btn--plain btn--small"
            data-testid={`order-cancel-${order.id}`}
            disabled={act.pending}
            onClick={() => void act.run(() => apiPost('/orders/{id}/cancel', { path }))}
          >
            {t('orders.cancel')}
          </Button>
          <Button
            className="btn btn--primary btn--small"
            data-testid={`order-pay-${order.id}`}
            disabled={act.pending}
            onClick={() => void act.run(() => apiPost('/orders/{id}/pay', { path, idempotencyKey: payKey }))}
          >
            {order.payFen === 0 ? t('checkout.payByCards') : t('orders.pay')}
          </Button>
        </>
      )}
      {order.status === 'shipped' && !isGift && (
        <Button
          className="btn btn--primary btn--small"
          data-testid={`order-confirm-${order.id}`}
          disabled={act.pending}
          onClick={() => void act.run(() => apiPost('/orders/{id}/confirm-receipt', { path }))}
        >
          {t('orders.confirmReceipt')}
        </Button>
      )}
      {canRefund && (
        <Button
          className="btn btn--plain btn--small"
          data-testid={`order-refund-${order.id}`}
          onClick={() => setReasonOpen((open) => !open)}
        >
          {order.status === 'paid' ? t('orders.refund') : t('orders.return')}
        </Button>
      )}
    </OrderCard>
  );
}
