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
    const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), PGLITE_DIR: dataDir, NODE_ENV: 'development' };
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
    expect(await res.json()).toEqual({
      status: 'ok',
      database: 'pglite',
      version: expect.any(String),
      reads: 'primary',
    });
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

  it('runs a group gift end to end: send, pay, two claims race, the third is told all claimed', async () => {
    const call = async (method: string, path: string, token?: string, body?: unknown) => {
      const res = await fetch(`${base}/api${path}`, {
        method,
        headers: { 'Content-Type': 'application/json', ...(token && { Authorization: `Bearer ${token}` }) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: res.status, body: await res.json() };
    };
    const token = async (openId: string) =>
      (await call('POST', '/auth/login', undefined, { openId })).body.token as string;
    const [alice, bob, carol, dave] = await Promise.all(['o_alice', 'o_bob', 'o_carol', 'o_dave'].map(token));
    const family = (await call('GET', '/chats', alice)).body.find(
      (c: { title: string }) => c.title === '相亲相爱一家人',
    );
    const items = (await call('GET', '/products?limit=100')).body.items;
    const tea = (await call('GET', `/products/${items.find((p: { title: string }) => p.title === '花果茶组合').id}`))
      .body;
    const gift = await call('POST', '/gifts', alice, {
      skuId: tea.skus[0].id,
      chatId: family.id,
      mode: 'first_come',
      units: 2,
    });
    expect(gift.status).toBe(201);
    expect((await call('POST', `/orders/${gift.body.orderId}/pay`, alice)).status).toBe(200);
    const address = { name: '收件人', phone: '13900000000', region: '上海市', detail: '某路 1 号' };
    const claims = await Promise.all(
      [bob, carol, dave].map((t) => call('POST', `/gifts/${gift.body.id}/claim`, t, { address })),
    );
    expect(claims.map((c) => c.status).sort()).toEqual([200, 200, 409]);
    expect((await call('GET', `/gifts/${gift.body.id}`, alice)).body).toMatchObject({ status: 20, claimedUnits: 2 });
  });

  it('has no test routes without TEST_HOOKS', async () => {
    const res = await fetch(`${base}/api/test/reset`, { method: 'POST' });
    expect(res.status).toBe(404);
  });
});
