/**
 * What the benchmarks share: command-line options, the admin database URL's siblings, a free
 * port, percentiles, and the lifecycle of the server and the bench database (stopped and dropped
 * once, whatever ends the script).
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import net from 'node:net';
import http from 'node:http';
import os from 'node:os';
import { performance } from 'node:perf_hooks';

export const HOST = '127.0.0.1';

export const log = (msg) => console.log(`[bench ${new Date().toISOString().slice(11, 23)}] ${msg}`);
export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** `--name=value` (or `--name` for '1'), else the environment variable, else the fallback. */
export function option(name, envName, fallback) {
  const flag = process.argv.slice(2).find((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  if (flag) return flag.includes('=') ? flag.slice(flag.indexOf('=') + 1) : '1';
  const env = process.env[envName];
  return env === undefined || env === '' ? fallback : env;
}

export function intOption(name, envName, fallback, min, max) {
  const raw = option(name, envName, String(fallback));
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    console.error(`--${name} (${envName}) must be an integer from ${min} to ${max}, got ${raw}`);
    process.exit(2);
  }
  return value;
}

/** The URL of database `name` on the admin URL's server. */
export function databaseUrl(adminUrl, name) {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export function freePort() {
  return new Promise((resolvePort, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, HOST, () => {
      const { port } = srv.address();
      srv.close(() => resolvePort(port));
    });
  });
}

/** Runs fn over items with at most `limit` in flight; results in input order. */
export async function mapLimit(items, limit, fn) {
  const results = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i], i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/** Rejects when `promise` has not settled within `ms`. */
export function withDeadline(promise, ms, what) {
  let timer;
  const deadline = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took longer than ${Math.round(ms / 1000)} s`)), ms);
  });
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}

/** Nearest-rank percentile of an ascending array. */
export function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/**
 * The state a benchmark keeps (its server process, admin connection, bench database) and how it
 * ends: `stopServer()`, and `cleanup()` that stops the server and drops the database (unless
 * kept) once, however many paths ask. The server never outlives the script.
 */
export function benchLifecycle(keepDb) {
  const state = {
    server: null,
    serverLog: [],
    admin: null,
    benchDb: null,
    borrowedDb: false,
    /** More to stop before the database is dropped (fleet.mjs: the cluster), each awaited in turn. */
    atCleanup: [],
    cleaning: null,
    interrupted: null,
  };

  async function stopServer() {
    const child = state.server;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const done = await Promise.race([child.exited.then(() => true), sleep(10_000).then(() => false)]);
    if (!done) {
      child.kill('SIGKILL');
      await Promise.race([child.exited, sleep(5_000)]);
    }
  }

  async function doCleanup() {
    await stopServer().catch((e) => console.error(`stopping the server: ${e.message}`));
    for (const stop of state.atCleanup)
      await Promise.resolve()
        .then(stop)
        .catch((e) => console.error(e.message));
    if (state.admin) {
      if (state.borrowedDb) {
        // --url: the database belongs to the server the bench was pointed at.
      } else if (state.benchDb && !keepDb) {
        await state.admin
          .query(`DROP DATABASE IF EXISTS ${state.benchDb} WITH (FORCE)`)
          .catch((e) => console.error(`dropping ${state.benchDb}: ${e.message}`));
      } else if (state.benchDb) {
        log(`kept database ${state.benchDb} (drop it with: DROP DATABASE ${state.benchDb} WITH (FORCE))`);
      }
      await state.admin.end().catch(() => {});
    }
  }

  function cleanup() {
    state.cleaning ??= doCleanup();
    return state.cleaning;
  }

  process.on('exit', () => {
    if (state.server && state.server.exitCode === null && state.server.signalCode === null) {
      state.server.kill('SIGKILL');
    }
  });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.once(signal, () => {
      state.interrupted = signal;
      console.error(`\n${signal}: stopping the server and dropping the bench database`);
      cleanup().finally(() => process.exit(130));
    });
  }
  return { state, stopServer, cleanup };
}

// ---------------------------------------------------------------------------------------------
// CPU accounting from /proc (Linux): who burned the 2 cores during a run?

const CLK_TCK = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;
  } catch {
    return 100;
  }
})();

/** utime + stime of a process, in clock ticks (`sys` alone when asked). */
export function procTicks(pid, only) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return only === 'sys' ? Number(fields[12]) : Number(fields[11]) + Number(fields[12]);
  } catch {
    return 0;
  }
}

/** CPU ticks of postgres processes: backends of the bench database vs every other postgres process. */
export function postgresTicks(benchDb) {
  const out = { bench: new Map(), other: new Map() };
  if (!existsSync('/proc')) return out;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let cmdline;
    try {
      if (readFileSync(`/proc/${entry}/comm`, 'utf8').trim() !== 'postgres') continue;
      cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
    } catch {
      continue;
    }
    (cmdline.includes(` ${benchDb} `) ? out.bench : out.other).set(entry, procTicks(entry));
  }
  return out;
}

export function machineTicks() {
  try {
    const cpu = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
    const total = cpu.slice(0, 8).reduce((a, b) => a + b, 0);
    return { total, idle: cpu[3] + cpu[4], irq: cpu[5] + cpu[6], steal: cpu[7] };
  } catch {
    return { total: 0, idle: 0, irq: 0, steal: 0 };
  }
}

/** The server's processes: the one started and, for a cluster primary (WEB_CONCURRENCY), its workers. */
export function serverProcesses(pid) {
  try {
    const children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim();
    return [pid, ...(children ? children.split(/\s+/).map(Number) : [])];
  } catch {
    return [pid];
  }
}

/**
 * The server's WEB_CONCURRENCY: `--procs=N` (BENCH_PROCS), else unset, so the server runs its
 * production default (one process per core). `--procs=1` is the single process of earlier runs.
 */
export function processesEnv() {
  const procs = option('procs', 'BENCH_PROCS', '');
  return procs ? { WEB_CONCURRENCY: procs } : {};
}

export function cpuSnapshot(serverPid, benchDb) {
  const tree = serverProcesses(serverPid);
  const sum = (only) => tree.reduce((total, pid) => total + procTicks(pid, only), 0);
  return {
    at: performance.now(),
    machine: machineTicks(),
    server: sum(),
    serverSys: sum('sys'),
    postgres: postgresTicks(benchDb),
    client: process.cpuUsage(),
  };
}

/** Ticks gained by the processes of `after` since `before` (a process new since then counts whole). */
function sumDelta(before, after) {
  let sum = 0;
  for (const [pid, ticks] of after) sum += ticks - (before.get(pid) ?? 0);
  return sum;
}

export function cpuDelta(a, b) {
  const sec = (ticks) => ticks / CLK_TCK;
  const clientUs = process.cpuUsage(a.client);
  const wall = (b.at - a.at) / 1000;
  const machineTotal = b.machine.total - a.machine.total;
  const machineBusy = machineTotal - (b.machine.idle - a.machine.idle);
  const used = {
    server: sec(b.server - a.server),
    serverSys: sec(b.serverSys - a.serverSys),
    postgresBench: sec(sumDelta(a.postgres.bench, b.postgres.bench)),
    postgresOther: sec(sumDelta(a.postgres.other, b.postgres.other)),
    client: (clientUs.user + clientUs.system) / 1e6,
  };
  const machineSec = (ticks) => (machineTotal > 0 ? (ticks / machineTotal) * wall * os.availableParallelism() : NaN);
  const machineBusySec = machineSec(machineBusy);
  used.irq = machineSec(b.machine.irq - a.machine.irq);
  used.steal = machineSec(b.machine.steal - a.machine.steal);
  return {
    wall,
    cores: os.availableParallelism(),
    machineBusyPct: machineTotal > 0 ? (100 * machineBusy) / machineTotal : NaN,
    ...used,
    rest: machineBusySec - used.server - used.postgresBench - used.postgresOther - used.client - used.irq - used.steal,
  };
}

/**
 * CPU of named groups of processes, for a run with more than one server process (the fleet):
 * `groups` maps a name to a function that gives the group's pids now (their children are
 * included), beside the bench database's postgres backends, the other postgres processes and
 * this script. `cpuGroupsDelta` turns two snapshots into cpu-seconds.
 */
export function cpuGroupsSnapshot(groups, benchDb) {
  const ticks = {};
  for (const [name, pids] of Object.entries(groups)) {
    ticks[name] = new Map(
      pids()
        .flatMap((pid) => serverProcesses(pid))
        .map((pid) => [String(pid), procTicks(pid)]),
    );
  }
  return {
    at: performance.now(),
    machine: machineTicks(),
    groups: ticks,
    postgres: postgresTicks(benchDb),
    client: process.cpuUsage(),
  };
}

export function cpuGroupsDelta(a, b) {
  const sec = (ticks) => ticks / CLK_TCK;
  const clientUs = process.cpuUsage(a.client);
  const wall = (b.at - a.at) / 1000;
  const machineTotal = b.machine.total - a.machine.total;
  const machineBusy = machineTotal - (b.machine.idle - a.machine.idle);
  const cores = os.availableParallelism();
  const groups = Object.fromEntries(
    Object.keys(b.groups).map((name) => [name, sec(sumDelta(a.groups[name] ?? new Map(), b.groups[name]))]),
  );
  const postgresBench = sec(sumDelta(a.postgres.bench, b.postgres.bench));
  const postgresOther = sec(sumDelta(a.postgres.other, b.postgres.other));
  const client = (clientUs.user + clientUs.system) / 1e6;
  const machineBusySec = machineTotal > 0 ? (machineBusy / machineTotal) * wall * cores : NaN;
  const counted = Object.values(groups).reduce((x, y) => x + y, 0) + postgresBench + postgresOther + client;
  return {
    wall,
    cores,
    machineBusyPct: machineTotal > 0 ? (100 * machineBusy) / machineTotal : NaN,
    groups,
    postgresBench,
    postgresOther,
    client,
    // Everything else the machine did: other sessions' load, irq, the kernel's own threads.
    rest: machineBusySec - counted,
  };
}

/**
 * Starts the BUILT server (`entry`) as a child process with exactly `env` (plus PATH and HOME),
 * keeping its last 200 output lines in `logLines` for the failure report. `child.exited` resolves
 * when it stops; it is killed if the bench exits first.
 */
export function spawnServer({ entry, cwd, env, nodeArgs = [], logLines }) {
  if (!existsSync(entry)) throw new Error(`${entry} is missing: run npm run build:server first`);
  const child = spawn(process.execPath, [...nodeArgs, entry], {
    cwd,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const keep = (chunk) => {
    for (const line of chunk.toString('utf8').split('\n')) {
      if (!line) continue;
      logLines.push(line);
      if (logLines.length > 200) logLines.shift();
    }
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  child.exited = new Promise((r) => child.once('exit', (code, signal) => r({ code, signal })));
  process.on('exit', () => child.exitCode === null && child.signalCode === null && child.kill('SIGKILL'));
  return child;
}

/** Polls GET /api/health until it answers (its JSON), the server exits, or `timeoutMs` passes. */
export async function waitForHealth(port, child, timeoutMs) {
  const started = Date.now();
  let exited = null;
  child.exited.then((e) => (exited = e));
  while (Date.now() - started < timeoutMs) {
    if (exited) throw new Error(`the server exited during start-up (${JSON.stringify(exited)})`);
    try {
      const res = await fetch(`http://${HOST}:${port}/api/health`, { signal: AbortSignal.timeout(2000) });
      if (res.ok) return await res.json();
    } catch {
      // not up yet
    }
    await sleep(200);
  }
  throw new Error(`the server did not answer /api/health within ${timeoutMs / 1000} s`);
}

/** An answer with another status than expected; `code` is the API error's code when it has one. */
export class HttpError extends Error {
  constructor(method, path, status, body) {
    super(`${method} ${path} -> ${status}: ${body.slice(0, 300)}`);
    this.status = status;
    try {
      this.code = JSON.parse(body).code;
    } catch {
      this.code = undefined;
    }
  }
}

/**
 * Where the load goes: a port on 127.0.0.1 (a server the bench started), or `{ host, port }` (a
 * server or load balancer already running, `--url`).
 */
export const targetOf = (target) => (typeof target === 'object' ? target : { host: HOST, port: target });

/** `http://host:port` of a target, for the logs. */
export const describeTarget = (target) => `http://${targetOf(target).host}:${targetOf(target).port}`;

/**
 * `--url=http://host:port` (or the environment variable): load an existing server instead of
 * starting one. Null when not given; anything but an http URL with a host, no path and no
 * credentials is refused with exit code 2.
 */
export function urlOption(name, envName) {
  const raw = option(name, envName, '');
  if (raw === '') return null;
  let url;
  try {
    url = new URL(raw);
  } catch {
    url = null;
  }
  if (
    !url ||
    url.protocol !== 'http:' ||
    !url.hostname ||
    url.username ||
    url.password ||
    url.search ||
    url.hash ||
    !['', '/'].includes(url.pathname)
  ) {
    console.error(`--${name} (${envName}) must be an http URL such as http://127.0.0.1:3000, got ${raw}`);
    process.exit(2);
  }
  return { host: url.hostname.replace(/^\[|\]$/g, ''), port: Number(url.port || 80) };
}

/** A PostgreSQL database name the benches may create or be pointed at (lower case, digits, _). */
export function databaseNameOption(name, envName) {
  const raw = option(name, envName, '');
  if (raw === '') return null;
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(raw)) {
    console.error(`--${name} (${envName}) must be a database name of lower-case letters, digits and _, got ${raw}`);
    process.exit(2);
  }
  return raw;
}

/**
 * Aims the bench at a server someone else runs (`--url`, `--database`): its database is the bench
 * database but is never stopped or dropped (`state.borrowedDb`). Checks that it answers; logs it.
 */
export async function borrowServer(state, target, database, agent) {
  state.benchDb = database;
  state.borrowedDb = true;
  const health = await jsonRequest(target, 'GET', '/api/health', { agent });
  log(`server at ${describeTarget(target)} (${health.database} ${health.version}), database ${database}`);
  return target;
}

/**
 * `--url` with `--database` (BENCH_URL, BENCH_DATABASE): a server already running and the
 * database it uses, for `needs` (what the bench reads there); both or neither.
 */
export function serverTargetOptions(needs) {
  const url = urlOption('url', 'BENCH_URL');
  const database = databaseNameOption('database', 'BENCH_DATABASE');
  if (url && !database) {
    console.error(`--url needs --database: the database the server at that URL uses (${needs})`);
    process.exit(2);
  }
  if (database && !url) {
    console.error('--database goes with --url (without it the bench makes its own database)');
    process.exit(2);
  }
  return { url, database };
}

/** One JSON request to the server; throws an HttpError unless the status is `expect`. */
export function jsonRequest(target, method, path, { token, body, key, agent, expect = 200, timeoutMs = 30_000 } = {}) {
  const { host, port } = targetOf(target);
  const payload = body === undefined ? undefined : JSON.stringify(body);
  const headers = { accept: 'application/json' };
  if (payload !== undefined) {
    headers['content-type'] = 'application/json';
    headers['content-length'] = Buffer.byteLength(payload);
  }
  if (token) headers.authorization = `Bearer ${token}`;
  if (key) headers['idempotency-key'] = key;
  return new Promise((resolveReq, reject) => {
    const req = http.request({ host, port, method, path, headers, agent }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('error', reject);
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        if (res.statusCode !== expect) return reject(new HttpError(method, path, res.statusCode, text));
        try {
          resolveReq(text ? JSON.parse(text) : null);
        } catch {
          reject(new Error(`${method} ${path}: not JSON: ${text.slice(0, 200)}`));
        }
      });
    });
    req.setTimeout(timeoutMs, () => req.destroy(new Error(`${method} ${path} timed out after ${timeoutMs} ms`)));
    req.on('error', reject);
    req.end(payload);
  });
}

/**
 * Samples what the bench database's backends are doing, every 20 ms, until stopped. With
 * `byStatement`, a second tally keys the backends that are waiting (not idle, not on CPU) by the
 * start of their statement, to name the statement a lock queue forms on.
 */
export function startActivitySampler(admin, benchDb, { byStatement = false } = {}) {
  const counts = new Map();
  const waiting = new Map();
  const add = (map, key, n) => map.set(key, (map.get(key) ?? 0) + n);
  let samples = 0;
  let running = true;
  const loop = (async () => {
    while (running) {
      try {
        const { rows } = await admin.query(
          `SELECT state, coalesce(wait_event_type || ':' || wait_event, 'on CPU') AS wait,
                  CASE WHEN $2 AND state <> 'idle' AND wait_event_type = 'Lock'
                       THEN left(regexp_replace(query, '\\s+', ' ', 'g'), 90) END AS statement,
                  count(*)::int AS n
           FROM pg_stat_activity WHERE datname = $1 AND backend_type = 'client backend' GROUP BY 1, 2, 3`,
          [benchDb, byStatement],
        );
        samples++;
        for (const r of rows) {
          add(counts, `${r.state} / ${r.wait}`, r.n);
          if (r.statement) add(waiting, `${r.wait}: ${r.statement}`, r.n);
        }
      } catch {
        // the sampler is best effort
      }
      await sleep(20);
    }
  })();
  return async () => {
    running = false;
    await loop;
    return { samples, counts, waiting };
  };
}
