import { Text, Textarea } from '@tarojs/components';
import { MAX_WISH_MESSAGE_LENGTH } from '@giftshop/shared';
import { useI18n } from '../../i18n';
import './index.scss';

/**
 * The giver's wish (a gift's or a 节日礼券's): typing stops at the limit, counted in code points as
 * the shared rule counts (a maxlength would count UTF-16 units), with the count under it.
 */
export function WishField({ value, onChange }: { value: string; onChange: (wish: string) => void }) {
  const { t } = useI18n();
  const length = [...value.trim()].length;
  return (
    <>
      <Textarea
        className="wish-field"
        data-testid="wish-input"
        aria-label={t('compose.wish')}
        value={value}
        placeholder={t('compose.wishPlaceholder')}
        onInput={(e) => onChange([...e.detail.value].slice(0, MAX_WISH_MESSAGE_LENGTH).join(''))}
      />
      <Text
        className={`wish-field__count ${length > MAX_WISH_MESSAGE_LENGTH ? 'wish-field__count--over' : ''}`}
        data-testid="wish-count"
      >
        {length}/{MAX_WISH_MESSAGE_LENGTH}
      </Text>
    </>
  );
}
