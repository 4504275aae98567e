#!/usr/bin/env node
/**
 * Benchmark: flash-sale checkout (create order + pay) on a hot SKU, against PostgreSQL, with the
 * database's own floor for the same work measured in the same run.
 *
 *   npm run bench:checkout                          # builds the server, then runs this script
 *   node e2e/bench/checkout.mjs --seconds=10 --scenario=hot20
 *
 * A script, not a timed test. Like the claim storm it creates a throwaway database on the local
 * PostgreSQL, starts the BUILT server (server/dist/main.js) on it as a separate process with
 * RATE_LIMITS=off, and sets every world up through the API. Scenarios (each in a fresh world:
 * new shops, new shoppers, in the one bench database):
 *   hot20     20 shoppers loop create + pay on one hot SKU of one shop
 *   hot100    100 shoppers on one hot SKU of one shop
 *   spread100 100 shoppers, each on the hot SKU of its own shop (100 shops)
 *   burst     100 shoppers each buy 1 unit of a SKU with 10 in stock, all at once: exactly 10 paid
 *   floor     pgbench with ../shared/bench/checkout-floor.sql at 20 and 8 clients
 * Each shopper is sequential (create, then pay), so it never holds more than one unpaid order
 * (the cap is 5). Exit code 0 only when the burst (if run) sold exactly 10 and oversold nothing,
 * and no checkout failed.
 *
 * Options (flag or environment variable):
 *   --seconds=N       BENCH_SECONDS       duration of each load scenario (30)
 *   --scenario=NAME   BENCH_SCENARIO      one of the above, or all (default)
 *   --pool=N          BENCH_POOL_SIZE     the server's DB_POOL_SIZE (20), per server process
 *   --procs=N         BENCH_PROCS         the server's WEB_CONCURRENCY (default: one per core)
 *   --keep-db         BENCH_KEEP_DB=1     keep the bench database afterwards
 *   --url=URL         BENCH_URL           load a server already running there (e.g. HAProxy of
 *                                         scripts/cluster.sh) instead of starting one; needs
 *   --database=NAME   BENCH_DATABASE      the database that server uses (checks, counters, CPU of
 *                                         its backends). Nothing is stopped or dropped; the server's
 *                                         CPU, memory and statement count are n/a (fleet.mjs has them)
 *   BENCH_SERVER_NODE_ARGS  extra node flags for the server process (e.g. "--max-semi-space-size=4")
 *   BENCH_DATABASE_URL  admin connection (default postgres://giftshop:giftshop@127.0.0.1:5432/giftshop)
 *
 * Statements per checkout come from pg_stat_statements when the extension can be created and is
 * loaded; otherwise they are reported as n/a with the reason, beside transactions per checkout
 * (pg_stat_database.xact_commit), which always works.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import { dirname, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { startCountingProxy } from './pg-count-proxy.mjs';
import { checkout, describeError, HOT_STOCK, makeScenarioWorld, makeWorld, SCENARIOS, shop } from './checkout-load.mjs';
import { floor as floorOf } from './floor.mjs';
import {
  benchLifecycle,
  borrowServer,
  cpuDelta,
  cpuSnapshot,
  describeTarget,
  processesEnv,
  serverProcesses,
  databaseUrl as databaseUrlOn,
  freePort,
  intOption,
  jsonRequest,
  log,
  option,
  percentile,
  serverTargetOptions,
  sleep,
  spawnServer,
  waitForHealth,
} from './lib.mjs';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const SERVER_ENTRY = resolve(REPO_ROOT, 'server', 'dist', 'main.js');
const SERVER_START_TIMEOUT_MS = 60_000;
const BURST_SHOPPERS = 100;
const BURST_STOCK = 10;
const ALL = [...Object.keys(SCENARIOS), 'burst', 'floor'];

const unknown = process.argv
  .slice(2)
  .filter((a) => !/^--(seconds|scenario|pool|procs|keep-db|url|database)(=.*)?$/.test(a));
if (unknown.length > 0) {
  console.error(`unknown argument(s): ${unknown.join(' ')} (see the header of e2e/bench/checkout.mjs)`);
  process.exit(2);
}
const SECONDS = intOption('seconds', 'BENCH_SECONDS', 30, 1, 3600);
const POOL_SIZE = intOption('pool', 'BENCH_POOL_SIZE', 20, 1, 200);
const SCENARIO = option('scenario', 'BENCH_SCENARIO', 'all');
if (SCENARIO !== 'all' && !ALL.includes(SCENARIO)) {
  console.error(`--scenario must be all or one of ${ALL.join(', ')}, got ${SCENARIO}`);
  process.exit(2);
}
const KEEP_DB = option('keep-db', 'BENCH_KEEP_DB', '0') !== '0';
const { url: URL_TARGET, database: TARGET_DB } = serverTargetOptions('for the checks and counters');
const ADMIN_URL = process.env.BENCH_DATABASE_URL || 'postgres://giftshop:giftshop@127.0.0.1:5432/giftshop';
const wanted = (name) => SCENARIO === 'all' || SCENARIO === name;

// ---------------------------------------------------------------------------------------------
// HTTP

/** Sockets for every request: one per shopper at most, kept alive like a browser's. */
const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });

/** One JSON request to the server on the bench's keep-alive agent (lib.mjs `jsonRequest`). */
const api = (port, method, path, options = {}) => jsonRequest(port, method, path, { agent, ...options });

/** Where checkout-load.mjs sends the load: a port on 127.0.0.1 or the `--url` target. */
const at = (target) => ({ target, agent });

// ---------------------------------------------------------------------------------------------
// Server and database

const { state, cleanup } = benchLifecycle(KEEP_DB);
const databaseUrl = (name) => databaseUrlOn(ADMIN_URL, name);

function startServer(port, dbUrl, extraEnv = {}) {
  return spawnServer({
    entry: SERVER_ENTRY,
    cwd: REPO_ROOT,
    logLines: state.serverLog,
    // BENCH_SERVER_NODE_ARGS: extra node flags for the server (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof").
    nodeArgs: (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean),
    env: {
      NODE_ENV: 'production',
      PORT: String(port),
      DATABASE_URL: dbUrl,
      DB_POOL_SIZE: String(POOL_SIZE),
      JWT_SECRET: randomBytes(30).toString('hex'),
      PAYMENT_NOTIFY_SECRET: randomBytes(16).toString('hex'),
      ALLOW_DEV_LOGIN: '1', // the shoppers log in by openId: the sandbox login
      LOG_LEVEL: 'warn',
      RATE_LIMITS: 'off', // the load comes from one address and a few users
      ...processesEnv(),
      ...extraEnv,
    },
  });
}

/** Peak and sampled resident memory of one process, from /proc/<pid>/status. */
function processMemory(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (field) => Number((status.match(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm')) ?? [])[1] ?? NaN);
    return { rssMb: kb('VmRSS') / 1024, hwmMb: kb('VmHWM') / 1024 };
  } catch {
    return { rssMb: NaN, hwmMb: NaN };
  }
}

/**
 * The largest server process's memory (the target is per process) and how many there are: with
 * WEB_CONCURRENCY > 1 the started process is a small cluster primary and the workers serve.
 */
function memory(pid) {
  const all = serverProcesses(pid).map(processMemory);
  return {
    rssMb: Math.max(...all.map((m) => m.rssMb)),
    hwmMb: Math.max(...all.map((m) => m.hwmMb)),
    processes: all.length,
  };
}

/**
 * Statements run by the bench database: the sum of pg_stat_statements calls when the extension
 * is there, and committed transactions from pg_stat_database (always there).
 */
async function dbCounters(admin, bench, benchDb, statementsOk) {
  const [{ xacts }] = (
    await admin.query('SELECT xact_commit::bigint AS xacts FROM pg_stat_database WHERE datname = $1', [benchDb])
  ).rows;
  let statements = NaN;
  if (statementsOk) {
    const [{ calls }] = await bench.query(
      `SELECT coalesce(sum(calls), 0)::bigint AS calls FROM pg_stat_statements
       WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())`,
    );
    statements = Number(calls);
  }
  return { xacts: Number(xacts), statements };
}

async function statementsAvailable(bench) {
  try {
    await bench.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements');
    await bench.query('SELECT 1 FROM pg_stat_statements LIMIT 1');
    return { ok: true };
  } catch (err) {
    return { ok: false, why: err.message };
  }
}

// ---------------------------------------------------------------------------------------------
// Worlds

async function loadScenario(ctx, name) {
  // `child` is null with --url: the server is not ours, its CPU and memory are not measured.
  const { target, child, bench } = ctx;
  const { shoppers, shops } = SCENARIOS[name];
  const t = performance.now();
  const world = await makeScenarioWorld(at(target), name);
  log(`${name}: ${shops} shop(s), ${shoppers} shoppers set up in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  await sleep(500);

  let rssMax = 0;
  const sampler = child && setInterval(() => (rssMax = Math.max(rssMax, memory(child.pid).rssMb || 0)), 200);
  const counters0 = await dbCounters(state.admin, bench, state.benchDb, ctx.statements.ok);
  const cpu0 = cpuSnapshot(child?.pid, state.benchDb);
  const { latencies, errors, wall } = await shop(at(target), world.buyers, SECONDS);
  const cpu = cpuDelta(cpu0, cpuSnapshot(child?.pid, state.benchDb));
  if (!child) cpu.server = NaN;
  const counters1 = await dbCounters(state.admin, bench, state.benchDb, ctx.statements.ok);
  if (sampler) clearInterval(sampler);
  const mem = child ? memory(child.pid) : { rssMb: NaN, hwmMb: NaN, processes: NaN };
  rssMax = child ? Math.max(rssMax, mem.rssMb || 0) : NaN;

  const n = latencies.length;
  const perCheckout = (x) => (n > 0 ? (1000 * x) / n : NaN);
  // Less the counter queries themselves (one statement, one transaction, on each side).
  const statements = ctx.statements.ok ? (counters1.statements - counters0.statements - 2) / n : NaN;
  return {
    scenario: name,
    shoppers,
    shops,
    checkouts: n,
    errors: Object.fromEntries(errors),
    errorCount: [...errors.values()].reduce((a, b) => a + b, 0),
    ordersPerSec: n / wall,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    cpuMs: {
      server: perCheckout(cpu.server),
      postgres: perCheckout(cpu.postgresBench),
      client: perCheckout(cpu.client),
    },
    machineBusyPct: cpu.machineBusyPct,
    otherCpuPct: (100 * (cpu.postgresOther + Math.max(0, cpu.rest))) / (cpu.wall * cpu.cores),
    rssMaxMb: rssMax,
    hwmMb: mem.hwmMb,
    processes: mem.processes,
    statementsPerCheckout: statements,
    xactsPerCheckout: (counters1.xacts - counters0.xacts - 2) / n,
  };
}

/**
 * Statements per checkout without pg_stat_statements: a second server process on the same
 * database, reaching PostgreSQL through a counting proxy, with its job poller off, serves a few
 * sequential checkouts after a warm-up; create and pay are counted apart.
 */
async function countStatements() {
  const pgUrl = new URL(ADMIN_URL);
  // BENCH_STATEMENT_LOG=<file>: the text of every statement of the last counted keyed checkout.
  const logFile = process.env.BENCH_STATEMENT_LOG;
  let logged = [];
  const proxy = await startCountingProxy(pgUrl.hostname, Number(pgUrl.port || 5432), {
    log: logFile ? (text) => logged.push(text.replace(/\s+/g, ' ').slice(0, 300)) : undefined,
  });
  const url = new URL(databaseUrl(state.benchDb));
  url.host = `127.0.0.1:${proxy.port}`;
  const port = await freePort();
  const child = startServer(port, url.toString(), { JOBS_POLL_MS: '0', DB_POOL_SIZE: '4' });
  try {
    await waitForHealth(port, child, SERVER_START_TIMEOUT_MS);
    const world = await makeWorld(at(port), `count_${randomBytes(3).toString('hex')}`, {
      shops: 1,
      shoppers: 1,
      stock: HOT_STOCK,
    });
    const buyer = world.buyers[0];
    const rounds = 10;
    /** Statements of `rounds` checkouts (after 2 warm-ups that fill caches), with or without keys. */
    const measure = async (withKeys) => {
      const sum = { create: 0, pay: 0, tx: 0 };
      for (let i = 0; i < rounds + 2; i++) {
        logged = [];
        const a = proxy.snapshot();
        const order = await api(port, 'POST', '/api/orders', {
          token: buyer.token,
          key: withKeys ? randomUUID() : undefined,
          body: { items: [{ skuId: buyer.skuId, quantity: 1 }], addressId: buyer.addressId, scene: 'channels_live' },
          expect: 201,
        });
        const b = proxy.snapshot();
        const key = withKeys ? randomUUID() : undefined;
        await api(port, 'POST', `/api/orders/${order.id}/pay`, { token: buyer.token, key });
        const c = proxy.snapshot();
        if (logFile && withKeys && i === rounds + 1) writeFileSync(logFile, logged.join('\n') + '\n');
        if (i < 2) continue;
        sum.create += b.statements - a.statements;
        sum.pay += c.statements - b.statements;
        sum.tx += c.txControl - a.txControl;
      }
      return { create: sum.create / rounds, pay: sum.pay / rounds, txControl: sum.tx / rounds };
    };
    const keyed = await measure(true);
    const plain = await measure(false);
    return {
      ...keyed,
      total: keyed.create + keyed.pay,
      withoutKeys: { ...plain, total: plain.create + plain.pay },
    };
  } finally {
    child.kill('SIGTERM');
    await Promise.race([child.exited, sleep(10_000)]);
    await proxy.close();
  }
}

/** 100 shoppers, one unit each, a SKU of 10, all at once: exactly 10 paid, none oversold. */
async function burst(ctx) {
  const { target, bench } = ctx;
  const world = await makeWorld(at(target), `burst_${randomBytes(3).toString('hex')}`, {
    shops: 1,
    shoppers: BURST_SHOPPERS,
    stock: BURST_STOCK,
  });
  const skuId = world.skus[0];
  const outcomes = await Promise.all(
    world.buyers.map((b) =>
      checkout(at(target), b).then(
        () => 'paid',
        (err) => describeError(err),
      ),
    ),
  );
  const tally = {};
  for (const o of outcomes) tally[o] = (tally[o] ?? 0) + 1;
  const [row] = await bench.query(
    `SELECT
       (SELECT stock FROM skus WHERE id = $1) AS stock,
       (SELECT count(DISTINCT o.id)::int FROM orders o JOIN order_items i ON i.order_id = o.id
          WHERE i.sku_id = $1 AND o.status = 'paid') AS "paidOrders",
       (SELECT coalesce(sum(i.quantity), 0)::int FROM orders o JOIN order_items i ON i.order_id = o.id
          WHERE i.sku_id = $1 AND o.status NOT IN ('cancelled', 'pending_payment')) AS "unitsSold",
       (SELECT count(*)::int FROM orders o JOIN order_items i ON i.order_id = o.id
          WHERE i.sku_id = $1) AS "ordersAll"`,
    [skuId],
  );
  const oversold = Math.max(0, row.unitsSold - BURST_STOCK) + Math.max(0, -row.stock);
  const ok =
    oversold === 0 &&
    row.paidOrders === BURST_STOCK &&
    row.stock === 0 &&
    tally.paid === BURST_STOCK &&
    tally['HTTP 409 SOLD_OUT'] === BURST_SHOPPERS - BURST_STOCK;
  return { ...row, answers: tally, oversold, ok };
}

/** The floor: checkout-floor.sql at 20 and 8 clients, each for SECONDS (3 to 15). */
const floor = () =>
  floorOf(state.admin, ADMIN_URL, 'checkout-floor.sql', { seconds: Math.max(3, Math.min(SECONDS, 15)) });

// ---------------------------------------------------------------------------------------------
// Report

const f1 = (x) => (Number.isFinite(x) ? x.toFixed(1) : 'n/a');
const f0 = (x) => (Number.isFinite(x) ? x.toFixed(0) : 'n/a');

function statementsCounted(meta) {
  const c = meta.counted;
  if (!c) return `n/a (pg_stat_statements: ${meta.statementsWhy})`;
  return (
    `${f1(c.total)} (create ${f1(c.create)} + pay ${f1(c.pay)}, of which ${f1(c.txControl)} BEGIN/COMMIT; ` +
    `without Idempotency-Keys ${f1(c.withoutKeys.total)} = ${f1(c.withoutKeys.create)} + ${f1(c.withoutKeys.pay)}; ` +
    `counted by a protocol proxy on 10 sequential checkouts, as pg_stat_statements is n/a)`
  );
}

function report(meta, loads, burstResult, floors) {
  const lines = ['', '================ checkout benchmark result ================'];
  lines.push(`machine             ${meta.cores} cores, node ${process.version}, PostgreSQL ${meta.pgVersion}`);
  lines.push(`load before run     ${meta.loadavg.map((x) => x.toFixed(2)).join(' ')} (1/5/15 min load average)`);
  lines.push(`config              ${SECONDS} s per scenario, DB_POOL_SIZE=${POOL_SIZE}, RATE_LIMITS=off, keep-alive`);
  for (const r of loads) {
    lines.push(`--- ${r.scenario}: ${r.shoppers} shoppers, ${r.shops} shop(s), hot SKU`);
    lines.push(
      `orders/s            ${f1(r.ordersPerSec)} (${r.checkouts} checkouts; errors ${r.errorCount}` +
        `${r.errorCount ? ` ${JSON.stringify(r.errors)}` : ''})`,
    );
    lines.push(`checkout latency    p50 ${f1(r.p50)} ms, p95 ${f1(r.p95)} ms, p99 ${f1(r.p99)} ms (create + pay)`);
    lines.push(
      `cpu per checkout    server node ${f1(r.cpuMs.server)} ms, postgres ${f1(r.cpuMs.postgres)} ms, ` +
        `client ${f1(r.cpuMs.client)} ms; machine ${f0(r.machineBusyPct)}% busy (others ${f0(r.otherCpuPct)}%)`,
    );
    lines.push(
      Number.isFinite(r.processes)
        ? `server RSS          max ${f0(r.rssMaxMb)} MB sampled (VmHWM since start ${f0(r.hwmMb)} MB), largest of ${r.processes} process(es)`
        : "server RSS          n/a (--url: the server is not this script's)",
    );
    lines.push(
      `statements/checkout ${
        Number.isFinite(r.statementsPerCheckout) ? f1(r.statementsPerCheckout) : statementsCounted(meta)
      }; transactions/checkout ${f1(r.xactsPerCheckout)} (pg_stat_database)`,
    );
  }
  if (burstResult) {
    const b = burstResult;
    lines.push(`--- burst: ${BURST_SHOPPERS} shoppers at once, 1 unit each, stock ${BURST_STOCK}`);
    lines.push(`answers             ${JSON.stringify(b.answers)}`);
    lines.push(
      `db checks           paid orders ${b.paidOrders} (must be ${BURST_STOCK}), units sold ${b.unitsSold}, ` +
        `stock left ${b.stock} (must be 0), oversold ${b.oversold} (must be 0), orders of the SKU ${b.ordersAll}`,
    );
  }
  if (floors) {
    lines.push('--- floor: pgbench -M prepared, ../shared/bench/checkout-floor.sql (PostgreSQL alone)');
    for (const fl of floors) {
      lines.push(
        `floor ${String(fl.clients).padStart(2)} clients     ${f0(fl.tps)} checkouts/s, latency avg ${f1(fl.latencyMs)} ms; ` +
          `machine ${f0(fl.machineBusyPct)}% busy, postgres (floor db) ${f0(fl.postgresPct)}%, ` +
          `other postgres ${f0(fl.othersPct)}% of the cores (pgbench itself is the rest)`,
      );
    }
  }
  const hot20 = loads.find((r) => r.scenario === 'hot20');
  const floor20 = floors?.find((fl) => fl.clients === 20);
  if (hot20) {
    lines.push(
      `target (hot20)      >= 350 orders/s and p99 < 250 ms: ` +
        `${hot20.ordersPerSec >= 350 && hot20.p99 < 250 ? 'MET' : 'NOT MET'}` +
        `${floor20 ? ` (${f0((100 * hot20.ordersPerSec) / floor20.tps)}% of the 20-client floor)` : ''}`,
    );
  }
  lines.push(`verdict             ${meta.failures.length ? `FAIL: ${meta.failures.join('; ')}` : 'PASS'}`);
  lines.push('===========================================================');
  console.log(lines.join('\n'));
  const round = (o) => JSON.parse(JSON.stringify(o, (_, v) => (typeof v === 'number' ? +v.toFixed(2) : v)));
  console.log(
    `json: ${JSON.stringify(round({ seconds: SECONDS, poolSize: POOL_SIZE, loads, statementsCounted: meta.counted ?? null, burst: burstResult, floors }))}`,
  );
}

// ---------------------------------------------------------------------------------------------
// The run

async function main() {
  state.admin = new pg.Client({ connectionString: ADMIN_URL });
  try {
    await state.admin.connect();
  } catch (err) {
    throw new Error(`cannot reach PostgreSQL at ${ADMIN_URL}: ${err.message}`);
  }
  const meta = { cores: os.availableParallelism(), loadavg: os.loadavg(), failures: [] };
  [{ server_version: meta.pgVersion }] = (await state.admin.query('SHOW server_version')).rows;

  // The floor first, on an idle machine, in its own database.
  const floors = wanted('floor') ? await floor() : null;
  if (floors) log(`floor: ${floors.map((fl) => `${f0(fl.tps)}/s at ${fl.clients} clients`).join(', ')}`);
  const loads = [];
  let burstResult = null;
  if (Object.keys(SCENARIOS).some(wanted) || wanted('burst')) {
    let target;
    let child = null;
    if (URL_TARGET) {
      // Someone else's server and database: loaded and checked, never stopped or dropped.
      target = await borrowServer(state, URL_TARGET, TARGET_DB, agent);
    } else {
      state.benchDb = `giftshop_bench_${randomBytes(4).toString('hex')}`;
      await state.admin.query(`CREATE DATABASE ${state.benchDb}`);
      target = await freePort();
      child = startServer(target, databaseUrl(state.benchDb));
      state.server = child;
      const health = await waitForHealth(target, child, SERVER_START_TIMEOUT_MS);
      log(
        `server pid ${child.pid} on ${describeTarget(target)} (${health.database} ${health.version}), database ${state.benchDb}`,
      );
    }
    const client = new pg.Client({ connectionString: databaseUrl(state.benchDb) });
    await client.connect();
    const bench = { query: async (sql, params) => (await client.query(sql, params)).rows };
    try {
      const statements = await statementsAvailable(bench);
      meta.statementsWhy = statements.why;
      if (!statements.ok) log(`statements per checkout: n/a (${statements.why})`);
      const ctx = { target, child, bench, statements };
      for (const name of Object.keys(SCENARIOS).filter(wanted)) {
        const r = await loadScenario(ctx, name);
        log(`${name}: ${f1(r.ordersPerSec)} orders/s, p99 ${f1(r.p99)} ms, errors ${r.errorCount}`);
        if (r.errorCount > 0) meta.failures.push(`${name}: ${r.errorCount} checkouts failed`);
        if (r.checkouts === 0) meta.failures.push(`${name}: no checkout succeeded`);
        loads.push(r);
      }
      if (!statements.ok && loads.length > 0 && !URL_TARGET) {
        meta.counted = await countStatements();
        log(`statements (counting proxy): ${JSON.stringify(meta.counted)}`);
      }
      if (wanted('burst')) {
        burstResult = await burst(ctx);
        log(`burst: ${JSON.stringify(burstResult)}`);
        if (!burstResult.ok)
          meta.failures.push(`burst: oversold ${burstResult.oversold}, paid ${burstResult.paidOrders}`);
      }
    } finally {
      await client.end().catch(() => {});
    }
  }
  report(meta, loads, burstResult, floors);
  return meta.failures.length ? 1 : 0;
}

let exitCode = 1;
try {
  exitCode = await main();
} catch (err) {
  if (state.interrupted) await cleanup();
  console.error(`\ncheckout benchmark FAILED: ${err instanceof Error ? err.message : String(err)}`);
  if (state.serverLog.length) console.error(`--- last server output ---\n${state.serverLog.slice(-40).join('\n')}`);
  exitCode = 1;
} finally {
  await cleanup();
  agent.destroy();
}
process.exit(state.interrupted ? 130 : exitCode);
