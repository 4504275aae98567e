import { randomUUID } from 'node:crypto';
import type { FleetClient } from './fleet-client';

/**
 * The load of the fleet fault tests (e2e/api/fleet-faults.spec.ts), sent through HAProxy as the
 * shop's clients would: a claim storm on group gifts (many claimers, fewer units) and a checkout
 * load (create and pay orders) at once, every client retrying what did not get an answer.
 * What the clients were told is recorded for the checks of fleet-books.ts.
 */

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
 * Orders paid and claims answered per second before the fault and after it, and how many while it
 * lasted (from the fault to the last failure a client retried): one line for the log.
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
  // The fault's window is short: its counts say more than rates would.
  const parts = windows.map(([name, from, to]) => {
    const s = Math.max(0.001, (to - from) / 1000);
    const [o, k] = [inside(paid, from, to), inside(claims, from, to)];
    return name === 'during'
      ? `${name} ${s.toFixed(1)} s: ${o} orders, ${k} claims`
      : `${name} ${s.toFixed(1)} s: ${(o / s).toFixed(0)} orders/s, ${(k / s).toFixed(0)} claims/s`;
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
