import type { ProductView } from '@giftshop/shared';
import { Client } from 'pg';
import { DomainError } from '../../server/src/common/domain-errors';
import { ClaimsService } from '../../server/src/gifts/claims.service';
import { databaseUrl, workerDatabase } from '../support/databases';
import { addressOf, giftWorld, sendGift } from '../support/gift-fixtures';
import { Session, TestApp } from '../support/test-app';

jest.setTimeout(60_000);

/**
 * Claims of one gift that arrive together are applied by one statement (red-packet style). Calls
 * made in the same tick are sure to share a batch, so these tests call the service directly; the
 * HTTP races (gift-races.spec.ts) cover batches as they happen to form.
 */
describe('claims of one gift in one batch', () => {
  let t: TestApp;
  let w: Awaited<ReturnType<typeof giftWorld>>;
  let tea: ProductView;
  let claims: ClaimsService;
  let stranger: Session;
  const sku = (flavour: string) => tea.skus.find((s) => s.specs['口味'] === flavour)!.id;
  const address = addressOf('批量领取', '13900001111');

  /** Each caller's answer: the claim's recipient, or the refusal's status and code. */
  const together = (giftId: string, callers: Session[]) =>
    Promise.all(
      callers.map((who) =>
        claims.claim(who.userId, giftId, { address }).then(
          (r) => ({ claimed: r.claim.recipientId }),
          (e: DomainError) => ({ status: e.status, code: e.code }),
        ),
      ),
    );

  beforeAll(async () => {
    t = await TestApp.start();
    w = await giftWorld(t);
    tea = await w.product('花果茶组合');
    claims = t.app.get(ClaimsService);
    stranger = await t.login('o_batch_stranger');
  });
  afterAll(() => t.close());

  it('answers each claimer on their own: units in arrival order, a repeat, the giver, a stranger, none left', async () => {
    const gift = await sendGift(t, w.alice, {
      skuId: sku('蜜桃乌龙'),
      chatId: w.family.id,
      mode: 'first_come',
      units: 2,
    });
    const answers = await together(gift.id, [w.bob, w.bob, stranger, w.alice, w.carol, w.dave]);
    expect(answers).toEqual([
      { claimed: w.bob.userId },
      { status: 409, code: 'ALREADY_CLAIMED' },
      { status: 404, code: 'GIFT_NOT_FOUND' },
      { status: 403, code: 'GIVER_CANNOT_CLAIM' },
      { claimed: w.carol.userId },
      { status: 409, code: 'ALL_CLAIMED' },
    ]);
    // Everything a claim writes, once per claim: the unit, its fee, its parcel and its chat line.
    const [facts] = await t.sql<Record<string, number>>(
      `SELECT (SELECT count(*)::int FROM gift_claims WHERE gift_id = $1) AS claims,
              (SELECT count(*)::int FROM gift_units WHERE gift_id = $1 AND status = 'claimed'
                 AND claim_id IN (SELECT id FROM gift_claims WHERE gift_id = $1)) AS units,
              (SELECT count(*)::int FROM ledger_entries e JOIN gift_units u ON u.id = e.unit_id
                WHERE u.gift_id = $1 AND e.type = 'fee') AS fees,
              (SELECT count(*)::int FROM fulfilments f JOIN gift_claims c ON c.id = f.claim_id
                WHERE c.gift_id = $1 AND f.unit_id IS NOT NULL) AS parcels,
              (SELECT count(*)::int FROM messages WHERE gift_id = $1 AND notice->>'kind' = 'gift_claimed') AS lines,
              (SELECT count(*)::int FROM messages WHERE gift_id = $1 AND notice->>'kind' = 'gift_all_claimed') AS done`,
      [gift.id],
    );
    expect(facts).toEqual({ claims: 2, units: 2, fees: 2, parcels: 2, lines: 2, done: 1 });
    const recipients = await t.sql<{ recipient_id: string }>(
      `SELECT c.recipient_id FROM gift_units u JOIN gift_claims c ON c.id = u.claim_id
        WHERE u.gift_id = $1 ORDER BY u.idx`,
      [gift.id],
    );
    expect(recipients.map((r) => r.recipient_id)).toEqual([w.bob.userId, w.carol.userId]);
  });

  it('waits for units held by claims in flight instead of saying all claimed', async () => {
    const gift = await sendGift(t, w.alice, {
      skuId: sku('蜜桃乌龙'),
      chatId: w.family.id,
      mode: 'first_come',
      units: 2,
    });
    // Another session holds every open unit, as claims that are about to meet their members'
    // earlier claims do; it lets go 150 ms later without taking any.
    const other = new Client({ connectionString: databaseUrl(workerDatabase()) });
    await other.connect();
    try {
      await other.query('BEGIN');
      await other.query("SELECT id FROM gift_units WHERE gift_id = $1 AND status = 'open' FOR UPDATE", [gift.id]);
      const answer = together(gift.id, [w.bob]);
      await new Promise((r) => setTimeout(r, 150));
      await other.query('ROLLBACK');
      expect(await answer).toEqual([{ claimed: w.bob.userId }]);
    } finally {
      await other.end();
    }
  });

  it('takes nothing for a batch on a gift that is not open, and says why to each', async () => {
    const gift = await sendGift(t, w.alice, {
      skuId: sku('蜜桃乌龙'),
      chatId: w.family.id,
      mode: 'first_come',
      units: 2,
    });
    await t.advance(25 * 3_600_000); // past the 24-hour claim window
    const answers = await together(gift.id, [w.bob, stranger]);
    expect(answers).toEqual([
      { status: 409, code: 'GIFT_EXPIRED' },
      { status: 404, code: 'GIFT_NOT_FOUND' },
    ]);
    expect(await t.sql('SELECT id FROM gift_claims WHERE gift_id = $1', [gift.id])).toEqual([]);
  });
});
