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

// Taro's build replaces process.env.TARO_ENV with the platform (weapp, h5); under jest it is Node's.
declare const process: { env: { TARO_ENV?: string } };

/** The mini program logs in through WeChat; H5 (the browser demo) through the dev login. */
export function isWeapp(): boolean {
  return process.env.TARO_ENV === 'weapp';
}

/** Dev login (sandbox): the same openId is the same user. Served by the server outside production. */
export async function login(openId: string): Promise<Session> {
  return remember(await apiPost('/auth/login', { body: { openId } }));
}

/** Real login: wx.login's one-time code, which the server trades with WeChat for the openId. */
export async function wechatLogin(): Promise<Session> {
  const { code } = await Taro.login();
  return remember(await apiPost('/auth/wechat', { body: { code } }));
}

function remember(res: LoginResponse): Session {
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
