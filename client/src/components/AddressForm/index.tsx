import { Input, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { AddressView } from '@giftshop/shared';
import type { FieldLabels } from '../../api/server-errors';
import { useI18n, type MessageKey } from '../../i18n';

export const EMPTY_ADDRESS: AddressView = { name: '', phone: '', region: '', detail: '' };

const FIELDS: { key: keyof AddressView; label: MessageKey; placeholder: MessageKey; type?: 'number' }[] = [
  { key: 'name', label: 'address.name', placeholder: 'address.namePlaceholder' },
  { key: 'phone', label: 'address.phone', placeholder: 'address.phonePlaceholder', type: 'number' },
  { key: 'region', label: 'address.region', placeholder: 'address.regionPlaceholder' },
  { key: 'detail', label: 'address.detail', placeholder: 'address.detailPlaceholder' },
];

const LAST_ADDRESS_KEY = 'giftshop.lastAddress';

/** The address the user gave last time, to fill the form with (per device, like WeChat's 收货地址). */
export function lastAddress(): AddressView {
  try {
    const saved = Taro.getStorageSync(LAST_ADDRESS_KEY) as AddressView | '';
    return saved ? { ...EMPTY_ADDRESS, ...saved } : EMPTY_ADDRESS;
  } catch {
    return EMPTY_ADDRESS;
  }
}

export function rememberAddress(address: AddressView): void {
  Taro.setStorageSync(LAST_ADDRESS_KEY, address);
}

/** The names server messages use for the address fields ("address.phone must be a phone number"). */
export const ADDRESS_FIELDS = FIELDS.map((field) => `address.${field.key}`);

/**
 * How the form labels each field a server message may name: an order's or a claim's
 * `address.phone`, the address book's `phone`.
 */
export const ADDRESS_LABELS: FieldLabels = Object.fromEntries(
  FIELDS.flatMap((field) => [
    [`address.${field.key}`, { label: field.label }],
    [field.key, { label: field.label }],
  ]),
);

/** What is missing, or null when every field is filled. */
export function missingAddressField(address: AddressView): keyof AddressView | null {
  return FIELDS.find((field) => !address[field.key].trim())?.key ?? null;
}

/** 收货地址: name, phone, region, detail (`address-<field>`), with a server message shown in place. */
export function AddressForm({
  value,
  onChange,
  errorFor,
}: {
  value: AddressView;
  onChange: (address: AddressView) => void;
  /** The message for one field, if any. */
  errorFor?: (field: keyof AddressView) => string | null;
}) {
  const { t } = useI18n();
  return (
    <View className="address-form">
      {FIELDS.map((field) => {
        const error = errorFor?.(field.key);
        return (
          <View key={field.key}>
            <View className="field">
              <Text className="field__label">{t(field.label)}</Text>
              <Input
                className="field__input"
                data-testid={`address-${field.key}`}
                aria-label={t(field.label)}
                type={field.type === 'number' ? 'number' : 'text'}
                value={value[field.key]}
                placeholder={t(field.placeholder)}
                onInput={(e) => onChange({ ...value, [field.key]: e.detail.value })}
              />
            </View>
            {error && (
              <Text className="form-error" data-testid={`address-${field.key}-error`}>
                {error}
              </Text>
            )}
          </View>
        );
      })}
    </View>
  );
}
