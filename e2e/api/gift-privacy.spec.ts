import { GiftMode, GiftView, ProductView } from '@giftshop/shared';
import { giftWorld, sendGift } from '../support/gift-fixtures';
import { Session, TestApp } from '../support/test-app';

const HOUR = 3_600_000;

/** Addresses nobody but the recipient and the merchant may ever see; every field is unique. */
const BOB_ADDRESS = { name: '隐秘收件人甲', phone: '13712345678', region: '秘境省 幽谷市', detail: '秘密小区 9 栋' };
const CAROL_ADDRESS = {
  name: '隐秘收件人乙',
  phone: '13787654321',
  region: '隐藏省 深山县',
  detail: '暗巷 7 号 302 室',
};
const SECRETS = [...Object.values(BOB_ADDRESS), ...Object.values(CAROL_ADDRESS)];

/** The secret strings a response text contains. */
const leaked = (text: string) => SECRETS.filter((s) => text.includes(s));

describe('gift privacy: a recipient address is seen by the recipient and the merchant only', () => {
  let t: TestApp;
  let w: Awaited<ReturnType<typeof giftWorld>>;
  let tea: ProductView;
  /** single to Bob (shipped, received, returned), first-come and lottery to the family, single to Carol (expires). */
  let gifts: Record<'single' | 'firstCome' | 'lottery' | 'unanswered', { id: string; orderId: string }>;
  const sku = (flavour: string) => tea.skus.find((s) => s.specs['口味'] === flavour)!.id;

  const claim = async (giftId: string, who: Session, address: object, skuId?: string) =>
    (
      await t
        .http()
        .post(`/api/gifts/${giftId}/claim`)
        .set(who.auth)
        .send({ address, ...(skuId && { skuId }) })
        .expect(200)
    ).body as { id: string };
  const ship = (claimId: string) =>
    t
      .http()
      .post(`/api/gift-claims/${claimId}/ship`)
      .set(w.wang.auth)
      .send({ carrier: '顺丰', trackingNo: `SF${claimId.slice(0, 8)}` })
      .expect(200);
  /** Each path read by `who` (all must answer 200), as text, keyed by path. */
  const read = async (who: Session, paths: string[]) =>
    Object.fromEntries(
      await Promise.all(
        paths.map(async (path) => [path, JSON.stringify((await t.http().get(path).set(who.auth).expect(200)).body)]),
      ),
    ) as Record<string, string>;
  /** Paths whose text contains a secret, with what leaked; {} when nothing did. */
  const leaks = (texts: Record<string, string>) =>
    Object.fromEntries(Object.entries(texts).flatMap(([p, text]) => (leaked(text).length ? [[p, leaked(text)]] : [])));

  beforeAll(async () => {
    t = await TestApp.start();
    w = await giftWorld(t);
    tea = await w.product('花果茶组合');
    const { alice, bob, carol, family, direct } = w;
    const drawAt = new Date(Date.parse((await t.advance(0)).now) + HOUR).toISOString();
    const gift = (skuId: string, chatId: string, mode: GiftMode, units: number, extra: object = {}) =>
      sendGift(t, alice, { skuId, chatId, mode, units, ...extra });
    gifts = {
      single: await gift(sku('蜜桃乌龙'), direct(bob).id, 'single', 1),
      firstCome: await gift(sku('白桃茉莉'), family.id, 'first_come', 3),
      lottery: await gift(sku('柚子红茶'), family.id, 'lottery', 3, { drawAt }),
      unanswered: await gift(sku('蜜桃乌龙'), direct(carol).id, 'single', 1),
    };

    // Single: Bob switches flavour and accepts; shipped, received, returned and refunded.
    const single = await claim(gifts.single.id, bob, BOB_ADDRESS, sku('柚子红茶'));
    await ship(single.id);
    await t.http().post(`/api/gift-claims/${single.id}/confirm-receipt`).set(bob.auth).expect(200);
    await t
      .http()
      .post(`/api/orders/${gifts.single.orderId}/refund`)
      .set(bob.auth)
      .send({ reason: '不合口味' })
      .expect(200);
    const order = await t.http().get(`/api/orders/${gifts.single.orderId}`).set(w.wang.auth).expect(200);
    await t.http().post(`/api/after-sales/${order.body.afterSale.id}/approve`).set(w.wang.auth).expect(200);

    // First come: Bob's unit ships; Carol's is refunded before shipment; the third unit expires.
    await ship((await claim(gifts.firstCome.id, bob, BOB_ADDRESS)).id);
    await claim(gifts.firstCome.id, carol, CAROL_ADDRESS);
    await t
      .http()
      .post(`/api/orders/${gifts.firstCome.orderId}/refund`)
      .set(carol.auth)
      .send({ reason: '不需要' })
      .expect(200);

    // Lottery: Bob and Carol enter, both win (3 units), both accept; the third unit expires.
    for (const member of [bob, carol])
      await t.http().post(`/api/gifts/${gifts.lottery.id}/enter`).set(member.auth).expect(200);
    await t.advance(HOUR);
    await claim(gifts.lottery.id, bob, BOB_ADDRESS);
    await claim(gifts.lottery.id, carol, CAROL_ADDRESS);

    await t.advance(25 * HOUR);
  }, 120_000);
  afterAll(() => t.close());

  it('went through every state the test means to cover', async () => {
    const status = async (id: string) =>
      ((await t.http().get(`/api/gifts/${id}`).set(w.alice.auth).expect(200)).body as GiftView).status;
    expect(await status(gifts.single.id)).toBe(20);
    expect(await status(gifts.firstCome.id)).toBe(181);
    expect(await status(gifts.lottery.id)).toBe(181);
    expect(await status(gifts.unanswered.id)).toBe(181);
    const order = await t.http().get(`/api/orders/${gifts.single.orderId}`).set(w.alice.auth).expect(200);
    expect(order.body).toMatchObject({ refundedFen: 5900, afterSale: { status: 'refunded' } });
  });

  it('the merchant sees every address, to ship (so the secrets are really in the system)', async () => {
    const claims = await read(w.wang, [`/api/shops/${tea.shopId}/gift-claims`]);
    expect(leaked(Object.values(claims)[0]).sort()).toEqual([...SECRETS].sort());
  });

  it('the giver sees who accepted and the shipping state, never an address, on any route', async () => {
    const ids = Object.values(gifts);
    const texts = await read(w.alice, [
      ...ids.map((g) => `/api/gifts/${g.id}`),
      '/api/gifts?role=giver',
      ...ids.map((g) => `/api/orders/${g.orderId}`),
      '/api/orders?role=buyer&limit=100',
      ...[w.family, w.direct(w.bob), w.direct(w.carol)].map((c) => `/api/chats/${c.id}/messages?limit=200`),
      '/api/chats',
      `/api/gifts/${gifts.lottery.id}/draw`,
    ]);
    expect(leaks(texts)).toEqual({});
    const firstCome = JSON.parse(texts[`/api/gifts/${gifts.firstCome.id}`]) as GiftView;
    expect(firstCome.claims?.map((c) => [c.recipientId, c.shippingStatus])).toEqual([
      [w.bob.userId, 'shipped'],
      [w.carol.userId, 'refunded'],
    ]);
  });

  it('a chat member who received nothing sees the cards, never an address', async () => {
    const texts = await read(w.dave, [
      `/api/gifts/${gifts.firstCome.id}`,
      `/api/gifts/${gifts.lottery.id}`,
      `/api/gifts/${gifts.lottery.id}/draw`,
      `/api/chats/${w.family.id}/messages?limit=200`,
      '/api/gifts?role=recipient',
      '/api/chats',
    ]);
    expect(leaks(texts)).toEqual({});
    expect(JSON.parse(texts[`/api/gifts/${gifts.firstCome.id}`])).toMatchObject({ role: 'member', myClaim: null });
    await t.http().get(`/api/orders/${gifts.firstCome.orderId}`).set(w.dave.auth).expect(404);
  });

  it("a recipient sees their own address, never another recipient's", async () => {
    const bobs = await read(w.bob, [
      `/api/gifts/${gifts.firstCome.id}`,
      `/api/gifts/${gifts.lottery.id}`,
      '/api/gifts?role=recipient',
    ]);
    for (const text of Object.values(bobs)) expect(leaked(text).sort()).toEqual(Object.values(BOB_ADDRESS).sort());
    const carols = await read(w.carol, [`/api/gifts/${gifts.lottery.id}`, `/api/gifts/${gifts.firstCome.id}`]);
    for (const text of Object.values(carols)) expect(leaked(text).sort()).toEqual(Object.values(CAROL_ADDRESS).sort());
    expect(leaks(await read(w.carol, [`/api/gifts/${gifts.unanswered.id}`]))).toEqual({});
  });

  it('someone outside the chat gets 404 on every gift route', async () => {
    for (const gift of Object.values(gifts)) {
      const results = await Promise.all([
        t.http().get(`/api/gifts/${gift.id}`).set(w.erin.auth),
        t.http().get(`/api/gifts/${gift.id}/draw`).set(w.erin.auth),
        t.http().post(`/api/gifts/${gift.id}/claim`).set(w.erin.auth).send({ address: BOB_ADDRESS }),
        t.http().post(`/api/gifts/${gift.id}/enter`).set(w.erin.auth),
        t.http().post(`/api/gifts/${gift.id}/decline`).set(w.erin.auth),
      ]);
      expect(results.map((r) => r.status)).toEqual([404, 404, 404, 404, 404]);
      expect(leaks(Object.fromEntries(results.map((r, i) => [i, JSON.stringify(r.body)])))).toEqual({});
    }
  });
});
