import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { SCENES, type Scene } from '@giftshop/shared';
import { MESSAGES, type MessageKey } from './messages';

/** Chinese by default; English behind the switch on the login and 我 pages, kept in storage. */
export type Lang = 'zh' | 'en';

const LANG_KEY = 'giftshop.lang';
const listeners = new Set<() => void>();

function readLang(): Lang {
  try {
    return Taro.getStorageSync(LANG_KEY) === 'en' ? 'en' : 'zh';
  } catch {
    return 'zh';
  }
}

let lang: Lang = readLang();

export function getLang(): Lang {
  return lang;
}

export function setLang(next: Lang): void {
  lang = next;
  Taro.setStorageSync(LANG_KEY, next);
  listeners.forEach((listener) => listener());
}

export type Vars = Record<string, string | number>;

/**
 * The message for `key` in the current language, with `{name}` placeholders filled from `vars`;
 * `{name|one|other}` picks the English singular or plural by the number in `name`.
 */
export function translate(key: MessageKey, vars?: Vars): string {
  const [zh, en] = MESSAGES[key];
  const text = lang === 'en' ? en : zh;
  if (!vars) return text;
  return text
    .replace(/\{(\w+)\|([^|}]*)\|([^}]*)\}/g, (match, name: string, one: string, other: string) =>
      name in vars ? (Number(vars[name]) === 1 ? one : other) : match,
    )
    .replace(/\{(\w+)\}/g, (match, name: string) => String(vars[name] ?? match));
}

/** A scene's name in the current language (公众号文章 / Official account article). */
export function sceneName(scene: Scene): string {
  return lang === 'en' ? SCENES[scene].nameEn : SCENES[scene].nameZh;
}

export type Translate = typeof translate;

/** `t` for components: re-renders them when the language switches. */
export function useI18n(): { t: Translate; lang: Lang; setLang: (lang: Lang) => void; sceneName: typeof sceneName } {
  const [, setCurrent] = useState(lang);
  useEffect(() => {
    const listener = () => setCurrent(lang);
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  }, []);
  return { t: translate, lang, setLang, sceneName };
}

export type { MessageKey };
