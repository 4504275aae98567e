import { Button, Text, View } from '@tarojs/components';
import { useRef, useState, type ReactNode } from 'react';
import { formatFen, type GroupDealSkuView, type SkuView, type TeamOrderView } from '@giftshop/shared';
import { apiPost, newIdempotencyKey } from '../../api/client';
import { ADDRESS_LABELS, AddressPicker, PICKER_FIELDS, useAddressBook } from '../AddressPicker';
import { FormError, unplacedMessage } from '../FormError';
import { PaySheet } from '../PaySheet';
import { MAX_QUANTITY, skuLabel } from '../SkuPicker';
import { useAction } from '../../hooks/useApi';
import { useI18n } from '../../i18n';
import './index.scss';

export interface SeatChoice {
  skuId: string;
  quantity: number;
  addressId: string;
}

/**
 * A seat in a team, for the leader (发起拼团) and for a joiner alike: the SKU at its group price,
 * the quantity, the address; then `place` (the seat's order, held until paid) and the sandbox pay
 * sheet. Backing out of the sheet cancels that order, which frees the seat; the next submit is a
 * new attempt with new keys.
 */
export function SeatForm({
  skus,
  prices,
  initialSkuId,
  initialQuantity = 1,
  payee,
  submitLabel,
  submitTestId,
  place,
  onPaid,
  children,
}: {
  skus: SkuView[];
  prices: GroupDealSkuView[];
  initialSkuId?: string;
  initialQuantity?: number;
  payee: string;
  submitLabel: string;
  submitTestId: string;
  place: (choice: SeatChoice, idempotencyKey: string) => Promise<TeamOrderView>;
  onPaid: (order: TeamOrderView) => Promise<void> | void;
  /** What else the form asks (the leader's chat), shown above the submit button. */
  children?: ReactNode;
}) {
  const { t } = useI18n();
  const offered = skus.filter((sku) => prices.some((p) => p.skuId === sku.id));
  const [skuId, setSkuId] = useState(offered.find((s) => s.id === initialSkuId)?.id ?? offered[0]?.id ?? '');
  const [quantity, setQuantity] = useState(Math.max(1, initialQuantity));
  const book = useAddressBook();
  const [missing, setMissing] = useState<string | null>(null);
  const [created, setCreated] = useState<TeamOrderView | null>(null);
  const placeKey = useRef(newIdempotencyKey());
  const payKey = useRef(newIdempotencyKey());
  const sku = offered.find((s) => s.id === skuId);
  const priceFen = prices.find((p) => p.skuId === skuId)?.groupPriceFen;

  const submit = useAction(async () => {
    setMissing(null);
    if (!sku) {
      setMissing(t('team.noSku'));
      return;
    }
    const addressId = await book.commit();
    if (!addressId) {
      if (!book.editing) setMissing(t('address.none'));
      return;
    }
    setCreated(await place({ skuId: sku.id, quantity, addressId }, placeKey.current));
  });
  const pay = useAction(async () => {
    if (!created) return;
    await apiPost('/orders/{id}/pay', { path: { id: created.orderId }, idempotencyKey: payKey.current });
    await onPaid(created);
  });
  const cancel = useAction(async () => {
    if (!created) return;
    await apiPost('/orders/{id}/cancel', { path: { id: created.orderId } });
    placeKey.current = newIdempotencyKey();
    payKey.current = newIdempotencyKey();
    setCreated(null);
  });
  const maxQuantity = sku ? Math.max(1, Math.min(MAX_QUANTITY, sku.stock)) : MAX_QUANTITY;

  return (
    <>
      <View className="section">
        <Text className="section__title">{t('sku.title')}</Text>
        <View className="chips" role="radiogroup">
          {offered.map((option) => {
            const active = option.id === skuId;
            const groupFen = prices.find((p) => p.skuId === option.id)?.groupPriceFen ?? option.priceFen;
            return (
              <View
                key={option.id}
                className={`chip ${active ? 'chip--active' : ''} ${option.stock <= 0 ? 'chip--disabled' : ''}`}
                role="radio"
                aria-checked={active}
                data-testid={`sku-${option.id}`}
                onClick={() => option.stock > 0 && setSkuId(option.id)}
              >
                {skuLabel(option.specs)} · {formatFen(groupFen)}
              </View>
            );
          })}
        </View>
        <View className="row">
          <Text className="row__label">{t('sku.quantity')}</Text>
          <View className="stepper">
            <Button
              className="stepper__btn"
              data-testid="seat-quantity-minus"
              disabled={quantity <= 1}
              onClick={() => setQuantity(Math.max(1, quantity - 1))}
            >
              −
            </Button>
            <Text className="stepper__value" data-testid="seat-quantity">
              {quantity}
            </Text>
            <Button
              className="stepper__btn"
              data-testid="seat-quantity-plus"
              disabled={quantity >= maxQuantity}
              onClick={() => setQuantity(Math.min(maxQuantity, quantity + 1))}
            >
              +
            </Button>
          </View>
        </View>
      </View>
      <View className="section">
        <Text className="section__title">{t('checkout.address')}</Text>
        <AddressPicker book={book} serverError={submit.error} />
      </View>
      {children}
      <View className="seat-form__bar">
        <Text>
          {t('team.groupPrice')}{' '}
          <Text className="price" data-testid="seat-total">
            {priceFen !== undefined ? formatFen(priceFen * quantity) : '—'}
          </Text>
        </Text>
        <Button
          className="btn btn--group btn--small"
          data-testid={submitTestId}
          disabled={submit.pending || Boolean(created) || !sku}
          aria-disabled={submit.pending || Boolean(created) || !sku}
          onClick={() => void submit.run()}
        >
          {submitLabel}
        </Button>
      </View>
      <View className="seat-form__errors">
        <FormError
          error={missing ?? unplacedMessage(submit.error, PICKER_FIELDS, ADDRESS_LABELS)}
          testId="seat-error"
        />
      </View>
      {created && (
        <PaySheet
          amountFen={created.totalFen}
          payee={payee}
          pending={pay.pending || cancel.pending}
          error={pay.error ?? cancel.error}
          onConfirm={() => void pay.run()}
          onCancel={() => void cancel.run()}
        />
      )}
    </>
  );
}
