import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/**
 * Starts the built shop the way the README's run command does (`npm start`, no DATABASE_URL, so
 * the embedded database with demo data) and looks at it as a newcomer would.
 */
jest.setTimeout(120_000);

const ROOT = resolve(__dirname, '..', '..');

function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => ok(port));
    });
  });
}

async function waitForHealth(base: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}:\n${output()}`);
    try {
      if ((await fetch(`${base}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the server did not answer /api/health within 90 s:\n${output()}`);
}

describe('the README run command: the shop on the embedded database', () => {
  let child: ChildProcess;
  let base: string;
  let dataDir: string;
  let log = '';

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'giftshop-smoke-'));
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    const env = { ...process.env, PORT: String(port), PGLITE_DIR: dataDir, NODE_ENV: 'development' };
    delete env.DATABASE_URL;
    delete env.TEST_HOOKS;
    delete env.NODE_OPTIONS;
    child = spawn('npm', ['start', '--silent'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    child.stdout?.on('data', (d) => (log += d));
    child.stderr?.on('data', (d) => (log += d));
    await waitForHealth(base, child, () => log);
  });

  afterAll(async () => {
    if (child.pid && child.exitCode === null) {
      process.kill(-child.pid, 'SIGTERM');
      await new Promise((r) => child.once('exit', r));
    }
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('serves the H5 client at /', async () => {
    const res = await fetch(`${base}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    expect(await res.text()).toMatch(/<div id="app"|<script/);
  });

  it('says it runs on the embedded database', async () => {
    const res = await fetch(`${base}/api/health`);
    expect(await res.json()).toEqual({ status: 'ok', database: 'pglite', version: expect.any(String) });
  });

  it('has the demo products, and each opens by its unified id', async () => {
    const page = await (await fetch(`${base}/api/products?limit=100`)).json();
    expect(page.total).toBeGreaterThanOrEqual(30);
    const product = await (await fetch(`${base}/api/products/${page.items[0].id}?scene=mini_program`)).json();
    expect(product).toMatchObject({ id: page.items[0].id, scene: 'mini_program', skus: expect.any(Array) });
  });

  it('lets a demo user log in', async () => {
    const res = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ openId: 'o_alice' }),
    });
    expect((await res.json()).user.nickname).toBe('爱丽丝');
  });

  it('has no test routes without TEST_HOOKS', async () => {
    const res = await fetch(`${base}/api/test/reset`, { method: 'POST' });
    expect(res.status).toBe(404);
  });
});
