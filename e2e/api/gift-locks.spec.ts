import { setTimeout as delay } from 'node:timers/promises';
import type { Response } from 'supertest';
import { DataSource } from 'typeorm';
import { addressOf, giftWorld, sendGift } from '../support/gift-fixtures';
import { TestApp } from '../support/test-app';

jest.setTimeout(120_000);

const HOUR = 3_600_000;

async function until(check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('timed out waiting for the claim to wait');
    await delay(20);
  }
}
const ROUNDS = 50;

/**
 * One lock order for gifts (docs/DECISIONS.md, "Locks"): a claim racing a decline or the expiry of
 * a single gift is a 200 for exactly one side and a 409 for the other, never a deadlock 500, and
 * the data tells the same story as the answers.
 */
describe('gift lock order: claim vs decline, claim vs expiry', () => {
  let t: TestApp;
  let w: Awaited<ReturnType<typeof giftWorld>>;
  let skuIds: string[];

  beforeAll(async () => {
    t = await TestApp.start();
    w = await giftWorld(t);
    skuIds = (await w.product('花果茶组合')).skus.map((s) => s.id);
  });
  afterAll(() => t.close());

  const outcome = (r: Response) => (r.status === 200 ? '200' : `${r.status} ${r.body.code}`);

  /** The single gift's data after a round: claimed by Bob, or refunded once to Alice. */
  /** The stock of the three flavours together: a claim may take another flavour than the gift's. */
  const teaStock = async () =>
    (await t.sql<{ n: number }>('SELECT SUM(stock)::int AS n FROM skus WHERE id = ANY($1::uuid[])', [skuIds]))[0].n;

  async function fate(gift: { id: string; orderId: string }, stockBefore: number) {
    const [g] = await t.sql<{ status: number }>('SELECT status FROM gifts WHERE id = $1', [gift.id]);
    const units = await t.sql<{ id: string; status: string; claim_id: string | null; refund_id: string | null }>(
      'SELECT id, status, claim_id, refund_id FROM gift_units WHERE gift_id = $1',
      [gift.id],
    );
    const claims = await t.sql<{ id: string }>('SELECT id FROM gift_claims WHERE gift_id = $1', [gift.id]);
    const refunds = await t.sql<{ id: string; amount_fen: number; refund_key: string }>(
      'SELECT id, amount_fen, refund_key FROM refunds WHERE order_id = $1',
      [gift.orderId],
    );
    const ledger = await t.sql<{ type: string; n: number; sum: number }>(
      `SELECT type, count(*)::int AS n, SUM(amount_fen)::int AS sum FROM ledger_entries
        WHERE order_id = $1 GROUP BY type ORDER BY type`,
      [gift.orderId],
    );
    const [order] = await t.sql<{ status: string }>('SELECT status FROM orders WHERE id = $1', [gift.orderId]);
    const byType = Object.fromEntries(ledger.map((e) => [e.type, { n: e.n, sum: e.sum }]));
    const [unit] = units;
    return {
      giftStatus: g.status,
      orderStatus: order.status,
      units: units.length,
      unitStatus: unit.status,
      unitClaimed: claims.length === 1 && unit.claim_id === claims[0].id,
      claims: claims.length,
      refunds: refunds.map((r) => ({ amount: r.amount_fen, key: r.refund_key, onUnit: r.id === unit.refund_id })),
      stockDelta: (await teaStock()) - stockBefore,
      income: byType.income,
      refundEntries: byType.refund,
      fees: (byType.fee?.sum ?? 0) + (byType.fee_reversal?.sum ?? 0),
    };
  }

  function expectClaimed(f: Awaited<ReturnType<typeof fate>>) {
    expect(f).toMatchObject({
      giftStatus: 20,
      orderStatus: 'paid',
      units: 1,
      unitStatus: 'claimed',
      unitClaimed: true,
      claims: 1,
      refunds: [],
      stockDelta: -1,
      income: { n: 1, sum: 5900 },
      refundEntries: undefined,
    });
    expect(f.fees).toBeLessThan(0);
  }

  function expectRefunded(f: Awaited<ReturnType<typeof fate>>, unitId: string) {
    expect(f).toEqual({
      giftStatus: 181,
      orderStatus: 'refunded',
      units: 1,
      unitStatus: 'refunded',
      unitClaimed: false,
      claims: 0,
      refunds: [{ amount: 5900, key: `gift-unit:${unitId}`, onUnit: true }],
      stockDelta: 0,
      income: { n: 1, sum: 5900 },
      refundEntries: { n: 1, sum: -5900 },
      fees: 0,
    });
  }

  const unitOf = async (giftId: string) =>
    (await t.sql<{ id: string }>('SELECT id FROM gift_units WHERE gift_id = $1', [giftId]))[0].id;

  it(`${ROUNDS} rounds of a claim racing a decline on one single gift: one side wins, no 5xx`, async () => {
    const tally: Record<string, number> = {};
    for (let round = 0; round < ROUNDS; round++) {
      const skuId = skuIds[round % skuIds.length];
      const before = await teaStock();
      const gift = await sendGift(t, w.alice, { skuId, chatId: w.direct(w.bob).id, mode: 'single', units: 1 });
      const unitId = await unitOf(gift.id);
      // In half the rounds Bob picks another flavour (the claim is then a transaction, not one statement).
      const skuChoice = round % 4 >= 2 ? { skuId: skuIds[(round + 1) % skuIds.length] } : {};
      const claim = () =>
        t
          .http()
          .post(`/api/gifts/${gift.id}/claim`)
          .set(w.bob.auth)
          .send({ ...skuChoice, address: addressOf('鲍勃', '13900001111') });
      const decline = () => t.http().post(`/api/gifts/${gift.id}/decline`).set(w.bob.auth);
      // Alternate which request leaves first, and stagger the second by 0 to 15 ms, so the claim
      // meets the decline at every stage of its transaction.
      const lag = Math.floor(round / 2) % 16;
      const later = <T>(send: () => PromiseLike<T>) => delay(lag).then(send);
      const [claimed, declined] =
        round % 2 === 0
          ? await Promise.all([claim(), later(decline)])
          : (await Promise.all([decline(), later(claim)])).reverse();
      const answers = [outcome(claimed), outcome(declined)];
      tally[answers.join(' / ')] = (tally[answers.join(' / ')] ?? 0) + 1;

      // Exactly one side wins; the other is a 409 naming why (never a 5xx).
      expect({ round, answers: answers.sort() }).toEqual({ round, answers: ['200', expect.stringMatching(/^409 /)] });
      const f = await fate(gift, before);
      if (claimed.status === 200) {
        expect([round, declined.status, ['ALREADY_CLAIMED', 'ALL_CLAIMED']]).toEqual([
          round,
          409,
          expect.arrayContaining([declined.body.code]),
        ]);
        expectClaimed(f);
      } else {
        expect([round, claimed.status, claimed.body.code]).toEqual([round, 409, 'GIFT_EXPIRED']);
        expectRefunded(f, unitId);
      }
    }
    console.log('claim vs decline', tally);
  });

  it('a claim arriving while the expiry holds the gift waits at the gift row, not holding a unit', async () => {
    const skuId = skuIds[0];
    const gift = await sendGift(t, w.alice, { skuId, chatId: w.direct(w.bob).id, mode: 'single', units: 1 });
    const [{ order_id: orderId }] = await t.sql<{ order_id: string }>('SELECT order_id FROM gifts WHERE id = $1', [
      gift.id,
    ]);
    // The expiry's first steps, held open: the order, then the gift, locked as GiftsService.lock does.
    const expiry = t.app.get(DataSource).createQueryRunner();
    await expiry.connect();
    await expiry.startTransaction();
    try {
      await expiry.query('SELECT id FROM orders WHERE id = $1 FOR NO KEY UPDATE', [orderId]);
      await expiry.query('SELECT id FROM gifts WHERE id = $1 FOR UPDATE', [gift.id]);
      const claim = t
        .http()
        .post(`/api/gifts/${gift.id}/claim`)
        .set(w.bob.auth)
        .send({ address: addressOf('鲍勃', '13900001111') })
        .then((r) => r);
      await until(
        async () =>
          (
            await t.sql<{ n: number }>(
              `SELECT count(*)::int AS n FROM pg_stat_activity
                WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE '%gift_claims%'`,
            )
          )[0].n === 1,
      );
      // The waiting claim holds no unit (a third party can lock it without waiting)...
      expect(await t.sql('SELECT id FROM gift_units WHERE gift_id = $1 FOR UPDATE NOWAIT', [gift.id])).toHaveLength(1);
      // ...so the expiry can expire the open units. Had the claim locked the unit first (and waited
      // for the gift only in its foreign-key check), this would be a deadlock.
      const [expired] = await expiry.query(
        "UPDATE gift_units SET status = 'expired' WHERE gift_id = $1 AND status = 'open' RETURNING id",
        [gift.id],
      );
      expect(expired).toHaveLength(1);
      await expiry.rollbackTransaction(); // the expiry gave up: the claim goes ahead
      expect(outcome(await claim)).toBe('200');
    } finally {
      if (expiry.isTransactionActive) await expiry.rollbackTransaction();
      await expiry.release();
    }
  });

  it(`${ROUNDS} rounds of a claim racing the expiry of a single gift: one fate, refunded at most once`, async () => {
    const tally: Record<string, number> = {};
    for (let round = 0; round < ROUNDS; round++) {
      const skuId = skuIds[round % skuIds.length];
      const before = await teaStock();
      const gift = await sendGift(t, w.alice, { skuId, chatId: w.direct(w.bob).id, mode: 'single', units: 1 });
      const unitId = await unitOf(gift.id);
      await t.advance(24 * HOUR - 50);
      const claim = () =>
        t
          .http()
          .post(`/api/gifts/${gift.id}/claim`)
          .set(w.bob.auth)
          .send({ address: addressOf('鲍勃', '13900001111') });
      // The deadline passes (the expiry and its refund job run) while the claim is in flight; which
      // leaves first alternates, the other 0 to 15 ms later.
      const advance = () => t.http().post('/api/test/clock/advance').send({ ms: 60_000 });
      const lag = Math.floor(round / 2) % 16;
      const later = <T>(send: () => PromiseLike<T>) => delay(lag).then(send);
      const [claimed, advanced] =
        round % 2 === 0
          ? await Promise.all([claim(), later(advance)])
          : (await Promise.all([advance(), later(claim)])).reverse();
      expect([round, advanced.status]).toEqual([round, 200]);
      await t.advance(0); // a refund job left behind by an expiry that ran after the clock moved
      const answer = outcome(claimed);
      tally[answer] = (tally[answer] ?? 0) + 1;

      const f = await fate(gift, before);
      if (claimed.status === 200) {
        expectClaimed(f);
      } else {
        expect([round, answer]).toEqual([round, '409 GIFT_EXPIRED']);
        expectRefunded(f, unitId);
      }
    }
    console.log('claim vs expiry', tally);
  });
});
