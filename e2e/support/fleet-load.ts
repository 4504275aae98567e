import { randomUUID } from 'node:crypto';
import type { Fleet } from './fleet';

/**
 * The load of the fleet fault tests (e2e/api/fleet-faults.spec.ts), sent through HAProxy as the
 * shop's clients would: a claim storm on group gifts (many claimers, fewer units) and a checkout
 * load (create and pay orders) at once, every client retrying what did not get an answer, and the
 * SQL that checks afterwards that nothing was lost or done twice.
 */

/** A client's final answer to one call, after its retries. */
export interface Answer {
  status: number;
  body: Record<string, unknown>;
  /** How many times the call was sent (1: no retry). */
  attempts: number;
  started: number;
  ended: number;
}

/** What is worth sending again: no answer, or the balancer's or the shop's "not now". */
const RETRY_STATUSES = new Set([502, 503, 504]);
const CALL_DEADLINE_MS = 90_000;

export class FleetClient {
  /** When each retried failure happened, and what it was ("network", "502", "503 DATABASE_BUSY"…). */
  readonly failures: { at: number; what: string }[] = [];

  private closed = false;

  constructor(private readonly base: string) {}

  /** Stops every call of this client at its next attempt (a test that failed leaves no load running). */
  close(): void {
    this.closed = true;
  }

  /**
   * Sends the call until it gets an answer that is not worth retrying; every attempt carries the
   * same body and the same Idempotency-Key, so the server can tell a retry from a new request.
   */
  async send(
    method: 'GET' | 'POST',
    path: string,
    opts: { token?: string; body?: unknown; key?: string } = {},
  ): Promise<Answer> {
    const started = Date.now();
    for (let attempt = 1; ; attempt++) {
      if (this.closed) throw new Error(`${method} ${path}: the client was closed`);
      let what: string;
      try {
        const res = await fetch(`${this.base}${path}`, {
          method,
          headers: {
            ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}),
            ...(opts.body !== undefined ? { 'content-type': 'application/json' } : {}),
            ...(opts.key ? { 'idempotency-key': opts.key } : {}),
          },
          body: opts.body !== undefined ? JSON.stringify(opts.body) : undefined,
          signal: AbortSignal.timeout(30_000),
        });
        const text = await res.text();
        const body = parse(text);
        if (!RETRY_STATUSES.has(res.status))
          return { status: res.status, body, attempts: attempt, started, ended: Date.now() };
        what = `${res.status}${typeof body.code === 'string' ? ` ${body.code}` : ''}`;
      } catch {
        what = 'network';
      }
      this.failures.push({ at: Date.now(), what });
      if (Date.now() - started > CALL_DEADLINE_MS)
        throw new Error(`${method} ${path}: no answer in ${CALL_DEADLINE_MS} ms`);
      // Backing off with jitter: 20 ms, 40 ms … at most 400 ms.
      await new Promise((r) => setTimeout(r, Math.random() * Math.min(400, 20 * 2 ** attempt)));
    }
  }

  /** As `send`, and the answer must have `status`. */
  async expect<T = Record<string, unknown>>(
    status: number,
    method: 'GET' | 'POST',
    path: string,
    opts: { token?: string; body?: unknown; key?: string } = {},
  ): Promise<T> {
    const answer = await this.send(method, path, opts);
    if (answer.status !== status) {
      throw new Error(`${method} ${path}: expected ${status}, got ${answer.status} ${JSON.stringify(answer.body)}`);
    }
    return answer.body as T;
  }

  /** How many calls failed and were sent again, by what they met. */
  tally(): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const f of this.failures) counts[f.what] = (counts[f.what] ?? 0) + 1;
    return counts;
  }
}

function parse(text: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === 'object' ? (value as Record<string, unknown>) : { value };
  } catch {
    return { text: text.slice(0, 200) };
  }
}

export interface User {
  id: string;
  token: string;
}

const ADDRESS = { name: '压测', phone: '13800138000', region: '浙江省 杭州市 西湖区', detail: '龙井路 1 号' };

export const CHECKOUT_PRICE_FEN = 2000;
export const GIFT_PRICE_FEN = 5900;
export const INITIAL_STOCK = 5000;

/** Who takes part, made through the balancer before any fault: a shop, buyers, a giver and a group. */
export interface World {
  tag: string;
  shopId: string;
  checkoutSku: string;
  giftSku: string;
  buyers: User[];
  giver: User;
  claimers: User[];
  groupId: string;
}

export async function makeWorld(
  c: FleetClient,
  tag: string,
  size: { buyers: number; claimers: number },
): Promise<World> {
  const login = async (openId: string): Promise<User> => {
    const body = await c.expect<{ token: string; user: { id: string } }>(200, 'POST', '/api/auth/login', {
      body: { openId },
    });
    return { id: body.user.id, token: body.token };
  };
  const many = async (prefix: string, n: number): Promise<User[]> => {
    const users: User[] = [];
    for (let i = 0; i < n; i += 20) {
      const batch = Array.from({ length: Math.min(20, n - i) }, (_, k) => login(`${prefix}${i + k}`));
      users.push(...(await Promise.all(batch)));
    }
    return users;
  };
  const merchant = await login(`o_${tag}_merchant`);
  const shop = await c.expect<{ id: string }>(201, 'POST', '/api/shops', {
    token: merchant.token,
    body: { name: `压测小店-${tag}` },
  });
  const product = async (title: string, priceFen: number): Promise<string> => {
    const made = await c.expect<{ skus: { id: string }[] }>(201, 'POST', `/api/shops/${shop.id}/products`, {
      token: merchant.token,
      body: {
        title,
        description: '压测商品',
        categoryCode: 'tea',
        skus: [{ specs: { 规格: '标准' }, priceFen, listPriceFen: priceFen, stock: INITIAL_STOCK }],
      },
    });
    return made.skus[0].id;
  };
  const checkoutSku = await product('压测龙井', CHECKOUT_PRICE_FEN);
  const giftSku = await product('压测礼盒', GIFT_PRICE_FEN);
  const buyers = await many(`o_${tag}_buyer_`, size.buyers);
  const giver = await login(`o_${tag}_giver`);
  const claimers = await many(`o_${tag}_claimer_`, size.claimers);
  for (let i = 0; i < claimers.length; i += 20) {
    await Promise.all(
      claimers.slice(i, i + 20).map(async (m) => {
        await c.expect(202, 'POST', '/api/friends', { token: giver.token, body: { userId: m.id } });
        await c.expect(200, 'POST', '/api/friends', { token: m.token, body: { userId: giver.id } });
      }),
    );
  }
  const group = await c.expect<{ id: string }>(201, 'POST', '/api/groups', {
    token: giver.token,
    body: { name: '压测抢礼物群', memberIds: claimers.map((m) => m.id) },
  });
  return { tag, shopId: shop.id, checkoutSku, giftSku, buyers, giver, claimers, groupId: group.id };
}

/** An order as its buyer's client saw it: created (its id) and, when the pay call answered 200, paid. */
export interface PlacedOrder {
  buyerId: string;
  orderId: string;
  quantity: number;
  totalFen: number;
  paid: boolean;
  paidAt: number;
}

export interface GiftRound {
  giftId: string;
  orderId: string;
  units: number;
  totalFen: number;
  /** Each claimer's final answer: "200", "409 ALL_CLAIMED", "409 ALREADY_CLAIMED" (after a retry)… */
  answers: { userId: string; outcome: string; attempts: number; ended: number }[];
}

/** A fault injected mid-storm: `start` begins it; `over` resolves when it is over (the fleet whole again). */
export type Fault = () => Promise<{ over: Promise<void> }>;

export interface LoadRecord {
  orders: PlacedOrder[];
  rounds: GiftRound[];
  /** Calls answered something no client expects (a 500, a 409 on its own first attempt…). */
  unexpected: string[];
  faultAt: number;
  startedAt: number;
  endedAt: number;
}

/**
 * Runs the checkout load (each buyer creates an order and pays it, again and again) while the giver
 * sends `rounds` group gifts of `units` units one after the other, all the claimers claiming each at
 * once. In round `faultRound`, once the first claim of the storm has answered (the others in
 * flight), `fault` starts. The checkout stops after the last round and once `minOrdersAfter` orders
 * were paid after the fault began.
 */
export async function runLoad(
  c: FleetClient,
  w: World,
  plan: { rounds: number; units: number; faultRound: number; minOrdersAfter: number; fault: Fault },
): Promise<LoadRecord> {
  const record: LoadRecord = {
    orders: [],
    rounds: [],
    unexpected: [],
    faultAt: Number.POSITIVE_INFINITY,
    startedAt: Date.now(),
    endedAt: 0,
  };
  let stormsDone = false;
  const paidAfterFault = () => record.orders.filter((o) => o.paid && o.paidAt > record.faultAt).length;

  const checkout = async (buyer: User, n: number): Promise<void> => {
    for (let i = 0; !(stormsDone && paidAfterFault() >= plan.minOrdersAfter); i++) {
      const quantity = 1 + ((n + i) % 3);
      const created = await c.send('POST', '/api/orders', {
        token: buyer.token,
        key: randomUUID(),
        body: { items: [{ skuId: w.checkoutSku, quantity }], address: ADDRESS, scene: 'chat' },
      });
      if (created.status !== 201) {
        record.unexpected.push(`create order: ${created.status} ${JSON.stringify(created.body)}`);
        return;
      }
      const order: PlacedOrder = {
        buyerId: buyer.id,
        orderId: String(created.body.id),
        quantity,
        totalFen: Number(created.body.totalFen),
        paid: false,
        paidAt: 0,
      };
      record.orders.push(order);
      const paid = await c.send('POST', `/api/orders/${order.orderId}/pay`, { token: buyer.token, key: randomUUID() });
      if (paid.status !== 200) {
        record.unexpected.push(`pay order: ${paid.status} ${JSON.stringify(paid.body)}`);
        return;
      }
      order.paid = true;
      order.paidAt = paid.ended;
    }
  };

  const storms = async (): Promise<void> => {
    let over: Promise<void> = Promise.resolve();
    try {
      for (let round = 1; round <= plan.rounds; round++) {
        const gift = await c.expect<{ id: string; orderId: string; totalFen: number }>(201, 'POST', '/api/gifts', {
          token: w.giver.token,
          key: randomUUID(),
          body: { skuId: w.giftSku, chatId: w.groupId, mode: 'first_come', units: plan.units },
        });
        await c.expect(200, 'POST', `/api/orders/${gift.orderId}/pay`, { token: w.giver.token, key: randomUUID() });
        let firstAnswer: () => void = () => undefined;
        const answered = new Promise<void>((r) => (firstAnswer = r));
        const claims = w.claimers.map(async (m, i) => {
          const a = await c.send('POST', `/api/gifts/${gift.id}/claim`, {
            token: m.token,
            body: { address: { ...ADDRESS, name: `抢礼物${i}` } },
          });
          firstAnswer();
          let outcome = a.status === 200 ? '200' : `${a.status} ${String(a.body.code)}`;
          // A claim is idempotent per user and gift: a retry of one that was made is told so, as
          // ALREADY_CLAIMED, or as ALL_CLAIMED once the gift is all accepted (that check comes
          // first: shared/src/claim-eligibility.ts). The client then reads the gift to know.
          if (outcome === '409 ALL_CLAIMED' && a.attempts > 1) {
            const view = await c.expect<{ myClaim?: unknown }>(200, 'GET', `/api/gifts/${gift.id}`, { token: m.token });
            if (view.myClaim) outcome = '409 ALL_CLAIMED, but mine';
          }
          const expected = [
            '200',
            '409 ALL_CLAIMED',
            ...(a.attempts > 1 ? ['409 ALREADY_CLAIMED', '409 ALL_CLAIMED, but mine'] : []),
          ];
          if (!expected.includes(outcome)) record.unexpected.push(`claim (attempt ${a.attempts}): ${outcome}`);
          return { userId: m.id, outcome, attempts: a.attempts, ended: a.ended };
        });
        if (round === plan.faultRound) {
          await answered;
          record.faultAt = Date.now();
          over = (await plan.fault()).over;
        }
        record.rounds.push({
          giftId: gift.id,
          orderId: gift.orderId,
          units: plan.units,
          totalFen: gift.totalFen,
          answers: await Promise.all(claims),
        });
      }
    } finally {
      await over;
      stormsDone = true;
    }
  };

  await Promise.all([storms(), ...w.buyers.map((b, n) => checkout(b, n))]);
  record.endedAt = Date.now();
  return record;
}

/**
 * Orders paid and claims answered per second before the fault, during it (until the last retried
 * failure) and after it: one line for the log.
 */
export function throughput(record: LoadRecord, c: FleetClient): { line: string; before: number; after: number } {
  const lastFailure = Math.max(record.faultAt, ...c.failures.map((f) => f.at));
  const windows: [string, number, number][] = [
    ['before', record.startedAt, record.faultAt],
    ['during', record.faultAt, lastFailure],
    ['after', lastFailure, record.endedAt],
  ];
  const paid = record.orders.filter((o) => o.paid).map((o) => o.paidAt);
  const claims = record.rounds.flatMap((r) => r.answers.map((a) => a.ended));
  const inside = (times: number[], from: number, to: number) => times.filter((t) => t >= from && t < to).length;
  const parts = windows.map(([name, from, to]) => {
    const s = Math.max(0.001, (to - from) / 1000);
    return `${name} ${s.toFixed(1)} s: ${(inside(paid, from, to) / s).toFixed(0)} orders/s, ${(inside(claims, from, to) / s).toFixed(0)} claims/s`;
  });
  return {
    line: `${parts.join(' | ')} | retried: ${JSON.stringify(c.tally())} | claims answered after a retry: ${JSON.stringify(retriedClaims(record))}`,
    before: inside(paid, record.startedAt, record.faultAt) + inside(claims, record.startedAt, record.faultAt),
    after: inside(paid, record.faultAt, record.endedAt + 1) + inside(claims, record.faultAt, record.endedAt + 1),
  };
}

/** The final answers of claims that were sent more than once, by answer. */
function retriedClaims(record: LoadRecord): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const a of record.rounds.flatMap((r) => r.answers)) {
    if (a.attempts > 1) counts[a.outcome] = (counts[a.outcome] ?? 0) + 1;
  }
  return counts;
}

/**
 * What the primary holds after the load, checked against what the clients were told. Answers a list
 * of broken rules (empty when all hold), so a failure names every one.
 */
export async function checkBooks(fleet: Fleet, w: World, record: LoadRecord): Promise<string[]> {
  const broken: string[] = [];
  const expectEqual = (what: string, actual: unknown, expected: unknown) => {
    if (JSON.stringify(actual) !== JSON.stringify(expected))
      broken.push(`${what}: expected ${JSON.stringify(expected)}, found ${JSON.stringify(actual)}`);
  };
  const giftOrders = record.rounds.map((r) => r.orderId);
  const clientOrders = record.orders.filter((o) => o.paid);

  // Every order the buyers placed is there once, paid, with one succeeded payment; no other order of theirs.
  const orders = await fleet.sql<{ id: string; status: string; total_fen: number; payments: number; paid: number }>(
    `SELECT o.id, o.status, o.total_fen,
            (SELECT count(*)::int FROM payments p WHERE p.order_id = o.id) AS payments,
            (SELECT count(*)::int FROM payments p WHERE p.order_id = o.id AND p.status = 'succeeded') AS paid
       FROM orders o WHERE o.buyer_id = ANY($1::uuid[]) OR o.id = ANY($2::uuid[]) ORDER BY o.id`,
    [w.buyers.map((b) => b.id), giftOrders],
  );
  const told = new Set([...clientOrders.map((o) => o.orderId), ...giftOrders]);
  const found = new Set(orders.map((o) => o.id));
  const missing = [...told].filter((id) => !found.has(id));
  const extra = orders.filter((o) => !told.has(o.id)).map((o) => `${o.id} (${o.status})`);
  if (missing.length > 0) broken.push(`orders the clients were told of, missing: ${missing.join(', ')}`);
  if (extra.length > 0) broken.push(`orders no client was told of: ${extra.join(', ')}`);
  for (const o of orders) {
    if (o.status !== 'paid' || o.payments !== 1 || o.paid !== 1)
      broken.push(`order ${o.id}: ${o.status} with ${o.payments} payments (${o.paid} succeeded)`);
  }

  // Stock: what was there, less what was sold (orders) and reserved for the gifts' units.
  const sold = clientOrders.reduce((n, o) => n + o.quantity, 0);
  const units = record.rounds.reduce((n, r) => n + r.units, 0);
  const stock = await fleet.sql<{ id: string; stock: number }>(
    'SELECT id, stock FROM skus WHERE id = ANY($1::uuid[])',
    [[w.checkoutSku, w.giftSku]],
  );
  const stockOf = (id: string) => stock.find((s) => s.id === id)?.stock;
  expectEqual('checkout SKU stock', stockOf(w.checkoutSku), INITIAL_STOCK - sold);
  expectEqual('gift SKU stock', stockOf(w.giftSku), INITIAL_STOCK - units);

  // Claims: one per accepted claimer, none for the others, no unit twice, never more than the units.
  for (const round of record.rounds) {
    const claims = await fleet.sql<{ recipient_id: string; units: number }>(
      `SELECT c.recipient_id, (SELECT count(*)::int FROM gift_units u WHERE u.claim_id = c.id) AS units
         FROM gift_claims c WHERE c.gift_id = $1 ORDER BY c.recipient_id`,
      [round.giftId],
    );
    const accepted = round.answers
      .filter((a) => ['200', '409 ALREADY_CLAIMED', '409 ALL_CLAIMED, but mine'].includes(a.outcome))
      .map((a) => a.userId)
      .sort();
    expectEqual(
      `gift ${round.giftId}: claimers with a claim`,
      claims.map((c) => c.recipient_id),
      accepted,
    );
    if (claims.some((c) => c.units !== 1)) broken.push(`gift ${round.giftId}: a claim holds other than one unit`);
    const [u] = await fleet.sql<{ claimed: number; distinct_claims: number; total: number }>(
      `SELECT count(*) FILTER (WHERE status = 'claimed')::int AS claimed,
              count(DISTINCT claim_id)::int AS distinct_claims, count(*)::int AS total
         FROM gift_units WHERE gift_id = $1`,
      [round.giftId],
    );
    expectEqual(`gift ${round.giftId}: units`, u, {
      claimed: claims.length,
      distinct_claims: claims.length,
      total: round.units,
    });
    // More claimers than units, every one answered: the gift is all claimed.
    expectEqual(`gift ${round.giftId}: claims`, claims.length, round.units);
  }

  // The ledger: each paid order's income once, each gift unit's income once and the fee of each
  // claimed unit once, no refunds; the shop's paid GMV is its income.
  const entries = await fleet.sql<{ order_id: string; unit_id: string | null; type: string; n: number; fen: number }>(
    `SELECT order_id, unit_id, type, count(*)::int AS n, SUM(amount_fen)::int AS fen FROM ledger_entries
      WHERE shop_id = $1 GROUP BY order_id, unit_id, type ORDER BY order_id, unit_id, type`,
    [w.shopId],
  );
  const income = entries.filter((e) => e.type === 'income');
  const others = entries.filter((e) => !['income', 'fee'].includes(e.type));
  if (others.length > 0) broken.push(`ledger: unexpected entries ${JSON.stringify(others)}`);
  if (entries.some((e) => e.n !== 1))
    broken.push(`ledger: doubled entries ${JSON.stringify(entries.filter((e) => e.n !== 1))}`);
  expectEqual(
    'ledger: income per paid order',
    income
      .filter((e) => e.unit_id === null)
      .map((e) => `${e.order_id} ${e.fen}`)
      .sort(),
    clientOrders.map((o) => `${o.orderId} ${o.totalFen}`).sort(),
  );
  const [unitBooks] = await fleet.sql<{
    income_units: number;
    claimed_with_fee: number;
    fees: number;
    unclaimed_fees: number;
  }>(
    `SELECT (SELECT count(*)::int FROM ledger_entries e JOIN gift_units u ON u.id = e.unit_id
              WHERE u.gift_id = ANY($1::uuid[]) AND e.type = 'income' AND e.amount_fen = u.paid_fen) AS income_units,
            (SELECT count(*)::int FROM gift_units u JOIN ledger_unit_fees f ON f.unit_id = u.id
              WHERE u.gift_id = ANY($1::uuid[]) AND u.status = 'claimed') AS claimed_with_fee,
            (SELECT count(*)::int FROM ledger_entries e JOIN gift_units u ON u.id = e.unit_id
              JOIN ledger_unit_fees f ON f.unit_id = u.id
              WHERE u.gift_id = ANY($1::uuid[]) AND e.type = 'fee' AND e.amount_fen = -f.fee_fen AND u.status = 'claimed') AS fees,
            (SELECT count(*)::int FROM ledger_entries e JOIN gift_units u ON u.id = e.unit_id
              WHERE u.gift_id = ANY($1::uuid[]) AND e.type = 'fee' AND u.status <> 'claimed') AS unclaimed_fees`,
    [record.rounds.map((r) => r.giftId)],
  );
  expectEqual('ledger: gift units', unitBooks, {
    income_units: units,
    claimed_with_fee: unitBooks.claimed_with_fee,
    fees: unitBooks.claimed_with_fee,
    unclaimed_fees: 0,
  });
  const incomeFen =
    clientOrders.reduce((n, o) => n + o.totalFen, 0) + record.rounds.reduce((n, r) => n + r.totalFen, 0);
  const [gmv] = await fleet.sql<{ gmv: number; income: number }>(
    `SELECT (SELECT paid_gmv_fen::int FROM ledger_shop_gmv WHERE shop_id = $1) AS gmv,
            (SELECT SUM(amount_fen)::int FROM ledger_entries WHERE shop_id = $1 AND type = 'income') AS income`,
    [w.shopId],
  );
  expectEqual('ledger: paid GMV and income', gmv, { gmv: incomeFen, income: incomeFen });

  // No job gave up.
  const failedJobs = await fleet.sql('SELECT kind, last_error FROM jobs WHERE state = $1', ['failed']);
  if (failedJobs.length > 0) broken.push(`failed jobs: ${JSON.stringify(failedJobs)}`);
  return broken;
}
