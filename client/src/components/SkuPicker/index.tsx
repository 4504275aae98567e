import { Button, Text, View } from '@tarojs/components';
import { formatFen, type GroupDealView, type SkuView } from '@giftshop/shared';
import { useI18n } from '../../i18n';
import { notGiftableReason } from '../../i18n/labels';
import { dealPriceText } from '../TeamCard/labels';
import './index.scss';

/** A SKU as a shopper reads it: its spec values, "250g 礼盒 / 红色". */
export function skuLabel(specs: Record<string, string>): string {
  const values = Object.values(specs);
  return values.length ? values.join(' / ') : '—';
}

interface SkuOptionsProps {
  skus: SkuView[];
  selectedId: string | null;
  onSelect: (sku: SkuView) => void;
  /** Options that cannot be picked (sold out by default). */
  isDisabled?: (sku: SkuView) => boolean;
}

/** The variant chips (`sku-<skuId>`). */
export function SkuOptions({ skus, selectedId, onSelect, isDisabled = (sku) => sku.stock <= 0 }: SkuOptionsProps) {
  return (
    <View className="chips" role="radiogroup">
      {skus.map((sku) => {
        const disabled = isDisabled(sku);
        const active = sku.id === selectedId;
        return (
          <View
            key={sku.id}
            className={`chip ${active ? 'chip--active' : ''} ${disabled ? 'chip--disabled' : ''}`}
            role="radio"
            aria-checked={active}
            aria-disabled={disabled}
            data-testid={`sku-${sku.id}`}
            onClick={() => {
              if (!disabled) onSelect(sku);
            }}
          >
            {skuLabel(sku.specs)}
          </View>
        );
      })}
    </View>
  );
}

interface SkuPickerProps {
  skus: SkuView[];
  selectedId: string | null;
  onSelect: (sku: SkuView) => void;
  quantity: number;
  onQuantity: (quantity: number) => void;
  onBuy: (sku: SkuView, quantity: number) => void;
  onGift: (sku: SkuView) => void;
  /** The product's category, to explain a refusal in the reader's language. */
  categoryCode?: string;
  /** The product's active group deal: a third action, 发起拼团, with the group price. */
  groupDeal?: GroupDealView | null;
  onGroupBuy?: (sku: SkuView, quantity: number) => void;
}

export const MAX_QUANTITY = 99;

/**
 * 规格 picker: the chosen SKU's price (the only price on the product page), and the actions,
 * 购买 for oneself, 送给朋友 and (when the product has a group deal) 发起拼团, in a bar fixed at the
 * bottom of the screen. A SKU the server marks
 * as not giftable says why (the shared eligibility rule, in the reader's language) and 送给朋友 is
 * disabled.
 */
export function SkuPicker({
  skus,
  selectedId,
  onSelect,
  quantity,
  onQuantity,
  onBuy,
  onGift,
  categoryCode,
  groupDeal,
  onGroupBuy,
}: SkuPickerProps) {
  const { t } = useI18n();
  const selected = skus.find((sku) => sku.id === selectedId) ?? null;
  const soldOut = selected !== null && selected.stock <= 0;
  const maxQuantity = selected ? Math.max(1, Math.min(MAX_QUANTITY, selected.stock)) : MAX_QUANTITY;

  return (
    <View className="sku-picker" data-testid="sku-picker">
      <View className="sku-picker__summary">
        {selected ? (
          <>
            <Text className="price sku-picker__price" data-testid="sku-price">
              {formatFen(selected.priceFen)}
            </Text>
            {selected.listPriceFen > selected.priceFen && (
              <Text className="list-price">{formatFen(selected.listPriceFen)}</Text>
            )}
            <Text className="muted sku-picker__stock">
              {soldOut ? t('sku.soldOut') : t('sku.stock', { n: selected.stock })}
            </Text>
          </>
        ) : (
          <Text className="muted">{t('sku.choose')}</Text>
        )}
      </View>

      <Text className="section__title">{t('sku.title')}</Text>
      <SkuOptions skus={skus} selectedId={selectedId} onSelect={onSelect} />

      {selected && !selected.giftable && (
        <Text className="sku-picker__reason" data-testid="sku-gift-reason">
          {notGiftableReason(selected, categoryCode)}
        </Text>
      )}

      <View className="sku-picker__quantity">
        <Text className="row__label">{t('sku.quantity')}</Text>
        <View className="stepper">
          <Button
            className="stepper__btn"
            data-testid="quantity-minus"
            disabled={quantity <= 1}
            aria-disabled={quantity <= 1}
            onClick={() => onQuantity(Math.max(1, quantity - 1))}
          >
            −
          </Button>
          <Text className="stepper__value" data-testid="quantity-value">
            {quantity}
          </Text>
          <Button
            className="stepper__btn"
            data-testid="quantity-plus"
            disabled={quantity >= maxQuantity}
            aria-disabled={quantity >= maxQuantity}
            onClick={() => onQuantity(Math.min(maxQuantity, quantity + 1))}
          >
            +
          </Button>
        </View>
      </View>

      <View className="sku-picker__actions" data-testid="product-bottom-bar">
        <Button
          className="btn btn--primary sku-picker__action"
          data-testid="buy-button"
          disabled={!selected || soldOut}
          aria-disabled={!selected || soldOut}
          onClick={() => selected && onBuy(selected, quantity)}
        >
          {t('sku.buy')}
        </Button>
        <Button
          className="btn btn--gift sku-picker__action"
          data-testid="gift-button"
          disabled={!selected || soldOut || !selected.giftable}
          aria-disabled={!selected || soldOut || !selected.giftable}
          onClick={() => selected && selected.giftable && onGift(selected)}
        >
          {t('sku.gift')}
        </Button>
        {groupDeal && onGroupBuy && (
          <GroupBuyButton
            deal={groupDeal}
            skus={skus}
            selected={selected}
            onGroupBuy={(sku) => onGroupBuy(sku, quantity)}
          />
        )}
      </View>
    </View>
  );
}

/**
 * 发起拼团 with "¥39.00 起 · 3人团" under it. It opens the team form on the chosen SKU when the
 * deal covers it, else on the deal's first SKU (the form lets the shopper change it).
 */
function GroupBuyButton({
  deal,
  skus,
  selected,
  onGroupBuy,
}: {
  deal: GroupDealView;
  skus: SkuView[];
  selected: SkuView | null;
  onGroupBuy: (sku: SkuView) => void;
}) {
  const { t } = useI18n();
  const inDeal = skus.filter((sku) => deal.skus.some((d) => d.skuId === sku.id) && sku.stock > 0);
  const target = inDeal.find((sku) => sku.id === selected?.id) ?? inDeal[0];
  return (
    <Button
      className="btn btn--group sku-picker__action"
      data-testid="group-buy-button"
      disabled={!target}
      aria-disabled={!target}
      onClick={() => target && onGroupBuy(target)}
    >
      <View className="sku-picker__group">
        <Text>{t('sku.groupBuy')}</Text>
        <Text className="sku-picker__group-price" data-testid="group-buy-price">
          {dealPriceText(deal)}
        </Text>
      </View>
    </Button>
  );
}
