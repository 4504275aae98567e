import { createHmac, randomUUID } from 'node:crypto';
import { Logger } from '@nestjs/common';
import { TEST_JWT_SECRET, TestApp } from '../support/test-app';

jest.setTimeout(60_000);

const b64url = (value: object | string) =>
  Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');

/** A JWT signed here, with the test app's secret, carrying exactly the claims given. */
function signToken(claims: object, header: object = { alg: 'HS256', typ: 'JWT' }): string {
  const body = `${b64url(header)}.${b64url(claims)}`;
  return `${body}.${createHmac('sha256', TEST_JWT_SECRET).update(body).digest('base64url')}`;
}
const inAnHour = () => Math.floor(Date.now() / 1000) + 3600;

describe('identity: the sandbox login', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await TestApp.start();
  });
  afterAll(() => t.close());

  it('logs a new shopper in and gives the same user for the same openId', async () => {
    const first = await t.http().post('/api/auth/login').send({ openId: 'o_newcomer', nickname: '新朋友' }).expect(200);
    expect(first.body).toEqual({
      token: expect.any(String),
      user: { id: expect.any(String), openId: 'o_newcomer', nickname: '新朋友', avatarUrl: null },
    });
    const again = await t.http().post('/api/auth/login').send({ openId: 'o_newcomer' }).expect(200);
    expect(again.body.user.id).toBe(first.body.user.id);
    expect(again.body.user.nickname).toBe('新朋友');
  });

  it('gives a default nickname when none is sent', async () => {
    const res = await t.http().post('/api/auth/login').send({ openId: 'o_quiet_1234' }).expect(200);
    expect(res.body.user.nickname).toBe('微信用户1234');
  });

  it('returns the caller with their shop ids at /api/me', async () => {
    const zhang = await t.login('o_zhang');
    const res = await t.http().get('/api/me').set(zhang.auth).expect(200);
    expect(res.body).toMatchObject({ id: zhang.userId, openId: 'o_zhang', nickname: '张店长' });
    expect(res.body.shopIds).toHaveLength(2);
    const alice = await t.login('o_alice');
    const aliceMe = await t.http().get('/api/me').set(alice.auth).expect(200);
    expect(aliceMe.body.shopIds).toEqual([]);
  });

  it('rejects a missing, malformed or forged token with 401 in the error shape', async () => {
    const missing = await t.http().get('/api/me').expect(401);
    expect(missing.body).toEqual({
      statusCode: 401,
      error: 'Unauthorized',
      message: expect.any(String),
      code: 'UNAUTHENTICATED',
    });
    await t.http().get('/api/me').set('Authorization', 'Token abc').expect(401);
    await t.http().get('/api/me').set('Authorization', 'Bearer not-a-jwt').expect(401);
    const alice = await t.login('o_alice');
    const forged = `${alice.token.slice(0, -3)}abc`;
    await t.http().get('/api/me').set('Authorization', `Bearer ${forged}`).expect(401);
  });

  it('rejects a token whose user is gone after a reset', async () => {
    const ghost = await t.login('o_ghost');
    await t.reset();
    const res = await t.http().get('/api/me').set(ghost.auth).expect(401);
    expect(res.body.message).toMatch(/no longer exists/);
  });

  it.each([
    [{}, /openId/],
    [{ openId: '' }, /openId/],
    [{ openId: 'has spaces' }, /openId/],
    [{ openId: 'x'.repeat(65) }, /openId/],
    [{ openId: 'o_ok', nickname: '' }, /nickname/],
    [{ openId: 'o_ok', admin: true }, /admin/],
  ])('rejects bad login input %j with a 400 naming the field', async (body, field) => {
    const res = await t.http().post('/api/auth/login').send(body).expect(400);
    expect(res.body.message).toMatch(field);
    expect(res.body.statusCode).toBe(400);
  });

  it('rejects a body that is not JSON with a 400, not a 500', async () => {
    const res = await t
      .http()
      .post('/api/auth/login')
      .set('Content-Type', 'application/json')
      .send('{"openId":')
      .expect(400);
    expect(res.body).toMatchObject({ statusCode: 400, code: 'BAD_REQUEST', message: expect.stringMatching(/JSON/) });
  });

  describe('tokens are checked, not trusted', () => {
    const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

    it('accepts a token signed here with a user and an expiry (so the 401s below mean what they say)', async () => {
      const alice = await t.login('o_alice');
      const res = await t
        .http()
        .get('/api/me')
        .set(bearer(signToken({ sub: alice.userId, exp: inAnHour() })));
      expect(res.status).toBe(200);
      expect(res.body.id).toBe(alice.userId);
    });

    it('signs every login token with a user and an expiry 30 days out', async () => {
      const { token, userId } = await t.login('o_alice');
      const claims = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString());
      expect(claims.sub).toBe(userId);
      expect(claims.exp - Math.floor(Date.now() / 1000)).toBeGreaterThan(30 * 86400 - 60);
      expect(claims.exp - Math.floor(Date.now() / 1000)).toBeLessThanOrEqual(30 * 86400);
    });

    it.each([
      ['without sub', () => ({ exp: inAnHour() }), /sub/],
      ['with a sub that is not a UUID', () => ({ sub: 'o_alice', exp: inAnHour() }), /sub/],
      ['with a numeric sub', () => ({ sub: 42, exp: inAnHour() }), /sub/],
      ['naming a user that does not exist', () => ({ sub: randomUUID(), exp: inAnHour() }), /no longer exists/],
      ['without exp', () => ({ sub: 'ALICE' }), /exp/],
      ['with a string exp', () => ({ sub: 'ALICE', exp: String(inAnHour()) }), /invalid|exp/],
      ['that has expired', () => ({ sub: 'ALICE', exp: Math.floor(Date.now() / 1000) - 10 }), /expired/],
    ])('answers 401 to a token %s, on every route (never 500, never "no filter")', async (_label, claims, message) => {
      const alice = await t.login('o_alice');
      const token = signToken(JSON.parse(JSON.stringify(claims()).replace('"ALICE"', `"${alice.userId}"`)));
      for (const path of ['/api/me', '/api/orders', '/api/chats', '/api/friend-requests']) {
        const res = await t.http().get(path).set(bearer(token));
        expect({ path, status: res.status, code: res.body.code }).toEqual({
          path,
          status: 401,
          code: 'UNAUTHENTICATED',
        });
        expect(res.body.message).toMatch(message);
      }
    });

    it('answers 401 to unsigned ("alg: none") and differently signed tokens', async () => {
      const alice = await t.login('o_alice');
      const claims = { sub: alice.userId, exp: inAnHour() };
      const none = `${b64url({ alg: 'none', typ: 'JWT' })}.${b64url(claims)}.`;
      await t.http().get('/api/me').set(bearer(none)).expect(401);
      const hs512 = signToken(claims, { alg: 'HS512', typ: 'JWT' }); // header says 512, HMAC is 256
      await t.http().get('/api/me').set(bearer(hs512)).expect(401);
      const body = `${b64url({ alg: 'HS256', typ: 'JWT' })}.${b64url(claims)}`;
      const otherKey = createHmac('sha256', 'another-secret-another-secret-0000').update(body).digest('base64url');
      await t
        .http()
        .get('/api/me')
        .set(bearer(`${body}.${otherKey}`))
        .expect(401);
    });
  });
});

describe('identity: the sandbox login in production', () => {
  const production = { NODE_ENV: 'production', TEST_HOOKS: '0' };

  it('is an unknown route (404, like any other) without ALLOW_DEV_LOGIN, and no warning is logged', async () => {
    const warn = jest.spyOn(Logger.prototype, 'warn');
    const t = await TestApp.start(production, { reset: false });
    try {
      const login = await t.http().post('/api/auth/login').send({ openId: 'o_wang' }).expect(404);
      const unknown = await t.http().post('/api/auth/nothing-here').send({ openId: 'o_wang' }).expect(404);
      expect(login.body).toEqual({ ...unknown.body, message: unknown.body.message.replace('nothing-here', 'login') });
      expect(login.body.code).toBe('NOT_FOUND');
      const docs = await t.http().get('/api/docs-json');
      if (docs.status === 200) expect(Object.keys(docs.body.paths)).not.toContain('/api/auth/login');
      expect(warn.mock.calls.flat().join(' ')).not.toMatch(/ALLOW_DEV_LOGIN/);
    } finally {
      warn.mockRestore();
      await t.close();
    }
  });

  it('is served with ALLOW_DEV_LOGIN=1, and the start logs a warning saying so', async () => {
    const warn = jest.spyOn(Logger.prototype, 'warn');
    const t = await TestApp.start({ ...production, ALLOW_DEV_LOGIN: '1' }, { reset: false });
    try {
      const res = await t.http().post('/api/auth/login').send({ openId: 'o_prod_demo' }).expect(200);
      await t.http().get('/api/me').set('Authorization', `Bearer ${res.body.token}`).expect(200);
      expect(warn.mock.calls.flat().join(' ')).toMatch(/ALLOW_DEV_LOGIN=1 in production.*anyone/);
    } finally {
      warn.mockRestore();
      await t.close();
    }
  });
});
