#!/usr/bin/env node
/**
 * The server the browser suite runs against: a fresh PostgreSQL database (`giftshop_browser`,
 * dropped and created from the demo seed) and the built app with test hooks, on BROWSER_PORT.
 * Playwright starts it (webServer in playwright.config.ts) and stops it at the end.
 */
import { spawn } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const admin = process.env.TEST_DATABASE_URL ?? 'postgres://giftshop:giftshop@127.0.0.1:5432/giftshop';
const name = process.env.BROWSER_DB ?? 'giftshop_browser';

const client = new pg.Client({ connectionString: admin });
await client.connect();
await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
await client.query(`CREATE DATABASE ${name}`);
await client.end();

const url = new URL(admin);
url.pathname = `/${name}`;
const server = spawn(process.execPath, [resolve(root, 'server/dist/main.js')], {
  cwd: root,
  stdio: 'inherit',
  env: {
    ...process.env,
    DATABASE_URL: url.toString(),
    PORT: process.env.BROWSER_PORT ?? '3290',
    TEST_HOOKS: '1',
    SEED_DEMO: 'true',
    LOG_LEVEL: 'warn',
    JOBS_POLL_MS: '500',
    // Two server processes behind one port (node:cluster), as in production: the stories also
    // check that nothing depends on a request meeting the process that served the last one.
    WEB_CONCURRENCY: process.env.WEB_CONCURRENCY ?? '2',
    RATE_LIMITS: 'off', // every story logs its people in from this one address
  },
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
