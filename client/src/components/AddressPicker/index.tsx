import { Button, Text, View } from '@tarojs/components';
import type { AddressView } from '@giftshop/shared';
import { useI18n } from '../../i18n';
import { ADDRESS_FIELDS, ADDRESS_LABELS, AddressForm } from '../AddressForm';
import { fieldMessage } from '../FormError';
import type { AddressBook } from './useAddressBook';
import './index.scss';

/** Where a server message about an address may point: an order's `address.phone`, the book's `phone`. */
export const PICKER_FIELDS = [...ADDRESS_FIELDS, 'name', 'phone', 'region', 'detail'];

export { ADDRESS_LABELS } from '../AddressForm';
export { useAddressBook, draftProblems, fromWechat, type AddressBook } from './useAddressBook';

/** One line of a saved address: 爱丽丝 13800138000 · 浙江省 杭州市 西湖区 龙井路 1 号. */
export function addressLine(a: AddressView): string {
  return `${a.name} ${a.phone} · ${a.region} ${a.detail}`;
}

/**
 * 收货地址: the saved addresses, one tap to pick (the default picked to begin with), or a new one
 * typed in (saved to the book on submit). `serverError` is shown under the field it names.
 */
export function AddressPicker({ book, serverError }: { book: AddressBook; serverError?: Error | null }) {
  const { t } = useI18n();
  if (book.book === null) return <Text className="muted">{t('common.loading')}</Text>;

  return (
    <View className="address-picker" data-testid="address-picker">
      {book.book.length > 0 && (
        <View className="address-picker__list" role="radiogroup" aria-label={t('checkout.address')}>
          {book.book.map((a) => {
            const checked = !book.editing && a.id === book.selectedId;
            return (
              <View
                key={a.id}
                className={`address-picker__item${checked ? ' address-picker__item--on' : ''}`}
                role="radio"
                aria-checked={checked}
                data-testid={`saved-address-${a.id}`}
                onClick={() => book.select(a.id)}
              >
                <Text className="address-picker__mark">{checked ? '●' : '○'}</Text>
                <Text className="address-picker__text">{addressLine(a)}</Text>
                {a.isDefault && <Text className="tag">{t('address.default')}</Text>}
              </View>
            );
          })}
        </View>
      )}
      {book.editing ? (
        <View className="address-picker__new">
          <AddressForm
            value={book.draft}
            onChange={book.edit}
            errorFor={(field) =>
              book.problems[field]
                ? t(`address.invalid.${field}`)
                : (fieldMessage(serverError, `address.${field}`, ADDRESS_LABELS) ??
                  fieldMessage(serverError, field, ADDRESS_LABELS))
            }
          />
          <Text className="muted">{t('address.willSave')}</Text>
          {book.book.length > 0 && (
            <Button className="btn btn--plain btn--small" data-testid="address-cancel-new" onClick={book.cancelAdding}>
              {t('common.cancel')}
            </Button>
          )}
        </View>
      ) : (
        <Button className="btn btn--plain btn--small" data-testid="address-add" onClick={book.startAdding}>
          {t('address.add')}
        </Button>
      )}
      {book.canUseWechat && (
        <Button
          className="btn btn--plain btn--small"
          data-testid="address-wechat"
          onClick={() => void book.fillFromWechat()}
        >
          {t('address.fromWechat')}
        </Button>
      )}
    </View>
  );
}
