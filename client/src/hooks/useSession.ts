import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import type { LoginResponse } from '@giftshop/shared';
import { apiPost, LOGIN_PAGE } from '../api/client';
import { getSession, setSession, subscribeSession, type Session } from '../api/session';

/** The logged-in user (or null), re-rendering when someone else logs in. */
export function useSession(): Session | null {
  const [session, setCurrent] = useState(getSession);
  useEffect(() => subscribeSession(() => setCurrent(getSession())), []);
  return session;
}

/** Emulated wx.login: the same openId is the same user. */
export async function login(openId: string): Promise<Session> {
  const res = await apiPost<LoginResponse>('/auth/login', { openId });
  const session = { token: res.token, user: res.user };
  setSession(session);
  return session;
}

export function logout(): void {
  setSession(null);
}

/** Pages that need a user send a visitor to the login page first. Returns the session. */
export function useRequireLogin(): Session | null {
  const session = useSession();
  useEffect(() => {
    if (!session) void Taro.navigateTo({ url: LOGIN_PAGE });
  }, [session]);
  return session;
}
