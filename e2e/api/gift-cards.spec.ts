import type { GiftCardDesignFiguresView, GiftCardView, MessageView, OrderView } from '@giftshop/shared';
import { ADDRESS } from '../support/fixtures';
import {
  claimCard,
  claimCoupon,
  DAY,
  designCard,
  friends,
  issueCoupon,
  ledgerOf,
  offerShop,
  type OfferShop,
  sendCard,
  walletOf,
} from '../support/offer-fixtures';
import { Session, TestApp } from '../support/test-app';

jest.setTimeout(120_000);

/** 节日礼券: designs, a card sent to a friend, claimed or refunded, and spent at checkout. */
describe('holiday gift cards', () => {
  let t: TestApp;
  let n = 0;

  beforeAll(async () => {
    t = await TestApp.start();
  });
  afterAll(() => t.close());

  const post = (path: string, who: Session, body?: object) => t.http().post(path).set(who.auth).send(body);
  const get = (path: string, who: Session) => t.http().get(path).set(who.auth);

  /** A shop with a ¥200 design, and a giver and a friend with their direct chat. */
  async function world(design: Record<string, unknown> = {}) {
    const s = await offerShop(t, `gc${++n}`);
    const designId = await designCard(t, s, design);
    const giver = await t.login(`o_gc_giver${n}`, `送礼人${n}`);
    const friend = await t.login(`o_gc_friend${n}`, `好友${n}`);
    const chatId = await friends(t, giver, friend);
    return { s, designId, giver, friend, chatId };
  }
  const order = async (who: Session, id: string) => (await get(`/api/orders/${id}`, who).expect(200)).body as OrderView;
  const card = async (who: Session, id: string) =>
    (await get(`/api/gift-cards/${id}`, who).expect(200)).body as GiftCardView;
  const figures = async (s: OfferShop) =>
    (await get(`/api/shops/${s.shopId}/gift-card-designs?scope=all`, s.merchant).expect(200))
      .body as GiftCardDesignFiguresView[];
  const buy = (who: Session, skuId: string, quantity: number, giftCardIds: string[], extra: object = {}) =>
    post('/api/orders', who, {
      items: [{ skuId, quantity }],
      address: ADDRESS,
      scene: 'shop_home',
      giftCardIds,
      ...extra,
    });
  /** A claimed card in the friend's wallet. */
  async function claimedCard(design: Record<string, unknown> = {}) {
    const w = await world(design);
    const sent = await sendCard(t, w.giver, w.designId, w.chatId);
    await claimCard(t, w.friend, sent.id);
    return { ...w, cardId: sent.id, cardOrderId: sent.orderId };
  }
  const balanceOf = async (cardId: string) =>
    (await t.sql<{ balance_fen: number }>('SELECT balance_fen FROM gift_cards WHERE id = $1', [cardId]))[0].balance_fen;

  it('a merchant designs cards of ¥10–¥1,000 with a festival theme; bad input is a 400 naming the field', async () => {
    const s = await offerShop(t, `gc${++n}`);
    const bad: [Record<string, unknown>, string][] = [
      [{ faceValueFen: 999 }, 'faceValueFen'],
      [{ faceValueFen: 100_001 }, 'faceValueFen'],
      [{ validDays: 0 }, 'validDays'],
      [{ theme: 'christmas' }, 'theme'],
      [{ title: '' }, 'title'],
    ];
    for (const [body, field] of bad) {
      const res = await post(`/api/shops/${s.shopId}/gift-card-designs`, s.merchant, {
        title: '中秋礼券',
        faceValueFen: 20_000,
        validDays: 30,
        ...body,
      });
      expect([res.status, res.body.message]).toEqual([400, expect.stringContaining(field)]);
    }
    const stranger = await t.login(`o_gc_x${n}`);
    await post(`/api/shops/${s.shopId}/gift-card-designs`, stranger, {
      title: '礼券',
      faceValueFen: 1000,
      validDays: 1,
    }).expect(403);
    const id = await designCard(t, s, { title: '生日礼券', faceValueFen: 1000, theme: 'birthday' });
    const listed = (await t.http().get(`/api/shops/${s.shopId}/gift-card-designs`).expect(200)).body;
    expect(listed).toEqual([
      expect.objectContaining({ id, title: '生日礼券', faceValueFen: 1000, theme: 'birthday', status: 'active' }),
    ]);
    await t.http().patch(`/api/gift-card-designs/${id}`).set(s.merchant.auth).send({ status: 'ended' }).expect(200);
    expect((await t.http().get(`/api/shops/${s.shopId}/gift-card-designs`).expect(200)).body).toEqual([]);
  });

  it('a card goes to a friend in a direct chat: paying posts it; the friend claims it without an address; the shop books its income then', async () => {
    const w = await world();
    // Only into a direct chat the giver is in.
    const stranger = await t.login(`o_gc_s${n}`);
    await post('/api/gift-cards', stranger, { designId: w.designId, chatId: w.chatId }).expect(404);
    const bad = await post('/api/gift-cards', w.giver, {
      designId: w.designId,
      chatId: w.chatId,
      wishMessage: 'x'.repeat(51),
    });
    expect([bad.status, bad.body.code]).toEqual([400, 'WISH_TOO_LONG']);
    const sent = await sendCard(t, w.giver, w.designId, w.chatId, '中秋快乐，阖家团圆');
    const messages = (await get(`/api/chats/${w.chatId}/messages`, w.friend).expect(200)).body as MessageView[];
    expect(messages).toContainEqual(
      expect.objectContaining({
        type: 'gift_card',
        giftCardId: sent.id,
        senderId: w.giver.userId,
        text: '中秋快乐，阖家团圆',
      }),
    );
    // Paid, not yet income: money enters the ledger when the friend claims.
    expect((await ledgerOf(t, w.s)).entries).toEqual([]);
    const seen = await card(w.friend, sent.id);
    expect(seen).toMatchObject({
      status: 'sent',
      canClaim: true,
      faceValueFen: 20_000,
      theme: 'mid_autumn',
      balanceFen: null,
    });
    expect((await card(w.giver, sent.id)).canClaim).toBe(false);
    await get(`/api/gift-cards/${sent.id}`, stranger).expect(404);
    // The giver cannot claim it; a stranger cannot see it.
    expect((await post(`/api/gift-cards/${sent.id}/claim`, w.giver).expect(403)).body.code).toBe('NOT_RECIPIENT');
    await post(`/api/gift-cards/${sent.id}/claim`, stranger).expect(404);
    const wallet = await claimCard(t, w.friend, sent.id);
    expect(wallet).toMatchObject({
      id: sent.id,
      balanceFen: 20_000,
      faceValueFen: 20_000,
      status: 'active',
      giverNickname: w.giver.nickname,
    });
    expect(new Date(wallet.expiresAt).getTime() - new Date(wallet.claimedAt).getTime()).toBe(30 * DAY);
    const again = await post(`/api/gift-cards/${sent.id}/claim`, w.friend).expect(409);
    expect(again.body).toMatchObject({ code: 'CARD_NOT_CLAIMABLE', message: 'it has been claimed already' });
    // Income with its fee (a new merchant: 1%), once.
    const ledger = await ledgerOf(t, w.s);
    expect(ledger.entries.map((e) => [e.type, e.amountFen]).sort()).toEqual([
      ['fee', -200],
      ['income', 20_000],
    ]);
    expect(ledger.totals.pendingFen).toBe(19_800);
    // Available 7 days after the claim.
    await t.advance(7 * DAY + 1000);
    expect((await ledgerOf(t, w.s)).totals).toMatchObject({ pendingFen: 0, availableFen: 19_800 });
    expect((await card(w.friend, sent.id)).balanceFen).toBe(20_000);
    const notices = (await get(`/api/chats/${w.chatId}/messages`, w.giver).expect(200)).body as MessageView[];
    expect(notices).toContainEqual(
      expect.objectContaining({ notice: { kind: 'gift_card_claimed', params: { nickname: w.friend.nickname } } }),
    );
    expect(await figures(w.s)).toEqual([
      expect.objectContaining({ sold: 1, claimed: 1, waiting: 0, claimedFen: 20_000, outstandingFen: 20_000 }),
    ]);
  });

  it('a card not claimed in 24 hours is refunded to the giver exactly once, and can no longer be claimed', async () => {
    const w = await world();
    const sent = await sendCard(t, w.giver, w.designId, w.chatId);
    await t.advance(24 * 3_600_000 + 1000);
    await t.advance(60_000); // a second pass of the jobs changes nothing
    const refunded = await order(w.giver, sent.orderId);
    expect(refunded).toMatchObject({ status: 'refunded', refundedFen: 20_000, kind: 'gift_card' });
    expect(refunded.giftCard).toMatchObject({ id: sent.id, status: 'refunded' });
    const [{ refunds }] = await t.sql<{ refunds: number }>(
      'SELECT count(*)::int AS refunds FROM refunds WHERE order_id = $1',
      [sent.orderId],
    );
    expect(refunds).toBe(1);
    const late = await post(`/api/gift-cards/${sent.id}/claim`, w.friend).expect(409);
    expect(late.body.message).toMatch(/not claimed within 24 hours/);
    expect((await ledgerOf(t, w.s)).entries).toEqual([]);
    const messages = (await get(`/api/chats/${w.chatId}/messages`, w.friend).expect(200)).body as MessageView[];
    expect(messages).toContainEqual(
      expect.objectContaining({ notice: { kind: 'gift_card_refunded', params: { title: '中秋礼券' } } }),
    );
    expect(await walletOf(t, w.friend)).toEqual([]);
    // A gift card has no after-sales.
    expect(
      (await post(`/api/orders/${sent.orderId}/refund`, w.giver, { reason: '不要了' }).expect(409)).body.code,
    ).toBe('NO_AFTER_SALES');
  });

  it('a claim racing the 24-hour refund: exactly one of them happens', async () => {
    const w = await world();
    const sent = await sendCard(t, w.giver, w.designId, w.chatId);
    await t.advance(24 * 3_600_000 - 2000);
    const [claim] = await Promise.all([post(`/api/gift-cards/${sent.id}/claim`, w.friend), t.advance(5000)]);
    const [row] = await t.sql<{ status: string }>('SELECT status FROM gift_cards WHERE id = $1', [sent.id]);
    const [{ refunded }] = await t.sql<{ refunded: number }>(
      'SELECT COALESCE(SUM(amount_fen), 0)::int AS refunded FROM refunds WHERE order_id = $1',
      [sent.orderId],
    );
    if (claim.status === 201) expect([row.status, refunded]).toEqual(['claimed', 0]);
    else expect([claim.status, row.status, refunded]).toEqual([409, 'refunded', 20_000]);
  });

  it('a card pays part of an order at its shop, freight included; the ledger books only the WeChat Pay part as income', async () => {
    const w = await claimedCard();
    // 3 teas at 68.50 = 205.50 ≥ 99: no freight. The card pays 200, WeChat Pay 5.50.
    const res = await buy(w.friend, w.s.tea.skuId, 3, [w.cardId]).expect(201);
    const placed = res.body as OrderView;
    expect(placed).toMatchObject({
      totalFen: 20_550,
      giftCardFen: 20_000,
      payFen: 550,
      giftCards: [{ id: w.cardId, amountFen: 20_000 }],
    });
    expect(await balanceOf(w.cardId)).toBe(0);
    const paid = (await post(`/api/orders/${placed.id}/pay`, w.friend).expect(200)).body;
    const [payment] = await t.sql<{ amount_fen: number }>('SELECT amount_fen FROM payments WHERE order_id = $1', [
      placed.id,
    ]);
    expect(payment.amount_fen).toBe(550);
    expect(paid.payment).not.toBeNull();
    const entries = (await ledgerOf(t, w.s)).entries.filter((e) => e.orderId === placed.id);
    expect(entries.map((e) => [e.type, e.amountFen]).sort()).toEqual([
      ['card_redemption', 20_000],
      ['fee', -6], // 1% of 5.50, half up
      ['income', 550],
    ]);
    expect((await walletOf(t, w.friend))[0]).toMatchObject({ balanceFen: 0, status: 'used_up' });
  });

  it('an order the cards cover fully is paid without the payment provider; a refund puts the money back on the card', async () => {
    const w = await claimedCard();
    // One tea 68.50 + freight 10 = 78.50, all on the card.
    const placed = (await buy(w.friend, w.s.tea.skuId, 1, [w.cardId]).expect(201)).body as OrderView;
    expect(placed).toMatchObject({ totalFen: 7850, freightFen: 1000, giftCardFen: 7850, payFen: 0 });
    const paid = (await post(`/api/orders/${placed.id}/pay`, w.friend).expect(200)).body;
    expect(paid).toEqual({ id: placed.id, status: 'paid', payment: null });
    expect(await t.sql('SELECT 1 FROM payments WHERE order_id = $1', [placed.id])).toEqual([]);
    expect(await balanceOf(w.cardId)).toBe(20_000 - 7850);
    // Refunded before shipment: the card part goes back to the card; nothing to WeChat Pay.
    await post(`/api/orders/${placed.id}/refund`, w.friend, { reason: '拍错了' }).expect(200);
    const after = await order(w.friend, placed.id);
    expect(after).toMatchObject({ status: 'refunded', refundedFen: 0 });
    expect(await balanceOf(w.cardId)).toBe(20_000);
    const entries = (await ledgerOf(t, w.s)).entries.filter((e) => e.orderId === placed.id);
    expect(entries.map((e) => [e.type, e.amountFen]).sort()).toEqual([
      ['card_redemption', -7850],
      ['card_redemption', 7850],
    ]);
  });

  it('a partly card-paid order: commission on the WeChat Pay part; a refund gives WeChat Pay its part, the card its part, and reverses the commission', async () => {
    const w = await claimedCard({ faceValueFen: 5000 });
    const sharer = await t.login(`o_gc_sh${n}`);
    // 2 teas = 137.00: card 50, WeChat Pay 87.00. Commission 10% of what WeChat Pay paid (87.00), not of the card's part.
    const placed = (await buy(w.friend, w.s.tea.skuId, 2, [w.cardId], { sharerId: sharer.userId }).expect(201))
      .body as OrderView;
    expect(placed).toMatchObject({ giftCardFen: 5000, payFen: 8700 });
    await post(`/api/orders/${placed.id}/pay`, w.friend).expect(200);
    const before = await ledgerOf(t, w.s);
    expect(before.totals.commissionFen).toBe(870);
    await post(`/api/orders/${placed.id}/refund`, w.friend, { reason: '不想要了' }).expect(200);
    expect((await order(w.friend, placed.id)).refundedFen).toBe(8700);
    expect(await balanceOf(w.cardId)).toBe(5000);
    const after = await ledgerOf(t, w.s);
    expect(after.totals.commissionFen).toBe(0);
    expect(after.totals.refundedFen).toBe(8700);
  });

  it('cancelling an unpaid order, or its timeout, puts the held balance back', async () => {
    const w = await claimedCard();
    const placed = (await buy(w.friend, w.s.tea.skuId, 1, [w.cardId]).expect(201)).body as OrderView;
    expect(await balanceOf(w.cardId)).toBe(20_000 - 7850);
    await post(`/api/orders/${placed.id}/cancel`, w.friend).expect(200);
    expect(await balanceOf(w.cardId)).toBe(20_000);
    await buy(w.friend, w.s.tea.skuId, 2, [w.cardId]).expect(201);
    expect(await balanceOf(w.cardId)).toBe(20_000 - 13_700);
    await t.advance(16 * 60_000);
    expect(await balanceOf(w.cardId)).toBe(20_000);
  });

  it('two orders racing for one card: the balance never goes below zero, and what they took adds up to it', async () => {
    const w = await claimedCard({ faceValueFen: 10_000 });
    // Each order costs 137.00: whichever goes first takes all ¥100; the others get nothing from it.
    const results = await Promise.all(Array.from({ length: 4 }, () => buy(w.friend, w.s.tea.skuId, 2, [w.cardId])));
    expect(results.every((r) => r.status === 201)).toBe(true);
    const parts = results.map((r) => (r.body as OrderView).giftCardFen).sort((a, b) => b - a);
    expect(parts).toEqual([10_000, 0, 0, 0]);
    expect(await balanceOf(w.cardId)).toBe(0);
    const [{ held }] = await t.sql<{ held: number }>(
      "SELECT COALESCE(SUM(amount_fen), 0)::int AS held FROM gift_card_payments WHERE card_id = $1 AND status = 'held'",
      [w.cardId],
    );
    expect(held).toBe(10_000);
  });

  it('a card pays only at its own shop, only for its holder, only until it expires; coupons come first', async () => {
    const w = await claimedCard({ validDays: 1 });
    const other = await offerShop(t, `gc${++n}`);
    const elsewhere = await buy(w.friend, other.tea.skuId, 1, [w.cardId]).expect(409);
    expect(elsewhere.body).toMatchObject({
      code: 'GIFT_CARD_NOT_USABLE',
      message: 'giftCardIds.0: a card of another shop',
    });
    const thief = await t.login(`o_gc_t${n}`);
    expect((await buy(thief, w.s.tea.skuId, 1, [w.cardId]).expect(404)).body.message).toMatch(/giftCardIds\.0/);
    expect((await buy(w.friend, w.s.tea.skuId, 1, [w.cardId, w.cardId]).expect(400)).body.code).toBe(
      'DUPLICATE_GIFT_CARD',
    );
    // A coupon first, then the card pays what is left.
    const coupon = await claimCoupon(
      t,
      w.friend,
      (await issueCoupon(t, w.s, { amountOffFen: 2000, minSpendFen: 10_000 })).id,
    );
    const q = (
      await post('/api/orders/quote', w.friend, {
        items: [{ skuId: w.s.tea.skuId, quantity: 2 }],
        userCouponId: coupon.id,
        giftCardIds: [w.cardId],
      }).expect(200)
    ).body;
    expect(q).toMatchObject({ totalFen: 11_700, discountFen: 2000, giftCardFen: 11_700, payFen: 0 });
    await t.advance(DAY + 1000);
    const expired = await buy(w.friend, w.s.tea.skuId, 1, [w.cardId]).expect(409);
    expect(expired.body.message).toMatch(/giftCardIds\.0: it expired at/);
    expect((await walletOf(t, w.friend))[0].status).toBe('expired');
  });
});
