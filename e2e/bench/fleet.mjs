#!/usr/bin/env node
/**
 * Benchmark: the shop direct and as a fleet (issue 18), in ONE run on this machine.
 *
 *   npm run bench:fleet                             # builds the server, then runs this script
 *   node e2e/bench/fleet.mjs --seconds=5 --floor-seconds=3 --apps=1,3   # a short trial
 *
 * What it measures, each setting in turn on one bench database:
 *   direct      one server process (WEB_CONCURRENCY=1) the script starts, DATABASE_URL straight to
 *               PostgreSQL, prepared statements on: the shop as checkout.mjs and claim-storm.mjs run it
 *   fleet of N  scripts/cluster.sh with N app processes: HAProxy → N app processes → PgBouncer
 *               (transaction pooling) → PostgreSQL, DB_PREPARED_STATEMENTS=false; N from --apps
 *               (1, 2, 3), the processes added one setting after the other
 * and in each setting:
 *   hot20       orders/s of 20 shoppers looping create + pay on one hot SKU (checkout.mjs's hot20)
 *   spread100   orders/s of 100 shoppers, each on the hot SKU of its own shop (checkout.mjs's spread100)
 *   storm       claims/s of 2,000 claimers all at once on a paid 500-unit first-come gift
 *               (claim-storm.mjs's storm), with its checks: exactly 500 accepted, none oversold
 * plus, first, on an idle machine, the database's floors: pgbench with ../shared/bench's
 * checkout-floor.sql and claim-floor.sql at 20 and 8 clients. CPU per checkout and per claim is
 * split by process group from /proc: HAProxy, the app processes, PgBouncer, PostgreSQL (the bench
 * database's backends; the rest of PostgreSQL apart), this script (the load generator), and what
 * else the machine did. The result ends with markdown tables for docs/BENCHMARKS.md.
 *
 * How the run differs from the two scripts it borrows from, so the settings compare: the claim
 * world (2,000 claimers, their friendships, the group) is made once, through the direct server,
 * and each setting storms a gift of its own; the fleet's app processes share the direct server's
 * JWT_SECRET (written to CLUSTER_DIR/secrets before cluster.sh starts) so those logins stay valid;
 * every setting gets --warmup seconds of hot20 checkouts before it is measured; the job poller
 * runs at its default in every process (JOBS_POLL_MS=0 in the environment turns it off everywhere).
 * The replica is not in the measured path: cluster.sh is asked for none (CLUSTER_REPLICA=0) unless
 * --replica. The cluster has its own CLUSTER_DIR (a temporary directory), free ports and the bench
 * database; it is stopped, its directory removed and the database dropped whatever ends the script.
 *
 * Options (flag or environment variable):
 *   --seconds=N        BENCH_SECONDS         each checkout scenario's duration, per setting (20)
 *   --warmup=N         BENCH_WARMUP          seconds of hot20 before each setting is measured (3; 0: none)
 *   --floor-seconds=N  BENCH_FLOOR_SECONDS   each pgbench run (10; 0 skips the floors; else 3 to 60)
 *   --apps=LIST        BENCH_APPS            fleet sizes, ascending, comma-separated (1,2,3; each 1 to 8)
 *   --claimers=N       BENCH_CLAIMERS        claimers in each storm (2000)
 *   --units=N          BENCH_UNITS           units of each storm's gift (500)
 *   --pool=N           BENCH_POOL_SIZE       each app process's DB_POOL_SIZE (20)
 *   --replica          BENCH_REPLICA=1       let cluster.sh make its streaming replica too
 *   --keep-db          BENCH_KEEP_DB=1       keep the bench database afterwards
 *   --decompose        BENCH_DECOMPOSE=1     two more settings that split the fleet's cost: the direct
 *                                            process with DB_PREPARED_STATEMENTS=false, and the fleet
 *                                            of 1 loaded at its app port (PgBouncer, no HAProxy)
 *   BENCH_DATABASE_URL  admin connection (default postgres://giftshop:giftshop@127.0.0.1:5432/giftshop)
 *   CLUSTER_BOUNCER_POOL and the app processes' extra environment pass through to cluster.sh.
 * The defaults are meant to keep a run under 10 minutes (four settings of 3 + 2 × 20 s and a storm,
 * 40 s of floors, the setup). Exit code 0 only when every storm was correct and no checkout failed.
 */
import { execFile, execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { makeScenarioWorld, shop } from './checkout-load.mjs';
import { assess, claimWorld, readyGift, storm, stormLatency, verify } from './claim-load.mjs';
import { floor } from './floor.mjs';
import {
  benchLifecycle,
  cpuGroupsDelta,
  cpuGroupsSnapshot,
  databaseUrl as databaseUrlOn,
  describeTarget,
  freePort,
  HOST,
  intOption,
  log,
  option,
  percentile,
  procTicks,
  sleep,
  spawnServer,
  waitForHealth,
  withDeadline,
} from './lib.mjs';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const SERVER_ENTRY = resolve(REPO_ROOT, 'server', 'dist', 'main.js');
const CLUSTER_SH = resolve(REPO_ROOT, 'scripts', 'cluster.sh');
const SERVER_START_TIMEOUT_MS = 60_000;
const CLUSTER_TIMEOUT_MS = 5 * 60_000;
const SETUP_TIMEOUT_MS = 5 * 60_000;
const STORM_TIMEOUT_MS = 2 * 60_000;
const LOADS = ['hot20', 'spread100'];

// ---------------------------------------------------------------------------------------------
// Options

const FLAGS = [
  'seconds',
  'warmup',
  'floor-seconds',
  'apps',
  'claimers',
  'units',
  'pool',
  'replica',
  'keep-db',
  'decompose',
];
const unknown = process.argv.slice(2).filter((a) => !FLAGS.some((f) => a === `--${f}` || a.startsWith(`--${f}=`)));
if (unknown.length > 0) {
  console.error(`unknown argument(s): ${unknown.join(' ')} (see the header of e2e/bench/fleet.mjs)`);
  process.exit(2);
}
const SECONDS = intOption('seconds', 'BENCH_SECONDS', 20, 1, 600);
const WARMUP = intOption('warmup', 'BENCH_WARMUP', 3, 0, 60);
const FLOOR_SECONDS = intOption('floor-seconds', 'BENCH_FLOOR_SECONDS', 10, 0, 60);
if (FLOOR_SECONDS > 0 && FLOOR_SECONDS < 3) {
  console.error(`--floor-seconds (BENCH_FLOOR_SECONDS) must be 0 (no floors) or from 3 to 60, got ${FLOOR_SECONDS}`);
  process.exit(2);
}
const APPS = appsOption();
const CLAIMERS = intOption('claimers', 'BENCH_CLAIMERS', 2000, 1, 20_000);
const UNITS = intOption('units', 'BENCH_UNITS', 500, 2, 10_000);
if (UNITS > CLAIMERS) {
  console.error(`--units (BENCH_UNITS) must not exceed --claimers (BENCH_CLAIMERS): ${UNITS} > ${CLAIMERS}`);
  process.exit(2);
}
const POOL_SIZE = intOption('pool', 'BENCH_POOL_SIZE', 20, 1, 200);
const REPLICA = option('replica', 'BENCH_REPLICA', '0') !== '0';
const KEEP_DB = option('keep-db', 'BENCH_KEEP_DB', '0') !== '0';
const DECOMPOSE = option('decompose', 'BENCH_DECOMPOSE', '0') !== '0';
const ADMIN_URL = process.env.BENCH_DATABASE_URL || 'postgres://giftshop:giftshop@127.0.0.1:5432/giftshop';

/** `--apps=1,2,3`: distinct fleet sizes from 1 to 8, ascending (each setting adds processes). */
function appsOption() {
  const raw = option('apps', 'BENCH_APPS', '1,2,3');
  const parts = raw.split(',').map((x) => x.trim());
  const sizes = parts.map(Number);
  const ok =
    parts.every((x) => /^\d+$/.test(x)) &&
    sizes.every((n) => n >= 1 && n <= 8) &&
    sizes.every((n, i) => i === 0 || n > sizes[i - 1]);
  if (!ok) {
    console.error(
      `--apps (BENCH_APPS) must be ascending fleet sizes from 1 to 8 separated by commas, e.g. 1,2,3; got ${raw}`,
    );
    process.exit(2);
  }
  return sizes;
}

// ---------------------------------------------------------------------------------------------
// Processes: the direct server, the cluster

const { state, stopServer, cleanup } = benchLifecycle(KEEP_DB);
const databaseUrl = (name) => databaseUrlOn(ADMIN_URL, name);
const secrets = {
  JWT_SECRET: randomBytes(30).toString('hex'),
  PAYMENT_NOTIFY_SECRET: randomBytes(16).toString('hex'),
};
/** What every app process runs with, direct or in the fleet (cluster.sh passes it on). */
const appEnv = {
  NODE_ENV: 'production',
  DB_POOL_SIZE: String(POOL_SIZE),
  ALLOW_DEV_LOGIN: '1', // shoppers and claimers log in by openId: the sandbox login
  SEED_DEMO: '1', // the storm's gift is the demo seed's 花果茶组合
  LOG_LEVEL: 'warn',
  RATE_LIMITS: 'off', // the load comes from one address and a few users
  ...(process.env.JOBS_POLL_MS ? { JOBS_POLL_MS: process.env.JOBS_POLL_MS } : {}),
};

function startDirect(port, extraEnv = {}) {
  const child = spawnServer({
    entry: SERVER_ENTRY,
    cwd: REPO_ROOT,
    logLines: state.serverLog,
    env: {
      ...appEnv,
      ...secrets,
      PORT: String(port),
      DATABASE_URL: databaseUrl(state.benchDb),
      WEB_CONCURRENCY: '1',
      ...extraEnv,
    },
  });
  state.server = child;
  return child;
}

/** The cluster's directory, ports and how to run cluster.sh on them. */
const cluster = {
  dir: null,
  ports: null,
  running: false,
  env(apps) {
    return {
      ...process.env,
      ...appEnv,
      CLUSTER_DIR: this.dir,
      CLUSTER_PORT: String(this.ports.lb),
      CLUSTER_APP_PORTS: this.ports.apps.slice(0, apps).join(' '),
      CLUSTER_BOUNCER_PORT: String(this.ports.bouncer),
      CLUSTER_REPLICA_PORT: String(this.ports.replica),
      CLUSTER_DATABASE: state.benchDb,
      CLUSTER_REPLICA: REPLICA ? '1' : '0',
    };
  },
  pid(file) {
    try {
      const pid = Number(readFileSync(join(this.dir, file), 'utf8').trim());
      return Number.isInteger(pid) && pid > 0 ? [pid] : [];
    } catch {
      return [];
    }
  },
};

async function prepareCluster() {
  const ports = [];
  while (ports.length < 3 + APPS.at(-1)) {
    const p = await freePort();
    if (!ports.includes(p)) ports.push(p);
  }
  cluster.ports = { lb: ports[0], bouncer: ports[1], replica: ports[2], apps: ports.slice(3) };
  cluster.dir = mkdtempSync(join(os.tmpdir(), 'giftshop-fleet-'));
  chmodSync(cluster.dir, 0o777);
  // cluster.sh keeps the fleet's secrets here and makes them only when missing: the fleet signs
  // with the direct server's JWT_SECRET, so the claimers' tokens hold in every setting.
  writeFileSync(
    join(cluster.dir, 'secrets'),
    `JWT_SECRET=${secrets.JWT_SECRET}\nPAYMENT_NOTIFY_SECRET=${secrets.PAYMENT_NOTIFY_SECRET}\n`,
    { mode: 0o600 },
  );
  state.atCleanup.push(stopCluster);
  // A crash that skips the clean-up still stops the cluster (best effort, synchronously).
  process.on('exit', () => {
    if (!cluster.running) return;
    try {
      execFileSync('bash', [CLUSTER_SH, 'stop'], { env: cluster.env(APPS.at(-1)), stdio: 'ignore', timeout: 30_000 });
    } catch {
      // nothing more to do on the way out
    }
  });
}

function runCluster(command, apps) {
  return new Promise((res, rej) => {
    execFile(
      'bash',
      [CLUSTER_SH, command],
      { env: cluster.env(apps), cwd: REPO_ROOT, timeout: CLUSTER_TIMEOUT_MS, maxBuffer: 4 << 20 },
      (err, stdout, stderr) => {
        if (!err) return res(stdout);
        const tail = (file) => {
          try {
            return `--- ${file} ---\n${readFileSync(join(cluster.dir, file), 'utf8').split('\n').slice(-20).join('\n')}`;
          } catch {
            return '';
          }
        };
        const logs = cluster.ports.apps.slice(0, apps).map((p) => tail(`app-${p}.log`));
        rej(new Error(`cluster.sh ${command}: ${stderr || err.message}\n${stdout}\n${logs.join('\n')}`));
      },
    );
  });
}

async function startCluster(apps) {
  cluster.running = true;
  const out = await runCluster('start', apps);
  log(`cluster.sh start (${apps} app process${apps > 1 ? 'es' : ''}): ${out.trim().split('\n').join(' / ')}`);
  // HAProxy checks each process every 500 ms: let a reloaded HAProxy see every one of them up.
  await sleep(1500);
}

async function stopCluster() {
  if (!cluster.dir) return;
  if (cluster.running) {
    await runCluster('stop', APPS.at(-1)).catch((e) => console.error(`stopping the cluster: ${e.message}`));
    cluster.running = false;
  }
  rmSync(cluster.dir, { recursive: true, force: true });
  cluster.dir = null;
}

// ---------------------------------------------------------------------------------------------
// One setting: hot20, spread100 and a storm, each with its CPU by process group

const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });

/** cpu-s of each app process since `before` (ticks by pid), as shares of their sum. */
function appShares(appPids, before) {
  const gained = appPids().map((pid) => procTicks(pid) - (before.get(pid) ?? 0));
  const sum = gained.reduce((a, b) => a + b, 0);
  return gained.map((x) => (sum > 0 ? Math.round((100 * x) / sum) : NaN));
}
const appTicks = (appPids) => new Map(appPids().map((pid) => [pid, procTicks(pid)]));
const sharesText = (shares) => `app processes' shares of their CPU ${shares.map((x) => `${x}%`).join(' · ')}`;

async function measureSetting(setting, target, { groups, appPids }, bench, world) {
  const c = { target, agent };
  const out = {
    setting: setting.name,
    ...(setting.label ? { label: setting.label } : {}),
    direct: setting.direct,
    apps: setting.apps,
    loads: {},
    storm: null,
    failures: [],
  };
  for (const name of LOADS) {
    const t = performance.now();
    const shoppers = await makeScenarioWorld(c, name);
    log(`${setting.name} ${name}: world set up in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    if (name === LOADS[0] && WARMUP > 0) {
      const warm = await shop(c, shoppers.buyers, WARMUP);
      log(`${setting.name}: warmed up with ${warm.latencies.length} checkouts in ${WARMUP} s`);
    }
    await sleep(500);
    const apps0 = appTicks(appPids);
    const cpu0 = cpuGroupsSnapshot(groups, state.benchDb);
    const { latencies, errors, wall } = await shop(c, shoppers.buyers, SECONDS);
    const cpu = cpuGroupsDelta(cpu0, cpuGroupsSnapshot(groups, state.benchDb));
    const shares = appShares(appPids, apps0);
    const n = latencies.length;
    const errorCount = [...errors.values()].reduce((a, b) => a + b, 0);
    if (errorCount > 0)
      out.failures.push(
        `${setting.name} ${name}: ${errorCount} checkouts failed ${JSON.stringify(Object.fromEntries(errors))}`,
      );
    if (n === 0) out.failures.push(`${setting.name} ${name}: no checkout succeeded`);
    out.loads[name] = {
      checkouts: n,
      errors: Object.fromEntries(errors),
      perSec: n / wall,
      p50: percentile(latencies, 50),
      p95: percentile(latencies, 95),
      p99: percentile(latencies, 99),
      cpu: perOperation(cpu, n),
      appShares: shares,
    };
    log(
      `${setting.name} ${name}: ${out.loads[name].perSec.toFixed(1)} orders/s, p95 ${out.loads[name].p95?.toFixed(0)} ms, ` +
        `errors ${errorCount}; ${sharesText(shares)}`,
    );
  }

  const { gift, sku } = await readyGift(c, bench, world, UNITS);
  const [{ stock: stockBefore }] = await bench.query('SELECT stock FROM skus WHERE id = $1', [sku.id]);
  await sleep(500);
  const apps0 = appTicks(appPids);
  const cpu0 = cpuGroupsSnapshot(groups, state.benchDb);
  const { results, wallMs } = await withDeadline(
    storm(target, gift.id, world.claimers, { timeoutMs: STORM_TIMEOUT_MS }),
    STORM_TIMEOUT_MS + 5000,
    'storm',
  );
  const cpu = cpuGroupsDelta(cpu0, cpuGroupsSnapshot(groups, state.benchDb));
  const shares = appShares(appPids, apps0);
  const v = await verify(bench, gift.id, sku.id, stockBefore, results);
  const a = assess(results, v, { units: UNITS, giftId: gift.id });
  for (const f of a.failures) out.failures.push(`${setting.name} storm: ${f}`);
  if (a.errors.length > 0)
    out.failures.push(`${setting.name} storm errors: ${JSON.stringify(Object.fromEntries(a.errorKinds))}`);
  out.storm = {
    requests: results.length,
    accepted: a.accepted.length,
    rejected: a.rejected,
    errors: Object.fromEntries(a.errorKinds),
    oversold: v.oversold,
    perSec: results.length / (wallMs / 1000),
    ...stormLatency(results),
    cpu: perOperation(cpu, results.length),
    appShares: shares,
    correct: a.failures.length === 0,
  };
  log(
    `${setting.name} storm: ${out.storm.perSec.toFixed(0)} claims/s, accepted ${out.storm.accepted}, ` +
      `oversold ${v.oversold}, ${a.failures.length ? `FAIL: ${a.failures.join('; ')}` : 'correct'}; ${sharesText(shares)}`,
  );
  return out;
}

/** CPU per operation (ms) of each group, PostgreSQL, the load generator and the rest; shares of the cores. */
function perOperation(cpu, n) {
  const ms = (sec) => (n > 0 ? (1000 * sec) / n : NaN);
  return {
    haproxy: ms(cpu.groups.haproxy),
    apps: ms(cpu.groups.apps),
    pgbouncer: ms(cpu.groups.pgbouncer),
    postgres: ms(cpu.postgresBench),
    postgresOther: ms(cpu.postgresOther),
    loadGenerator: ms(cpu.client),
    rest: ms(Math.max(0, cpu.rest)),
    machineBusyPct: cpu.machineBusyPct,
    restPct: (100 * Math.max(0, cpu.rest)) / (cpu.wall * cpu.cores),
  };
}

/** Process groups for /proc: by pid files in the fleet, the one server process direct. */
function groupsFor(setting, child) {
  const appPids = setting.direct
    ? () => [child.pid]
    : () => cluster.ports.apps.slice(0, setting.apps).flatMap((p) => cluster.pid(`app-${p}.pid`));
  return {
    groups: {
      haproxy: setting.direct ? () => [] : () => cluster.pid('haproxy.pid'),
      apps: appPids,
      pgbouncer: setting.direct ? () => [] : () => cluster.pid('pgbouncer.pid'),
    },
    appPids,
  };
}

// ---------------------------------------------------------------------------------------------
// Report

const f0 = (x) => (Number.isFinite(x) ? Math.round(x).toLocaleString('en-US') : 'n/a');
const f1 = (x) => (Number.isFinite(x) ? x.toFixed(1) : 'n/a');
const f2 = (x) => (Number.isFinite(x) ? x.toFixed(2) : 'n/a');

function version(cmd, args) {
  try {
    return execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })
      .split('\n')[0]
      .trim();
  } catch {
    return `${cmd}: n/a`;
  }
}

function report(meta, settings, floors) {
  const label = (s) =>
    s.label ??
    (s.direct ? 'direct, 1 process' : `HAProxy → ${s.apps} app process${s.apps > 1 ? 'es' : ''} → PgBouncer`);
  const lines = [''];
  lines.push('================ fleet benchmark result ================');
  lines.push(
    `run                 ${meta.startedAt} UTC, commit ${meta.commit}, ${meta.totalSeconds.toFixed(0)} s in all`,
  );
  lines.push(`machine             ${meta.cores} cores, node ${process.version}, PostgreSQL ${meta.pgVersion}`);
  lines.push(`                    ${meta.haproxy}; ${meta.pgbouncer}`);
  lines.push(`load before run     ${meta.loadavg.map((x) => x.toFixed(2)).join(' ')} (1/5/15 min load average)`);
  lines.push(
    `config              ${SECONDS} s per checkout scenario after ${WARMUP} s of warm-up, storm ${CLAIMERS} claimers on ` +
      `${UNITS} units, DB_POOL_SIZE=${POOL_SIZE} per process, RATE_LIMITS=off, JOBS_POLL_MS=${appEnv.JOBS_POLL_MS ?? 'default'}, ` +
      `replica ${REPLICA ? 'asked for' : 'not asked for'}`,
  );
  lines.push(
    `verdict             ${meta.failures.length ? `FAIL: ${meta.failures.join('; ')}` : 'PASS (every checkout paid, every storm correct)'}`,
  );
  lines.push('');
  lines.push(`Orders/s and claims/s (p95 in brackets), ${meta.startedAt.slice(0, 10)}, commit \`${meta.commit}\`:`);
  lines.push('');
  lines.push('| setting | hot20 orders/s | spread100 orders/s | storm claims/s | storm: accepted, oversold |');
  lines.push('|---|---|---|---|---|');
  for (const s of settings) {
    const [h, sp] = LOADS.map((n) => s.loads[n]);
    lines.push(
      `| ${label(s)} | ${f1(h.perSec)} (${f0(h.p95)} ms) | ${f1(sp.perSec)} (${f0(sp.p95)} ms) | ` +
        `${f0(s.storm.perSec)} (${f0(s.storm.p95)} ms) | ${s.storm.accepted} of ${UNITS}, ${s.storm.oversold} |`,
    );
  }
  if (floors) {
    const at = (fl, clients) => f0(fl.find((x) => x.clients === clients)?.tps);
    lines.push(
      `| floor, PostgreSQL alone (pgbench, 20 / 8 clients) | ${at(floors.checkout, 20)} / ${at(floors.checkout, 8)} checkouts/s | | ` +
        `${at(floors.claim, 20)} / ${at(floors.claim, 8)} claims/s | |`,
    );
  }
  lines.push('');
  lines.push(
    "CPU per operation in ms, by process group (from /proc; PostgreSQL = the bench database's backends, " +
      '"other PostgreSQL" its WAL writer, checkpointer and other sessions; "rest" = everything else the machine did):',
  );
  lines.push('');
  lines.push(
    '| setting | work | HAProxy | app processes | PgBouncer | PostgreSQL | other PostgreSQL | load generator | rest | machine busy |',
  );
  lines.push('|---|---|---|---|---|---|---|---|---|---|');
  for (const s of settings) {
    const rows = [
      ...LOADS.map((n) => [`${n}, per checkout`, s.loads[n].cpu]),
      ['storm, per claim request', s.storm.cpu],
    ];
    for (const [work, c] of rows) {
      const hop = (x) => (s.direct ? '—' : f2(x));
      lines.push(
        `| ${label(s)} | ${work} | ${hop(c.haproxy)} | ${f2(c.apps)} | ${hop(c.pgbouncer)} | ${f2(c.postgres)} | ` +
          `${f2(c.postgresOther)} | ${f2(c.loadGenerator)} | ${f2(c.rest)} | ${f0(c.machineBusyPct)}% |`,
      );
    }
  }
  if (floors) {
    lines.push('');
    for (const [name, fl] of Object.entries(floors)) {
      lines.push(
        `Floor ${name}: ` +
          fl
            .map(
              (x) =>
                `${f0(x.tps)}/s at ${x.clients} clients (latency ${f1(x.latencyMs)} ms, PostgreSQL ${f0(x.postgresPct)}% of the cores)`,
            )
            .join('; ') +
          '.',
      );
    }
  }
  lines.push('========================================================');
  console.log(lines.join('\n'));
  const round = (o) => JSON.parse(JSON.stringify(o, (_, v) => (typeof v === 'number' ? +v.toFixed(3) : v)));
  console.log(`json: ${JSON.stringify(round({ meta, settings, floors }))}`);
}

// ---------------------------------------------------------------------------------------------
// The run

async function main() {
  const started = performance.now();
  if (!existsSync(SERVER_ENTRY)) throw new Error(`${SERVER_ENTRY} is missing: run npm run build:server first`);
  state.admin = new pg.Client({ connectionString: ADMIN_URL });
  try {
    await state.admin.connect();
  } catch (err) {
    throw new Error(`cannot reach PostgreSQL at ${ADMIN_URL} (run bash scripts/postgres.sh): ${err.message}`);
  }
  const meta = {
    startedAt: new Date().toISOString().slice(0, 16).replace('T', ' '),
    commit: version('git', ['-C', REPO_ROOT, 'rev-parse', '--short', 'HEAD']),
    cores: os.availableParallelism(),
    loadavg: os.loadavg(),
    haproxy: version('haproxy', ['-v']).replace(/ - https:.*$/, ''),
    pgbouncer: version('pgbouncer', ['--version']),
    failures: [],
  };
  [{ server_version: meta.pgVersion }] = (await state.admin.query('SHOW server_version')).rows;

  // The floors first, on an idle machine, each in its own database.
  let floors = null;
  if (FLOOR_SECONDS > 0) {
    floors = {
      checkout: await floor(state.admin, ADMIN_URL, 'checkout-floor.sql', { seconds: FLOOR_SECONDS }),
      claim: await floor(state.admin, ADMIN_URL, 'claim-floor.sql', { seconds: FLOOR_SECONDS }),
    };
    for (const [name, fl] of Object.entries(floors)) {
      log(`floor ${name}: ${fl.map((x) => `${f0(x.tps)}/s at ${x.clients} clients`).join(', ')}`);
    }
  }

  state.benchDb = `giftshop_fleet_${randomBytes(4).toString('hex')}`;
  await state.admin.query(`CREATE DATABASE ${state.benchDb}`);
  log(`created database ${state.benchDb}`);
  const client = new pg.Client({ connectionString: databaseUrl(state.benchDb) });
  // Ctrl-C drops the database under this connection: its queries fail, the event must not crash the clean-up.
  client.on('error', () => {});
  const settings = [];
  try {
    // Direct: one server process the script starts, migrating and seeding the bench database.
    const port = await freePort();
    const child = startDirect(port);
    const health = await waitForHealth(port, child, SERVER_START_TIMEOUT_MS);
    log(`direct server pid ${child.pid} on ${describeTarget(port)} (${health.database} ${health.version})`);
    await client.connect();
    const bench = {
      query: async (sql, params) => (await client.query(sql, params)).rows,
      exec: (sql, params) => client.query(sql, params),
    };
    const setupAgent = new http.Agent({ keepAlive: true, maxSockets: 32 });
    const t = performance.now();
    const world = await withDeadline(
      claimWorld({ target: port, agent: setupAgent }, bench, CLAIMERS),
      SETUP_TIMEOUT_MS,
      'claim world setup',
    );
    setupAgent.destroy();
    log(
      `claim world (${CLAIMERS} claimers, friends, group) set up in ${((performance.now() - t) / 1000).toFixed(1)} s`,
    );

    const direct = { name: 'direct', direct: true, apps: 1 };
    settings.push(await measureSetting(direct, port, groupsFor(direct, child), bench, world));
    await stopServer();
    state.server = null;
    agent.destroy();

    if (DECOMPOSE) {
      // The same process with every statement unnamed, as the fleet runs them behind PgBouncer 1.18.
      const unnamedPort = await freePort();
      const unnamedChild = startDirect(unnamedPort, { DB_PREPARED_STATEMENTS: 'false' });
      await waitForHealth(unnamedPort, unnamedChild, SERVER_START_TIMEOUT_MS);
      const unnamed = {
        name: 'direct, unnamed',
        direct: true,
        apps: 1,
        label: 'direct, 1 process, unnamed statements',
      };
      settings.push(await measureSetting(unnamed, unnamedPort, groupsFor(unnamed, unnamedChild), bench, world));
      await stopServer();
      state.server = null;
      agent.destroy();
    }

    // The fleet, one more app process each setting.
    await prepareCluster();
    for (const apps of APPS) {
      await startCluster(apps);
      if (DECOMPOSE && apps === 1) {
        // The one app process loaded at its own port: PgBouncer without HAProxy.
        const bypass = {
          name: 'fleet of 1, no HAProxy',
          direct: false,
          apps,
          label: '1 app process → PgBouncer (no HAProxy)',
        };
        const appTarget = { host: HOST, port: cluster.ports.apps[0] };
        settings.push(await measureSetting(bypass, appTarget, groupsFor(bypass), bench, world));
        agent.destroy();
      }
      const setting = { name: `fleet of ${apps}`, direct: false, apps };
      const target = { host: HOST, port: cluster.ports.lb };
      settings.push(await measureSetting(setting, target, groupsFor(setting), bench, world));
      agent.destroy(); // no connection to HAProxy outlives its reload
    }
  } finally {
    await client.end().catch(() => {});
  }
  for (const s of settings) meta.failures.push(...s.failures);
  meta.totalSeconds = (performance.now() - started) / 1000;
  report(meta, settings, floors);
  return meta.failures.length ? 1 : 0;
}

let exitCode = 1;
try {
  exitCode = await main();
} catch (err) {
  if (state.interrupted) await cleanup();
  console.error(`\nfleet benchmark FAILED: ${err instanceof Error ? err.message : String(err)}`);
  if (state.serverLog.length)
    console.error(`--- last direct server output ---\n${state.serverLog.slice(-40).join('\n')}`);
  exitCode = 1;
} finally {
  await cleanup();
  agent.destroy();
}
process.exit(state.interrupted ? 130 : exitCode);
