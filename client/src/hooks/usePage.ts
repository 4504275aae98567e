import Taro, { useDidShow } from '@tarojs/taro';
import { useEffect, useRef, useState } from 'react';
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
 * On H5 the document is the nav bar plus a full-height page, so the window can scroll by the bar's
 * height (a tap on an input, a scroll that runs past a page's end) and keeps that offset into the
 * next page: the page's top then sits under the sticky bar (checkout with 收货地址 hidden). Each
 * page scrolls inside itself, so the window belongs at 0 whenever a page shows. The mini program
 * has no such window.
 */
function usePageScroll(): void {
  useDidShow(() => {
    if (typeof window !== 'undefined' && typeof window.scrollTo === 'function') window.scrollTo(0, 0);
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

/** The time now, refreshed every `ms` (countdowns). */
export function useNow(ms = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), ms);
    return () => clearInterval(timer);
  }, [ms]);
  return now;
}
