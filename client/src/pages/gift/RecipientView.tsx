import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { GIFT_STATUS_CODES, type AddressView, type GiftView, type SkuView } from '@giftshop/shared';
import { apiPost } from '../../api/client';
import {
  ADDRESS_FIELDS,
  AddressForm,
  lastAddress,
  missingAddressField,
  rememberAddress,
} from '../../components/AddressForm';
import { fieldMessage, FormError, unplacedMessage } from '../../components/FormError';
import { SkuOptions } from '../../components/SkuPicker';
import { useAction } from '../../hooks/useApi';
import { useProduct } from '../../hooks/useCatalog';
import { useI18n } from '../../i18n';
import { formatTime, giftStatusLabel } from '../../i18n/labels';
import { AllClaimed } from './AllClaimed';
import { MyClaim } from './MyClaim';

/**
 * Everyone in the chat but the giver: the lottery entry, the card to open, the variant and address
 * to accept with (or decline), or the claim once accepted.
 */
export function RecipientView({ gift, reload }: { gift: GiftView; reload: () => Promise<void> }) {
  const { t } = useI18n();
  const enter = useAction(async () => {
    await apiPost(`/gifts/${gift.id}/enter`);
    await reload();
  });

  if (gift.myClaim) return <MyClaim gift={gift} claim={gift.myClaim} reload={reload} />;
  if (gift.status === GIFT_STATUS_CODES.accepted) return <AllClaimed gift={gift} />;
  if (gift.status !== GIFT_STATUS_CODES.sent) {
    return (
      <View className="section gift-page__closed" data-testid="gift-closed">
        <Text>{t('gift.closed', { status: giftStatusLabel(gift.status) })}</Text>
      </View>
    );
  }
  if (gift.mode === 'lottery' && !gift.drawnAt) {
    return (
      <View className="section gift-page__lottery">
        <Text>{t('gift.drawAtText', { at: formatTime(gift.drawAt), units: gift.units })}</Text>
        <Text className="muted">{t('gift.entrantsText', { n: gift.entrantCount ?? 0 })}</Text>
        {gift.entered ? (
          <Text className="tag tag--green" data-testid="lottery-entered">
            {t('gift.entered')}
          </Text>
        ) : (
          <Button
            className="btn btn--gift"
            data-testid="lottery-enter"
            disabled={enter.pending}
            onClick={() => void enter.run()}
          >
            {t('gift.enter')}
          </Button>
        )}
        <FormError error={enter.error} testId="lottery-error" />
      </View>
    );
  }
  if (gift.mode === 'lottery' && gift.won === false) {
    return (
      <View className="section gift-page__closed" data-testid="lottery-lost">
        <Text>{t('gift.lost')}</Text>
      </View>
    );
  }
  if (gift.remainingUnits === 0) return <AllClaimed gift={gift} />;
  return <ClaimForm gift={gift} reload={reload} />;
}

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

function ClaimForm({ gift, reload }: { gift: GiftView; reload: () => Promise<void> }) {
  const { t } = useI18n();
  const product = useProduct(gift.product.productId);
  const [opened, setOpened] = useState(false);
  const [skuId, setSkuId] = useState(gift.product.skuId);
  const [address, setAddress] = useState<AddressView>(lastAddress);
  const [missing, setMissing] = useState<string | null>(null);
  const accept = useAction(async () => {
    await apiPost(`/gifts/${gift.id}/claim`, { skuId, address });
    rememberAddress(address);
    await reload();
  });
  const decline = useAction(async () => {
    const answer = await Taro.showModal({ title: t('gift.declineTitle'), content: t('gift.declineConfirm') });
    if (!answer.confirm) return;
    await apiPost(`/gifts/${gift.id}/decline`);
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
  const submit = () => {
    const field = missingAddressField(address);
    if (field) {
      setMissing(t('address.missing', { field: t(`address.${field}`) }));
      return;
    }
    setMissing(null);
    void accept.run();
  };
  const error = missing ?? unplacedMessage(accept.error, ADDRESS_FIELDS) ?? decline.error;

  return (
    <>
      <View className="section">
        <Text className="section__title">{t('gift.chooseVariant')}</Text>
        <SkuOptions skus={skus} selectedId={skuId} onSelect={(sku) => setSkuId(sku.id)} isDisabled={() => false} />
        <Text className="muted">{t('gift.variantHint')}</Text>
      </View>
      <View className="section">
        <Text className="section__title">{t('gift.yourAddress')}</Text>
        <AddressForm
          value={address}
          onChange={setAddress}
          errorFor={(field) => fieldMessage(accept.error, `address.${field}`)}
        />
        <Text className="muted">{t('gift.addressPrivacy')}</Text>
      </View>
      <View className="section">
        <FormError error={error} testId="claim-error" />
        <Button
          className="btn btn--gift"
          data-testid="claim-accept"
          disabled={accept.pending}
          aria-disabled={accept.pending}
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
