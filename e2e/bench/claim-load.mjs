/**
 * The claim storm of claim-storm.mjs, shared with fleet.mjs: the world (giver, claimers, their
 * group), a paid first-come gift, the storm itself (every claim at once, one connection per
 * claimer) and the checks after it. `c` is `{ target, agent }` for the setup's requests: a port on
 * 127.0.0.1 or `{ host, port }` (lib.mjs `targetOf`). `bench` runs SQL on the server's database
 * (`query` → rows, `exec` → result) over ONE connection, as the setup needs a transaction.
 */
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { jsonRequest, log, mapLimit, percentile, targetOf } from './lib.mjs';

export const SETUP_CONCURRENCY = 32;
const GROUP_API_MAX_MEMBERS = 499; // CreateGroupDto: @ArrayMaxSize(499)
const API_MAX_GIFT_UNITS = 100; // PRODUCT.md: a group gift has 2 to 100 units
const GIFT_PRODUCT = '花果茶组合';
const GIFT_FLAVOUR = '蜜桃乌龙';

const api = (c, method, path, options = {}) => jsonRequest(c.target, method, path, { agent: c.agent, ...options });

/**
 * Everything before a storm that a storm does not use up: o_alice (the giver), o_wang (the
 * merchant), `claimers` users o_storm_0…, each alice's friend, the group of them all, and the
 * gift SKU (花果茶组合 / 蜜桃乌龙 of the demo seed).
 */
export async function claimWorld(c, bench, claimerCount) {
  const [alice, wang] = await Promise.all(
    ['o_alice', 'o_wang'].map((openId) => api(c, 'POST', '/api/auth/login', { body: { openId } })),
  );

  // The gift SKU: 花果茶组合 / 蜜桃乌龙 (seeded with 300), found while the seed's products are all there are.
  const page = await api(c, 'GET', '/api/products?limit=100');
  const summary = page.items.find((p) => p.title === GIFT_PRODUCT);
  if (!summary) throw new Error(`the demo seed has no product ${GIFT_PRODUCT}`);
  const product = await api(c, 'GET', `/api/products/${summary.id}`);
  const sku = product.skus.find((s) => s.specs['口味'] === GIFT_FLAVOUR) ?? product.skus[0];

  let t = performance.now();
  const claimers = await mapLimit(
    Array.from({ length: claimerCount }, (_, i) => i),
    SETUP_CONCURRENCY,
    (i) => api(c, 'POST', '/api/auth/login', { body: { openId: `o_storm_${i}`, nickname: `storm ${i}` } }),
  );
  log(`${claimerCount} claimers logged in (${((performance.now() - t) / 1000).toFixed(1)} s)`);

  t = performance.now();
  // Friends by consent: alice asks (202 pending), the claimer asks back (200 friends).
  await mapLimit(claimers, SETUP_CONCURRENCY, async (m) => {
    await api(c, 'POST', '/api/friends', { token: alice.token, body: { userId: m.user.id }, expect: 202 });
    await api(c, 'POST', '/api/friends', { token: m.token, body: { userId: alice.user.id }, expect: 200 });
  });
  log(`${claimerCount} friendships with o_alice (${((performance.now() - t) / 1000).toFixed(1)} s)`);

  // The group: the API takes at most 499 members per call and has no add-member route, so the
  // rest join by SQL (same rows createGroup writes: chat_members with joined_at = now()).
  const ids = claimers.map((m) => m.user.id);
  const group = await api(c, 'POST', '/api/groups', {
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
  if (members !== claimerCount + 1) throw new Error(`the group has ${members} members, expected ${claimerCount + 1}`);
  log(`group ${group.id}: ${members} members (${GROUP_API_MAX_MEMBERS} + giver via API, ${rest.length} via SQL)`);

  return { alice, wang, claimers, group, product, sku };
}

/**
 * A paid first-come gift of `units` units to the world's group, on 花果茶组合 / 蜜桃乌龙 (its stock
 * raised by the merchant first): the storm's prize. A world takes one storm per gift.
 */
export async function readyGift(c, bench, { alice, wang, group, product, sku }, units) {
  // The merchant raises the gift SKU's stock first.
  const stockTarget = Math.max(10_000, units * 4);
  await api(c, 'PATCH', `/api/products/${product.id}`, {
    token: wang.token,
    body: { skus: [{ id: sku.id, stock: stockTarget }] },
  });
  log(`gift SKU ${GIFT_PRODUCT} / ${sku.specs['口味']} (${sku.id}), stock set to ${stockTarget} by o_wang`);

  // The gift: the API caps a group gift at 100 units; it is created with min(units, 100) and,
  // before it is paid, its order is raised to units (stock reserved for the extra units, the
  // amount due with it), so the payment covers every unit. gift_units rows are written when the
  // gift is sent (paid), one per unit its order line paid for, each with what it paid.
  // gifts.units stays at 100 (a CHECK constraint caps it); the claim path never reads it, it
  // races for gift_units rows.
  const apiUnits = Math.min(units, API_MAX_GIFT_UNITS);
  const gift = await api(c, 'POST', '/api/gifts', {
    token: alice.token,
    body: { skuId: sku.id, chatId: group.id, mode: 'first_come', units: apiUnits, wishMessage: '抢礼物压测' },
    expect: 201,
  });
  const extra = units - apiUnits;
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
  await api(c, 'POST', `/api/orders/${gift.orderId}/pay`, { token: alice.token });
  const [check] = await bench.query(
    `SELECT g.status, (SELECT count(*)::int FROM gift_units u WHERE u.gift_id = g.id AND u.status = 'open') AS open,
            o.total_fen AS "totalFen", p.amount_fen AS "paidFen", p.status AS "paymentStatus"
     FROM gifts g JOIN orders o ON o.id = g.order_id JOIN payments p ON p.order_id = o.id WHERE g.id = $1`,
    [gift.id],
  );
  if (check.status !== 10 || check.open !== units || check.paidFen !== check.totalFen) {
    throw new Error(`the gift is not ready: ${JSON.stringify(check)}`);
  }
  log(`gift ${gift.id}: first_come, ${units} open units, paid ${check.paidFen} fen (status 10)`);

  return { gift, sku };
}

/** Fires every claim (at most `concurrency` in flight) and measures each one. */
export async function storm(target, giftId, claimers, { concurrency = claimers.length, timeoutMs } = {}) {
  const { host, port } = targetOf(target);
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
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency, maxFreeSockets: concurrency });

  const fire = (r) =>
    new Promise((done) => {
      const start = performance.now();
      const finish = (status, text, error) => {
        const end = performance.now();
        done({ userId: r.userId, status, ms: end - start, doneAt: end - t0, text, error });
      };
      const req = http.request({ host, port, method: 'POST', path, headers: r.headers, agent }, (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('error', (e) => finish(0, '', e.message));
        res.on('end', () => finish(res.statusCode, Buffer.concat(chunks).toString('utf8')));
      });
      req.setTimeout(timeoutMs, () => req.destroy(new Error('timed out')));
      req.on('error', (e) => finish(0, '', e.message));
      req.end(r.body);
    });

  const t0 = performance.now();
  const results =
    concurrency >= requests.length
      ? await Promise.all(requests.map(fire))
      : await mapLimit(requests, concurrency, fire);
  const wallMs = performance.now() - t0;
  agent.destroy();
  return { results, wallMs };
}

export async function verify(bench, giftId, skuId, stockBefore, results) {
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

/** The API error's code of an answer, or what else answered (a proxy's own page, say). */
function answerCode(text) {
  try {
    return JSON.parse(text).code ?? 'no code';
  } catch {
    return `not JSON: ${text.replace(/\s+/g, ' ').slice(0, 60)}`;
  }
}

/**
 * What a storm's answers and the database say together: accepted (200), rejected (409
 * ALL_CLAIMED), other 409s by code, errors (neither) by kind, 200s without the claim's body, and
 * the failures that make the run FAIL (exactly `units` accepted, none oversold, every answer a 200
 * or a 409 ALL_CLAIMED, HTTP and the database agreeing).
 */
export function assess(results, v, { units, giftId }) {
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
  const errorKinds = new Map();
  for (const e of errors) {
    const key = e.status === 0 ? `network: ${e.error}` : `HTTP ${e.status} ${answerCode(e.text)}`;
    errorKinds.set(key, (errorKinds.get(key) ?? 0) + 1);
  }
  const badBodies = accepted.filter((r) => {
    try {
      const b = JSON.parse(r.text);
      return b.status !== 20 || b.giftId !== giftId;
    } catch {
      return true;
    }
  }).length;

  const failures = [];
  if (accepted.length !== units) failures.push(`accepted ${accepted.length} != ${units}`);
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
  if (accepted.length === units && v.giftStatus !== 20) failures.push(`gift status ${v.giftStatus}, expected 20`);
  if (badBodies) failures.push(`${badBodies} 200 answers without {giftId, status: 20}`);
  return { accepted, rejected, other409, errors, errorKinds, badBodies, failures };
}

/** Latency percentiles (ms) of a storm's requests, nearest rank. */
export function stormLatency(results) {
  const lat = results.map((r) => r.ms).sort((a, b) => a - b);
  return { p50: percentile(lat, 50), p95: percentile(lat, 95), p99: percentile(lat, 99), max: lat.at(-1) };
}
