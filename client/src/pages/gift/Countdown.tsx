import { Text } from '@tarojs/components';
import { useEffect, useState } from 'react';
import { useI18n } from '../../i18n';

/** h:mm:ss left until `until`, or null once it has passed. */
export function timeLeft(until: string, now: number): string | null {
  const ms = Date.parse(until) - now;
  if (!(ms > 0)) return null;
  const s = Math.floor(ms / 1000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${Math.floor(s / 3600)}:${pad(Math.floor((s % 3600) / 60))}:${pad(s % 60)}`;
}

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
