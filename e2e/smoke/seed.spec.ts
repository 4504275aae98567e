import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { databaseUrl, serverUrl } from '../support/databases';

/** `npm run seed` on an empty PostgreSQL database, again on a full one, and with --reset. */
jest.setTimeout(120_000);

const ROOT = resolve(__dirname, '..', '..');
const DB = 'giftshop_seed_smoke';
const run = promisify(execFile);

describe('npm run seed on PostgreSQL', () => {
  const admin = new Client({ connectionString: serverUrl() });
  const seed = (...args: string[]) =>
    run('npm', ['run', '--silent', 'seed', '--', ...args], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: databaseUrl(DB), LOG_LEVEL: 'warn', NODE_OPTIONS: '' },
    });
  const count = async (table: string): Promise<number> => {
    const client = new Client({ connectionString: databaseUrl(DB) });
    await client.connect();
    try {
      return (await client.query(`SELECT count(*)::int AS n FROM ${table}`)).rows[0].n;
    } finally {
      await client.end();
    }
  };

  beforeAll(async () => {
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${DB} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${DB}`);
  });
  afterAll(async () => {
    await admin.query(`DROP DATABASE IF EXISTS ${DB} WITH (FORCE)`);
    await admin.end();
  });

  it('migrates an empty database and loads the demo data', async () => {
    await seed();
    expect(await count('products')).toBe(30);
    expect(await count('users')).toBe(9);
  });

  it('leaves a database that has data alone', async () => {
    const { stdout } = await seed();
    expect(stdout).toMatch(/already has data/);
    expect(await count('users')).toBe(9);
  });

  it('starts over with --reset', async () => {
    const client = new Client({ connectionString: databaseUrl(DB) });
    await client.connect();
    await client.query("INSERT INTO users (open_id, nickname) VALUES ('o_extra', 'extra')");
    await client.end();
    await seed('--reset');
    expect(await count('users')).toBe(9);
  });
});
