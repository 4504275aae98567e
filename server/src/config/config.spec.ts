import { availableParallelism } from 'node:os';
import { ConfigError, loadConfig } from './config';

describe('configuration from the environment', () => {
  it('defaults to the embedded database, port 3000 and a generated JWT secret', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.database).toEqual({
      kind: 'pglite',
      dataDir: expect.stringMatching(/\.data\/pglite$/),
      acquireTimeoutMs: 10_000,
      statementTimeoutMs: 30_000,
      idleInTransactionTimeoutMs: 30_000,
    });
    expect(config.jwtSecretGenerated).toBe(true);
    expect(config.jwtSecret).toHaveLength(64);
    expect(config.testHooks).toBe(false);
    expect(config.seedDemoWhenEmpty).toBe(true);
  });

  it('keeps PGLITE_DIR=memory:// as it is (no database on disk)', () => {
    expect(loadConfig({ PGLITE_DIR: 'memory://' }).database).toMatchObject({ kind: 'pglite', dataDir: 'memory://' });
  });

  it('turns prepared statements off with DB_PREPARED_STATEMENTS=false (for a pooler in transaction mode)', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://u:p@db:5432/shop', DB_PREPARED_STATEMENTS: 'false' });
    expect(config.database).toMatchObject({ kind: 'postgres', preparedStatements: false });
  });

  it('takes migrations straight to the primary with DATABASE_DIRECT_URL (behind a pooler), and refuses a bad one', () => {
    const config = loadConfig({
      DATABASE_URL: 'postgres://u:p@pgbouncer:6432/shop',
      DATABASE_DIRECT_URL: 'postgres://u:p@db:5432/shop',
    });
    expect(config.database).toMatchObject({
      url: 'postgres://u:p@pgbouncer:6432/shop',
      directUrl: 'postgres://u:p@db:5432/shop',
    });
    expect(() => loadConfig({ DATABASE_URL: 'postgres://u:p@db/shop', DATABASE_DIRECT_URL: 'mysql://db' })).toThrow(
      'DATABASE_DIRECT_URL must start with postgres://',
    );
  });

  it('sends the reads that may lag to DATABASE_READ_URL, bounded by DATABASE_READ_MAX_LAG_MS', () => {
    expect(
      loadConfig({ DATABASE_URL: 'postgres://u:p@db/shop', DATABASE_READ_URL: 'postgres://u:p@replica/shop' }).database,
    ).toMatchObject({ read: { url: 'postgres://u:p@replica/shop', maxLagMs: 5000 } });
    expect(
      loadConfig({
        DATABASE_URL: 'postgres://u:p@db/shop',
        DATABASE_READ_URL: 'postgres://u:p@replica/shop',
        DATABASE_READ_MAX_LAG_MS: '1500',
      }).database,
    ).toMatchObject({ read: { maxLagMs: 1500 } });
    expect(loadConfig({ DATABASE_URL: 'postgres://u:p@db/shop' }).database).not.toHaveProperty('read.url');
    expect(() => loadConfig({ DATABASE_READ_URL: 'postgres://u:p@replica/shop' })).toThrow(
      'DATABASE_READ_URL needs DATABASE_URL',
    );
    expect(() => loadConfig({ DATABASE_URL: 'postgres://u:p@db/shop', DATABASE_READ_URL: 'replica' })).toThrow(
      'DATABASE_READ_URL must start with postgres://',
    );
    expect(() =>
      loadConfig({
        DATABASE_URL: 'postgres://u:p@db/shop',
        DATABASE_READ_URL: 'postgres://u:p@replica/shop',
        DATABASE_READ_MAX_LAG_MS: '10',
      }),
    ).toThrow('DATABASE_READ_MAX_LAG_MS');
  });

  it('uses PostgreSQL when DATABASE_URL is set, without demo data by default', () => {
    const config = loadConfig({
      DATABASE_URL: 'postgres://u:p@db:5432/shop',
      DB_POOL_SIZE: '4',
      DB_ACQUIRE_TIMEOUT_MS: '2500',
      DB_STATEMENT_TIMEOUT_MS: '5000',
      DB_IDLE_IN_TRANSACTION_TIMEOUT_MS: '7000',
    });
    expect(config.database).toEqual({
      kind: 'postgres',
      url: 'postgres://u:p@db:5432/shop',
      poolSize: 4,
      preparedStatements: true,
      acquireTimeoutMs: 2500,
      statementTimeoutMs: 5000,
      idleInTransactionTimeoutMs: 7000,
    });
    expect(config.seedDemoWhenEmpty).toBe(false);
  });

  it('turns test hooks on only when asked', () => {
    expect(loadConfig({ TEST_HOOKS: '1' }).testHooks).toBe(true);
    expect(loadConfig({ TEST_HOOKS: 'true' }).testHooks).toBe(true);
    expect(loadConfig({ TEST_HOOKS: '0' }).testHooks).toBe(false);
  });

  it('serves the API docs outside production, and in production only with API_DOCS=on', () => {
    const secret = { JWT_SECRET: 'x'.repeat(32) };
    expect(loadConfig({}).apiDocs).toBe(true);
    expect(loadConfig({ API_DOCS: 'off' }).apiDocs).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', ...secret }).apiDocs).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', API_DOCS: 'on', ...secret }).apiDocs).toBe(true);
  });

  it('serves the sandbox login outside production, and in production only with ALLOW_DEV_LOGIN', () => {
    const secret = { JWT_SECRET: 'x'.repeat(32) };
    expect(loadConfig({}).devLogin).toBe(true);
    expect(loadConfig({ NODE_ENV: 'test' }).devLogin).toBe(true);
    expect(loadConfig({ NODE_ENV: 'production', ...secret }).devLogin).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', ALLOW_DEV_LOGIN: '0', ...secret }).devLogin).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', ALLOW_DEV_LOGIN: '1', ...secret }).devLogin).toBe(true);
  });

  it('reads the WeChat login settings, unconfigured by default', () => {
    expect(loadConfig({}).wechat).toEqual({
      apiBase: 'https://api.weixin.qq.com',
      appId: null,
      secret: null,
      timeoutMs: 5000,
    });
    const config = loadConfig({
      WECHAT_API_BASE: 'http://127.0.0.1:4000/',
      WECHAT_APPID: 'wx0123456789abcdef',
      WECHAT_SECRET: '0123456789abcdef0123456789abcdef',
      WECHAT_TIMEOUT_MS: '800',
    });
    expect(config.wechat).toEqual({
      apiBase: 'http://127.0.0.1:4000',
      appId: 'wx0123456789abcdef',
      secret: '0123456789abcdef0123456789abcdef',
      timeoutMs: 800,
    });
  });

  it('keeps rate limits on unless RATE_LIMITS=off', () => {
    expect(loadConfig({}).rateLimits).toBe(true);
    expect(loadConfig({ RATE_LIMITS: 'on' }).rateLimits).toBe(true);
    expect(loadConfig({ RATE_LIMITS: 'off' }).rateLimits).toBe(false);
  });

  it('trusts no proxy unless TRUST_PROXY names a hop count or the proxies', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: 'off' }).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadConfig({ TRUST_PROXY: 'loopback, 10.0.0.0/8' }).trustProxy).toBe('loopback, 10.0.0.0/8');
    expect(loadConfig({ TRUST_PROXY: 'fd00::/8' }).trustProxy).toBe('fd00::/8');
  });

  it('runs one process per core in production, one otherwise, and one on the embedded database', () => {
    const pg = { DATABASE_URL: 'postgres://u:p@localhost/db' };
    const prod = { NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32), ...pg };
    expect(loadConfig(pg).processes).toBe(1);
    expect(loadConfig(prod).processes).toBe(availableParallelism());
    expect(loadConfig({ ...pg, WEB_CONCURRENCY: '3' }).processes).toBe(3);
    expect(loadConfig({ ...prod, WEB_CONCURRENCY: '1' }).processes).toBe(1);
    const embedded = loadConfig({ WEB_CONCURRENCY: '4' });
    expect(embedded.processes).toBe(1);
    expect(embedded.processesRefused).toBe(4);
    expect(loadConfig({ ...pg, WEB_CONCURRENCY: '4' }).processesRefused).toBeNull();
    const embeddedInProduction = loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32) });
    expect(embeddedInProduction.processes).toBe(1);
    expect(embeddedInProduction.processesRefused).toBeNull(); // the default: no warning
  });

  it.each([
    [{ WEB_CONCURRENCY: '0' }, /WEB_CONCURRENCY must not be less than 1/],
    [{ WEB_CONCURRENCY: 'many' }, /WEB_CONCURRENCY must be an integer/],
    [{ RATE_LIMITS: 'false' }, /RATE_LIMITS must be on or off/],
    [{ TRUST_PROXY: 'true' }, /TRUST_PROXY must be off, a hop count/],
    [{ TRUST_PROXY: '12' }, /TRUST_PROXY must be off, a hop count/],
    [{ API_DOCS: 'maybe' }, /API_DOCS must be on or off/],
    [{ PORT: 'eighty' }, /PORT must be an integer/],
    [{ PORT: '70000' }, /PORT must not be greater than 65535/],
    [{ DATABASE_URL: 'mysql://x' }, /DATABASE_URL must start with postgres/],
    [{ JWT_SECRET: 'short' }, /JWT_SECRET must be at least 32 characters/],
    [{ NODE_ENV: 'staging' }, /NODE_ENV must be one of/],
    [{ LOG_LEVEL: 'loud' }, /LOG_LEVEL must be one of/],
    [{ NODE_ENV: 'production' }, /JWT_SECRET is required when NODE_ENV=production/],
    [{ ALLOW_DEV_LOGIN: 'maybe' }, /ALLOW_DEV_LOGIN must be a boolean/],
    [{ WECHAT_API_BASE: 'ftp://x' }, /WECHAT_API_BASE must be an http\(s\) URL/],
    [{ WECHAT_API_BASE: 'https://x/?a=1' }, /WECHAT_API_BASE must be an http\(s\) URL/],
    [{ WECHAT_APPID: 'app1', WECHAT_SECRET: 'x'.repeat(32) }, /WECHAT_APPID must be wx/],
    [{ WECHAT_APPID: 'wx0123456789abcdef', WECHAT_SECRET: 'short' }, /WECHAT_SECRET must be/],
    [{ WECHAT_APPID: 'wx0123456789abcdef' }, /WECHAT_APPID and WECHAT_SECRET must be set together/],
    [{ WECHAT_TIMEOUT_MS: '50' }, /WECHAT_TIMEOUT_MS must not be less than 100/],
  ])('rejects %j with a message naming the variable', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });
});
