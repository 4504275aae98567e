import { Text, View } from '@tarojs/components';
import { SCENES, type Scene } from '@giftshop/shared';
import { useI18n } from '../../i18n';
import './index.scss';

/** "来自 视频号直播 · 公域": the entry point a product page was opened from. */
export function SceneBadge({ scene }: { scene: Scene }) {
  const { t, sceneName } = useI18n();
  const rule = SCENES[scene].domain;
  const domain = rule === 'private_if_follower' ? t('domain.shopHome') : t(`domain.${rule}`);
  return (
    <View className="scene-badge" data-testid="scene-badge" data-scene={scene}>
      <Text>{t('product.fromScene', { scene: sceneName(scene) })}</Text>
      <Text className="scene-badge__domain">{domain}</Text>
    </View>
  );
}
