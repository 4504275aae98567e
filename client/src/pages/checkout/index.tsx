import { Button, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useRef, useState } from 'react';
import { formatFen, isScene, type PlacedOrderView, type ProductView, type Scene } from '@giftshop/shared';
import { apiPost, newIdempotencyKey } from '../../api/client';
import { ADDRESS_LABELS, AddressPicker, PICKER_FIELDS, useAddressBook } from '../../components/AddressPicker';
import { FormError, unplacedMessage } from '../../components/FormError';
import { PaySheet } from '../../components/PaySheet';
import { skuLabel } from '../../components/SkuPicker';
import { AsyncView } from '../../components/StatusView';
import { useAction } from '../../hooks/useApi';
import { useMyCoupons, useWallet } from '../../hooks/useCoupons';
import { useProduct } from '../../hooks/useCatalog';
import { usePageTitle } from '../../hooks/usePage';
import { useRequireLogin } from '../../hooks/useSession';
import { useI18n } from '../../i18n';
import { routes } from '../../routes';
import { CardToggles } from './CardToggles';
import { CouponPicker } from './CouponPicker';
import { cardsForShop, moneyLines, toggleCard } from './money';
import { useQuote } from './useQuote';
import './index.scss';

/**
 * 确认订单: the price from POST /api/orders/quote (goods, coupon, freight, cards, 实付: what will be
 * charged) with the best coupon picked by default and the shop's gift cards as toggles,
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
  const [giftCardIds, setGiftCardIds] = useState<string[]>([]);
  const quote = useQuote(sku?.id, quantity, giftCardIds);
  const mine = useMyCoupons(product.shopId);
  const wallet = useWallet();
  const cards = wallet.status === 'ready' ? cardsForShop(wallet.data, product.shopId) : [];
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
      ...(quote.userCouponId ? { userCouponId: quote.userCouponId } : {}),
      ...(giftCardIds.length ? { giftCardIds } : {}),
    };
    const placed = await apiPost('/orders', { body, idempotencyKey: orderKey.current });
    setOrder(placed);
    // Cards paid it all: nothing for WeChat Pay to charge, so it is paid at once (payment null).
    if (placed.payFen === 0) await payFor(placed);
  });
  const payFor = async (placed: PlacedOrderView) => {
    await apiPost('/orders/{id}/pay', { path: { id: placed.id }, idempotencyKey: payKey.current });
    setPaid(true);
  };
  const pay = useAction(async () => {
    if (order) await payFor(order);
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
    // A card-paid order whose payment failed is paid again from here (it has no pay sheet).
    void (order ? pay.run() : place.run());
  };
  const blocked = place.pending || pay.pending || (order ? order.payFen > 0 : !quote.settled);

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
        {price ? (
          moneyLines(price).map((line) => (
            <View className="row" key={line.testId}>
              <Text className="row__label">{t(line.label)}</Text>
              <Text data-testid={line.testId} className={line.minus ? 'price' : ''}>
                {(line.minus ? '-' : '') + formatFen(line.fen)}
              </Text>
            </View>
          ))
        ) : (
          <Text className="muted">{t('checkout.quoting')}</Text>
        )}
        <FormError error={quote.error} testId="checkout-quote-error" />
      </View>
      {quote.data && !order && (
        <View className="section" data-testid="checkout-coupons">
          <Text className="section__title">{t('checkout.coupon')}</Text>
          <CouponPicker
            options={quote.data.coupons}
            applied={quote.userCouponId}
            mine={mine.status === 'ready' ? mine.data : []}
            productIds={[product.id]}
            onPick={quote.pick}
          />
        </View>
      )}
      {cards.length > 0 && !order && (
        <View className="section" data-testid="checkout-gift-cards">
          <Text className="section__title">{t('checkout.cards')}</Text>
          <CardToggles
            cards={cards}
            selected={giftCardIds}
            onToggle={(id) => setGiftCardIds((ids) => toggleCard(ids, id))}
          />
        </View>
      )}
      <View className="checkout__bar">
        <Text>
          {t('checkout.pay')}{' '}
          <Text className="price" data-testid="checkout-total">
            {price ? formatFen(price.payFen) : t('checkout.quoting')}
          </Text>
        </Text>
        <Button
          className="btn btn--primary btn--small"
          data-testid="checkout-submit"
          disabled={blocked}
          aria-disabled={blocked}
          onClick={submit}
        >
          {price?.payFen === 0 ? t('checkout.payByCards') : t('checkout.submit')}
        </Button>
      </View>
      <View className="checkout__errors">
        <FormError
          error={
            localError ??
            unplacedMessage(place.error, PICKER_FIELDS, ADDRESS_LABELS) ??
            (order?.payFen === 0 ? pay.error : null)
          }
          testId="checkout-error"
        />
      </View>
      {order && !paid && order.payFen > 0 && (
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
