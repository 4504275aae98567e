import { GiftView, ProductView } from '@giftshop/shared';
import type { Response } from 'supertest';
import { stockOf } from '../support/fixtures';
import { addressOf, bigGroup, giftWorld, sendGift } from '../support/gift-fixtures';
import { Session, TestApp } from '../support/test-app';

const HOUR = 3_600_000;
const RACE_TIMEOUT = 30_000;

/** Responses by outcome, e.g. { '200': 50, '409 ALL_CLAIMED': 150 }. */
function tally(responses: Response[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const r of responses) {
    const key = r.status === 200 ? '200' : `${r.status} ${r.body.code}`;
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}

const distinct = <T>(values: T[]) => new Set(values).size;

describe('gift races (concurrent requests on one gift)', () => {
  let t: TestApp;
  let w: Awaited<ReturnType<typeof giftWorld>>;
  let tea: ProductView;
  let groupId: string;
  let members: Session[];
  const sku = (flavour: string) => tea.skus.find((s) => s.specs['口味'] === flavour)!.id;
  const view = async (giftId: string, who: Session) =>
    (await t.http().get(`/api/gifts/${giftId}`).set(who.auth).expect(200)).body as GiftView;
  const claim = (giftId: string, who: Session, i: number, skuId?: string) =>
    t
      .http()
      .post(`/api/gifts/${giftId}/claim`)
      .set(who.auth)
      .send({ ...(skuId && { skuId }), address: addressOf(`抢礼物${i}`, `1390000${String(i).padStart(4, '0')}`) });
  const claimsOf = (giftId: string) =>
    t.sql<{ id: string; recipient_id: string; sku_id: string }>(
      'SELECT id, recipient_id, sku_id FROM gift_claims WHERE gift_id = $1',
      [giftId],
    );
  const unitsOf = (giftId: string) =>
    t.sql<{ id: string; status: string; claim_id: string | null; refund_id: string | null }>(
      'SELECT id, status, claim_id, refund_id FROM gift_units WHERE gift_id = $1 ORDER BY idx',
      [giftId],
    );

  beforeAll(async () => {
    t = await TestApp.start();
    w = await giftWorld(t);
    tea = await w.product('花果茶组合');
    ({ chatId: groupId, members } = await bigGroup(t, w.alice, 200));
  }, 60_000);
  afterAll(() => t.close());

  it(
    '200 members claim a 50-unit first-come gift at once: exactly 50 win, 150 are told it is all claimed',
    async () => {
      const peach = sku('蜜桃乌龙');
      const before = await stockOf(t, peach);
      const gift = await sendGift(t, w.alice, { skuId: peach, chatId: groupId, mode: 'first_come', units: 50 });

      const responses = await Promise.all(members.map((m, i) => claim(gift.id, m, i)));
      expect(tally(responses)).toEqual({ '200': 50, '409 ALL_CLAIMED': 150 });

      expect(await view(gift.id, w.alice)).toMatchObject({ status: 20, claimedUnits: 50, remainingUnits: 0 });
      const claims = await claimsOf(gift.id);
      expect(claims).toHaveLength(50);
      expect(distinct(claims.map((c) => c.recipient_id))).toBe(50);
      const winners = responses.map((r, i) => (r.status === 200 ? members[i].userId : null)).filter(Boolean);
      expect(claims.map((c) => c.recipient_id).sort()).toEqual(winners.sort());

      const units = await unitsOf(gift.id);
      expect(units.map((u) => u.status)).toEqual(Array(50).fill('claimed'));
      expect(distinct(units.map((u) => u.claim_id))).toBe(50);
      expect(units.map((u) => u.claim_id).sort()).toEqual(claims.map((c) => c.id).sort());
      // The 50 reserved at the gift's creation, no more, no less: no loser released a unit.
      expect(await stockOf(t, peach)).toBe(before - 50);
    },
    RACE_TIMEOUT,
  );

  it(
    'one member claiming from 10 concurrent requests gets exactly one unit',
    async () => {
      const jasmine = sku('白桃茉莉');
      const gift = await sendGift(t, w.alice, { skuId: jasmine, chatId: groupId, mode: 'first_come', units: 3 });
      const afterSend = await stockOf(t, jasmine);
      const [me] = members;

      const responses = await Promise.all(Array.from({ length: 10 }, () => claim(gift.id, me, 0)));
      expect(responses.filter((r) => r.status === 200)).toHaveLength(1);
      const refused = responses.filter((r) => r.status !== 200);
      expect(refused.map((r) => r.status)).toEqual(Array(9).fill(409));
      for (const r of refused) expect(['ALREADY_CLAIMED', 'ALL_CLAIMED']).toContain(r.body.code);

      const claims = await claimsOf(gift.id);
      expect(claims.map((c) => c.recipient_id)).toEqual([me.userId]);
      expect((await unitsOf(gift.id)).map((u) => u.status)).toEqual(['claimed', 'open', 'open']);
      expect(await view(gift.id, w.alice)).toMatchObject({ status: 10, claimedUnits: 1, remainingUnits: 2 });
      expect(await stockOf(t, jasmine)).toBe(afterSend);
    },
    RACE_TIMEOUT,
  );

  it(
    '30 members race for 10 units, half switching flavour: the stock of each flavour moves by the accepted claims only',
    async () => {
      const [jasmine, yuzu] = [sku('白桃茉莉'), sku('柚子红茶')];
      const [jasmineBefore, yuzuBefore] = [await stockOf(t, jasmine), await stockOf(t, yuzu)];
      const gift = await sendGift(t, w.alice, { skuId: jasmine, chatId: groupId, mode: 'first_come', units: 10 });

      const racers = members.slice(100, 130);
      const responses = await Promise.all(racers.map((m, i) => claim(gift.id, m, i, i % 2 ? yuzu : undefined)));
      expect(tally(responses)).toEqual({ '200': 10, '409 ALL_CLAIMED': 20 });

      const accepted = responses.filter((r) => r.status === 200);
      const switched = accepted.filter((r) => r.body.skuId === yuzu).length;
      const claims = await claimsOf(gift.id);
      expect(claims).toHaveLength(10);
      expect(claims.filter((c) => c.sku_id === yuzu)).toHaveLength(switched);
      expect(claims.filter((c) => c.sku_id === jasmine)).toHaveLength(10 - switched);
      expect(await stockOf(t, jasmine)).toBe(jasmineBefore - 10 + switched);
      expect(await stockOf(t, yuzu)).toBe(yuzuBefore - switched);
      expect(await view(gift.id, w.alice)).toMatchObject({ status: 20, claimedUnits: 10, remainingUnits: 0 });
    },
    RACE_TIMEOUT,
  );

  it(
    'claims racing the 24-hour expiry: every unit ends claimed or refunded, exactly once',
    async () => {
      const peach = sku('蜜桃乌龙');
      // Three rounds: the clock jumps past the window after 2, 8 and 15 of 30 claims were answered.
      for (const jumpAfter of [2, 8, 15]) {
        const before = await stockOf(t, peach);
        const gift = await sendGift(t, w.alice, { skuId: peach, chatId: groupId, mode: 'first_come', units: 40 });
        await t.advance(24 * HOUR - 5_000);
        // All 30 claims are in flight; when the jumpAfter-th answer is back, the clock jumps past the
        // window (running the expiry and its refunds) while the others are still being served.
        let answered = 0;
        let jump: Promise<unknown> = Promise.resolve();
        const claimResponses = await Promise.all(
          members.slice(0, 30).map((m, i) =>
            claim(gift.id, m, i).then((r) => {
              if (++answered === jumpAfter) jump = t.advance(60_000);
              return r;
            }),
          ),
        );
        await jump;
        await t.advance(0); // any refund job left behind by a late claim
        const accepted = claimResponses.filter((r) => r.status === 200).length;
        for (const r of claimResponses.filter((c) => c.status !== 200)) {
          expect([r.status, ['GIFT_EXPIRED', 'ALL_CLAIMED'].includes(r.body.code)]).toEqual([409, true]);
        }

        const claims = await claimsOf(gift.id);
        const refunds = await t.sql<{ refund_key: string; amount_fen: number }>(
          'SELECT refund_key, amount_fen FROM refunds WHERE order_id = $1',
          [gift.orderId],
        );
        expect(claims).toHaveLength(accepted);
        const fates = (await unitsOf(gift.id)).map((u) => ({
          status: u.status,
          claimRow: claims.some((c) => c.id === u.claim_id),
          refundRows: refunds.filter((r) => r.refund_key === `gift-unit:${u.id}`).length,
          refundId: u.refund_id !== null,
        }));
        for (const fate of fates) {
          expect([
            { status: 'claimed', claimRow: true, refundRows: 0, refundId: false },
            { status: 'refunded', claimRow: false, refundRows: 1, refundId: true },
          ]).toContainEqual(fate);
        }
        expect(refunds.length + claims.length).toBe(40);
        expect(refunds.every((r) => r.amount_fen === 5900)).toBe(true);
        expect(await view(gift.id, w.alice)).toMatchObject({
          status: 181,
          claimedUnits: accepted,
          refundedUnits: 40 - accepted,
          remainingUnits: 0,
        });
        expect(await stockOf(t, peach)).toBe(before - accepted);
      }
    },
    RACE_TIMEOUT,
  );
  it(
    'lottery entries racing the draw: everyone told "entered" is in the recorded draw, nobody else is',
    async () => {
      for (const jumpAfter of [5, 20, 40]) {
        const drawAt = new Date(Date.parse((await t.advance(0)).now) + HOUR).toISOString();
        const gift = await sendGift(t, w.alice, {
          skuId: sku('柚子红茶'),
          chatId: groupId,
          mode: 'lottery',
          units: 5,
          drawAt,
        });
        await t.advance(HOUR - 5_000);
        let answered = 0;
        let jump: Promise<unknown> = Promise.resolve();
        const responses = await Promise.all(
          members.slice(0, 60).map((m) =>
            t
              .http()
              .post(`/api/gifts/${gift.id}/enter`)
              .set(m.auth)
              .then((r) => {
                if (++answered === jumpAfter) jump = t.advance(60_000);
                return r;
              }),
          ),
        );
        await jump;
        const outcomes = tally(responses);
        expect(Object.keys(outcomes).filter((k) => k !== '200' && k !== '409 DRAW_CLOSED')).toEqual([]);
        const told = responses.flatMap((r, i) => (r.status === 200 ? [members[i].userId] : [])).sort();
        const draw = (await t.http().get(`/api/gifts/${gift.id}/draw`).set(w.alice.auth).expect(200)).body;
        const entries = await t.sql<{ user_id: string }>('SELECT user_id FROM gift_entries WHERE gift_id = $1', [
          gift.id,
        ]);
        expect({ jumpAfter, drawn: draw.entrantIds }).toEqual({ jumpAfter, drawn: told });
        expect(entries.map((e) => e.user_id).sort()).toEqual(told);
      }
    },
    RACE_TIMEOUT,
  );
});
