import { Input, Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { AddressView } from '@giftshop/shared';
import { useI18n } from '../../i18n';

/** The carrier and tracking number a merchant ships with, prefilled (顺丰速运 + a number). */
export function useShipment() {
  const [carrier, setCarrier] = useState('顺丰速运');
  const [trackingNo, setTrackingNo] = useState(() => `SF${Date.now().toString().slice(-10)}`);
  return {
    carrier,
    setCarrier,
    trackingNo,
    setTrackingNo,
    body: () => ({ carrier: carrier.trim(), trackingNo: trackingNo.trim() }),
  };
}

/** The two fields of a shipment, for an order or for one gift unit. */
export function ShipFields({
  shipment,
  carrierTestId,
  trackingTestId,
}: {
  shipment: ReturnType<typeof useShipment>;
  carrierTestId: string;
  trackingTestId: string;
}) {
  const { t } = useI18n();
  return (
    <>
      <View className="field">
        <Text className="field__label">{t('ship.carrier')}</Text>
        <Input
          className="field__input"
          data-testid={carrierTestId}
          value={shipment.carrier}
          onInput={(e) => shipment.setCarrier(e.detail.value)}
        />
      </View>
      <View className="field">
        <Text className="field__label">{t('ship.trackingNo')}</Text>
        <Input
          className="field__input"
          data-testid={trackingTestId}
          value={shipment.trackingNo}
          onInput={(e) => shipment.setTrackingNo(e.detail.value)}
        />
      </View>
    </>
  );
}

/** Where the merchant ships to (only the merchant's pages show it). */
export function ShipTo({ address, testId }: { address: AddressView; testId: string }) {
  const { t } = useI18n();
  return (
    <View className="muted" data-testid={testId}>
      <Text>
        {t('merchantOrders.shipTo')}: {address.name} {address.phone} {address.region} {address.detail}
      </Text>
    </View>
  );
}
