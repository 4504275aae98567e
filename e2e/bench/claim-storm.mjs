#!/usr/bin/env node
/**
 * Benchmark: 2,000 concurrent claimers on a 500-unit first-come group gift, against PostgreSQL.
 *
 *   npm run bench:claim-storm                       # builds the server, then runs this script
 *   node e2e/bench/claim-storm.mjs --pool=20        # against an existing build
 *
 * A script, not a timed test. It creates a throwaway database on the local PostgreSQL server,
 * starts the BUILT server (server/dist/main.js) on it as a separate process, sets the world up
 * through the API (plus a little SQL where the API has no route, see docs/BENCHMARKS.md), fires
 * every claim at once, checks the database afterwards, prints one result block, then stops the
 * server and drops the database. Exit code 0 only when exactly `units` claims were accepted,
 * nothing was oversold and every answer was a 200 or a 409 ALL_CLAIMED.
 *
 * Options (flag or environment variable):
 *   --claimers=N      BENCH_CLAIMERS      claimers in the storm (2000)
 *   --units=N         BENCH_UNITS         units of the gift (500; the API creates 100, SQL adds the rest)
 *   --pool=N          BENCH_POOL_SIZE     the server's DB_POOL_SIZE (20; 10 measured no better)
 *   --procs=N         BENCH_PROCS         the server's WEB_CONCURRENCY (default: one per core)
 *   --concurrency=N   BENCH_CONCURRENCY   diagnostic: cap requests in flight (default: all at once)
 *   --profile         BENCH_PROFILE=1     sample pg_stat_activity during the storm (where time goes)
 *   --keep-db         BENCH_KEEP_DB=1     keep the bench database afterwards (for EXPLAIN ANALYZE)
 *   --url=URL         BENCH_URL           storm a server already running there (e.g. HAProxy of
 *                                         scripts/cluster.sh) instead of starting one; needs
 *   --database=NAME   BENCH_DATABASE      the database that server uses, migrated and demo-seeded
 *                                         (SEED_DEMO=1) and not stormed before. Nothing is stopped
 *                                         or dropped; the server's CPU is n/a (fleet.mjs has it)
 *   BENCH_DATABASE_URL  admin connection (default postgres://giftshop:giftshop@127.0.0.1:5432/giftshop)
 *   BENCH_SERVER_NODE_ARGS  extra node flags for the server process (e.g. "--prof"), for diagnosis
 *
 * Only Node 20 built-ins plus `pg`. All traffic goes to 127.0.0.1.
 */
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import { dirname, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { assess, claimWorld, readyGift, SETUP_CONCURRENCY, storm, verify } from './claim-load.mjs';
import {
  benchLifecycle,
  borrowServer,
  cpuDelta,
  cpuSnapshot,
  describeTarget,
  processesEnv,
  databaseUrl as databaseUrlOn,
  freePort,
  intOption,
  log,
  option,
  percentile,
  serverTargetOptions,
  sleep,
  spawnServer,
  startActivitySampler,
  waitForHealth,
  withDeadline,
} from './lib.mjs';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const SERVER_ENTRY = resolve(REPO_ROOT, 'server', 'dist', 'main.js');
const SETUP_TIMEOUT_MS = 5 * 60_000;
const STORM_TIMEOUT_MS = 2 * 60_000;
const SERVER_START_TIMEOUT_MS = 60_000;

const unknown = process.argv
  .slice(2)
  .filter((a) => !/^--(claimers|units|pool|procs|concurrency|profile|keep-db|url|database)(=.*)?$/.test(a));
if (unknown.length > 0) {
  console.error(`unknown argument(s): ${unknown.join(' ')} (see the header of e2e/bench/claim-storm.mjs)`);
  process.exit(2);
}

const CLAIMERS = intOption('claimers', 'BENCH_CLAIMERS', 2000, 1, 20_000);
const UNITS = intOption('units', 'BENCH_UNITS', 500, 2, 10_000);
const POOL_SIZE = intOption('pool', 'BENCH_POOL_SIZE', 20, 1, 200);
const CONCURRENCY = intOption('concurrency', 'BENCH_CONCURRENCY', CLAIMERS, 1, CLAIMERS);
const PROFILE = option('profile', 'BENCH_PROFILE', '0') !== '0';
const KEEP_DB = option('keep-db', 'BENCH_KEEP_DB', '0') !== '0';
const { url: URL_TARGET, database: TARGET_DB } = serverTargetOptions('for the setup SQL and the checks');
const ADMIN_URL = process.env.BENCH_DATABASE_URL || 'postgres://giftshop:giftshop@127.0.0.1:5432/giftshop';

// ---------------------------------------------------------------------------------------------
// HTTP

const setupAgent = new http.Agent({ keepAlive: true, maxSockets: SETUP_CONCURRENCY });

// ---------------------------------------------------------------------------------------------
// The run

const { state, cleanup } = benchLifecycle(KEEP_DB);
const databaseUrl = (name) => databaseUrlOn(ADMIN_URL, name);

function startServer(port, dbUrl) {
  const child = spawnServer({
    entry: SERVER_ENTRY,
    cwd: REPO_ROOT,
    logLines: state.serverLog,
    nodeArgs: (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean),
    env: {
      NODE_ENV: 'production',
      PORT: String(port),
      DATABASE_URL: dbUrl,
      DB_POOL_SIZE: String(POOL_SIZE),
      JWT_SECRET: randomBytes(30).toString('hex'), // 60 characters
      PAYMENT_NOTIFY_SECRET: randomBytes(16).toString('hex'),
      // The bench logs 2,000 users in by openId: the sandbox login, off in production unless allowed.
      ALLOW_DEV_LOGIN: '1',
      SEED_DEMO: '1',
      LOG_LEVEL: 'warn',
      JOBS_POLL_MS: '0',
      RATE_LIMITS: 'off', // the load comes from one address and a few users
      ...processesEnv(),
    },
  });
  state.server = child;
  state.serverStartedAt = performance.now();
  return child;
}

/** Everything before the storm: users, friendships, the group, the 500-unit paid gift. */
async function setup(target, bench) {
  const c = { target, agent: setupAgent };
  const world = await claimWorld(c, bench, CLAIMERS);
  const { gift, sku } = await readyGift(c, bench, world, UNITS);
  return { gift, sku, alice: world.alice, claimers: world.claimers };
}

async function main() {
  const runStarted = performance.now();
  log(
    `claim storm: ${CLAIMERS} claimers, ${UNITS} units, DB_POOL_SIZE=${POOL_SIZE}, ` +
      `${CONCURRENCY >= CLAIMERS ? 'all at once' : `at most ${CONCURRENCY} in flight`}`,
  );

  state.admin = new pg.Client({ connectionString: ADMIN_URL });
  try {
    await state.admin.connect();
  } catch (err) {
    throw new Error(`cannot reach PostgreSQL at ${ADMIN_URL} (run bash scripts/postgres.sh): ${err.message}`);
  }
  const [{ server_version: pgVersion }] = (await state.admin.query('SHOW server_version')).rows;
  let target;
  let child = null;
  if (URL_TARGET) {
    // Someone else's server and database (migrated, demo-seeded, no storm yet): never stopped or dropped.
    target = await borrowServer(state, URL_TARGET, TARGET_DB, setupAgent);
  } else {
    state.benchDb = `giftshop_bench_${randomBytes(4).toString('hex')}`;
    await state.admin.query(`CREATE DATABASE ${state.benchDb}`);
    log(`created database ${state.benchDb} on PostgreSQL ${pgVersion}`);
    target = await freePort();
    child = startServer(target, databaseUrl(state.benchDb));
    const health = await withDeadline(
      waitForHealth(target, child, SERVER_START_TIMEOUT_MS),
      SERVER_START_TIMEOUT_MS + 5000,
      'server start',
    );
    log(
      `server pid ${child.pid} on ${describeTarget(target)} (${health.database} ${health.version}, migrated and seeded)`,
    );
  }

  // One connection for the setup SQL and the checks (a Client, so BEGIN/COMMIT share it).
  const client = new pg.Client({ connectionString: databaseUrl(state.benchDb) });
  await client.connect();
  const bench = {
    query: async (sql, params) => (await client.query(sql, params)).rows,
    exec: (sql, params) => client.query(sql, params),
  };
  try {
    const setupStarted = performance.now();
    const world = await withDeadline(setup(target, bench), SETUP_TIMEOUT_MS, 'setup');
    log(`setup done in ${((performance.now() - setupStarted) / 1000).toFixed(1)} s`);
    const [{ stock: stockBefore }] = await bench.query('SELECT stock FROM skus WHERE id = $1', [world.sku.id]);
    setupAgent.destroy();
    await sleep(500); // let the setup traffic settle

    log(`storm: ${CLAIMERS} x POST /api/gifts/${world.gift.id}/claim`);
    const stopSampler = PROFILE ? startActivitySampler(state.admin, state.benchDb) : null;
    const cpuBefore = cpuSnapshot(child?.pid, state.benchDb);
    const stormFrom = performance.now() - state.serverStartedAt;
    const { results, wallMs } = await withDeadline(
      storm(target, world.gift.id, world.claimers, { concurrency: CONCURRENCY, timeoutMs: STORM_TIMEOUT_MS }),
      STORM_TIMEOUT_MS + 5000,
      'storm',
    );
    const cpu = cpuDelta(cpuBefore, cpuSnapshot(child?.pid, state.benchDb));
    // With --url the server is not ours: its CPU is not measured (fleet.mjs measures a fleet's).
    if (!child) cpu.server = cpu.serverSys = NaN;
    const activity = stopSampler ? await stopSampler() : null;
    if (process.env.BENCH_SERVER_NODE_ARGS) {
      const to = performance.now() - state.serverStartedAt;
      log(`storm window: ${stormFrom.toFixed(0)}..${to.toFixed(0)} ms after the server process started`);
    }

    const v = await verify(bench, world.gift.id, world.sku.id, stockBefore, results);
    const { accepted, rejected, other409, errors, errorKinds, failures } = assess(results, v, {
      units: UNITS,
      giftId: world.gift.id,
    });

    const lat = results.map((r) => r.ms).sort((a, b) => a - b);
    const accLat = accepted.map((r) => r.ms).sort((a, b) => a - b);
    const secs = wallMs / 1000;
    const fmt = (ms) => `${ms.toFixed(1)} ms`;

    const span = (rs) => {
      if (rs.length === 0) return 'none';
      const at = rs.map((r) => r.doneAt).sort((a, b) => a - b);
      return `${at[0].toFixed(0)}..${at.at(-1).toFixed(0)} (median ${percentile(at, 50).toFixed(0)})`;
    };

    const pct = (x) =>
      !Number.isFinite(x)
        ? 'n/a (--url)'
        : `${x.toFixed(1)} cpu-s (${((100 * x) / (cpu.wall * cpu.cores)).toFixed(0)}% of ${cpu.cores} cores)`;
    const lines = [
      '',
      '================ claim storm result ================',
      `machine             ${cpu.cores} cores, node ${process.version}, PostgreSQL ${pgVersion}`,
      `config              ${CLAIMERS} claimers, ${UNITS} units, DB_POOL_SIZE=${POOL_SIZE}, ` +
        `${CONCURRENCY >= CLAIMERS ? 'all requests at once' : `max ${CONCURRENCY} in flight`}, keep-alive agent`,
      `accepted (200)      ${accepted.length}   (must be ${UNITS})`,
      `rejected (409 ALL_CLAIMED) ${rejected}`,
      `other 409           ${other409.length ? JSON.stringify(Object.fromEntries(other409)) : 0}`,
      `errors              ${errors.length}${errors.length ? ` ${JSON.stringify(Object.fromEntries(errorKinds))}` : ''}`,
      `oversold            ${v.oversold}   (must be 0; claims ${v.claims}, units ${v.units}, units claimed ${v.unitsClaimed})`,
      `db checks           recipients twice ${v.duplicateRecipients}, claims without unit ${v.claimsWithoutUnit}, ` +
        `skus with negative stock ${v.negativeStockSkus}, gift SKU stock ${v.stockBefore} -> ${v.stockAfter}, gift status ${v.giftStatus}`,
      `wall time           ${secs.toFixed(3)} s (first request sent -> last answer)`,
      `claims/s            ${(results.length / secs).toFixed(0)} requests/s (all ${results.length} claim requests / wall time)`,
      `accepted/s          ${(accepted.length / secs).toFixed(0)} (accepted claims / wall time)`,
      `latency (all)       p50 ${fmt(percentile(lat, 50))}, p95 ${fmt(percentile(lat, 95))}, ` +
        `p99 ${fmt(percentile(lat, 99))}, max ${fmt(lat.at(-1))}`,
      `latency (accepted)  p50 ${fmt(percentile(accLat, 50))}, p99 ${fmt(percentile(accLat, 99))}, max ${fmt(accLat.at(-1) ?? NaN)}`,
      `answered at         200s ${span(accepted)}; 409s ${span(results.filter((r) => r.status === 409))} (ms after the first request)`,
      `cpu during storm    machine ${cpu.machineBusyPct.toFixed(0)}% busy; server node ${pct(cpu.server)}${child ? ` [${cpu.serverSys.toFixed(1)} s in the kernel]` : ''}; ` +
        `postgres (bench db) ${pct(cpu.postgresBench)}; postgres (other) ${pct(cpu.postgresOther)}; ` +
        `bench client ${pct(cpu.client)}; irq/softirq ${pct(cpu.irq)}; steal ${pct(cpu.steal)}; ` +
        `everything else ${pct(Math.max(0, cpu.rest))}`,
    ];
    if (activity) {
      const top = [...activity.counts].sort((a, b) => b[1] - a[1]).slice(0, 8);
      lines.push(
        `pg backends (avg)   over ${activity.samples} samples: ` +
          top.map(([k, n]) => `${k} ${(n / Math.max(1, activity.samples)).toFixed(1)}`).join('; '),
      );
    }
    // Issue 14's targets: >= 1,500 claims/s for the storm; p95 < 150 ms with 100 claims in flight.
    const goal =
      CONCURRENCY >= CLAIMERS
        ? `>= 1,500 claims/s: ${results.length / secs >= 1500 ? 'MET' : 'NOT MET'}`
        : CONCURRENCY === 100
          ? `p95 < 150 ms with 100 in flight: ${percentile(lat, 95) < 150 ? 'MET' : 'NOT MET'}`
          : 'none for this concurrency';
    lines.push(
      `target              ${goal}`,
      `verdict             ${failures.length ? `FAIL: ${failures.join('; ')}` : 'PASS (correctness)'}`,
      `run total           ${((performance.now() - runStarted) / 1000).toFixed(1)} s`,
      '====================================================',
    );
    console.log(lines.join('\n'));
    console.log(
      `json: ${JSON.stringify({
        claimers: CLAIMERS,
        units: UNITS,
        poolSize: POOL_SIZE,
        concurrency: CONCURRENCY,
        accepted: accepted.length,
        rejected,
        other409: Object.fromEntries(other409),
        errors: errors.length,
        oversold: v.oversold,
        wallMs: Math.round(wallMs),
        requestsPerSec: Math.round(results.length / secs),
        acceptedPerSec: Math.round(accepted.length / secs),
        p50: +percentile(lat, 50).toFixed(1),
        p95: +percentile(lat, 95).toFixed(1),
        p99: +percentile(lat, 99).toFixed(1),
        max: +lat.at(-1).toFixed(1),
        cpu: Object.fromEntries(Object.entries(cpu).map(([k, x]) => [k, +x.toFixed(2)])),
      })}`,
    );
    if (failures.length && errors.length) {
      console.log(
        'first errors:',
        errors.slice(0, 5).map((e) => `${e.status} ${e.error ?? e.text.slice(0, 200)}`),
      );
    }
    return failures.length ? 1 : 0;
  } finally {
    await client.end().catch(() => {});
  }
}

let exitCode = 1;
try {
  exitCode = await main();
} catch (err) {
  if (state.interrupted) await cleanup(); // the signal handler exits with 130
  console.error(`\nclaim storm FAILED: ${err instanceof Error ? err.message : String(err)}`);
  if (state.serverLog.length) console.error(`--- last server output ---\n${state.serverLog.slice(-40).join('\n')}`);
  exitCode = 1;
} finally {
  await cleanup();
}
process.exit(state.interrupted ? 130 : exitCode);
