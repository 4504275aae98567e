import { TestApp } from '../support/test-app';

describe('platform: health, OpenAPI, errors and test hooks', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await TestApp.start();
  });
  afterAll(() => t.close());

  it('reports PostgreSQL in /api/health', async () => {
    const res = await t.http().get('/api/health').expect(200);
    // No DATABASE_READ_URL: every read goes to the primary (read-replica.spec.ts has the replica).
    expect(res.body).toEqual({
      status: 'ok',
      database: 'postgres',
      version: expect.stringMatching(/^\d+/),
      reads: 'primary',
    });
  });

  it('serves an OpenAPI document generated from the code, covering the baseline contract', async () => {
    const res = await t.http().get('/api/docs-json').expect(200);
    const paths = Object.keys(res.body.paths);
    for (const path of [
      '/api/auth/login',
      '/api/me',
      '/api/auth/wechat',
      '/api/friends',
      '/api/friend-requests',
      '/api/friend-requests/{id}/decline',
      '/api/groups',
      '/api/chats',
      '/api/chats/{id}/messages',
      '/api/categories',
      '/api/shops',
      '/api/shops/{shopId}/products',
      '/api/shops/{shopId}/follow',
      '/api/products/{id}',
    ]) {
      expect(paths).toContain(path);
    }
    expect(res.body.components.schemas.CreateProductDto.required).toEqual(
      expect.arrayContaining(['title', 'categoryCode', 'skus']),
    );
    const html = await t.http().get('/api/docs').expect(200);
    expect(html.text).toMatch(/swagger/i);
  });

  it('answers an unknown API route with a JSON 404 in the error shape', async () => {
    const res = await t.http().get('/api/nothing-here').expect(404);
    expect(res.body).toEqual({ statusCode: 404, error: 'Not Found', message: expect.any(String), code: 'NOT_FOUND' });
  });

  it('resets the database to the demo seed through the test hook', async () => {
    const stranger = await t.login('o_stranger');
    await t.http().post('/api/shops').set(stranger.auth).send({ name: '临时小店' }).expect(201);
    await t.reset();
    const all = await t.http().get('/api/products?limit=100').expect(200);
    expect(all.body.total).toBe(30);
    await t.http().get('/api/me').set(stranger.auth).expect(401);
  });
});

describe('platform: without TEST_HOOKS', () => {
  it('has no test routes at all (404)', async () => {
    const t = await TestApp.start({ TEST_HOOKS: '0' }, { reset: false });
    try {
      await t.http().post('/api/test/reset').expect(404);
      const docs = await t.http().get('/api/docs-json').expect(200);
      expect(Object.keys(docs.body.paths).filter((p) => p.startsWith('/api/test'))).toEqual([]);
    } finally {
      await t.close();
    }
  });
});
