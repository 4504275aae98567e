import { Text } from '@tarojs/components';
import { useEffect, useState } from 'react';
import { useI18n } from '../../i18n';
import { timeLeft } from '../../i18n/labels';

/** The claim deadline, counting down each second: 还剩 23:59:59 可领取. */
export function ClaimCountdown({ expiresAt }: { expiresAt: string }) {
  const { t } = useI18n();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  const left = timeLeft(expiresAt, now);
  return (
    <Text className="gift-head__countdown" data-testid="gift-countdown">
      {left ? t('gift.countdown', { left }) : t('gift.deadlinePassed')}
    </Text>
  );
}
