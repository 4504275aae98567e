import { Text, View } from '@tarojs/components';

/** A label on the left, its value on the right. */
export function InfoRow({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <View className="row">
      <Text className="row__label">{label}</Text>
      <Text data-testid={testId}>{value}</Text>
    </View>
  );
}
