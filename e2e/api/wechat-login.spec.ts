import type { LoggerService } from '@nestjs/common';
import { TestApp } from '../support/test-app';
import { SESSION_KEY, STAND_IN_APPID, STAND_IN_SECRET, WechatStandIn } from '../support/wechat-stand-in';

jest.setTimeout(60_000);

const TIMEOUT_MS = 1000;

/** Every message the app logs, at any level (installed over the app's own logger). */
class LogRecorder implements LoggerService {
  readonly lines: string[] = [];
  private record = (...args: unknown[]) => void this.lines.push(args.map((a) => JSON.stringify(a)).join(' '));
  log = this.record;
  error = this.record;
  warn = this.record;
  debug = this.record;
  verbose = this.record;
  fatal = this.record;
}

describe('identity: WeChat mini-program login through code2session', () => {
  let wechat: WechatStandIn;
  let t: TestApp;
  const logs = new LogRecorder();
  const login = (code: unknown) => t.http().post('/api/auth/wechat').send({ code });

  beforeAll(async () => {
    wechat = await WechatStandIn.start();
    t = await TestApp.start({
      WECHAT_API_BASE: wechat.url,
      WECHAT_APPID: STAND_IN_APPID,
      WECHAT_SECRET: STAND_IN_SECRET,
      WECHAT_TIMEOUT_MS: String(TIMEOUT_MS),
    });
    t.app.useLogger(logs);
  });
  afterAll(async () => {
    await t.close();
    await wechat.close();
  });

  it('trades a good code for a token: a new openId is a new user, named 微信用户 and its last 4 characters', async () => {
    const res = await login('good_oWx_newbie_7f3a').expect(200);
    expect(res.body).toEqual({
      token: expect.any(String),
      user: { id: expect.any(String), openId: 'oWx_newbie_7f3a', nickname: '微信用户7f3a', avatarUrl: null },
    });
    expect(wechat.calls.at(-1)).toEqual({
      path: '/sns/jscode2session',
      appid: STAND_IN_APPID,
      secret: STAND_IN_SECRET,
      js_code: 'good_oWx_newbie_7f3a',
      grant_type: 'authorization_code',
    });
    const me = await t.http().get('/api/me').set('Authorization', `Bearer ${res.body.token}`).expect(200);
    expect(me.body).toMatchObject({ id: res.body.user.id, openId: 'oWx_newbie_7f3a' });
  });

  it('gives the same user for the same openId on every login', async () => {
    const first = await login('good_oWx_twice_1').expect(200);
    const again = await login('good_oWx_twice_2').expect(200);
    expect(again.body.user.id).not.toBe(first.body.user.id); // different openIds
    const third = await t.http().post('/api/auth/wechat').send({ code: 'good_oWx_twice_1x' }).expect(200);
    expect(third.body.user.openId).toBe('oWx_twice_1x');
    // A demo user logging in through WeChat is that user (the openId is the key).
    const alice = await login('good_o_alice').expect(200);
    expect(alice.body.user).toMatchObject({ openId: 'o_alice', nickname: '爱丽丝' });
    expect((await t.login('o_alice')).userId).toBe(alice.body.user.id);
    const repeat = await login('good_o_alice_2').expect(200);
    expect(repeat.body.user.id).not.toBe(alice.body.user.id);
  });

  it('answers 401 WECHAT_CODE_REJECTED to a bad code and to a used one', async () => {
    const bad = await login('bad').expect(401);
    expect(bad.body).toEqual({
      statusCode: 401,
      error: 'Unauthorized',
      message: expect.stringContaining('40029'),
      code: 'WECHAT_CODE_REJECTED',
    });
    await login('good_oWx_once').expect(200);
    const used = await login('good_oWx_once').expect(401);
    expect(used.body).toMatchObject({ code: 'WECHAT_CODE_REJECTED', message: expect.stringContaining('40163') });
  });

  it('answers 503 with Retry-After when WeChat hangs, within the bounded timeout', async () => {
    const started = Date.now();
    const res = await login('hang').expect(503);
    const took = Date.now() - started;
    expect(took).toBeGreaterThanOrEqual(TIMEOUT_MS - 50);
    expect(took).toBeLessThan(TIMEOUT_MS + 2000);
    expect(res.headers['retry-after']).toBe('5');
    expect(res.body).toEqual({
      statusCode: 503,
      error: 'Service Unavailable',
      message: expect.any(String),
      code: 'WECHAT_UNAVAILABLE',
    });
  });

  it.each([
    ['an HTML page', 'html'],
    ['JSON without an openid', 'noopenid'],
    ['an HTTP 502', 'crash'],
  ])('answers 503 with Retry-After to %s, and logs no one in', async (_label, code) => {
    const before = await t.sql<{ n: string }>('SELECT count(*) AS n FROM users');
    const res = await login(code).expect(503);
    expect(res.headers['retry-after']).toBe('5');
    expect(res.body.code).toBe('WECHAT_UNAVAILABLE');
    expect(await t.sql('SELECT count(*) AS n FROM users')).toEqual(before);
  });

  it('never returns or logs the session_key or the app secret', async () => {
    const answers = [
      await login('good_oWx_secretive'),
      await login('good_oWx_secretive'),
      await login('html'),
      await login('noopenid'),
      await login('crash'),
      await login('hang'),
    ];
    expect(answers.map((r) => r.status)).toEqual([200, 401, 503, 503, 503, 503]);
    for (const res of answers) {
      expect(JSON.stringify(res.headers) + res.text).not.toContain(SESSION_KEY);
      expect(res.text).not.toContain(STAND_IN_SECRET);
    }
    // The failures above were logged (so the recorder works), without the key or the secret.
    expect(logs.lines.join('\n')).toMatch(/code2session/);
    expect(logs.lines.join('\n')).not.toContain(SESSION_KEY);
    expect(logs.lines.join('\n')).not.toContain(STAND_IN_SECRET);
    expect(logs.lines.join('\n')).not.toContain('session_key');
    expect(await t.sql(`SELECT count(*)::int AS n FROM users WHERE open_id LIKE '%SeSsIoN%'`)).toEqual([{ n: 0 }]);
  });

  it.each([
    [{}, /code/],
    [{ code: '' }, /code/],
    [{ code: 42 }, /code/],
    [{ code: 'has spaces' }, /code/],
    [{ code: 'a&grant_type=x' }, /code/],
    [{ code: 'x'.repeat(129) }, /code/],
    [{ code: 'good_x', openId: 'o_alice' }, /openId/],
  ])('rejects %j with a 400 naming the field, without calling WeChat', async (body, field) => {
    const calls = wechat.calls.length;
    const res = await t.http().post('/api/auth/wechat').send(body).expect(400);
    expect(res.body.message).toMatch(field);
    expect(wechat.calls).toHaveLength(calls);
  });
});

describe('identity: WeChat login when WeChat cannot be reached or is not set up', () => {
  it('answers 503 with Retry-After when nothing listens at WECHAT_API_BASE', async () => {
    const t = await TestApp.start(
      {
        WECHAT_API_BASE: await WechatStandIn.deadUrl(),
        WECHAT_APPID: STAND_IN_APPID,
        WECHAT_SECRET: STAND_IN_SECRET,
      },
      { reset: false },
    );
    try {
      const res = await t.http().post('/api/auth/wechat').send({ code: 'good_oWx_down' }).expect(503);
      expect(res.headers['retry-after']).toBe('5');
      expect(res.body.code).toBe('WECHAT_UNAVAILABLE');
    } finally {
      await t.close();
    }
  });

  it('answers 503 naming the missing settings when no AppID and secret are configured', async () => {
    const wechat = await WechatStandIn.start();
    const t = await TestApp.start({ WECHAT_API_BASE: wechat.url }, { reset: false });
    try {
      const res = await t.http().post('/api/auth/wechat').send({ code: 'good_oWx_unset' }).expect(503);
      expect(res.body).toMatchObject({ code: 'WECHAT_NOT_CONFIGURED', message: expect.stringMatching(/WECHAT_APPID/) });
      expect(wechat.calls).toEqual([]);
    } finally {
      await t.close();
      await wechat.close();
    }
  });
});
