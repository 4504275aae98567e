import type { LedgerView } from '@giftshop/shared';
import { until } from '../support/fixtures';
import { designCard, friends, offerShop, sendCard } from '../support/offer-fixtures';
import { Session, TestApp } from '../support/test-app';

jest.setTimeout(180_000);

/**
 * An unclaimed 节日礼券 is refunded exactly once, whoever runs its 24-hour job: two app instances
 * (each of two processes) polling the jobs together while its friend's claim races the job, and
 * the job delivered again afterwards. Every card ends claimed (income, no refund) or refunded
 * (one refund of its price, no income), never both.
 */
describe('an unclaimed gift card is refunded exactly once across processes', () => {
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

  it('claims racing the refund job on four polling processes: each card is claimed or refunded, once', async () => {
    const s = await offerShop(a, 'gcx');
    const designId = await designCard(a, s, { faceValueFen: 8800 });
    const pairs: { giver: Session; friend: Session; card: { id: string; orderId: string } }[] = [];
    for (let i = 0; i < 8; i++) {
      const giver = await a.login(`o_gcx_giver${i}`);
      const friend = await a.login(`o_gcx_friend${i}`);
      const chatId = await friends(a, giver, friend);
      pairs.push({ giver, friend, card: await sendCard(a, giver, designId, chatId) });
    }
    const ids = pairs.map((p) => p.card.id);
    // The 24 hours end now for every card, and their jobs are due for all four pollers at once…
    await a.sql("UPDATE gift_cards SET sent_at = now() - interval '24 hours' + interval '300 ms' WHERE id = ANY($1)", [
      ids,
    ]);
    await a.sql(
      "UPDATE jobs SET run_at = now() WHERE kind = 'gift_card.expire' AND payload->>'cardId' = ANY($1::text[])",
      [ids],
    );
    // …while each friend claims, through either instance.
    const claims = await Promise.all(
      pairs.map((p, i) => (i % 2 === 0 ? a : b).http().post(`/api/gift-cards/${p.card.id}/claim`).set(p.friend.auth)),
    );
    claims.forEach((c) => expect([201, 409]).toContain(c.status));
    if (process.env.DEBUG_RACE) console.log(claims.map((c) => c.status));
    await until(
      async () => (await a.sql("SELECT 1 FROM gift_cards WHERE id = ANY($1) AND status = 'sent'", [ids])).length === 0,
      'every card to be claimed or refunded',
    );
    await until(
      async () =>
        (await a.sql("SELECT 1 FROM jobs WHERE kind = 'payments.refund.send' AND state <> 'done'")).length === 0,
      'the refunds to be sent',
    );
    const check = async () => {
      const rows = await a.sql<{ id: string; status: string; refunds: number; refunded: number; income: number }>(
        `SELECT c.id, c.status,
                (SELECT count(*)::int FROM refunds r WHERE r.order_id = c.order_id) AS refunds,
                (SELECT COALESCE(SUM(r.amount_fen), 0)::int FROM refunds r WHERE r.order_id = c.order_id) AS refunded,
                (SELECT COALESCE(SUM(e.amount_fen), 0)::int FROM ledger_entries e
                  WHERE e.order_id = c.order_id AND e.type = 'income') AS income
           FROM gift_cards c WHERE c.id = ANY($1)`,
        [ids],
      );
      for (const r of rows) {
        const claimed = claims[ids.indexOf(r.id)].status === 201;
        expect({ status: r.status, refunds: r.refunds, refunded: r.refunded, income: r.income }).toEqual(
          claimed
            ? { status: 'claimed', refunds: 0, refunded: 0, income: 8800 }
            : { status: 'refunded', refunds: 1, refunded: 8800, income: 0 },
        );
      }
      const ledger = (await a.http().get(`/api/shops/${s.shopId}/ledger?limit=100`).set(s.merchant.auth).expect(200))
        .body as LedgerView;
      const claimedCount = claims.filter((c) => c.status === 201).length;
      expect(ledger.totals).toMatchObject({ paidFen: 8800 * claimedCount, refundedFen: 0 });
    };
    await check();
    // The jobs delivered again: nothing moves.
    for (const id of ids) {
      await a.sql(
        `INSERT INTO jobs (kind, payload, run_at, unique_key, max_attempts, state, attempts, created_at)
         VALUES ('gift_card.expire', $1, now() - interval '1 second', NULL, 5, 'pending', 0, now())`,
        [JSON.stringify({ cardId: id })],
      );
    }
    await until(
      async () =>
        (await a.sql("SELECT 1 FROM jobs WHERE kind = 'gift_card.expire' AND state = 'pending'")).length === 0,
      'the repeated jobs to run',
    );
    await check();
  });
});
