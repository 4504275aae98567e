import { TestApp } from '../support/test-app';

describe('identity: emulated WeChat login', () => {
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
});
