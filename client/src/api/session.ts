import Taro from '@tarojs/taro';
import type { UserView } from '@giftshop/shared';

/**
 * Who is logged in: the token and the user, kept in Taro storage so a reload (or the mini
 * program's next launch) stays logged in. Subscribers re-render when the user switches.
 */
export interface Session {
  token: string;
  user: UserView;
}

const SESSION_KEY = 'giftshop.session';
const KNOWN_USERS_KEY = 'giftshop.knownUsers';

type Listener = () => void;
const listeners = new Set<Listener>();

let current: Session | null = readStorage<Session>(SESSION_KEY);

function readStorage<T>(key: string): T | null {
  try {
    const value: unknown = Taro.getStorageSync(key);
    return value ? (value as T) : null;
  } catch {
    return null;
  }
}

export function getSession(): Session | null {
  return current;
}

export function setSession(session: Session | null): void {
  current = session;
  if (session) {
    Taro.setStorageSync(SESSION_KEY, session);
    rememberUsers([session.user]);
  } else {
    Taro.removeStorageSync(SESSION_KEY);
  }
  listeners.forEach((listener) => listener());
}

export function subscribeSession(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * The API has no user directory, so the client remembers the nicknames it has seen (logins,
 * gift givers, direct chat titles) to name senders in group chats.
 */
export function rememberUsers(users: { id: string; nickname: string }[]): void {
  const known = readStorage<Record<string, string>>(KNOWN_USERS_KEY) ?? {};
  let changed = false;
  for (const user of users) {
    if (known[user.id] !== user.nickname) {
      known[user.id] = user.nickname;
      changed = true;
    }
  }
  if (changed) Taro.setStorageSync(KNOWN_USERS_KEY, known);
}

export function knownNickname(userId: string): string | undefined {
  return readStorage<Record<string, string>>(KNOWN_USERS_KEY)?.[userId];
}
