import Taro, { useDidShow } from '@tarojs/taro';
import { useEffect, useRef } from 'react';
import { useI18n, type MessageKey } from '../i18n';

/** The navigation bar title, in the current language. */
export function usePageTitle(key: MessageKey): void {
  const { t, lang } = useI18n();
  useEffect(() => {
    void Taro.setNavigationBarTitle({ title: t(key) }).catch(() => undefined);
  }, [key, lang, t]);
}

/** Refetches when the page is shown again (back from another page), not on its first show. */
export function useReloadOnShow(reload: (options?: { silent?: boolean }) => Promise<void>): void {
  const shown = useRef(false);
  useDidShow(() => {
    if (shown.current) void reload({ silent: true });
    shown.current = true;
  });
}

/** Calls `tick` every `ms` while the page is mounted (chat and gift pages poll for the other side). */
export function usePolling(tick: () => void, ms: number): void {
  const latest = useRef(tick);
  latest.current = tick;
  useEffect(() => {
    const timer = setInterval(() => latest.current(), ms);
    return () => clearInterval(timer);
  }, [ms]);
}
