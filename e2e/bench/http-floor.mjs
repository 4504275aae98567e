/**
 * What the HTTP stack alone costs: the built server (one process, production settings, rate
 * limits off) on a throwaway database, and three routes that do almost nothing, each called
 * 6,000 times by 50 keep-alive connections: `GET /api/health` (one `SHOW server_version`), `GET /api/me`
 * (a Bearer token checked, the user read) and an unknown route (404, no database). Prints
 * requests/s and the server's CPU per request (from /proc): the floor under every API figure.
 *
 *   npm run build:server && node e2e/bench/http-floor.mjs
 */
import http from 'node:http';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { databaseUrl, freePort, spawnServer, waitForHealth, procTicks } from './lib.mjs';
const ADMIN = 'postgres://giftshop:giftshop@127.0.0.1:5432/giftshop';
const db = `giftshop_req_${randomBytes(3).toString('hex')}`;
const admin = new pg.Client(ADMIN);
await admin.connect();
await admin.query(`CREATE DATABASE ${db}`);
const port = await freePort();
const child = spawnServer({
  entry: 'server/dist/main.js',
  cwd: process.cwd(),
  logLines: [],
  env: {
    NODE_ENV: 'production',
    PORT: String(port),
    DATABASE_URL: databaseUrl(ADMIN, db),
    JWT_SECRET: randomBytes(30).toString('hex'),
    PAYMENT_NOTIFY_SECRET: 'x'.repeat(32),
    ALLOW_DEV_LOGIN: '1',
    LOG_LEVEL: 'warn',
    RATE_LIMITS: 'off',
    WEB_CONCURRENCY: '1',
  },
});
await waitForHealth(port, child, 60000);
const agent = new http.Agent({ keepAlive: true, maxSockets: 50 });
const req = (method, path, body, token) =>
  new Promise((res, rej) => {
    const data = body ? JSON.stringify(body) : undefined;
    const r = http.request(
      {
        host: '127.0.0.1',
        port,
        method,
        path,
        agent,
        headers: {
          ...(data && { 'content-type': 'application/json', 'content-length': Buffer.byteLength(data) }),
          ...(token && { authorization: `Bearer ${token}` }),
        },
      },
      (s) => {
        let b = '';
        s.on('data', (c) => (b += c));
        s.on('end', () => res({ status: s.statusCode, body: b }));
      },
    );
    r.on('error', rej);
    if (data) r.write(data);
    r.end();
  });
const login = JSON.parse((await req('POST', '/api/auth/login', { openId: 'o_req_1' })).body);
async function measure(name, fn, n = 6000) {
  for (let i = 0; i < 500; i++) await fn();
  const t0 = procTicks(child.pid);
  const s = performance.now();
  let left = n;
  await Promise.all(
    Array.from({ length: 50 }, async () => {
      while (left-- > 0) await fn();
    }),
  );
  const ticks = procTicks(child.pid) - t0;
  const secs = (performance.now() - s) / 1000;
  console.log(`${name}: ${(n / secs).toFixed(0)} req/s, server cpu ${((ticks * 10 * 1000) / n).toFixed(0)} µs/request`);
}
await measure('GET /api/health', () => req('GET', '/api/health'));
await measure('GET /api/me (auth)', () => req('GET', '/api/me', null, login.token));
await measure('GET /api/nope (404)', () => req('GET', '/api/nope'));
child.kill('SIGTERM');
await new Promise((r) => setTimeout(r, 1500));
await admin.query(`DROP DATABASE ${db} WITH (FORCE)`);
await admin.end();
process.exit(0);
