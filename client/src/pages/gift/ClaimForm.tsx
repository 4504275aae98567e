import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { GiftView, SkuView } from '@giftshop/shared';
import { apiPost } from '../../api/client';
import {
  ADDRESS_LABELS,
  addressLine,
  AddressPicker,
  PICKER_FIELDS,
  useAddressBook,
} from '../../components/AddressPicker';
import { FormError, unplacedMessage } from '../../components/FormError';
import { skuLabel, SkuOptions } from '../../components/SkuPicker';
import { useAction } from '../../hooks/useApi';
import { useProduct } from '../../hooks/useCatalog';
import { useI18n } from '../../i18n';

/** Variants the recipient may switch to: giftable, same price, in stock (the reserved one always). */
function claimableSkus(gift: GiftView, skus: SkuView[] | null): SkuView[] {
  const original: SkuView = {
    id: gift.product.skuId,
    specs: gift.product.specs,
    priceFen: gift.product.unitPriceFen,
    listPriceFen: gift.product.unitPriceFen,
    stock: 1,
    giftable: true,
  };
  if (!skus) return [original];
  const others = skus.filter(
    (sku) => sku.id !== original.id && sku.giftable && sku.priceFen === original.priceFen && sku.stock > 0,
  );
  return [skus.find((sku) => sku.id === original.id) ?? original, ...others];
}

/**
 * Opening the envelope, then the variant and the address (saved ones in one tap, or a new one saved
 * to the book), then a confirm step: accepting cannot be undone, so the choice is shown once more.
 */
export function ClaimForm({ gift, reload }: { gift: GiftView; reload: () => Promise<void> }) {
  const { t } = useI18n();
  const product = useProduct(gift.product.productId);
  const book = useAddressBook();
  const [opened, setOpened] = useState(false);
  const [skuId, setSkuId] = useState(gift.product.skuId);
  /** The saved address to accept with, once the form is filled: the confirm step shows. */
  const [confirming, setConfirming] = useState<string | null>(null);
  const [missing, setMissing] = useState<string | null>(null);
  const review = useAction(async () => {
    const addressId = await book.commit();
    if (!addressId) {
      if (!book.editing) setMissing(t('address.none'));
      return;
    }
    setConfirming(addressId);
  });
  const accept = useAction(async () => {
    if (!confirming) return;
    await apiPost('/gifts/{id}/claim', { path: { id: gift.id }, body: { skuId, addressId: confirming } });
    await reload();
  });
  const decline = useAction(async () => {
    const answer = await Taro.showModal({ title: t('gift.declineTitle'), content: t('gift.declineConfirm') });
    if (!answer.confirm) return;
    await apiPost('/gifts/{id}/decline', { path: { id: gift.id } });
    await reload();
  });

  if (!opened) {
    return (
      <View className="gift-envelope" data-testid="claim-envelope">
        <Text className="gift-envelope__icon">🧧</Text>
        <Text className="gift-envelope__text" data-testid={gift.won ? 'lottery-won' : undefined}>
          {t(gift.mode === 'lottery' && gift.won ? 'gift.won' : 'gift.envelope', { name: gift.giver.nickname })}
        </Text>
        <Button className="gift-envelope__open" data-testid="claim-open" onClick={() => setOpened(true)}>
          {t('gift.open')}
        </Button>
      </View>
    );
  }

  const skus = claimableSkus(gift, product.status === 'ready' ? product.data.skus : null);

  if (confirming) {
    const sku = skus.find((s) => s.id === skuId);
    const address = book.book?.find((a) => a.id === confirming);
    return (
      <View className="section gift-confirm" data-testid="claim-confirm-step">
        <Text className="section__title">{t('gift.confirmTitle')}</Text>
        <View className="row">
          <Text className="row__label">{t('gift.confirmVariant')}</Text>
          <Text data-testid="claim-confirm-variant">{sku ? skuLabel(sku.specs) : ''}</Text>
        </View>
        <View className="row">
          <Text className="row__label">{t('gift.confirmAddress')}</Text>
          <Text data-testid="claim-confirm-address">{address ? addressLine(address) : ''}</Text>
        </View>
        <Text className="muted">{t('gift.confirmHint')}</Text>
        <FormError error={accept.error} testId="claim-error" />
        <Button
          className="btn btn--gift"
          data-testid="claim-confirm"
          disabled={accept.pending}
          aria-disabled={accept.pending}
          onClick={() => void accept.run()}
        >
          {t('gift.confirmAccept')}
        </Button>
        <Button
          className="btn btn--plain"
          data-testid="claim-back"
          disabled={accept.pending}
          onClick={() => {
            accept.clear();
            setConfirming(null);
          }}
        >
          {t('gift.confirmBack')}
        </Button>
      </View>
    );
  }

  const submit = () => {
    setMissing(null);
    void review.run();
  };
  const error = missing ?? unplacedMessage(review.error, PICKER_FIELDS, ADDRESS_LABELS) ?? decline.error;

  return (
    <>
      <View className="section">
        <Text className="section__title">{t('gift.chooseVariant')}</Text>
        <SkuOptions skus={skus} selectedId={skuId} onSelect={(sku) => setSkuId(sku.id)} isDisabled={() => false} />
        <Text className="muted">{t('gift.variantHint')}</Text>
      </View>
      <View className="section">
        <Text className="section__title">{t('gift.yourAddress')}</Text>
        <AddressPicker book={book} serverError={review.error} />
        <Text className="muted">{t('gift.addressPrivacy')}</Text>
      </View>
      <View className="section">
        <FormError error={error} testId="claim-error" />
        <Button
          className="btn btn--gift"
          data-testid="claim-accept"
          disabled={review.pending || book.book === null}
          aria-disabled={review.pending || book.book === null}
          onClick={submit}
        >
          {t('gift.accept')}
        </Button>
        {gift.mode === 'single' && (
          <Button
            className="btn btn--plain gift-page__decline"
            data-testid="claim-decline"
            disabled={decline.pending}
            onClick={() => void decline.run()}
          >
            {t('gift.decline')}
          </Button>
        )}
      </View>
    </>
  );
}
