import { Button, Text, View } from '@tarojs/components';
import './index.scss';

interface StatusViewProps {
  text: string;
  /** Shows a retry button when given. */
  onRetry?: () => void;
}

/** A centred message for the loading, empty and error states of a list. */
export function StatusView({ text, onRetry }: StatusViewProps) {
  return (
    <View className="status-view">
      <Text className="status-view__text">{text}</Text>
      {onRetry && (
        <Button className="status-view__retry" size="mini" onClick={onRetry}>
          重试
        </Button>
      )}
    </View>
  );
}
