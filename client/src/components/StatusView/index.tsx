import { Button, Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import { useI18n } from '../../i18n';
import type { Loadable } from '../../hooks/useApi';
import './index.scss';

interface StatusViewProps {
  text: string;
  /** Shows a retry button when given. */
  onRetry?: () => void;
}

/** A centred message for the loading, empty and error states of a list. */
export function StatusView({ text, onRetry }: StatusViewProps) {
  const { t } = useI18n();
  return (
    <View className="status-view" data-testid="status-view">
      <Text className="status-view__text">{text}</Text>
      {onRetry && (
        <Button className="status-view__retry" size="mini" onClick={onRetry}>
          {t('common.retry')}
        </Button>
      )}
    </View>
  );
}

interface AsyncViewProps<T> {
  state: Loadable<T> & { reload: () => Promise<void> };
  /** True when the data is there but has nothing to show. */
  isEmpty?: (data: T) => boolean;
  emptyText?: string;
  /** What to say instead of the server's message for a given status (e.g. 404: not available yet). */
  errorText?: (statusCode: number, message: string) => string;
  children: (data: T) => ReactNode;
}

/** Loading, error (with retry) and empty states around data from a hook. */
export function AsyncView<T>({ state, isEmpty, emptyText, errorText, children }: AsyncViewProps<T>) {
  const { t } = useI18n();
  if (state.status === 'loading') return <StatusView text={t('common.loading')} />;
  if (state.status === 'error') {
    const text = errorText ? errorText(state.statusCode, state.message) : state.message;
    return <StatusView text={text} onRetry={() => void state.reload()} />;
  }
  if (isEmpty?.(state.data)) return <StatusView text={emptyText ?? t('common.empty')} />;
  return <>{children(state.data)}</>;
}
