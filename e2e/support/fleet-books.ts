import type { Fleet } from './fleet';
import { INITIAL_STOCK, type LoadRecord, type World } from './fleet-load';

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
