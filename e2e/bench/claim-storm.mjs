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
import {
  benchLifecycle,
  cpuDelta,
  cpuSnapshot,
  processesEnv,
  databaseUrl as databaseUrlOn,
  freePort,
  HOST,
  intOption,
  jsonRequest,
  log,
  mapLimit,
  option,
  percentile,
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
const SETUP_CONCURRENCY = 32;
const GROUP_API_MAX_MEMBERS = 499; // CreateGroupDto: @ArrayMaxSize(499)
const API_MAX_GIFT_UNITS = 100; // PRODUCT.md: a group gift has 2 to 100 units
const GIFT_PRODUCT = '花果茶组合';
const GIFT_FLAVOUR = '蜜桃乌龙';

const unknown = process.argv
  .slice(2)
  .filter((a) => !/^--(claimers|units|pool|procs|concurrency|profile|keep-db)(=.*)?$/.test(a));
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
const ADMIN_URL = process.env.BENCH_DATABASE_URL || 'postgres://giftshop:giftshop@127.0.0.1:5432/giftshop';

// ---------------------------------------------------------------------------------------------
// HTTP

const setupAgent = new http.Agent({ keepAlive: true, maxSockets: SETUP_CONCURRENCY });

/** One JSON request to the server on the setup's agent (lib.mjs `jsonRequest`). */
const api = (port, method, path, options = {}) => jsonRequest(port, method, path, { agent: setupAgent, ...options });

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
async function setup(port, bench) {
  const [alice, wang] = await Promise.all(
    ['o_alice', 'o_wang'].map((openId) => api(port, 'POST', '/api/auth/login', { body: { openId } })),
  );

  // The gift SKU: 花果茶组合 / 蜜桃乌龙 (seeded with 300); the merchant raises its stock first.
  const page = await api(port, 'GET', '/api/products?limit=100');
  const summary = page.items.find((p) => p.title === GIFT_PRODUCT);
  if (!summary) throw new Error(`the demo seed has no product ${GIFT_PRODUCT}`);
  const product = await api(port, 'GET', `/api/products/${summary.id}`);
  const sku = product.skus.find((s) => s.specs['口味'] === GIFT_FLAVOUR) ?? product.skus[0];
  const stockTarget = Math.max(10_000, UNITS * 4);
  await api(port, 'PATCH', `/api/products/${product.id}`, {
    token: wang.token,
    body: { skus: [{ id: sku.id, stock: stockTarget }] },
  });
  log(`gift SKU ${GIFT_PRODUCT} / ${sku.specs['口味']} (${sku.id}), stock set to ${stockTarget} by o_wang`);

  let t = performance.now();
  const claimers = await mapLimit(
    Array.from({ length: CLAIMERS }, (_, i) => i),
    SETUP_CONCURRENCY,
    (i) => api(port, 'POST', '/api/auth/login', { body: { openId: `o_storm_${i}`, nickname: `storm ${i}` } }),
  );
  log(`${CLAIMERS} claimers logged in (${((performance.now() - t) / 1000).toFixed(1)} s)`);

  t = performance.now();
  // Friends by consent: alice asks (202 pending), the claimer asks back (200 friends).
  await mapLimit(claimers, SETUP_CONCURRENCY, async (c) => {
    await api(port, 'POST', '/api/friends', { token: alice.token, body: { userId: c.user.id }, expect: 202 });
    await api(port, 'POST', '/api/friends', { token: c.token, body: { userId: alice.user.id }, expect: 200 });
  });
  log(`${CLAIMERS} friendships with o_alice (${((performance.now() - t) / 1000).toFixed(1)} s)`);

  // The group: the API takes at most 499 members per call and has no add-member route, so the
  // rest join by SQL (same rows createGroup writes: chat_members with joined_at = now()).
  const ids = claimers.map((c) => c.user.id);
  const group = await api(port, 'POST', '/api/groups', {
    token: alice.token,
    body: { name: 'claim storm', memberIds: ids.slice(0, GROUP_API_MAX_MEMBERS) },
    expect: 201,
  });
  const rest = ids.slice(GROUP_API_MAX_MEMBERS);
  if (rest.length > 0) {
    await bench.query(
      'INSERT INTO chat_members (chat_id, user_id) SELECT $1, u FROM unnest($2::uuid[]) AS u ON CONFLICT DO NOTHING',
      [group.id, rest],
    );
  }
  const [{ members }] = await bench.query('SELECT count(*)::int AS members FROM chat_members WHERE chat_id = $1', [
    group.id,
  ]);
  if (members !== CLAIMERS + 1) throw new Error(`the group has ${members} members, expected ${CLAIMERS + 1}`);
  log(`group ${group.id}: ${members} members (${GROUP_API_MAX_MEMBERS} + giver via API, ${rest.length} via SQL)`);

  // The gift: the API caps a group gift at 100 units; it is created with min(UNITS, 100) and,
  // before it is paid, its order is raised to UNITS (stock reserved for the extra units, the
  // amount due with it), so the payment covers every unit. gift_units rows are written when the
  // gift is sent (paid), one per unit its order line paid for, each with what it paid.
  // gifts.units stays at 100 (a CHECK constraint caps it); the claim path never reads it, it
  // races for gift_units rows.
  const apiUnits = Math.min(UNITS, API_MAX_GIFT_UNITS);
  const gift = await api(port, 'POST', '/api/gifts', {
    token: alice.token,
    body: { skuId: sku.id, chatId: group.id, mode: 'first_come', units: apiUnits, wishMessage: '抢礼物压测' },
    expect: 201,
  });
  const extra = UNITS - apiUnits;
  if (extra > 0) {
    await bench.query('BEGIN');
    try {
      const stock = await bench.exec('UPDATE skus SET stock = stock - $2 WHERE id = $1 AND stock >= $2', [
        sku.id,
        extra,
      ]);
      if (stock.rowCount !== 1) throw new Error('not enough stock for the extra units');
      await bench.query(
        'UPDATE order_items SET quantity = quantity + $2, paid_fen = paid_fen + $3 WHERE order_id = $1',
        [gift.orderId, extra, extra * sku.priceFen],
      );
      const raised = await bench.exec(
        `UPDATE orders SET goods_fen = goods_fen + $2, total_fen = total_fen + $2
         WHERE id = $1 AND status = 'pending_payment'`,
        [gift.orderId, extra * sku.priceFen],
      );
      if (raised.rowCount !== 1) throw new Error('the gift order is not pending payment');
      await bench.query('COMMIT');
    } catch (err) {
      await bench.query('ROLLBACK');
      throw err;
    }
  }
  await api(port, 'POST', `/api/orders/${gift.orderId}/pay`, { token: alice.token });
  const [check] = await bench.query(
    `SELECT g.status, (SELECT count(*)::int FROM gift_units u WHERE u.gift_id = g.id AND u.status = 'open') AS open,
            o.total_fen AS "totalFen", p.amount_fen AS "paidFen", p.status AS "paymentStatus"
     FROM gifts g JOIN orders o ON o.id = g.order_id JOIN payments p ON p.order_id = o.id WHERE g.id = $1`,
    [gift.id],
  );
  if (check.status !== 10 || check.open !== UNITS || check.paidFen !== check.totalFen) {
    throw new Error(`the gift is not ready: ${JSON.stringify(check)}`);
  }
  log(`gift ${gift.id}: first_come, ${UNITS} open units, paid ${check.paidFen} fen (status 10)`);

  return { gift, sku, alice, claimers };
}

/** Fires every claim (at most CONCURRENCY in flight) and measures each one. */
async function storm(port, giftId, claimers) {
  const path = `/api/gifts/${giftId}/claim`;
  const requests = claimers.map((c, i) => {
    const body = Buffer.from(
      JSON.stringify({
        address: {
          name: `抢购者${i}`,
          phone: `139${String(i).padStart(8, '0')}`,
          region: '上海市 浦东新区',
          detail: `压测路 ${i} 号`,
        },
      }),
    );
    return {
      userId: c.user.id,
      body,
      headers: {
        'content-type': 'application/json',
        'content-length': body.length,
        accept: 'application/json',
        authorization: `Bearer ${c.token}`,
      },
    };
  });
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY, maxFreeSockets: CONCURRENCY });

  const fire = (r) =>
    new Promise((done) => {
      const start = performance.now();
      const finish = (status, text, error) => {
        const end = performance.now();
        done({ userId: r.userId, status, ms: end - start, doneAt: end - t0, text, error });
      };
      const req = http.request({ host: HOST, port, method: 'POST', path, headers: r.headers, agent }, (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('error', (e) => finish(0, '', e.message));
        res.on('end', () => finish(res.statusCode, Buffer.concat(chunks).toString('utf8')));
      });
      req.setTimeout(STORM_TIMEOUT_MS, () => req.destroy(new Error('timed out')));
      req.on('error', (e) => finish(0, '', e.message));
      req.end(r.body);
    });

  const t0 = performance.now();
  const results =
    CONCURRENCY >= requests.length
      ? await Promise.all(requests.map(fire))
      : await mapLimit(requests, CONCURRENCY, fire);
  const wallMs = performance.now() - t0;
  agent.destroy();
  return { results, wallMs };
}

async function verify(bench, giftId, skuId, stockBefore, results) {
  const [row] = await bench.query(
    `SELECT
       (SELECT count(*)::int FROM gift_units WHERE gift_id = $1) AS units,
       (SELECT count(*)::int FROM gift_units WHERE gift_id = $1 AND status = 'claimed') AS "unitsClaimed",
       (SELECT count(*)::int FROM gift_claims WHERE gift_id = $1) AS claims,
       (SELECT count(DISTINCT recipient_id)::int FROM gift_claims WHERE gift_id = $1) AS recipients,
       (SELECT count(*)::int FROM gift_claims c WHERE c.gift_id = $1
          AND NOT EXISTS (SELECT 1 FROM gift_units u WHERE u.claim_id = c.id)) AS "claimsWithoutUnit",
       (SELECT count(*)::int FROM skus WHERE stock < 0) AS "negativeStockSkus",
       (SELECT stock FROM skus WHERE id = $2) AS "stockAfter",
       (SELECT status FROM gifts WHERE id = $1) AS "giftStatus"`,
    [giftId, skuId],
  );
  const claimed = new Set(
    (await bench.query('SELECT recipient_id FROM gift_claims WHERE gift_id = $1', [giftId])).map((r) => r.recipient_id),
  );
  const accepted = results.filter((r) => r.status === 200);
  const acceptedNotInDb = accepted.filter((r) => !claimed.has(r.userId)).length;
  const okIds = new Set(accepted.map((r) => r.userId));
  const dbNotAccepted = [...claimed].filter((id) => !okIds.has(id)).length;
  return {
    ...row,
    oversold: Math.max(0, row.claims - row.units),
    duplicateRecipients: row.claims - row.recipients,
    stockBefore,
    acceptedNotInDb,
    dbNotAccepted,
  };
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
  state.benchDb = `giftshop_bench_${randomBytes(4).toString('hex')}`;
  await state.admin.query(`CREATE DATABASE ${state.benchDb}`);
  log(`created database ${state.benchDb} on PostgreSQL ${pgVersion}`);

  const port = await freePort();
  const child = startServer(port, databaseUrl(state.benchDb));
  const health = await withDeadline(
    waitForHealth(port, child, SERVER_START_TIMEOUT_MS),
    SERVER_START_TIMEOUT_MS + 5000,
    'server start',
  );
  log(`server pid ${child.pid} on ${HOST}:${port} (${health.database} ${health.version}, migrated and seeded)`);

  // One connection for the setup SQL and the checks (a Client, so BEGIN/COMMIT share it).
  const client = new pg.Client({ connectionString: databaseUrl(state.benchDb) });
  await client.connect();
  const bench = {
    query: async (sql, params) => (await client.query(sql, params)).rows,
    exec: (sql, params) => client.query(sql, params),
  };
  try {
    const setupStarted = performance.now();
    const world = await withDeadline(setup(port, bench), SETUP_TIMEOUT_MS, 'setup');
    log(`setup done in ${((performance.now() - setupStarted) / 1000).toFixed(1)} s`);
    const [{ stock: stockBefore }] = await bench.query('SELECT stock FROM skus WHERE id = $1', [world.sku.id]);
    setupAgent.destroy();
    await sleep(500); // let the setup traffic settle

    log(`storm: ${CLAIMERS} x POST /api/gifts/${world.gift.id}/claim`);
    const stopSampler = PROFILE ? startActivitySampler(state.admin, state.benchDb) : null;
    const cpuBefore = cpuSnapshot(child.pid, state.benchDb);
    const stormFrom = performance.now() - state.serverStartedAt;
    const { results, wallMs } = await withDeadline(
      storm(port, world.gift.id, world.claimers),
      STORM_TIMEOUT_MS + 5000,
      'storm',
    );
    const cpu = cpuDelta(cpuBefore, cpuSnapshot(child.pid, state.benchDb));
    const activity = stopSampler ? await stopSampler() : null;
    if (process.env.BENCH_SERVER_NODE_ARGS) {
      const to = performance.now() - state.serverStartedAt;
      log(`storm window: ${stormFrom.toFixed(0)}..${to.toFixed(0)} ms after the server process started`);
    }

    const accepted = results.filter((r) => r.status === 200);
    const codes409 = new Map();
    for (const r of results.filter((x) => x.status === 409)) {
      let code = 'UNKNOWN';
      try {
        code = JSON.parse(r.text).code ?? 'UNKNOWN';
      } catch {
        // keep UNKNOWN
      }
      codes409.set(code, (codes409.get(code) ?? 0) + 1);
    }
    const rejected = codes409.get('ALL_CLAIMED') ?? 0;
    const other409 = [...codes409].filter(([c]) => c !== 'ALL_CLAIMED');
    const errors = results.filter((r) => r.status !== 200 && r.status !== 409);
    const badBodies = accepted.filter((r) => {
      try {
        const b = JSON.parse(r.text);
        return b.status !== 20 || b.giftId !== world.gift.id;
      } catch {
        return true;
      }
    }).length;
    const v = await verify(bench, world.gift.id, world.sku.id, stockBefore, results);

    const lat = results.map((r) => r.ms).sort((a, b) => a - b);
    const accLat = accepted.map((r) => r.ms).sort((a, b) => a - b);
    const secs = wallMs / 1000;
    const fmt = (ms) => `${ms.toFixed(1)} ms`;
    const errorKinds = new Map();
    for (const e of errors) {
      const key = e.status === 0 ? `network: ${e.error}` : `HTTP ${e.status}`;
      errorKinds.set(key, (errorKinds.get(key) ?? 0) + 1);
    }

    const span = (rs) => {
      if (rs.length === 0) return 'none';
      const at = rs.map((r) => r.doneAt).sort((a, b) => a - b);
      return `${at[0].toFixed(0)}..${at.at(-1).toFixed(0)} (median ${percentile(at, 50).toFixed(0)})`;
    };

    const failures = [];
    if (accepted.length !== UNITS) failures.push(`accepted ${accepted.length} != ${UNITS}`);
    if (v.oversold !== 0) failures.push(`oversold ${v.oversold}`);
    if (errors.length > 0) failures.push(`${errors.length} responses were neither 200 nor 409`);
    if (other409.length > 0)
      failures.push(`409s other than ALL_CLAIMED: ${JSON.stringify(Object.fromEntries(other409))}`);
    if (v.claims !== accepted.length || v.acceptedNotInDb || v.dbNotAccepted)
      failures.push(`HTTP 200s and gift_claims rows disagree (${accepted.length} vs ${v.claims})`);
    if (v.unitsClaimed !== v.claims || v.claimsWithoutUnit) failures.push('claims and claimed units disagree');
    if (v.duplicateRecipients) failures.push(`${v.duplicateRecipients} recipients claimed twice`);
    if (v.negativeStockSkus) failures.push('negative stock');
    if (v.stockAfter !== v.stockBefore) failures.push(`gift SKU stock moved ${v.stockBefore} -> ${v.stockAfter}`);
    if (accepted.length === UNITS && v.giftStatus !== 20) failures.push(`gift status ${v.giftStatus}, expected 20`);
    if (badBodies) failures.push(`${badBodies} 200 answers without {giftId, status: 20}`);

    const pct = (x) =>
      `${x.toFixed(1)} cpu-s (${((100 * x) / (cpu.wall * cpu.cores)).toFixed(0)}% of ${cpu.cores} cores)`;
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
      `cpu during storm    machine ${cpu.machineBusyPct.toFixed(0)}% busy; server node ${pct(cpu.server)} [${cpu.serverSys.toFixed(1)} s in the kernel]; ` +
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
    const target =
      CONCURRENCY >= CLAIMERS
        ? `>= 1,500 claims/s: ${results.length / secs >= 1500 ? 'MET' : 'NOT MET'}`
        : CONCURRENCY === 100
          ? `p95 < 150 ms with 100 in flight: ${percentile(lat, 95) < 150 ? 'MET' : 'NOT MET'}`
          : 'none for this concurrency';
    lines.push(
      `target              ${target}`,
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
