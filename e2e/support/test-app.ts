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
import { RoundRobin, ServerProcess, startRoundRobin, startServerProcess } from './second-process';

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
 * demo seed, as TWO server processes: this one (the app, for `t.app.get(...)`) and a second OS
 * process of the built server (server/dist/main.js) on the same database, with requests sent to
 * each in turn by a round-robin proxy, so every suite checks that nothing depends on a request
 * meeting the process that served the one before (WEB_CONCURRENCY). `http()` is supertest bound
 * to the proxy; `api()` the client typed by the OpenAPI document. A suite that must talk to the
 * app it holds (a job handler registered in it, its log) asks for `processes: 1`; `logStream`
 * implies it; TEST_PROCESSES=1 runs every suite on one process. With `proxy` (or
 * TEST_API_PROXY=prism for every suite) requests go through Stoplight Prism validating each answer
 * against the document (`violations()`).
 */
export class TestApp {
  private constructor(
    readonly app: INestApplication,
    readonly url: string,
    private readonly proxy: PrismProxy | null,
    private readonly second: ServerProcess | null,
    private readonly roundRobin: RoundRobin | null,
  ) {}

  /** `logStream` takes the server's log (set LOG_LEVEL in `env`; it is silent by default). */
  static async start(
    env: Record<string, string> = {},
    options: { reset?: boolean; logStream?: DestinationStream; proxy?: boolean; processes?: 1 | 2 } = {},
  ): Promise<TestApp> {
    const serverEnv: Record<string, string> = {
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
    };
    const config = loadConfig(serverEnv);
    const processes = options.logStream || process.env.TEST_PROCESSES === '1' ? 1 : (options.processes ?? 2);
    // Both start at once; migrations run under an advisory lock, so once.
    const [started, spawned] = await Promise.allSettled([
      createApp(config, { logStream: options.logStream }),
      processes === 2 ? startServerProcess(serverEnv) : null,
    ]);
    if (started.status === 'rejected' || spawned.status === 'rejected') {
      if (started.status === 'fulfilled') await started.value.close().catch(() => undefined);
      if (spawned.status === 'fulfilled') await spawned.value?.stop().catch(() => undefined);
      throw started.status === 'rejected' ? started.reason : (spawned as PromiseRejectedResult).reason;
    }
    const [app, second] = [started.value, spawned.value];
    let roundRobin: RoundRobin | null = null;
    let prism: PrismProxy | null = null;
    try {
      await app.listen(0, '127.0.0.1');
      const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
      // A started TestApp is a fresh world for its processes, as an app with its state in memory
      // was: the test clock at real time, no rate-limit counts.
      await app.get(DataSource).query('UPDATE test_clock SET offset_ms = 0; DELETE FROM rate_limit_windows');
      roundRobin = second ? await startRoundRobin([url, second.url]) : null;
      const upstream = roundRobin?.url ?? url;
      const proxied = options.proxy ?? process.env.TEST_API_PROXY === 'prism';
      prism = proxied ? await startPrism(app, upstream) : null;
      const testApp = new TestApp(app, url, prism, second, roundRobin);
      if (options.reset !== false) await testApp.reset();
      return testApp;
    } catch (err) {
      // A start that failed half-way leaves nothing running: a second process left polling the
      // jobs would take the next suites' jobs.
      await new TestApp(app, '', prism, second, roundRobin).close().catch(() => undefined);
      throw err;
    }
  }

  /** Each server process's own URL: this app's first, then the second process's, if any. */
  get urls(): string[] {
    return this.second ? [this.url, this.second.url] : [this.url];
  }

  /** How many requests the round-robin proxy sent to each process (in the order of `urls`). */
  get requestsPerProcess(): number[] {
    return this.roundRobin ? [...this.roundRobin.counts] : [];
  }

  /** Where requests go: the app, or the validating proxy in front of it. */
  get baseUrl(): string {
    return this.proxy?.url ?? this.roundRobin?.url ?? this.url;
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

  /** As `advance`, served by this app: the due jobs run here (with what the test registered in it). */
  async advanceHere(ms: number): Promise<{ now: string; jobsRun: number }> {
    return (await request(this.url).post('/api/test/clock/advance').send({ ms }).expect(200)).body;
  }

  /** Runs a query on the test database (to check what the API cannot show). */
  sql<T = Record<string, unknown>>(query: string, params: unknown[] = []): Promise<T[]> {
    return this.app.get(DataSource).query(query, params);
  }

  async close(): Promise<void> {
    await this.proxy?.stop();
    await this.roundRobin?.stop();
    await this.second?.stop();
    await this.app.close();
  }
}
