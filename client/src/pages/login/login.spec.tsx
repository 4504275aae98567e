import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { getSession } from '../../api/session';
import { requests, resetTaroMock } from '../../test/taro';
import { ok, routeApi } from '../../test/fixtures';
import LoginPage from './index';

const USER = { id: 'u-new', openId: 'oWx_abc', nickname: '微信用户_abc' };

const originalEnv = process.env.TARO_ENV;
afterEach(() => {
  process.env.TARO_ENV = originalEnv;
});
beforeEach(() => resetTaroMock());

describe('login page', () => {
  it('in the mini program, logs in with wx.login’s code through /auth/wechat', async () => {
    process.env.TARO_ENV = 'weapp';
    routeApi({ 'POST /auth/wechat': () => ok({ token: 'token-wx', user: USER }) });
    render(<LoginPage />);
    expect(screen.queryByTestId('login-o_alice')).toBeNull(); // no dev login in the mini program

    fireEvent.click(screen.getByTestId('login-wechat'));

    await waitFor(() => expect(getSession()?.token).toBe('token-wx'));
    expect(requests.map((r) => [r.method, r.path, r.data])).toEqual([['POST', '/auth/wechat', { code: 'wx-code-1' }]]);
    expect(getSession()?.user).toEqual(USER);
  });

  it('in the browser, keeps the dev login with the demo users', async () => {
    process.env.TARO_ENV = 'h5';
    routeApi({ 'POST /auth/login': (body) => ok({ token: 'token-dev', user: { ...USER, ...(body as object) } }) });
    render(<LoginPage />);
    expect(screen.queryByTestId('login-wechat')).toBeNull();

    fireEvent.click(screen.getByTestId('login-o_alice'));

    await waitFor(() => expect(getSession()?.token).toBe('token-dev'));
    expect(requests.map((r) => [r.method, r.path, r.data])).toEqual([['POST', '/auth/login', { openId: 'o_alice' }]]);
  });
});
