import { Button, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useEffect, useRef, useState } from 'react';
import {
  formatFen,
  isScene,
  type OrderQuote,
  type PlacedOrderView,
  type ProductView,
  type Scene,
} from '@giftshop/shared';
import { apiPost, newIdempotencyKey } from '../../api/client';
import { ADDRESS_LABELS, AddressPicker, PICKER_FIELDS, useAddressBook } from '../../components/AddressPicker';
import { FormError, unplacedMessage } from '../../components/FormError';
import { PaySheet } from '../../components/PaySheet';
import { skuLabel } from '../../components/SkuPicker';
import { AsyncView } from '../../components/StatusView';
import { useAction } from '../../hooks/useApi';
import { useProduct } from '../../hooks/useCatalog';
import { usePageTitle } from '../../hooks/usePage';
import { useRequireLogin } from '../../hooks/useSession';
import { useI18n } from '../../i18n';
import { routes } from '../../routes';
import './index.scss';

/**
 * 确认订单: the price from POST /api/orders/quote (goods, freight, total: what will be charged),
 * the address from the book, then the order (stock reserved), then the sandbox WeChat Pay sheet.
 */
export default function CheckoutPage() {
  usePageTitle('page.checkout');
  useRequireLogin();
  const params = useRouter().params;
  const product = useProduct(params.productId);
  const scene: Scene = isScene(params.scene) ? params.scene : 'mini_program';
  const quantity = Math.max(1, Number(params.qty) || 1);

  return (
    <View className="page checkout">
      <AsyncView state={product}>
        {(data) => (
          <Checkout
            product={data}
            skuId={params.skuId ?? ''}
            quantity={quantity}
            scene={scene}
            sharer={params.sharer}
          />
        )}
      </AsyncView>
    </View>
  );
}

function Checkout(props: { product: ProductView; skuId: string; quantity: number; scene: Scene; sharer?: string }) {
  const { t, sceneName } = useI18n();
  const { product, quantity, scene } = props;
  const sku = product.skus.find((s) => s.id === props.skuId);
  const book = useAddressBook();
  const quote = useQuote(sku?.id, quantity);
  const [order, setOrder] = useState<PlacedOrderView | null>(null);
  const [paid, setPaid] = useState(false);
  const [followed, setFollowed] = useState(false);
  const [localError, setLocalError] = useState<string | null>(null);
  // One key per attempt: a retried submit or payment replays instead of charging twice.
  const orderKey = useRef(newIdempotencyKey());
  const payKey = useRef(newIdempotencyKey());

  const place = useAction(async () => {
    if (!sku) return;
    const addressId = await book.commit();
    if (!addressId) {
      if (!book.editing) setLocalError(t('address.none'));
      return;
    }
    const body = {
      items: [{ skuId: sku.id, quantity }],
      addressId,
      scene,
      ...(props.sharer ? { sharerId: props.sharer } : {}),
    };
    const placed = await apiPost('/orders', { body, idempotencyKey: orderKey.current });
    setOrder(placed);
  });
  const pay = useAction(async () => {
    if (!order) return;
    await apiPost('/orders/{id}/pay', { path: { id: order.id }, idempotencyKey: payKey.current });
    setPaid(true);
  });
  const follow = useAction(async (shopId: string) => {
    await apiPost('/shops/{shopId}/follow', { path: { shopId } });
    setFollowed(true);
  });

  if (!sku) return <Text className="form-error">{t('checkout.noSku')}</Text>;

  if (paid && order) {
    return (
      <View className="section checkout__done" data-testid="pay-success">
        <Text className="checkout__done-icon">✅</Text>
        <Text className="checkout__done-title">{t('checkout.paid')}</Text>
        <Text className="price">{formatFen(order.payFen)}</Text>
        {order.followOffer && !followed && (
          <View className="checkout__follow">
            <Text>{t('checkout.followOffer', { shop: order.followOffer.shopName })}</Text>
            <Button
              className="btn btn--primary btn--small"
              data-testid="follow-offer"
              disabled={follow.pending}
              onClick={() => order.followOffer && void follow.run(order.followOffer.shopId)}
            >
              {t('product.follow')}
            </Button>
          </View>
        )}
        {followed && <Text className="muted">{t('checkout.followed')}</Text>}
        <FormError error={follow.error} />
        <Button
          className="btn btn--plain"
          data-testid="view-orders"
          onClick={() => void Taro.redirectTo({ url: routes.orders() })}
        >
          {t('checkout.viewOrders')}
        </Button>
      </View>
    );
  }

  // The order once placed, else the quote: both come from the server's one pricing function.
  const price = order ?? quote.data;
  const submit = () => {
    setLocalError(null);
    void place.run();
  };

  return (
    <>
      <View className="section">
        <Text className="section__title">{t('checkout.address')}</Text>
        <AddressPicker book={book} serverError={place.error} />
      </View>
      <View className="section">
        <Text className="section__title">{product.shopName}</Text>
        <View className="row">
          <View className="checkout__item">
            <Text>{product.title}</Text>
            <Text className="muted">{skuLabel(sku.specs)}</Text>
          </View>
          <View className="checkout__qty">
            <Text>{formatFen(sku.priceFen)}</Text>
            <Text className="muted">×{quantity}</Text>
          </View>
        </View>
        <View className="row">
          <Text className="row__label">{t('checkout.scene')}</Text>
          <Text data-testid="checkout-scene">{sceneName(scene)}</Text>
        </View>
        <View className="row">
          <Text className="row__label">{t('checkout.goods')}</Text>
          <Text data-testid="checkout-goods">{price ? formatFen(price.goodsFen) : t('checkout.quoting')}</Text>
        </View>
        <View className="row">
          <Text className="row__label">{t('order.freight')}</Text>
          <Text data-testid="checkout-freight">{price ? formatFen(price.freightFen) : t('checkout.quoting')}</Text>
        </View>
        <FormError error={quote.error} testId="checkout-quote-error" />
      </View>
      <View className="checkout__bar">
        <Text>
          {t('order.total')}{' '}
          <Text className="price" data-testid="checkout-total">
            {price ? formatFen(price.totalFen) : t('checkout.quoting')}
          </Text>
        </Text>
        <Button
          className="btn btn--primary btn--small"
          data-testid="checkout-submit"
          disabled={place.pending || Boolean(order) || !quote.data}
          aria-disabled={place.pending || Boolean(order) || !quote.data}
          onClick={submit}
        >
          {t('checkout.submit')}
        </Button>
      </View>
      <View className="checkout__errors">
        <FormError
          error={localError ?? unplacedMessage(place.error, PICKER_FIELDS, ADDRESS_LABELS)}
          testId="checkout-error"
        />
      </View>
      {order && !paid && (
        <PaySheet
          amountFen={order.payFen}
          payee={product.shopName}
          pending={pay.pending}
          error={pay.error}
          onConfirm={() => void pay.run()}
          onCancel={() => void Taro.redirectTo({ url: routes.orders() })}
        />
      )}
    </>
  );
}

/** POST /api/orders/quote for the basket: what submitting would charge, known before submitting. */
function useQuote(skuId: string | undefined, quantity: number): { data: OrderQuote | null; error: Error | null } {
  const [data, setData] = useState<OrderQuote | null>(null);
  const [error, setError] = useState<Error | null>(null);
  useEffect(() => {
    if (!skuId) return;
    let live = true;
    setData(null);
    apiPost('/orders/quote', { body: { items: [{ skuId, quantity }] } })
      .then((q) => live && setData(q))
      .catch((err: Error) => live && setError(err));
    return () => {
      live = false;
    };
  }, [skuId, quantity]);
  return { data, error };
}
