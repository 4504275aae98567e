import { ChatView, giftOrderDisplayStatus, MessageView, ProductView } from '@giftshop/shared';
import { addressOf, giftWorld, sendGift } from '../support/gift-fixtures';
import { Session, TestApp } from '../support/test-app';

jest.setTimeout(60_000);

const HOUR = 60 * 60_000;

describe('chat notices, the chat list and the group gift cap', () => {
  let t: TestApp;
  let w: Awaited<ReturnType<typeof giftWorld>>;
  let tea: ProductView;
  const sku = (flavour: string) => tea.skus.find((s) => s.specs['口味'] === flavour)!.id;

  beforeAll(async () => {
    t = await TestApp.start();
    w = await giftWorld(t);
    tea = await w.product('花果茶组合');
  });
  afterAll(() => t.close());

  const messages = async (chatId: string, who: Session) =>
    (await t.http().get(`/api/chats/${chatId}/messages?limit=200`).set(who.auth).expect(200)).body as MessageView[];
  const noticesOf = async (chatId: string, giftId: string, who: Session = w.alice) =>
    (await messages(chatId, who)).filter((m) => m.type === 'system' && m.giftId === giftId);
  const chatOf = async (chatId: string, who: Session) =>
    ((await t.http().get('/api/chats').set(who.auth).expect(200)).body as ChatView[]).find((c) => c.id === chatId)!;
  const claim = (giftId: string, who: Session, skuId?: string) =>
    t
      .http()
      .post(`/api/gifts/${giftId}/claim`)
      .set(who.auth)
      .send({ ...(skuId && { skuId }), address: addressOf(who.nickname, '13900000001') });

  it('posts who claimed, once per claim, and "all claimed" once, with data and a Chinese text', async () => {
    const gift = await sendGift(t, w.alice, {
      skuId: sku('蜜桃乌龙'),
      chatId: w.family.id,
      mode: 'first_come',
      units: 3,
    });
    // Concurrent claims, one of them of another variant (the other claim path).
    const answers = await Promise.all([
      claim(gift.id, w.bob),
      claim(gift.id, w.carol, sku('白桃茉莉')),
      claim(gift.id, w.dave),
      claim(gift.id, w.bob),
    ]);
    expect(answers.map((r) => r.status).sort()).toEqual([200, 200, 200, 409]);
    const notices = await noticesOf(w.family.id, gift.id);
    const claimed = notices.filter((m) => m.notice?.kind === 'gift_claimed');
    expect(
      claimed.map((m) => m.notice?.params).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))),
    ).toEqual(
      [w.bob, w.carol, w.dave]
        .map((s) => ({ nickname: s.nickname }))
        .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))),
    );
    expect(claimed.find((m) => m.senderId === w.bob.userId)?.text).toBe(`${w.bob.nickname} 领取了礼物`);
    const all = notices.filter((m) => m.notice?.kind === 'gift_all_claimed');
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({ notice: { params: { units: 3 } }, text: '礼物已领完（共 3 份）' });
    // It comes after the last claim line.
    expect(notices[notices.length - 1].notice?.kind).toBe('gift_all_claimed');
  });

  it('a decline says who declined, once, with no second refund line', async () => {
    const chat = w.direct(w.erin);
    const gift = await sendGift(t, w.alice, { skuId: sku('柚子红茶'), chatId: chat.id, mode: 'single', units: 1 });
    await t.http().post(`/api/gifts/${gift.id}/decline`).set(w.erin.auth).expect(200);
    const notices = await noticesOf(chat.id, gift.id);
    expect(notices.map((m) => m.notice)).toEqual([{ kind: 'gift_declined', params: { nickname: w.erin.nickname } }]);
    expect(notices[0].senderId).toBe(w.erin.userId);
  });

  it('expiry says how many units expired, then how many were refunded', async () => {
    const gift = await sendGift(t, w.alice, {
      skuId: sku('蜜桃乌龙'),
      chatId: w.family.id,
      mode: 'first_come',
      units: 3,
    });
    await claim(gift.id, w.bob).expect(200);
    await t.advance(24 * HOUR + 60_000);
    const notices = await noticesOf(w.family.id, gift.id);
    expect(notices.map((m) => m.notice)).toEqual([
      { kind: 'gift_claimed', params: { nickname: w.bob.nickname } },
      { kind: 'gift_expired', params: { units: 2 } },
      { kind: 'gift_refunded', params: { units: 2 } },
    ]);
  });

  it('a lottery draw names the winners by nickname', async () => {
    const drawAt = new Date(Date.parse((await t.advance(0)).now) + HOUR).toISOString();
    const gift = await sendGift(t, w.alice, {
      skuId: sku('柚子红茶'),
      chatId: w.family.id,
      mode: 'lottery',
      units: 2,
      drawAt,
    });
    await t.http().post(`/api/gifts/${gift.id}/enter`).set(w.carol.auth).expect(200);
    await t.advance(HOUR);
    const [drawn] = (await noticesOf(w.family.id, gift.id)).filter((m) => m.notice?.kind === 'lottery_drawn');
    expect(drawn.notice).toEqual({ kind: 'lottery_drawn', params: { entrants: 1, winners: [w.carol.nickname] } });
    expect(drawn.text).toContain(w.carol.nickname);
  });

  it('the chat list carries the last message and an unread count that reading clears', async () => {
    const chat = w.direct(w.bob);
    await t.http().post(`/api/chats/${chat.id}/read`).set(w.bob.auth).expect(200, { id: chat.id, unreadCount: 0 });
    await t.http().post(`/api/chats/${chat.id}/messages`).set(w.alice.auth).send({ text: '在吗' }).expect(201);
    await t.http().post(`/api/chats/${chat.id}/messages`).set(w.alice.auth).send({ text: '晚上吃饭' }).expect(201);

    const bobs = await chatOf(chat.id, w.bob);
    expect(bobs.unreadCount).toBe(2);
    expect(bobs.lastMessage).toMatchObject({ senderId: w.alice.userId, type: 'text', text: '晚上吃饭' });
    expect(Number.isNaN(Date.parse(bobs.lastMessage!.createdAt))).toBe(false);
    // Her own messages are not unread for Alice.
    await t.http().post(`/api/chats/${chat.id}/read`).set(w.alice.auth).expect(200);
    await t.http().post(`/api/chats/${chat.id}/messages`).set(w.alice.auth).send({ text: '7 点' }).expect(201);
    expect((await chatOf(chat.id, w.alice)).unreadCount).toBe(0);

    // Reading the messages marks the chat read.
    await messages(chat.id, w.bob);
    expect((await chatOf(chat.id, w.bob)).unreadCount).toBe(0);
    await t.http().post(`/api/chats/${chat.id}/messages`).set(w.alice.auth).send({ text: '好的' }).expect(201);
    expect((await chatOf(chat.id, w.bob)).unreadCount).toBe(1);
    await t.http().post(`/api/chats/${chat.id}/read`).set(w.bob.auth).expect(200);
    expect((await chatOf(chat.id, w.bob)).unreadCount).toBe(0);

    // Not a member: 404, and nothing is marked.
    await t.http().post(`/api/chats/${chat.id}/read`).set(w.erin.auth).expect(404);
  });

  it('gift notices show as the last message, and events count as unread for the giver too', async () => {
    await t.http().post(`/api/chats/${w.family.id}/read`).set(w.alice.auth).expect(200);
    await t.http().post(`/api/chats/${w.family.id}/read`).set(w.dave.auth).expect(200);
    const gift = await sendGift(t, w.alice, {
      skuId: sku('蜜桃乌龙'),
      chatId: w.family.id,
      mode: 'first_come',
      units: 2,
    });
    await claim(gift.id, w.bob).expect(200);
    await claim(gift.id, w.carol).expect(200);
    const alices = await chatOf(w.family.id, w.alice);
    expect(alices.lastMessage).toMatchObject({ type: 'system', notice: { kind: 'gift_all_claimed' } });
    expect(alices.unreadCount).toBe(3); // two claims and the "all claimed" line; not her own card
    expect((await chatOf(w.family.id, w.dave)).unreadCount).toBe(4); // the card too
  });

  it("the giver's order list tells a paid gift order by its units: open, to ship, shipped", async () => {
    const gift = await sendGift(t, w.alice, {
      skuId: sku('白桃茉莉'),
      chatId: w.family.id,
      mode: 'first_come',
      units: 2,
    });
    const units = async () => {
      const list = (await t.http().get('/api/orders?role=buyer&limit=100').set(w.alice.auth).expect(200)).body;
      const order = (list.items ?? list).find((o: { id: string }) => o.id === gift.orderId);
      expect(order.status).toBe('paid');
      return giftOrderDisplayStatus(order);
    };
    expect(await units()).toBe('gift_waiting');
    await claim(gift.id, w.bob).expect(200);
    await claim(gift.id, w.carol).expect(200);
    expect(await units()).toBe('paid');
    const shopId = tea.shopId;
    const toShip = (await t.http().get(`/api/shops/${shopId}/gift-claims?status=accepted`).set(w.wang.auth).expect(200))
      .body as { id: string; giftId: string }[];
    const mine = toShip.filter((f) => f.giftId === gift.id);
    expect(mine).toHaveLength(2);
    await t
      .http()
      .post(`/api/gift-claims/${mine[0].id}/ship`)
      .set(w.wang.auth)
      .send({ carrier: '顺丰', trackingNo: 'SF1234567890' })
      .expect(200);
    expect(await units()).toBe('paid'); // one of two still to ship
    await t
      .http()
      .post(`/api/gift-claims/${mine[1].id}/ship`)
      .set(w.wang.auth)
      .send({ carrier: '顺丰', trackingNo: 'SF1234567891' })
      .expect(200);
    expect(await units()).toBe('shipped');
  });

  it('everyone in the chat sees who got one and when (no address), oldest first', async () => {
    const gift = await sendGift(t, w.alice, {
      skuId: sku('蜜桃乌龙'),
      chatId: w.family.id,
      mode: 'first_come',
      units: 2,
    });
    await claim(gift.id, w.bob).expect(200);
    await t.advance(60_000);
    await claim(gift.id, w.carol).expect(200);
    const late = (await t.http().get(`/api/gifts/${gift.id}`).set(w.dave.auth).expect(200)).body;
    expect(late.role).toBe('member');
    expect(late.claimants.map((c: { nickname: string }) => c.nickname)).toEqual([w.bob.nickname, w.carol.nickname]);
    expect(late.claimants.every((c: object) => Object.keys(c).sort().join() === 'acceptedAt,nickname')).toBe(true);
    expect(Date.parse(late.claimants[1].acceptedAt) - Date.parse(late.claimants[0].acceptedAt)).toBeGreaterThanOrEqual(
      60_000,
    );
  });

  describe('a group gift is capped by the members who can claim', () => {
    it.each(['first_come', 'lottery'])(
      '%s: one unit more than the members other than the giver is 400',
      async (mode) => {
        const drawAt =
          mode === 'lottery' ? new Date(Date.parse((await t.advance(0)).now) + HOUR).toISOString() : undefined;
        const body = { skuId: sku('蜜桃乌龙'), chatId: w.family.id, mode, ...(drawAt && { drawAt }) };
        const over = await t
          .http()
          .post('/api/gifts')
          .set(w.alice.auth)
          .send({ ...body, units: 4 })
          .expect(400);
        expect(over.body).toMatchObject({ code: 'UNITS_OVER_MEMBERS' });
        expect(over.body.message).toContain('at most 3');
        await t
          .http()
          .post('/api/gifts')
          .set(w.alice.auth)
          .send({ ...body, units: 3 })
          .expect(201);
      },
    );

    it('counts the members of the chat the gift goes to', async () => {
      const classmates = ((await t.http().get('/api/chats').set(w.alice.auth).expect(200)).body as ChatView[]).find(
        (c) => c.title === '大学同学',
      )!;
      const body = { skuId: sku('蜜桃乌龙'), chatId: classmates.id, mode: 'first_come' };
      const over = await t
        .http()
        .post('/api/gifts')
        .set(w.alice.auth)
        .send({ ...body, units: 3 })
        .expect(400);
      expect(over.body.message).toContain('at most 2');
      await t
        .http()
        .post('/api/gifts')
        .set(w.alice.auth)
        .send({ ...body, units: 2 })
        .expect(201);
    });
  });
});
