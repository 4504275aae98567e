import { ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { resolve } from 'node:path';
import { Client } from 'pg';
import { MIGRATIONS } from '@giftshop/migrations';
import { DEMO_USERS } from '../../server/src/seed/demo-data';
import { databaseUrl, serverUrl, workerDatabase } from '../support/databases';
import { freePort } from '../support/second-process';

jest.setTimeout(180_000);

const ROOT = resolve(__dirname, '..', '..');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** One request on a connection of its own (the primary hands each new connection to the next worker). */
function once(
  url: string,
  opts: { method?: string; token?: string; body?: unknown } = {},
): Promise<{ status: number; body: string }> {
  return new Promise((resolveReply, reject) => {
    const req = request(
      url,
      {
        method: opts.method ?? 'GET',
        agent: false,
        headers: {
          ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}),
          ...(opts.body ? { 'content-type': 'application/json' } : {}),
        },
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolveReply({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on('error', reject);
    req.end(opts.body ? JSON.stringify(opts.body) : undefined);
  });
}

/** The worker processes a cluster primary has forked (Linux: /proc/<pid>/task/<pid>/children). */
function workersOf(pid: number): number[] {
  try {
    const text = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim();
    return text ? text.split(/\s+/).map(Number) : [];
  } catch {
    return [];
  }
}

async function until<T>(probe: () => Promise<T | undefined> | T | undefined, what: string): Promise<T> {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    const value = await Promise.resolve()
      .then(probe)
      .catch(() => undefined);
    if (value !== undefined) return value;
    await sleep(100);
  }
  throw new Error(`timed out waiting for ${what}`);
}

/**
 * The built server with WEB_CONCURRENCY=2 on an empty database: a cluster primary and two workers
 * sharing the port. Migrations and the demo seed run once; the secrets generated for the run are
 * the same in both workers; a worker that dies is replaced; SIGTERM stops them all.
 */
describe('WEB_CONCURRENCY=2: one primary, two worker processes', () => {
  const dbName = `${workerDatabase()}_cluster`;
  const admin = new Client({ connectionString: serverUrl() });
  let primary: ChildProcess;
  let output = '';
  let exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  let port: number;
  let base: string;

  beforeAll(async () => {
    port = await freePort();
    base = `http://127.0.0.1:${port}`;
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${dbName}`);
    primary = spawn(process.execPath, ['server/dist/main.js'], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH,
        NODE_ENV: 'test',
        PORT: String(port),
        DATABASE_URL: databaseUrl(dbName),
        WEB_CONCURRENCY: '2',
        SEED_DEMO: '1',
        LOG_LEVEL: 'silent',
        RATE_LIMITS: 'off',
        // No JWT_SECRET: the primary generates one for both workers.
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    primary.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    primary.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    exited = new Promise((ok) => primary.once('exit', (code, signal) => ok({ code, signal })));
    await until(async () => ((await fetch(`${base}/api/health`)).ok ? true : undefined), 'the cluster to answer');
    await until(() => (workersOf(primary.pid!).length === 2 ? true : undefined), 'two workers');
  });
  afterAll(async () => {
    if (primary.exitCode === null && primary.signalCode === null) primary.kill('SIGKILL');
    for (const pid of workersOf(primary.pid!)) process.kill(pid, 'SIGKILL');
    try {
      await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    } finally {
      // Even when the drop fails, the client goes: an open one keeps jest from exiting.
      await admin.end();
    }
  });

  const sql = async (query: string): Promise<Record<string, unknown>[]> => {
    const db = new Client({ connectionString: databaseUrl(dbName) });
    await db.connect();
    try {
      return (await db.query(query)).rows;
    } finally {
      await db.end();
    }
  };

  it('migrates and seeds the empty database once', async () => {
    // Wait for the second worker's start too: it must find nothing left to do.
    await until(async () => ((await fetch(`${base}/api/health`)).ok ? true : undefined), 'health');
    expect(await sql('SELECT count(*)::int AS n FROM typeorm_migrations')).toEqual([{ n: MIGRATIONS.length }]);
    expect(await sql('SELECT count(*)::int AS n FROM users')).toEqual([{ n: DEMO_USERS.length }]);
    // Had both seeded at once, one would have failed on the unique openIds and died.
    expect(output).not.toMatch(/died/);
  });

  it('shares the generated JWT secret: every new connection (round-robin over the workers) accepts the token', async () => {
    const login = await once(`${base}/api/auth/login`, { method: 'POST', body: { openId: 'o_cluster' } });
    const { token } = JSON.parse(login.body) as { token: string };
    for (let i = 0; i < 10; i++) expect((await once(`${base}/api/me`, { token })).status).toBe(200);
  });

  it('replaces a worker that dies, and stops every worker on SIGTERM', async () => {
    const [victim, survivor] = workersOf(primary.pid!);
    process.kill(victim, 'SIGKILL');
    const replaced = await until(() => {
      const now = workersOf(primary.pid!);
      return now.length === 2 && !now.includes(victim) ? now : undefined;
    }, 'the dead worker to be replaced');
    expect(replaced).toContain(survivor);
    await until(async () => ((await fetch(`${base}/api/health`)).ok ? true : undefined), 'health');

    primary.kill('SIGTERM');
    expect(await exited).toEqual({ code: 0, signal: null });
    for (const pid of replaced) expect(() => process.kill(pid, 0)).toThrow();
  });

  it('stops with exit code 1 when no worker can start, as one process would', async () => {
    const broken = spawn(process.execPath, ['server/dist/main.js'], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH,
        NODE_ENV: 'test',
        PORT: String(await freePort()),
        DATABASE_URL: databaseUrl(dbName),
        WEB_CONCURRENCY: '2',
        PAYMENT_PROVIDER: 'nopay', // no such provider: the app refuses to start
        LOG_LEVEL: 'silent',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let said = '';
    broken.stdout!.on('data', (chunk: Buffer) => (said += chunk.toString()));
    broken.stderr!.on('data', (chunk: Buffer) => (said += chunk.toString()));
    const [code] = await new Promise<[number | null]>((ok) => broken.once('exit', (c) => ok([c])));
    expect(code).toBe(1);
    expect(said).toMatch(/failed to start/);
    expect(said).not.toMatch(/restarting/);
  });
});

describe('WEB_CONCURRENCY on the embedded database', () => {
  it('runs one process, and says why', async () => {
    const port = await freePort();
    const server = spawn(process.execPath, ['server/dist/main.js'], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH,
        NODE_ENV: 'test',
        PORT: String(port),
        PGLITE_DIR: 'memory://',
        SEED_DEMO: '0',
        WEB_CONCURRENCY: '3',
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let said = '';
    server.stdout!.on('data', (chunk: Buffer) => (said += chunk.toString()));
    server.stderr!.on('data', (chunk: Buffer) => (said += chunk.toString()));
    const exited = new Promise((ok) => server.once('exit', ok));
    try {
      await until(
        async () => ((await fetch(`http://127.0.0.1:${port}/api/health`)).ok ? true : undefined),
        'the server',
      );
      expect(workersOf(server.pid!)).toEqual([]);
      expect(said).toMatch(/WEB_CONCURRENCY asks for 3 processes, but the embedded PGlite database has one holder/);
    } finally {
      server.kill('SIGTERM');
      await exited;
    }
  });
});
