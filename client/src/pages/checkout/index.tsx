import { Button, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useRef, useState } from 'react';
import {
  formatFen,
  isScene,
  type AddressView,
  type PayResponse,
  type PlacedOrderView,
  type ProductView,
  type Scene,
} from '@giftshop/shared';
import { apiPost, newIdempotencyKey } from '../../api/client';
import {
  ADDRESS_FIELDS,
  AddressForm,
  lastAddress,
  missingAddressField,
  rememberAddress,
} from '../../components/AddressForm';
import { fieldMessage, FormError, unplacedMessage } from '../../components/FormError';
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

/** 确认订单: address, then the order (stock reserved), then the sandbox WeChat Pay sheet. */
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
  const [address, setAddress] = useState<AddressView>(lastAddress);
  const [order, setOrder] = useState<PlacedOrderView | null>(null);
  const [paid, setPaid] = useState(false);
  const [followed, setFollowed] = useState(false);
  const [localError, setLocalError] = useState<string | null>(null);
  // One key per attempt: a retried submit or payment replays instead of charging twice.
  const orderKey = useRef(newIdempotencyKey());
  const payKey = useRef(newIdempotencyKey());

  const place = useAction(async () => {
    if (!sku) return;
    const body = {
      items: [{ skuId: sku.id, quantity }],
      address,
      scene,
      ...(props.sharer ? { sharerId: props.sharer } : {}),
    };
    const placed = await apiPost<PlacedOrderView>('/orders', body, { idempotencyKey: orderKey.current });
    rememberAddress(address);
    setOrder(placed);
  });
  const pay = useAction(async () => {
    if (!order) return;
    await apiPost<PayResponse>(`/orders/${order.id}/pay`, {}, { idempotencyKey: payKey.current });
    setPaid(true);
  });
  const follow = useAction(async (shopId: string) => {
    await apiPost(`/shops/${shopId}/follow`);
    setFollowed(true);
  });

  if (!sku) return <Text className="form-error">{t('checkout.noSku')}</Text>;

  if (paid && order) {
    return (
      <View className="section checkout__done" data-testid="pay-success">
        <Text className="checkout__done-icon">✅</Text>
        <Text className="checkout__done-title">{t('checkout.paid')}</Text>
        <Text className="price">{formatFen(order.totalFen)}</Text>
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

  const goodsFen = sku.priceFen * quantity;
  const submit = () => {
    const missing = missingAddressField(address);
    if (missing) {
      setLocalError(t('address.missing', { field: t(`address.${missing}`) }));
      return;
    }
    setLocalError(null);
    void place.run();
  };

  return (
    <>
      <View className="section">
        <Text className="section__title">{t('checkout.address')}</Text>
        <AddressForm
          value={address}
          onChange={setAddress}
          errorFor={(field) => fieldMessage(place.error, `address.${field}`)}
        />
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
          <Text>{formatFen(goodsFen)}</Text>
        </View>
        <View className="row">
          <Text className="row__label">{t('order.freight')}</Text>
          <Text>{order ? formatFen(order.freightFen) : t('checkout.freightLater')}</Text>
        </View>
      </View>
      <View className="checkout__bar">
        <Text>
          {t('order.total')}{' '}
          <Text className="price" data-testid="checkout-total">
            {formatFen(order ? order.totalFen : goodsFen)}
          </Text>
        </Text>
        <Button
          className="btn btn--primary btn--small"
          data-testid="checkout-submit"
          disabled={place.pending || Boolean(order)}
          aria-disabled={place.pending || Boolean(order)}
          onClick={submit}
        >
          {t('checkout.submit')}
        </Button>
      </View>
      <View className="checkout__errors">
        <FormError error={localError ?? unplacedMessage(place.error, ADDRESS_FIELDS)} testId="checkout-error" />
      </View>
      {order && !paid && (
        <PaySheet
          amountFen={order.totalFen}
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
