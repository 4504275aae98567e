import { Button, Input, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useRef, useState } from 'react';
import {
  checkWishMessage,
  formatFen,
  GIFT_RULES,
  type ChatView,
  type CreatedGiftView,
  type GiftMode,
  type ProductView,
} from '@giftshop/shared';
import { apiPost, newIdempotencyKey } from '../../api/client';
import { FormError } from '../../components/FormError';
import { WishField } from '../../components/WishField';
import { PaySheet } from '../../components/PaySheet';
import { skuLabel } from '../../components/SkuPicker';
import { AsyncView } from '../../components/StatusView';
import { useAction } from '../../hooks/useApi';
import { useProduct } from '../../hooks/useCatalog';
import { useChats } from '../../hooks/useChats';
import { usePageTitle } from '../../hooks/usePage';
import { useRequireLogin } from '../../hooks/useSession';
import { useI18n } from '../../i18n';
import { giftModeLabel, notGiftableReason } from '../../i18n/labels';
import { routes } from '../../routes';
import { ChatChip } from './ChatChip';
import { DRAW_CHOICES_MIN, drawLabel, formProblem } from './rules';
import './index.scss';

/** Created gift, answered by POST /api/gifts. */

/**
 * 送给朋友: a friend (one unit, single) or a group (first come or lottery, 2 to 100 units), a wish
 * message checked by the shared rule, and for a lottery the draw time; then pay in the sandbox and
 * the card lands in the chat.
 */
export default function GiftComposePage() {
  usePageTitle('page.giftCompose');
  useRequireLogin();
  const params = useRouter().params;
  const product = useProduct(params.productId);
  const chats = useChats();

  return (
    <View className="page compose">
      <AsyncView state={product}>
        {(data) => (
          <AsyncView state={chats}>
            {(list) => (
              <GiftComposer product={data} skuId={params.skuId ?? ''} chats={list} initialChatId={params.chatId} />
            )}
          </AsyncView>
        )}
      </AsyncView>
    </View>
  );
}
function GiftComposer({
  product,
  skuId,
  chats,
  initialChatId,
}: {
  product: ProductView;
  skuId: string;
  chats: ChatView[];
  initialChatId?: string;
}) {
  const { t } = useI18n();
  const sku = product.skus.find((s) => s.id === skuId);
  const [chatId, setChatId] = useState<string | undefined>(initialChatId);
  const chat = chats.find((c) => c.id === chatId);
  const [groupMode, setGroupMode] = useState<'first_come' | 'lottery'>('first_come');
  const mode: GiftMode = chat?.type === 'group' ? groupMode : 'single';
  const [groupUnits, setGroupUnits] = useState<number>(GIFT_RULES.groupUnits.min);
  const units = mode === 'single' ? 1 : groupUnits;
  const [wish, setWish] = useState('');
  const [drawIn, setDrawIn] = useState(60);
  const [problem, setProblem] = useState<string | null>(null);
  const [created, setCreated] = useState<CreatedGiftView | null>(null);
  const giftKey = useRef(newIdempotencyKey());
  const payKey = useRef(newIdempotencyKey());

  const create = useAction(async () => {
    const checked = checkWishMessage(wish);
    if (!sku || !chat || !checked.ok) return;
    const body = {
      skuId: sku.id,
      chatId: chat.id,
      mode,
      units,
      ...(checked.message ? { wishMessage: checked.message } : {}),
      ...(mode === 'lottery' ? { drawAt: new Date(Date.now() + drawIn * 60_000).toISOString() } : {}),
    };
    setCreated(await apiPost('/gifts', { body, idempotencyKey: giftKey.current }));
  });
  const pay = useAction(async () => {
    if (!created || !chat) return;
    await apiPost('/orders/{id}/pay', { path: { id: created.orderId }, idempotencyKey: payKey.current });
    await Taro.redirectTo({ url: routes.chat(chat.id) });
  });
  // Backing out of the pay sheet cancels the unpaid gift's order (stock returns, the gift is
  // cancelled with it); the next 送出 is a new attempt with new keys.
  const cancel = useAction(async () => {
    if (!created) return;
    await apiPost('/orders/{id}/cancel', { path: { id: created.orderId } });
    giftKey.current = newIdempotencyKey();
    payKey.current = newIdempotencyKey();
    setCreated(null);
  });

  const submit = () => {
    const found = formProblem(t, { chat, mode, units, wish, sku, categoryCode: product.categoryCode });
    setProblem(found);
    if (!found) void create.run();
  };
  const directChats = chats.filter((c) => c.type === 'direct');
  const groupChats = chats.filter((c) => c.type === 'group');
  const setUnits = (value: number) =>
    setGroupUnits(Math.max(GIFT_RULES.groupUnits.min, Math.min(GIFT_RULES.groupUnits.max, Math.floor(value) || 0)));

  return (
    <>
      <View className="section compose__product">
        <View className="compose__thumb">
          <Text>🎁</Text>
        </View>
        <View className="compose__info">
          <Text className="compose__title">{product.title}</Text>
          <Text className="muted">{sku ? skuLabel(sku.specs) : '—'}</Text>
          {sku && <Text className="price">{formatFen(sku.priceFen)}</Text>}
        </View>
      </View>
      {sku && !sku.giftable && (
        <Text className="form-error compose__reason" data-testid="compose-not-giftable">
          {notGiftableReason(sku, product.categoryCode)}
        </Text>
      )}

      <View className="section">
        <Text className="section__title">{t('compose.to')}</Text>
        <Text className="muted">{t('compose.friends')}</Text>
        <View className="chips compose__targets">
          {directChats.map((c) => (
            <ChatChip key={c.id} chat={c} active={c.id === chatId} onPick={setChatId} />
          ))}
        </View>
        <Text className="muted">{t('compose.groups')}</Text>
        <View className="chips compose__targets">
          {groupChats.map((c) => (
            <ChatChip key={c.id} chat={c} active={c.id === chatId} onPick={setChatId} />
          ))}
        </View>
        {chats.length === 0 && <Text className="muted">{t('chats.empty')}</Text>}
      </View>

      {chat && (
        <View className="section">
          <Text className="section__title">{t('compose.mode')}</Text>
          {chat.type === 'direct' ? (
            <View className="chips">
              <View className="chip chip--active" data-testid="mode-single">
                {giftModeLabel('single')}
              </View>
            </View>
          ) : (
            <>
              <View className="chips" role="radiogroup">
                {(['first_come', 'lottery'] as const).map((m) => (
                  <View
                    key={m}
                    className={`chip ${groupMode === m ? 'chip--active' : ''}`}
                    role="radio"
                    aria-checked={groupMode === m}
                    data-testid={`mode-${m}`}
                    onClick={() => setGroupMode(m)}
                  >
                    {giftModeLabel(m)}
                  </View>
                ))}
              </View>
              <Text className="muted">
                {t(groupMode === 'lottery' ? 'compose.lotteryHint' : 'compose.firstComeHint')}
              </Text>
              <View className="row compose__units">
                <Text className="row__label">{t('compose.units')}</Text>
                <View className="stepper">
                  <Button className="stepper__btn" data-testid="units-minus" onClick={() => setUnits(groupUnits - 1)}>
                    −
                  </Button>
                  <Input
                    className="stepper__value"
                    type="number"
                    data-testid="units-input"
                    aria-label={t('compose.units')}
                    value={String(groupUnits)}
                    onInput={(e) => setGroupUnits(Number(e.detail.value) || 0)}
                  />
                  <Button className="stepper__btn" data-testid="units-plus" onClick={() => setUnits(groupUnits + 1)}>
                    +
                  </Button>
                </View>
              </View>
              {groupMode === 'lottery' && (
                <>
                  <Text className="section__title">{t('compose.drawAt')}</Text>
                  <View className="chips">
                    {DRAW_CHOICES_MIN.map((minutes) => (
                      <View
                        key={minutes}
                        className={`chip ${drawIn === minutes ? 'chip--active' : ''}`}
                        data-testid={`draw-in-${minutes}`}
                        onClick={() => setDrawIn(minutes)}
                      >
                        {drawLabel(t, minutes)}
                      </View>
                    ))}
                  </View>
                </>
              )}
            </>
          )}
        </View>
      )}

      <View className="section">
        <Text className="section__title">{t('compose.wish')}</Text>
        <WishField
          value={wish}
          onChange={(next) => {
            setWish(next);
            // An answered error goes away with the edit.
            setProblem(null);
          }}
        />
      </View>

      <View className="compose__bar">
        <Text>
          {t('compose.total')}{' '}
          <Text className="price" data-testid="compose-total">
            {sku ? formatFen(sku.priceFen * units) : '—'}
          </Text>
        </Text>
        <Button
          className="btn btn--gift btn--small"
          data-testid="gift-submit"
          disabled={create.pending || Boolean(created) || !sku?.giftable}
          aria-disabled={create.pending || Boolean(created) || !sku?.giftable}
          onClick={submit}
        >
          {t('compose.submit')}
        </Button>
      </View>
      <View className="compose__errors">
        <FormError error={problem ?? create.error} testId="compose-error" />
      </View>
      {created && (
        <PaySheet
          amountFen={created.totalFen}
          payee={product.shopName}
          pending={pay.pending || cancel.pending}
          error={pay.error ?? cancel.error}
          onConfirm={() => void pay.run()}
          onCancel={() => void cancel.run()}
        />
      )}
    </>
  );
}
