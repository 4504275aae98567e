import Taro, { useDidHide, useDidShow } from '@tarojs/taro';
import { useEffect, useRef } from 'react';
import { useI18n, type MessageKey } from '../i18n';

/** The navigation bar title, in the current language; every page calls it, so it also keeps its scroll. */
export function usePageTitle(key: MessageKey): void {
  const { t, lang } = useI18n();
  useEffect(() => {
    void Taro.setNavigationBarTitle({ title: t(key) }).catch(() => undefined);
  }, [key, lang, t]);
  usePageScroll();
}

/**
 * On H5 every page of the stack scrolls the one window, so a new page opened where the last one
 * was scrolled to (checkout with 收货地址 under the nav bar). A page opens at its top and, shown
 * again (back), where it was left. The mini program keeps a scroll per page itself.
 */
function usePageScroll(): void {
  const left = useRef(0);
  useDidShow(() => {
    if (typeof window !== 'undefined' && typeof window.scrollTo === 'function') window.scrollTo(0, left.current);
  });
  useDidHide(() => {
    if (typeof window !== 'undefined') left.current = window.scrollY ?? 0;
  });
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
