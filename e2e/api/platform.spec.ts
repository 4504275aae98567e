import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { databaseUrl, workerDatabase } from '../support/databases';
import { until } from '../support/fixtures';
import { TestApp } from '../support/test-app';

describe('platform: health, OpenAPI, errors and test hooks', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await TestApp.start();
  });
  afterAll(() => t.close());

  it('runs a reset again when it meets a deadlock (another process holding a table it wants)', async () => {
    // As a job polled by another process can: hold a table the TRUNCATE reaches late, then ask
    // for one it took first. The reset waited first, so it is the deadlock's victim, and reruns.
    const tables = t.app.get(DataSource).entityMetadatas.map((m) => m.tableName);
    const [first, last] = [tables[0], tables[tables.length - 1]];
    const deadlocks = async () =>
      (await t.sql<{ n: number }>('SELECT deadlocks AS n FROM pg_stat_database WHERE datname = current_database()'))[0]
        .n;
    const before = await deadlocks();
    const holder = new Client({ connectionString: databaseUrl(workerDatabase()) });
    await holder.connect();
    try {
      await holder.query('BEGIN');
      await holder.query(`LOCK TABLE "${last}" IN ROW EXCLUSIVE MODE`);
      const reset = t
        .http()
        .post('/api/test/reset')
        .then((res) => res);
      await until(
        async () =>
          (
            await t.sql(
              "SELECT 1 FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE 'TRUNCATE%' AND datname = current_database()",
            )
          ).length > 0,
        'the reset waiting for the held table',
      );
      await holder.query(`LOCK TABLE "${first}" IN ROW EXCLUSIVE MODE`); // the reset was the victim
      await holder.query('COMMIT');
      expect((await reset).status).toBe(200);
      await until(async () => (await deadlocks()) > before, 'the deadlock in the statistics');
    } finally {
      await holder.end();
    }
  });

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
