import { CLAIM_REFUSALS, type ClaimRefusal, type ProductView } from '@giftshop/shared';
import { addressOf, giftWorld, sendGift } from '../support/gift-fixtures';
import { Session, TestApp } from '../support/test-app';

jest.setTimeout(60_000);

const HOUR = 3_600_000;

/**
 * The server refuses a claim or a decline in the words of the shared rule (claimEligibility), the
 * one the client reads to choose its view: same code, same message, and the status for its kind.
 */
describe('claim refusals speak the shared rule', () => {
  let t: TestApp;
  let w: Awaited<ReturnType<typeof giftWorld>>;
  let tea: ProductView;
  let phone = 13900000100;

  const claim = (giftId: string, who: Session) =>
    t
      .http()
      .post(`/api/gifts/${giftId}/claim`)
      .set(who.auth)
      .send({ address: addressOf('收礼人', String(phone++)) });
  const refusedWith = async (req: ReturnType<typeof claim>, status: number, refusal: ClaimRefusal) => {
    const res = await req;
    expect([res.status, res.body.code, res.body.message]).toEqual([status, refusal.code, refusal.reason]);
  };
  const firstCome = (units: number) =>
    sendGift(t, w.alice, { skuId: tea.skus[0].id, chatId: w.family.id, mode: 'first_come', units });

  beforeAll(async () => {
    t = await TestApp.start();
    w = await giftWorld(t);
    tea = await w.product('花果茶组合');
  });
  afterAll(() => t.close());

  it('hides the gift from a non-member, refuses the giver, a second claim, and a claim after the last unit', async () => {
    const gift = await firstCome(2);
    await refusedWith(claim(gift.id, w.erin), 404, CLAIM_REFUSALS.notFound);
    await refusedWith(claim(gift.id, w.alice), 403, CLAIM_REFUSALS.giver);
    await claim(gift.id, w.bob).expect(200);
    await refusedWith(claim(gift.id, w.bob), 409, CLAIM_REFUSALS.alreadyClaimed);
    await claim(gift.id, w.carol).expect(200);
    await refusedWith(claim(gift.id, w.dave), 409, CLAIM_REFUSALS.allAccepted);
  });

  it('a lottery: refuses before the draw, and after it a member who never entered', async () => {
    const drawAt = new Date(Date.parse((await t.advance(0)).now) + HOUR).toISOString();
    const gift = await sendGift(t, w.alice, {
      skuId: tea.skus[0].id,
      chatId: w.family.id,
      mode: 'lottery',
      units: 2,
      drawAt,
    });
    await t.http().post(`/api/gifts/${gift.id}/enter`).set(w.bob.auth).expect(200);
    await refusedWith(claim(gift.id, w.bob), 409, CLAIM_REFUSALS.drawPending);
    await t.advance(HOUR);
    await refusedWith(claim(gift.id, w.carol), 409, CLAIM_REFUSALS.notAWinner);
    await claim(gift.id, w.bob).expect(200);
  });

  it('refuses a claim and a decline once the claim window has closed', async () => {
    const group = await firstCome(2);
    const single = await sendGift(t, w.alice, {
      skuId: tea.skus[0].id,
      chatId: w.direct(w.bob).id,
      mode: 'single',
      units: 1,
    });
    await t.advance(25 * HOUR);
    await refusedWith(claim(group.id, w.bob), 409, CLAIM_REFUSALS.expired);
    await refusedWith(
      t.http().post(`/api/gifts/${single.id}/decline`).set(w.bob.auth).send({}),
      409,
      CLAIM_REFUSALS.expired,
    );
  });
});
