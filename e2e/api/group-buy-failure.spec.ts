import type { LedgerView } from '@giftshop/shared';
import { stockOf, until } from '../support/fixtures';
import { dealOn, HOUR, join, openTeam, pay, shoppers, teamOf } from '../support/group-buy-fixtures';
import { Session, TestApp } from '../support/test-app';

jest.setTimeout(180_000);

/**
 * A failed team refunds each paid member exactly once, whoever runs its deadline: two app
 * instances polling the jobs together, a new process after a restart, and the deadline's job run
 * again.
 */

/** A team of 5 with the leader and `paid` − 1 joiners paid, and one more joiner holding a seat. */
async function failingTeam(t: TestApp, merchant: Session, prefix: string, paid: number) {
  const { deal, skuId, shopId } = await dealOn(t, merchant, { groupSize: 5, windowHours: 1, stock: 50 });
  const [leader, ...others] = await shoppers(t, prefix, paid + 1);
  const team = await openTeam(t, leader, deal.id, skuId);
  const orders = [team.orderId];
  for (const who of others.slice(0, paid - 1)) {
    const joined = (await join(t, who, team.teamId, skuId).expect(201)).body as { orderId: string };
    await pay(t, who, joined.orderId).expect(200);
    orders.push(joined.orderId);
  }
  const holder = others[paid - 1];
  const held = (await join(t, holder, team.teamId, skuId).expect(201)).body as { orderId: string };
  return { teamId: team.teamId, skuId, shopId, paidOrders: orders, heldOrder: held.orderId };
}

async function expectRefundedOnce(t: TestApp, f: Awaited<ReturnType<typeof failingTeam>>, merchant: Session) {
  const refunds = await t.sql<{ order_id: string; amount_fen: number }>(
    'SELECT order_id, amount_fen FROM refunds WHERE order_id = ANY($1) ORDER BY order_id',
    [[...f.paidOrders, f.heldOrder]],
  );
  expect(refunds.map((r) => r.order_id)).toEqual([...f.paidOrders].sort());
  expect(refunds.every((r) => r.amount_fen === 3900)).toBe(true);
  const statuses = await t.sql<{ id: string; status: string }>('SELECT id, status FROM orders WHERE id = ANY($1)', [
    [...f.paidOrders, f.heldOrder],
  ]);
  for (const o of statuses) expect(o.status).toBe(o.id === f.heldOrder ? 'cancelled' : 'refunded');
  expect(await stockOf(t, f.skuId)).toBe(50);
  const ledger = (await t.http().get(`/api/shops/${f.shopId}/ledger?limit=100`).set(merchant.auth).expect(200))
    .body as LedgerView;
  expect(ledger.totals).toMatchObject({ paidFen: 3900 * f.paidOrders.length, feeFen: 0, pendingFen: 0 });
  expect(ledger.totals.refundedFen).toBe(ledger.totals.paidFen);
}

describe('a failed team refunds exactly once', () => {
  describe('two server instances polling the jobs', () => {
    let a: TestApp;
    let b: TestApp;
    beforeAll(async () => {
      a = await TestApp.start({ JOBS_POLL_MS: '10' });
      b = await TestApp.start({ JOBS_POLL_MS: '10' }, { reset: false });
    });
    afterAll(async () => {
      await b.close();
      await a.close();
    });

    it('both poll; each paid member is refunded once, the held seat cancelled, and a second run changes nothing', async () => {
      const merchant = await a.login('o_gbf_merchant');
      const f = await failingTeam(a, merchant, 'o_gbf_two_', 3);
      // The deadline, for both pollers at once.
      await a.sql("UPDATE group_teams SET expires_at = now() - interval '1 second' WHERE id = $1", [f.teamId]);
      await a.sql(
        "UPDATE jobs SET run_at = now() - interval '1 second' WHERE kind = 'group_buy.expire' AND payload->>'teamId' = $1",
        [f.teamId],
      );
      await until(async () => (await teamOf(b, f.teamId)).status === 'failed', 'the team to fail');
      await until(
        async () =>
          (await a.sql("SELECT 1 FROM jobs WHERE kind = 'payments.refund.send' AND state <> 'done'")).length === 0,
        'the refunds to be sent',
      );
      await expectRefundedOnce(a, f, merchant);
      // The deadline's job once more (a duplicate delivery): nothing moves.
      await a.sql(
        `INSERT INTO jobs (kind, payload, run_at, unique_key, max_attempts, state, attempts, created_at)
         VALUES ('group_buy.expire', $1, now() - interval '1 second', NULL, 5, 'pending', 0, now())`,
        [JSON.stringify({ teamId: f.teamId })],
      );
      await until(
        async () =>
          (await a.sql("SELECT 1 FROM jobs WHERE kind = 'group_buy.expire' AND state = 'pending'")).length === 0,
        'the repeated job to run',
      );
      await expectRefundedOnce(a, f, merchant);
    });
  });

  describe('a restart', () => {
    it('a new process fails a team opened by the old one at its deadline, refunding once', async () => {
      const first = await TestApp.start();
      const merchant = await first.login('o_gbf_merchant2');
      const f = await failingTeam(first, merchant, 'o_gbf_restart_', 2);
      await first.close();

      const second = await TestApp.start({}, { reset: false });
      try {
        await second.advance(HOUR + 60_000);
        expect(await teamOf(second, f.teamId)).toMatchObject({ status: 'failed', paidCount: 2 });
        await second.advance(60_000); // the refund outbox, and the deadline again: nothing more
        await expectRefundedOnce(second, f, merchant);
      } finally {
        await second.close();
      }
    });
  });
});
