import { ConfigError, loadConfig } from './config';

describe('configuration from the environment', () => {
  it('defaults to the embedded database, port 3000 and a generated JWT secret', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.database).toEqual({ kind: 'pglite', dataDir: expect.stringMatching(/\.data\/pglite$/) });
    expect(config.jwtSecretGenerated).toBe(true);
    expect(config.jwtSecret).toHaveLength(64);
    expect(config.testHooks).toBe(false);
    expect(config.seedDemoWhenEmpty).toBe(true);
  });

  it('uses PostgreSQL when DATABASE_URL is set, without demo data by default', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://u:p@db:5432/shop', DB_POOL_SIZE: '4' });
    expect(config.database).toEqual({ kind: 'postgres', url: 'postgres://u:p@db:5432/shop', poolSize: 4 });
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

  it.each([
    [{ API_DOCS: 'maybe' }, /API_DOCS must be on or off/],
    [{ PORT: 'eighty' }, /PORT must be an integer/],
    [{ PORT: '70000' }, /PORT must not be greater than 65535/],
    [{ DATABASE_URL: 'mysql://x' }, /DATABASE_URL must start with postgres/],
    [{ JWT_SECRET: 'short' }, /JWT_SECRET must be at least 32 characters/],
    [{ NODE_ENV: 'staging' }, /NODE_ENV must be one of/],
    [{ LOG_LEVEL: 'loud' }, /LOG_LEVEL must be one of/],
    [{ NODE_ENV: 'production' }, /JWT_SECRET is required when NODE_ENV=production/],
  ])('rejects %j with a message naming the variable', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });
});
