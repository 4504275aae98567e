import { Button, Text, View } from '@tarojs/components';
import { formatFen } from '@giftshop/shared';
import { useI18n } from '../../i18n';
import { FormError } from '../FormError';
import './index.scss';

/** The sandbox WeChat Pay sheet: the amount and one confirm (`pay-confirm`). */
export function PaySheet({
  amountFen,
  payee,
  pending,
  error,
  onConfirm,
  onCancel,
}: {
  amountFen: number;
  payee: string;
  pending: boolean;
  error: Error | null;
  onConfirm: () => void;
  onCancel?: () => void;
}) {
  const { t } = useI18n();
  return (
    <View className="pay-sheet" data-testid="pay-sheet">
      <View className="pay-sheet__panel">
        <Text className="pay-sheet__brand">{t('pay.brand')}</Text>
        <Text className="muted">{payee}</Text>
        <Text className="pay-sheet__amount" data-testid="pay-amount">
          {formatFen(amountFen)}
        </Text>
        <Text className="muted pay-sheet__sandbox">{t('pay.sandbox')}</Text>
        <FormError error={error} testId="pay-error" />
        <Button
          className="btn btn--primary"
          data-testid="pay-confirm"
          disabled={pending}
          aria-disabled={pending}
          loading={pending}
          onClick={onConfirm}
        >
          {t('pay.confirm')}
        </Button>
        {onCancel && (
          <Text className="pay-sheet__cancel" data-testid="pay-cancel" onClick={onCancel}>
            {t('common.cancel')}
          </Text>
        )}
      </View>
    </View>
  );
}
