import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import type { LoginResponse } from '@giftshop/shared';
import type { DestinationStream } from 'pino';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createApp } from '../../server/src/app.factory';
import { loadConfig } from '../../server/src/config/config';
import { apiClient, ApiClient } from './api-client';
import { databaseUrl, workerDatabase } from './databases';
import { PrismProxy, startPrism } from './prism';

export const TEST_NOTIFY_SECRET = 'test-notify-secret-0123456789';
export const TEST_JWT_SECRET = 'test-secret-test-secret-test-secret-0123';

export interface Session {
  token: string;
  userId: string;
  nickname: string;
  auth: { Authorization: string };
}

/**
 * A real server on a real PostgreSQL database (this worker's), with test hooks on, reset to the
 * demo seed. `http()` is supertest bound to its URL; `api()` the client typed by the OpenAPI
 * document. With `proxy` (or TEST_API_PROXY=prism for every suite) both go through Stoplight
 * Prism validating each answer against the document (`violations()`).
 */
export class TestApp {
  private constructor(
    readonly app: INestApplication,
    readonly url: string,
    private readonly proxy: PrismProxy | null = null,
  ) {}

  /** `logStream` takes the server's log (set LOG_LEVEL in `env`; it is silent by default). */
  static async start(
    env: Record<string, string> = {},
    options: { reset?: boolean; logStream?: DestinationStream; proxy?: boolean } = {},
  ): Promise<TestApp> {
    const config = loadConfig({
      NODE_ENV: 'test',
      DATABASE_URL: databaseUrl(workerDatabase()),
      TEST_HOOKS: '1',
      SEED_DEMO: '0',
      LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
      JWT_SECRET: TEST_JWT_SECRET,
      PAYMENT_NOTIFY_SECRET: TEST_NOTIFY_SECRET,
      JOBS_POLL_MS: '0',
      // Suites log many users in from one address; rate-limits.spec.ts turns the limits on.
      RATE_LIMITS: 'off',
      ...env,
    });
    const app = await createApp(config, { logStream: options.logStream });
    await app.listen(0, '127.0.0.1');
    const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
    const proxied = options.proxy ?? process.env.TEST_API_PROXY === 'prism';
    const testApp = proxied ? new TestApp(app, url, await startPrism(app, url)) : new TestApp(app, url);
    if (options.reset !== false) await testApp.reset();
    return testApp;
  }

  /** Where requests go: the app, or the validating proxy in front of it. */
  get baseUrl(): string {
    return this.proxy?.url ?? this.url;
  }

  http(): ReturnType<typeof request> {
    return request(this.baseUrl);
  }

  /** The typed client (openapi-fetch on the generated paths), as `who` when given. */
  api(who?: Session): ApiClient {
    return apiClient(this.baseUrl, who?.token);
  }

  /** What the validating proxy found wrong with the answers so far (none without a proxy). */
  violations(): string[] {
    return this.proxy?.violations() ?? [];
  }

  async reset(): Promise<void> {
    await this.http().post('/api/test/reset').expect(200);
  }

  async login(openId: string, nickname?: string): Promise<Session> {
    const res = await this.http().post('/api/auth/login').send({ openId, nickname }).expect(200);
    const body = res.body as LoginResponse;
    return {
      token: body.token,
      userId: body.user.id,
      nickname: body.user.nickname,
      auth: { Authorization: `Bearer ${body.token}` },
    };
  }

  /** The recorded views of a product, oldest first (read straight from the database). */
  async viewsOf(
    productId: string,
  ): Promise<{ scene: string; domain: string; sharerId: string | null; viewerId: string | null }[]> {
    return this.app
      .get(DataSource)
      .query(
        'SELECT scene, domain, sharer_id AS "sharerId", viewer_id AS "viewerId" FROM product_views WHERE product_id = $1 ORDER BY viewed_at, id',
        [productId],
      );
  }

  /** Moves the server clock and runs the jobs that became due. */
  async advance(ms: number): Promise<{ now: string; jobsRun: number }> {
    return (await this.http().post('/api/test/clock/advance').send({ ms }).expect(200)).body;
  }

  /** Runs a query on the test database (to check what the API cannot show). */
  sql<T = Record<string, unknown>>(query: string, params: unknown[] = []): Promise<T[]> {
    return this.app.get(DataSource).query(query, params);
  }

  async close(): Promise<void> {
    await this.proxy?.stop();
    await this.app.close();
  }
}
