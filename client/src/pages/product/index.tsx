import { Button, Image, Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { formatFen, isScene, type ProductView, type SkuView } from '@giftshop/shared';
import { apiDelete, apiPost } from '../../api/client';
import { CouponStrip } from '../../components/CouponStrip';
import { FormError } from '../../components/FormError';
import { SceneBadge } from '../../components/SceneBadge';
import { SkuPicker } from '../../components/SkuPicker';
import { AsyncView } from '../../components/StatusView';
import { useAction } from '../../hooks/useApi';
import { useProduct, useShop } from '../../hooks/useCatalog';
import { useChats } from '../../hooks/useChats';
import { useMe } from '../../hooks/useMerchant';
import { usePageTitle } from '../../hooks/usePage';
import { useSession } from '../../hooks/useSession';
import { useI18n } from '../../i18n';
import { go, routes } from '../../routes';
import { shareEarnFen } from '../../sharing';
import './index.scss';

/**
 * Product detail, opened by its unified ID from any scene (`?scene=&sharer=`): the scene is shown,
 * the SKU picker leads to 购买 (checkout), 送给朋友 (the gift composer) or 发起拼团 (the team form).
 */
export default function ProductPage() {
  usePageTitle('page.product');
  const params = useRouter().params;
  const scene = isScene(params.scene) ? params.scene : undefined;
  const product = useProduct(params.id, scene, params.sharer);

  return (
    <View className="page product">
      <AsyncView state={product}>
        {(data) => <ProductDetail product={data} scene={scene} sharer={params.sharer} />}
      </AsyncView>
    </View>
  );
}

function ProductDetail({
  product,
  scene,
  sharer,
}: {
  product: ProductView;
  scene?: ProductView['scene'];
  sharer?: string;
}) {
  const { t } = useI18n();
  const session = useSession();
  const firstInStock = product.skus.find((sku) => sku.stock > 0) ?? product.skus[0];
  const [selectedId, setSelectedId] = useState<string | null>(firstInStock?.id ?? null);
  const [quantity, setQuantity] = useState(1);
  const [sharing, setSharing] = useState(false);
  const me = useMe();
  // 分享赚 is for shoppers: the shop's owner earns nothing sharing its own products.
  const ownsShop = me.status === 'ready' && me.data.shopIds.includes(product.shopId);
  const earnFen = session && me.status === 'ready' && !ownsShop ? shareEarnFen(product) : 0;

  const requireLogin = (then: () => void) => (session ? then() : go(routes.login()));
  const onBuy = (sku: SkuView, qty: number) =>
    requireLogin(() =>
      go(routes.checkout({ productId: product.id, skuId: sku.id, qty, scene: scene ?? 'mini_program', sharer })),
    );
  const onGift = (sku: SkuView) => requireLogin(() => go(routes.giftCompose(product.id, sku.id)));
  const onGroupBuy = (sku: SkuView, qty: number) => requireLogin(() => go(routes.teamOpen(product.id, sku.id, qty)));

  return (
    <>
      <Gallery imageUrls={product.imageUrls} />
      {product.scene && <SceneBadge scene={product.scene} />}
      <View className="section">
        <Text className="product__title" data-testid="product-title">
          {product.title}
        </Text>
        {product.giftable && <Text className="tag">{t('product.giftable')}</Text>}
        {product.status === 'delisted' && <Text className="tag tag--grey">{t('product.delisted')}</Text>}
        <Text className="product__desc">{product.description}</Text>
      </View>

      <CouponStrip shopId={product.shopId} productId={product.id} />

      <View className="section">
        <SkuPicker
          skus={product.skus}
          selectedId={selectedId}
          onSelect={(sku) => {
            setSelectedId(sku.id);
            setQuantity(1);
          }}
          quantity={quantity}
          onQuantity={setQuantity}
          onBuy={onBuy}
          onGift={onGift}
          categoryCode={product.categoryCode}
          groupDeal={product.groupDeal}
          onGroupBuy={onGroupBuy}
        />
      </View>

      <ShopRow shopId={product.shopId} shopName={product.shopName} />

      <View className="section">
        <View className="row">
          <View>
            <Text>{t('product.shareTitle')}</Text>
            {earnFen > 0 && (
              <Text className="product__earn" data-testid="share-earn">
                {t('product.shareEarn', { amount: formatFen(earnFen) })}
              </Text>
            )}
          </View>
          <Button
            className="btn btn--plain btn--small"
            data-testid="share-to-chat"
            onClick={() => requireLogin(() => setSharing((open) => !open))}
          >
            {t('product.share')}
          </Button>
        </View>
        {sharing && <SharePicker productId={product.id} />}
      </View>
    </>
  );
}

/** The product's pictures: the one shown large, and a strip to pick another when there are several. */
function Gallery({ imageUrls }: { imageUrls: string[] }) {
  const [shown, setShown] = useState(0);
  if (imageUrls.length === 0) {
    return (
      <View className="product__hero product__hero--empty">
        <Text>🎁</Text>
      </View>
    );
  }
  const current = Math.min(shown, imageUrls.length - 1);
  return (
    <View className="gallery" data-testid="product-gallery">
      <Image className="product__hero" src={imageUrls[current]} mode="aspectFill" data-testid="gallery-current" />
      {imageUrls.length > 1 && (
        <>
          <Text className="gallery__counter" data-testid="gallery-counter">
            {current + 1}/{imageUrls.length}
          </Text>
          <View className="gallery__thumbs">
            {imageUrls.map((url, index) => (
              <View
                key={url}
                className={`gallery__thumb ${index === current ? 'gallery__thumb--active' : ''}`}
                data-testid={`gallery-thumb-${index}`}
                onClick={() => setShown(index)}
              >
                <Image className="gallery__thumb-image" src={url} mode="aspectFill" />
              </View>
            ))}
          </View>
        </>
      )}
    </View>
  );
}

/** The shop, and following it (public → private domain). */
function ShopRow({ shopId, shopName }: { shopId: string; shopName: string }) {
  const { t } = useI18n();
  const session = useSession();
  const shop = useShop(shopId, session?.user.id ?? '');
  const follow = useAction(async (following: boolean) => {
    if (following) await apiDelete('/shops/{shopId}/follow', { path: { shopId } });
    else await apiPost('/shops/{shopId}/follow', { path: { shopId } });
    await shop.reload({ silent: true });
  });
  const following = shop.status === 'ready' && shop.data.following === true;

  return (
    <View className="section">
      <View className="row">
        <View className="product__shop">
          <Text className="product__shop-name" data-testid="product-shop-link" onClick={() => go(routes.shop(shopId))}>
            🏪 {shopName} ›
          </Text>
          {shop.status === 'ready' && (
            <Text className="muted">{t('product.followers', { n: shop.data.followerCount })}</Text>
          )}
        </View>
        {session && (
          <Button
            className={`btn btn--small ${following ? 'btn--plain' : 'btn--primary'}`}
            data-testid="follow-shop"
            disabled={follow.pending || shop.status !== 'ready'}
            onClick={() => void follow.run(following)}
          >
            {following ? t('product.following') : t('product.follow')}
          </Button>
        )}
      </View>
      <FormError error={follow.error} />
    </View>
  );
}

/** Sends the product as a card into one of the user's chats, then opens that chat. */
function SharePicker({ productId }: { productId: string }) {
  const { t } = useI18n();
  const chats = useChats();
  const share = useAction(async (chatId: string) => {
    await apiPost('/chats/{id}/messages', { path: { id: chatId }, body: { productId } });
    go(routes.chat(chatId));
  });
  return (
    <View className="product__share">
      <AsyncView state={chats} isEmpty={(list) => list.length === 0} emptyText={t('chats.empty')}>
        {(list) =>
          list.map((chat) => (
            <View
              key={chat.id}
              className="row"
              data-testid={`share-chat-${chat.id}`}
              onClick={() => void share.run(chat.id)}
            >
              <Text>
                {chat.type === 'group' ? '👥 ' : '👤 '}
                {chat.title}
              </Text>
              <Text className="muted">{t('product.send')}</Text>
            </View>
          ))
        }
      </AsyncView>
      <FormError error={share.error} />
    </View>
  );
}
