import { Button, Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useRef, useState } from 'react';
import { checkWishMessage, formatFen, type GiftCardDesignView, type GiftCardPurchaseView } from '@giftshop/shared';
import { apiPost, newIdempotencyKey } from '../../api/client';
import { FormError } from '../../components/FormError';
import { PaySheet } from '../../components/PaySheet';
import { AsyncView } from '../../components/StatusView';
import { WishField } from '../../components/WishField';
import { useAction } from '../../hooks/useApi';
import { useProducts, useShop } from '../../hooks/useCatalog';
import { useChat } from '../../hooks/useChats';
import { usePageTitle } from '../../hooks/usePage';
import { useRequireLogin } from '../../hooks/useSession';
import { useI18n } from '../../i18n';
import { goBack, routes } from '../../routes';
import { buyGiftCard, useGiftCardDesigns } from '../gift-card/api';
import { THEME_ICONS, themeName } from '../gift-card/labels';
import { cardComposeProblem } from './rules';
import './index.scss';

/**
 * 送礼券 in a direct chat: pick a shop's card design (its festival, face value and validity), write
 * a wish as for a gift, pay in the sandbox, and the card lands in the chat.
 */
export default function GiftCardComposePage() {
  const { t } = useI18n();
  usePageTitle('page.giftCardCompose');
  useRequireLogin();
  const params = useRouter().params;
  const chat = useChat(params.chatId);
  const [shopId, setShopId] = useState(params.shopId);

  return (
    <View className="page card-compose">
      <AsyncView state={chat}>
        {(data) => (
          <>
            <View className="section">
              <Text className="section__title">{t('compose.to')}</Text>
              <Text data-testid="card-compose-to">{data.title}</Text>
            </View>
            {!params.shopId && <ShopPicker shopId={shopId} onPick={setShopId} />}
            {shopId && <Composer key={shopId} chatId={data.id} shopId={shopId} />}
          </>
        )}
      </AsyncView>
    </View>
  );
}

/** The demo's shops, as the catalogue lists them, when the composer was not opened from one. */
function ShopPicker({ shopId, onPick }: { shopId?: string; onPick: (shopId: string) => void }) {
  const { t } = useI18n();
  const products = useProducts({ limit: 100 });
  return (
    <View className="section">
      <Text className="section__title">{t('cardCompose.shop')}</Text>
      <AsyncView state={products}>
        {(page) => {
          const shops = new Map(page.items.map((p) => [p.shopId, p.shopName] as const));
          return (
            <View className="chips">
              {[...shops].map(([id, name]) => (
                <View
                  key={id}
                  className={`chip ${id === shopId ? 'chip--active' : ''}`}
                  data-testid={`card-shop-${id}`}
                  onClick={() => onPick(id)}
                >
                  🏪 {name}
                </View>
              ))}
            </View>
          );
        }}
      </AsyncView>
    </View>
  );
}

function Composer({ chatId, shopId }: { chatId: string; shopId: string }) {
  const { t } = useI18n();
  const designs = useGiftCardDesigns(shopId);
  const shop = useShop(shopId);
  const [designId, setDesignId] = useState<string | null>(null);
  const [wish, setWish] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [bought, setBought] = useState<GiftCardPurchaseView | null>(null);
  const buyKey = useRef(newIdempotencyKey());
  const payKey = useRef(newIdempotencyKey());
  const list = designs.status === 'ready' ? designs.data : [];
  const design = list.find((d) => d.id === designId);

  const buy = useAction(async () => {
    const checked = checkWishMessage(wish);
    if (!design || !checked.ok) return;
    const body = { designId: design.id, chatId, ...(checked.message ? { wishMessage: checked.message } : {}) };
    setBought(await buyGiftCard(body, buyKey.current));
  });
  const pay = useAction(async () => {
    if (!bought) return;
    await apiPost('/orders/{id}/pay', { path: { id: bought.orderId }, idempotencyKey: payKey.current });
    // Back to the chat it was opened from (it reloads on show), not a second copy of it.
    await goBack(routes.chat(chatId));
  });
  // Backing out of the pay sheet cancels the card's unpaid order; the next 送出 is a new attempt.
  const cancel = useAction(async () => {
    if (!bought) return;
    await apiPost('/orders/{id}/cancel', { path: { id: bought.orderId } });
    buyKey.current = newIdempotencyKey();
    payKey.current = newIdempotencyKey();
    setBought(null);
  });
  const submit = () => {
    const found = cardComposeProblem({ design, wish });
    setProblem(found);
    if (!found) void buy.run();
  };

  return (
    <>
      <View className="section">
        <Text className="section__title">{t('cardCompose.design')}</Text>
        <AsyncView state={designs} isEmpty={(found) => found.length === 0} emptyText={t('cardCompose.noDesigns')}>
          {(found) => (
            <View className="card-compose__designs">
              {found.map((d) => (
                <DesignTile
                  key={d.id}
                  design={d}
                  active={d.id === designId}
                  onPick={() => {
                    setDesignId(d.id);
                    setProblem(null);
                  }}
                />
              ))}
            </View>
          )}
        </AsyncView>
      </View>
      <View className="section">
        <Text className="section__title">{t('compose.wish')}</Text>
        <WishField
          value={wish}
          onChange={(next) => {
            setWish(next);
            setProblem(null);
          }}
        />
        <FormError error={problem ?? buy.error} testId="card-compose-error" />
      </View>
      <View className="card-compose__bar">
        <Text>
          {t('compose.total')}{' '}
          <Text className="price" data-testid="card-compose-total">
            {design ? formatFen(design.faceValueFen) : '—'}
          </Text>
        </Text>
        <Button
          className="btn btn--gift btn--small"
          data-testid="card-submit"
          disabled={buy.pending || Boolean(bought)}
          onClick={submit}
        >
          {t('cardCompose.submit')}
        </Button>
      </View>
      {bought && (
        <PaySheet
          amountFen={bought.totalFen}
          payee={shop.status === 'ready' ? shop.data.name : ''}
          pending={pay.pending || cancel.pending}
          error={pay.error ?? cancel.error}
          onConfirm={() => void pay.run()}
          onCancel={() => void cancel.run()}
        />
      )}
    </>
  );
}

function DesignTile({ design, active, onPick }: { design: GiftCardDesignView; active: boolean; onPick: () => void }) {
  const { t } = useI18n();
  return (
    <View
      className={`card-compose__design card-compose__design--${design.theme} ${active ? 'card-compose__design--active' : ''}`}
      role="radio"
      aria-checked={active}
      data-testid={`card-design-${design.id}`}
      onClick={onPick}
    >
      <Text className="card-compose__design-meta">
        {THEME_ICONS[design.theme]} {themeName(design.theme)}
      </Text>
      <Text className="card-compose__design-title">{design.title}</Text>
      <Text className="card-compose__design-face">{formatFen(design.faceValueFen)}</Text>
      <Text className="card-compose__design-meta">{t('giftCard.validDays', { n: design.validDays })}</Text>
    </View>
  );
}
