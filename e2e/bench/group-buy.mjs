#!/usr/bin/env node
/**
 * Benchmark: 200 teams of 5 formed concurrently (社群拼团), against PostgreSQL: 800 joins, each
 * followed by its payment, racing for the 4 open seats of each of 200 open teams.
 *
 *   npm run bench:group-buy                         # builds the server, then runs this script
 *   node e2e/bench/group-buy.mjs --oversubscribe=10 # 10 joiners race for each team's 4 seats
 *
 * A script, not a timed test. Like the claim storm it creates a throwaway database on the local
 * PostgreSQL server, starts the BUILT server (server/dist/main.js) on it as a separate process
 * with RATE_LIMITS=off and the demo seed, and sets the world up through the API: the seeded
 * merchant 王掌柜 (o_wang) raises the stock of 坚果每日一包 and runs a group deal on it (team
 * size 5; a seeded deal on it is ended first); the leaders (sandbox logins) each open a team and
 * pay. Then, timed, every joiner joins its team and pays for the seat
 * (POST /api/group-buys/:teamId/join, then POST /api/orders/:orderId/pay), all at once unless
 * --concurrency caps it. No stock SQL is needed: PATCH /api/products/:id sets it. Afterwards it checks
 * in SQL: every team formed, no team with more paid seats than its size, every seat's order paid
 * and with its parcel, the stock moved by exactly what the orders took, and the HTTP answers
 * agree with the seats. Exit code 0 only when those checks pass.
 *
 * With --oversubscribe=N, N joiners race for each team's size − 1 seats: exactly size − 1 of them
 * pay, the rest are refused with 409 TEAM_FULL (every seat paid or held) or, when the team had
 * already formed by then, TEAM_CLOSED; any other answer fails the run.
 *
 * Options (flag or environment variable):
 *   --teams=N          BENCH_TEAMS          teams (200)
 *   --size=N           BENCH_GROUP_SIZE     the deal's team size (5)
 *   --oversubscribe=N  BENCH_OVERSUBSCRIBE  joiners per team (default size − 1: no race for seats)
 *   --pool=N           BENCH_POOL_SIZE      the server's DB_POOL_SIZE (20, as the other benches)
 *   --procs=N          BENCH_PROCS          the server's WEB_CONCURRENCY (default: one per core)
 *   --concurrency=N    BENCH_CONCURRENCY    joiners in flight at once (default: all)
 *   --profile          BENCH_PROFILE=1      sample pg_stat_activity during the race (lock waits by statement)
 *   --keep-db          BENCH_KEEP_DB=1      keep the bench database afterwards
 *   BENCH_DATABASE_URL  admin connection (default postgres://giftshop:giftshop@127.0.0.1:5432/giftshop)
 *   BENCH_SERVER_NODE_ARGS  extra node flags for the server process, for diagnosis
 *
 * Only Node 20 built-ins plus `pg`. All traffic goes to 127.0.0.1.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import http from 'node:http';
import os from 'node:os';
import { dirname, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import {
  benchLifecycle,
  cpuDelta,
  cpuSnapshot,
  databaseUrl as databaseUrlOn,
  freePort,
  HOST,
  HttpError,
  intOption,
  jsonRequest,
  log,
  mapLimit,
  option,
  percentile,
  processesEnv,
  sleep,
  spawnServer,
  startActivitySampler,
  waitForHealth,
  withDeadline,
} from './lib.mjs';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const SERVER_ENTRY = resolve(REPO_ROOT, 'server', 'dist', 'main.js');
const SETUP_TIMEOUT_MS = 5 * 60_000;
const RACE_TIMEOUT_MS = 3 * 60_000;
const SERVER_START_TIMEOUT_MS = 60_000;
const SETTLE_TIMEOUT_MS = 15_000;
const SETUP_CONCURRENCY = 32;
const DEAL_PRODUCT = '坚果每日一包';
const GROUP_DISCOUNT_FEN = 3000; // the group price: the SKU's price less ¥30

const unknown = process.argv
  .slice(2)
  .filter((a) => !/^--(teams|size|oversubscribe|pool|procs|concurrency|profile|keep-db)(=.*)?$/.test(a));
if (unknown.length > 0) {
  console.error(`unknown argument(s): ${unknown.join(' ')} (see the header of e2e/bench/group-buy.mjs)`);
  process.exit(2);
}

const TEAMS = intOption('teams', 'BENCH_TEAMS', 200, 1, 5_000);
const SIZE = intOption('size', 'BENCH_GROUP_SIZE', 5, 2, 50);
const SEATS = SIZE - 1; // the leader holds the first seat
const JOINERS_PER_TEAM = intOption('oversubscribe', 'BENCH_OVERSUBSCRIBE', SEATS, SEATS, 100);
const JOINERS = TEAMS * JOINERS_PER_TEAM;
const POOL_SIZE = intOption('pool', 'BENCH_POOL_SIZE', 20, 1, 200);
const CONCURRENCY = intOption('concurrency', 'BENCH_CONCURRENCY', JOINERS, 1, JOINERS);
const PROFILE = option('profile', 'BENCH_PROFILE', '0') !== '0';
const KEEP_DB = option('keep-db', 'BENCH_KEEP_DB', '0') !== '0';
const ADMIN_URL = process.env.BENCH_DATABASE_URL || 'postgres://giftshop:giftshop@127.0.0.1:5432/giftshop';
const RACE = JOINERS_PER_TEAM > SEATS;

const address = (who, i) => ({
  name: `${who}${i}`,
  phone: `139${String(i).padStart(8, '0')}`,
  region: '浙江省 杭州市 西湖区',
  detail: `拼团路 ${i} 号`,
});

// ---------------------------------------------------------------------------------------------
// HTTP

const setupAgent = new http.Agent({ keepAlive: true, maxSockets: SETUP_CONCURRENCY });

/** One JSON request to the server on the setup's agent (lib.mjs `jsonRequest`). */
const api = (port, method, path, options = {}) => jsonRequest(port, method, path, { agent: setupAgent, ...options });

/** The sandbox login: `{id, token}` of the user with that openId (created on first login). */
async function login(port, openId, nickname) {
  const { token, user } = await api(port, 'POST', '/api/auth/login', { body: { openId, nickname } });
  return { id: user.id, token };
}

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
      ALLOW_DEV_LOGIN: '1', // the shoppers log in by openId: the sandbox login
      SEED_DEMO: '1', // the merchant o_wang and his shop's products
      LOG_LEVEL: 'warn',
      RATE_LIMITS: 'off', // the load comes from one address
      ...processesEnv(),
    },
  });
  state.server = child;
  return child;
}

/** Everything before the race: the deal, the shoppers, and every team opened and paid by its leader. */
async function setup(port, bench) {
  const wang = await login(port, 'o_wang');

  // The deal's SKU: 坚果每日一包 (seeded with 500); the merchant raises its stock through the API.
  const page = await api(port, 'GET', '/api/products?limit=100');
  const summary = page.items.find((p) => p.title === DEAL_PRODUCT);
  if (!summary) throw new Error(`the demo seed has no product ${DEAL_PRODUCT}`);
  const product = await api(port, 'GET', `/api/products/${summary.id}`);
  const sku = product.skus[0];
  const stock = Math.max(10_000, 4 * TEAMS * SIZE);
  await api(port, 'PATCH', `/api/products/${product.id}`, {
    token: wang.token,
    body: { skus: [{ id: sku.id, stock }] },
  });
  // One active deal per product: a seeded one is ended first, so the bench's deal is the only one.
  if (product.groupDeal) {
    await api(port, 'PATCH', `/api/group-deals/${product.groupDeal.id}`, {
      token: wang.token,
      body: { status: 'ended' },
    });
    log(`ended the seeded deal ${product.groupDeal.id} on ${DEAL_PRODUCT}`);
  }
  const groupPriceFen = sku.priceFen - GROUP_DISCOUNT_FEN;
  const deal = await api(port, 'POST', `/api/shops/${product.shopId}/group-deals`, {
    token: wang.token,
    body: { productId: product.id, groupSize: SIZE, windowHours: 24, skus: [{ skuId: sku.id, groupPriceFen }] },
    expect: 201,
  });
  log(`deal ${deal.id}: ${DEAL_PRODUCT} (${sku.id}) at ${groupPriceFen} fen, teams of ${SIZE}, stock ${stock}`);
  const [{ stock: stockBefore }] = await bench.query('SELECT stock FROM skus WHERE id = $1', [sku.id]);

  let t = performance.now();
  const users = await mapLimit(
    Array.from({ length: TEAMS + JOINERS }, (_, i) => i),
    SETUP_CONCURRENCY,
    (i) => (i < TEAMS ? login(port, `o_gb_lead_${i}`, `团长 ${i}`) : login(port, `o_gb_join_${i}`, `团员 ${i}`)),
  );
  const leaders = users.slice(0, TEAMS);
  const joiners = users.slice(TEAMS);
  log(`${users.length} shoppers logged in (${((performance.now() - t) / 1000).toFixed(1)} s)`);

  t = performance.now();
  const teams = await mapLimit(leaders, SETUP_CONCURRENCY, async (leader, i) => {
    const opened = await api(port, 'POST', '/api/group-buys', {
      token: leader.token,
      body: { dealId: deal.id, skuId: sku.id, quantity: 1, address: address('团长', i) },
      expect: 201,
    });
    await api(port, 'POST', `/api/orders/${opened.orderId}/pay`, { token: leader.token, key: randomUUID() });
    return opened.teamId;
  });
  const [{ open }] = await bench.query(
    `SELECT count(*)::int AS open FROM group_teams WHERE deal_id = $1 AND status = 'open' AND paid = 1 AND held = 0`,
    [deal.id],
  );
  if (open !== TEAMS) throw new Error(`${open} of ${TEAMS} teams are open with their leader paid`);
  log(`${TEAMS} teams opened and paid by their leaders (${((performance.now() - t) / 1000).toFixed(1)} s)`);

  return { deal, sku, groupPriceFen, stockBefore, teams, leaders, joiners };
}

/**
 * The race: joiner k of team t joins and, given a seat, pays. Joiners are interleaved across
 * teams (team 0's first, team 1's first, …) so a concurrency cap spreads over every team.
 */
async function race(port, world) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY, maxFreeSockets: CONCURRENCY });
  const call = (method, path, options) =>
    jsonRequest(port, method, path, { agent, timeoutMs: RACE_TIMEOUT_MS, ...options });
  const entries = world.joiners.map((user, i) => {
    const team = i % TEAMS;
    return { user, team, teamId: world.teams[team], i };
  });

  const attempt = async ({ user, team, teamId, i }) => {
    const r = { userId: user.id, team, join: null, code: null, error: null, joinMs: NaN, pairMs: NaN };
    const start = performance.now();
    try {
      const seat = await call('POST', `/api/group-buys/${teamId}/join`, {
        token: user.token,
        body: { skuId: world.sku.id, quantity: 1, address: address('团员', i) },
        expect: 201,
      });
      r.joinMs = performance.now() - start;
      r.join = seat;
      const paid = await call('POST', `/api/orders/${seat.orderId}/pay`, { token: user.token, key: randomUUID() });
      if (paid.status !== 'paid') throw new Error(`pay answered status ${paid.status}`);
      r.pairMs = performance.now() - start;
    } catch (err) {
      if (Number.isNaN(r.joinMs)) r.joinMs = performance.now() - start;
      if (err instanceof HttpError) {
        r.code = `${r.join ? 'pay' : 'join'} ${err.status}${err.code ? ` ${err.code}` : ''}`;
      } else {
        r.error = `${r.join ? 'pay' : 'join'}: ${err.message.slice(0, 120)}`;
      }
    }
    return r;
  };

  const t0 = performance.now();
  const results = await mapLimit(entries, CONCURRENCY, attempt);
  const wallMs = performance.now() - t0;
  agent.destroy();
  return { results, wallMs };
}

/** The deal's teams and seats as the database has them, once every team formed (or the wait ended). */
async function settle(bench, dealId) {
  const started = performance.now();
  for (;;) {
    const [row] = await bench.query(
      `SELECT count(*) FILTER (WHERE status = 'formed')::int AS formed,
              (SELECT count(*)::int FROM group_seats s JOIN group_teams t ON t.id = s.team_id
                WHERE t.deal_id = $1 AND s.status = 'paid'
                  AND NOT EXISTS (SELECT 1 FROM fulfilments f WHERE f.order_id = s.order_id)) AS "withoutParcel"
       FROM group_teams WHERE deal_id = $1`,
      [dealId],
    );
    const waited = performance.now() - started;
    if ((row.formed === TEAMS && row.withoutParcel === 0) || waited > SETTLE_TIMEOUT_MS) return waited;
    await sleep(250);
  }
}

async function verify(bench, world) {
  const teams = await bench.query(
    `SELECT t.id, t.status, t.group_size AS "groupSize", t.paid, t.held,
            count(s.id) FILTER (WHERE s.status = 'paid')::int AS "paidSeats",
            count(s.id) FILTER (WHERE s.status = 'held')::int AS "heldSeats",
            count(s.id) FILTER (WHERE s.status = 'paid' AND o.status <> 'paid')::int AS "paidSeatsOrderNotPaid",
            count(s.id) FILTER (WHERE s.status = 'paid' AND o.kind <> 'group_buy')::int AS "notGroupBuyOrders",
            count(s.id) FILTER (WHERE s.status = 'paid' AND NOT EXISTS
              (SELECT 1 FROM fulfilments f WHERE f.order_id = s.order_id))::int AS "withoutParcel",
            count(s.id) FILTER (WHERE s.status = 'paid' AND (p.status IS DISTINCT FROM 'succeeded'
              OR p.amount_fen <> o.total_fen))::int AS "paymentMismatch"
     FROM group_teams t
     LEFT JOIN group_seats s ON s.team_id = t.id
     LEFT JOIN orders o ON o.id = s.order_id
     LEFT JOIN payments p ON p.order_id = o.id
     WHERE t.deal_id = $1 GROUP BY t.id`,
    [world.deal.id],
  );
  const sum = (key) => teams.reduce((total, t) => total + t[key], 0);
  const [stock] = await bench.query(
    `SELECT (SELECT stock FROM skus WHERE id = $1) AS "stockAfter",
            (SELECT coalesce(sum(i.quantity), 0)::int FROM order_items i JOIN orders o ON o.id = i.order_id
              WHERE i.sku_id = $1 AND o.kind = 'group_buy' AND o.status <> 'cancelled') AS "unitsOrdered",
            (SELECT count(*)::int FROM skus WHERE stock < 0) AS "negativeStockSkus"`,
    [world.sku.id],
  );
  const seatHolders = new Set(
    (
      await bench.query(
        `SELECT s.user_id FROM group_seats s JOIN group_teams t ON t.id = s.team_id
         WHERE t.deal_id = $1 AND s.status = 'paid' AND NOT s.leader`,
        [world.deal.id],
      )
    ).map((r) => r.user_id),
  );
  return {
    teams: teams.length,
    formed: teams.filter((t) => t.status === 'formed').length,
    statuses: teams.reduce((m, t) => ({ ...m, [t.status]: (m[t.status] ?? 0) + 1 }), {}),
    overSize: teams.filter((t) => t.paidSeats > t.groupSize).length,
    counterMismatch: teams.filter((t) => t.paid !== t.paidSeats || t.held !== t.heldSeats).length,
    paidSeats: sum('paidSeats'),
    heldSeats: sum('heldSeats'),
    paidSeatsOrderNotPaid: sum('paidSeatsOrderNotPaid'),
    notGroupBuyOrders: sum('notGroupBuyOrders'),
    withoutParcel: sum('withoutParcel'),
    paymentMismatch: sum('paymentMismatch'),
    ...stock,
    stockBefore: world.stockBefore,
    seatHolders,
  };
}

/** What went wrong, as sentences; empty when the run is correct. */
function failures(v, results) {
  const out = [];
  const paired = results.filter((r) => Number.isFinite(r.pairMs));
  if (v.formed !== TEAMS) out.push(`${v.formed} of ${TEAMS} teams formed ${JSON.stringify(v.statuses)}`);
  if (v.overSize) out.push(`${v.overSize} teams with more paid seats than their size`);
  if (v.paidSeats !== TEAMS * SIZE) out.push(`${v.paidSeats} paid seats, expected ${TEAMS * SIZE}`);
  if (v.heldSeats) out.push(`${v.heldSeats} seats still held`);
  if (v.counterMismatch) out.push(`${v.counterMismatch} teams whose paid/held counters disagree with their seats`);
  if (v.paidSeatsOrderNotPaid || v.notGroupBuyOrders)
    out.push(
      `paid seats with an order not paid (${v.paidSeatsOrderNotPaid}) or not group_buy (${v.notGroupBuyOrders})`,
    );
  if (v.withoutParcel) out.push(`${v.withoutParcel} paid seats' orders without a parcel`);
  if (v.paymentMismatch) out.push(`${v.paymentMismatch} paid seats without a succeeded payment of the order's total`);
  if (v.negativeStockSkus) out.push('negative stock');
  if (v.unitsOrdered !== TEAMS * SIZE) out.push(`${v.unitsOrdered} units ordered, expected ${TEAMS * SIZE}`);
  if (v.stockAfter !== v.stockBefore - v.unitsOrdered)
    out.push(`stock ${v.stockBefore} -> ${v.stockAfter}, but the orders took ${v.unitsOrdered}`);
  if (paired.length !== TEAMS * SEATS) out.push(`${paired.length} joins paid, expected ${TEAMS * SEATS}`);
  const pairedIds = new Set(paired.map((r) => r.userId));
  if (pairedIds.size !== v.seatHolders.size || [...pairedIds].some((id) => !v.seatHolders.has(id)))
    out.push('the joiners answered 201 + paid are not the paid seats of the database');

  const perTeam = new Array(TEAMS).fill(0);
  for (const r of paired) perTeam[r.team]++;
  const wrongTeams = perTeam.filter((n) => n !== SEATS).length;
  if (wrongTeams) out.push(`${wrongTeams} teams where not exactly ${SEATS} joins were paid`);
  // Refused: every seat taken (TEAM_FULL) or, after the team formed, TEAM_CLOSED. Nothing else.
  const refused = results.filter((r) => !Number.isFinite(r.pairMs));
  const unexpected = refused.filter((r) => r.code !== 'join 409 TEAM_FULL' && r.code !== 'join 409 TEAM_CLOSED');
  if (unexpected.length) out.push(`${unexpected.length} answers other than paid, TEAM_FULL or TEAM_CLOSED`);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Report

/** The pg_stat_activity samples: backends by state and wait, and what the lock waiters were running. */
function profileLines({ samples, counts, waiting }) {
  const avg = (n) => (n / Math.max(1, samples)).toFixed(1);
  const top = (map, n) => [...map].sort((a, b) => b[1] - a[1]).slice(0, n);
  return [
    `pg backends (avg)   over ${samples} samples: ${top(counts, 8)
      .map(([k, n]) => `${k} ${avg(n)}`)
      .join('; ')}`,
    ...top(waiting, 6).map(([k, n]) => `  waiting (avg ${avg(n)}) ${k}`),
  ];
}

const fmt = (ms) => (Number.isFinite(ms) ? `${ms.toFixed(1)} ms` : 'n/a');
const latency = (values) => {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  return {
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted.at(-1) ?? NaN,
  };
};
const latencyLine = (l) => `p50 ${fmt(l.p50)}, p95 ${fmt(l.p95)}, p99 ${fmt(l.p99)}, max ${fmt(l.max)}`;

function report({ meta, results, wallMs, cpu, v, settledMs, failed, activity }) {
  const paired = results.filter((r) => Number.isFinite(r.pairMs));
  const answers = {};
  for (const r of results) {
    const key = Number.isFinite(r.pairMs) ? 'paid' : (r.code ?? r.error);
    answers[key] = (answers[key] ?? 0) + 1;
  }
  const joinLat = latency(results.filter((r) => r.join).map((r) => r.joinMs));
  const pairLat = latency(paired.map((r) => r.pairMs));
  const refusedLat = latency(results.filter((r) => !r.join).map((r) => r.joinMs));
  const secs = wallMs / 1000;
  const perJoin = (cpuSec) => (paired.length ? fmt((1000 * cpuSec) / paired.length) : 'n/a');
  const share = (x) => `${((100 * x) / (cpu.wall * cpu.cores)).toFixed(0)}%`;
  const lines = [
    '',
    '================ group-buy benchmark result ================',
    `machine             ${cpu.cores} cores, node ${process.version}, PostgreSQL ${meta.pgVersion}; ` +
      `load before ${meta.loadavg.map((x) => x.toFixed(2)).join(' ')}`,
    `config              ${TEAMS} teams of ${SIZE}, ${JOINERS_PER_TEAM} joiners per team (${JOINERS} in all), ` +
      `${CONCURRENCY >= JOINERS ? 'all at once' : `at most ${CONCURRENCY} in flight`}, DB_POOL_SIZE=${POOL_SIZE}, ` +
      `WEB_CONCURRENCY=${processesEnv().WEB_CONCURRENCY ?? 'default (one per core)'}, keep-alive`,
    `answers             ${JSON.stringify(answers)}`,
    `teams               ${v.formed} formed of ${v.teams} (must be ${TEAMS}) ${JSON.stringify(v.statuses)}; ` +
      `over size ${v.overSize} (must be 0); counters off ${v.counterMismatch}`,
    `seats               paid ${v.paidSeats} (must be ${TEAMS * SIZE}), held ${v.heldSeats}; orders not paid ` +
      `${v.paidSeatsOrderNotPaid}, without parcel ${v.withoutParcel}, payment off ${v.paymentMismatch} ` +
      `(settled ${settledMs.toFixed(0)} ms after the last answer)`,
    `stock               ${v.stockBefore} -> ${v.stockAfter}, units ordered ${v.unitsOrdered} ` +
      `(must be ${TEAMS * SIZE}), skus below 0: ${v.negativeStockSkus}`,
    `wall time           ${secs.toFixed(3)} s (first join sent -> last answer)`,
    `joins/s             ${(paired.length / secs).toFixed(1)} (join + pay pairs completed / wall time)`,
    `latency join        ${latencyLine(joinLat)} (joins given a seat)`,
    `latency join+pay    ${latencyLine(pairLat)}`,
  ];
  if (RACE) lines.push(`latency refused     ${latencyLine(refusedLat)} (409 answers)`);
  lines.push(
    `cpu per join+pay    server node ${perJoin(cpu.server)}, postgres ${perJoin(cpu.postgresBench)}, ` +
      `client ${perJoin(cpu.client)}; machine ${cpu.machineBusyPct.toFixed(0)}% busy ` +
      `(server ${share(cpu.server)}, postgres ${share(cpu.postgresBench)}, client ${share(cpu.client)}, ` +
      `other postgres ${share(cpu.postgresOther)}, everything else ${share(Math.max(0, cpu.rest))})`,
    ...(activity ? profileLines(activity) : []),
    `verdict             ${failed.length ? `FAIL: ${failed.join('; ')}` : 'PASS (correctness)'}`,
    '=============================================================',
  );
  console.log(lines.join('\n'));
  const round = (o) => JSON.parse(JSON.stringify(o, (_, x) => (typeof x === 'number' ? +x.toFixed(2) : x)));
  console.log(
    `json: ${JSON.stringify(
      round({
        teams: TEAMS,
        size: SIZE,
        joinersPerTeam: JOINERS_PER_TEAM,
        concurrency: CONCURRENCY,
        poolSize: POOL_SIZE,
        answers,
        formed: v.formed,
        overSize: v.overSize,
        wallMs,
        joinsPerSec: paired.length / secs,
        join: joinLat,
        joinPay: pairLat,
        cpuMsPerJoin: {
          server: (1000 * cpu.server) / paired.length,
          postgres: (1000 * cpu.postgresBench) / paired.length,
          client: (1000 * cpu.client) / paired.length,
        },
        machineBusyPct: cpu.machineBusyPct,
      }),
    )}`,
  );
  const odd = results.filter((r) => r.error || (r.code && !/TEAM_FULL|TEAM_CLOSED/.test(r.code)));
  if (failed.length && odd.length)
    console.log(
      'first odd answers:',
      odd.slice(0, 5).map((r) => r.error ?? r.code),
    );
}

async function main() {
  log(
    `group buy: ${TEAMS} teams of ${SIZE}, ${JOINERS_PER_TEAM} joiners per team, ` +
      `${CONCURRENCY >= JOINERS ? 'all at once' : `at most ${CONCURRENCY} in flight`}`,
  );
  state.admin = new pg.Client({ connectionString: ADMIN_URL });
  try {
    await state.admin.connect();
  } catch (err) {
    throw new Error(`cannot reach PostgreSQL at ${ADMIN_URL} (run bash scripts/postgres.sh): ${err.message}`);
  }
  const meta = { loadavg: os.loadavg() };
  [{ server_version: meta.pgVersion }] = (await state.admin.query('SHOW server_version')).rows;
  state.benchDb = `giftshop_bench_${randomBytes(4).toString('hex')}`;
  await state.admin.query(`CREATE DATABASE ${state.benchDb}`);
  log(`created database ${state.benchDb} on PostgreSQL ${meta.pgVersion}`);

  const port = await freePort();
  const child = startServer(port, databaseUrl(state.benchDb));
  const health = await withDeadline(
    waitForHealth(port, child, SERVER_START_TIMEOUT_MS),
    SERVER_START_TIMEOUT_MS + 5000,
    'server start',
  );
  log(`server pid ${child.pid} on ${HOST}:${port} (${health.database} ${health.version}, migrated and seeded)`);

  const client = new pg.Client({ connectionString: databaseUrl(state.benchDb) });
  await client.connect();
  const bench = { query: async (sql, params) => (await client.query(sql, params)).rows };
  try {
    const world = await withDeadline(setup(port, bench), SETUP_TIMEOUT_MS, 'setup');
    setupAgent.destroy();
    await sleep(500); // let the setup traffic settle

    log(`race: ${JOINERS} x (POST /api/group-buys/:teamId/join, then POST /api/orders/:orderId/pay)`);
    const stopSampler = PROFILE ? startActivitySampler(state.admin, state.benchDb, { byStatement: true }) : null;
    const cpuBefore = cpuSnapshot(child.pid, state.benchDb);
    const { results, wallMs } = await withDeadline(race(port, world), RACE_TIMEOUT_MS + 5000, 'race');
    const cpu = cpuDelta(cpuBefore, cpuSnapshot(child.pid, state.benchDb));
    const activity = stopSampler ? await stopSampler() : null;
    const settledMs = await settle(bench, world.deal.id);
    const v = await verify(bench, world);
    const failed = failures(v, results);
    report({ meta, results, wallMs, cpu, v, settledMs, failed, activity });
    return failed.length ? 1 : 0;
  } finally {
    await client.end().catch(() => {});
  }
}

let exitCode = 1;
try {
  exitCode = await main();
} catch (err) {
  if (state.interrupted) await cleanup(); // the signal handler exits with 130
  console.error(`\ngroup-buy benchmark FAILED: ${err instanceof Error ? err.message : String(err)}`);
  if (state.serverLog.length) console.error(`--- last server output ---\n${state.serverLog.slice(-40).join('\n')}`);
  exitCode = 1;
} finally {
  await cleanup();
}
process.exit(state.interrupted ? 130 : exitCode);
