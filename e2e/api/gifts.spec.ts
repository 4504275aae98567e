import { ApiPaths, drawWinners, GiftView, ProductView } from '@giftshop/shared';
import { expectError, expectStatus } from '../support/api-client';
import { shopWithProduct, stockOf } from '../support/fixtures';
import { addressOf, giftWorld, sendGift } from '../support/gift-fixtures';
import { Session, TestApp } from '../support/test-app';

jest.setTimeout(60_000);

const HOUR = 3_600_000;

type GiftBody = ApiPaths['/api/gifts']['post']['requestBody']['content']['application/json'];

describe('gifts', () => {
  let t: TestApp;
  let w: Awaited<ReturnType<typeof giftWorld>>;
  let tea: ProductView;
  const sku = (flavour: string) => tea.skus.find((s) => s.specs['口味'] === flavour)!.id;
  const view = async (giftId: string, who: Session) =>
    (await expectStatus(t.api(who).GET('/api/gifts/{id}', { params: { path: { id: giftId } } }), 200)) as GiftView;

  beforeAll(async () => {
    t = await TestApp.start();
    w = await giftWorld(t);
    tea = await w.product('花果茶组合');
  });
  afterAll(() => t.close());

  describe('a first-come group gift', () => {
    it('Alice sends 2 to the family; Bob and Carol accept with their own variants; Dave is told it is all claimed', async () => {
      const peach = sku('蜜桃乌龙');
      const jasmine = sku('白桃茉莉');
      const [peachBefore, jasmineBefore] = [await stockOf(t, peach), await stockOf(t, jasmine)];

      const created = await expectStatus(
        t.api(w.alice).POST('/api/gifts', {
          body: { skuId: peach, chatId: w.family.id, mode: 'first_come', units: 2, wishMessage: '新年快乐！' },
        }),
        201,
      );
      expect(created).toMatchObject({ status: 0, totalFen: 2 * 5900 });
      expect(await stockOf(t, peach)).toBe(peachBefore - 2);
      // Not sent yet: the family cannot see it.
      await expectError(t.api(w.bob).GET('/api/gifts/{id}', { params: { path: { id: created.id } } }), 404);

      await expectStatus(
        t.api(w.alice).POST('/api/orders/{id}/pay', { params: { path: { id: created.orderId } } }),
        200,
      );
      const giftId = created.id;
      const messages = await expectStatus(
        t.api(w.bob).GET('/api/chats/{id}/messages', { params: { path: { id: w.family.id } } }),
        200,
      );
      expect(messages.at(-1)).toMatchObject({ type: 'gift', giftId, senderId: w.alice.userId, text: '新年快乐！' });

      const card = await view(giftId, w.bob);
      expect(card).toMatchObject({
        role: 'member',
        status: 10,
        units: 2,
        remainingUnits: 2,
        myClaim: null,
        wishMessage: '新年快乐！',
      });
      expect(card.claims).toBeUndefined();

      const bobClaim = await expectStatus(
        t.api(w.bob).POST('/api/gifts/{id}/claim', {
          params: { path: { id: giftId } },
          body: { skuId: jasmine, address: addressOf('鲍勃', '13900000001') },
        }),
        200,
      );
      expect(bobClaim).toMatchObject({
        giftId,
        status: 20,
        skuId: jasmine,
        specs: { 口味: '白桃茉莉' },
        claimStatus: 'accepted',
        shippingStatus: 'pending_shipment',
      });
      await expectStatus(
        t.api(w.carol).POST('/api/gifts/{id}/claim', {
          params: { path: { id: giftId } },
          body: { address: addressOf('卡罗尔', '13900000002') },
        }),
        200,
      );
      const dave = await expectError(
        t.api(w.dave).POST('/api/gifts/{id}/claim', {
          params: { path: { id: giftId } },
          body: { address: addressOf('大卫', '13900000003') },
        }),
        409,
      );
      expect(dave).toMatchObject({ code: 'ALL_CLAIMED', message: expect.stringMatching(/all claimed/) });

      // The variant switch moved one reserved unit from peach to jasmine.
      expect(await stockOf(t, peach)).toBe(peachBefore - 1);
      expect(await stockOf(t, jasmine)).toBe(jasmineBefore - 1);

      const giver = await view(giftId, w.alice);
      expect(giver).toMatchObject({ role: 'giver', status: 20, claimedUnits: 2, remainingUnits: 0 });
      expect(giver.claims?.map((c) => [c.nickname, c.shippingStatus])).toEqual([
        ['鲍勃', 'pending_shipment'],
        ['卡罗尔', 'pending_shipment'],
      ]);
      expect(JSON.stringify(giver)).not.toMatch(/13900000001|13900000002|鲍勃的家|卡罗尔的家/);

      // The merchant sees the addresses to ship, and ships both; Alice follows the shipping state.
      const shopId = tea.shopId;
      const toShip = await expectStatus(
        t
          .api(w.wang)
          .GET('/api/shops/{shopId}/gift-claims', { params: { path: { shopId }, query: { status: 'accepted' } } }),
        200,
      );
      const mine = toShip.filter((f: { giftId: string }) => f.giftId === giftId);
      expect(mine.map((f: { address: { phone: string } }) => f.address.phone).sort()).toEqual([
        '13900000001',
        '13900000002',
      ]);
      for (const f of mine) {
        await expectStatus(
          t.api(w.wang).POST('/api/gift-claims/{id}/ship', {
            params: { path: { id: f.id } },
            body: { carrier: '顺丰', trackingNo: `SF${f.id.slice(0, 8)}` },
          }),
          200,
        );
      }
      expect((await view(giftId, w.alice)).claims?.map((c) => c.shippingStatus)).toEqual(['shipped', 'shipped']);
      await expectError(t.api(w.alice).GET('/api/shops/{shopId}/gift-claims', { params: { path: { shopId } } }), 403);
      // The order as a whole does not ship or get received: its units do.
      const whole = await expectError(
        t.api(w.wang).POST('/api/orders/{id}/ship', {
          params: { path: { id: created.orderId } },
          body: { carrier: '顺丰', trackingNo: 'SF0000' },
        }),
        409,
      );
      expect(whole.code).toBe('GIFT_SHIPS_PER_CLAIM');
      await expectError(
        t.api(w.alice).POST('/api/orders/{id}/confirm-receipt', { params: { path: { id: created.orderId } } }),
        409,
      );
      // Bob confirms his unit; Alice sees it delivered, Carol's still shipped.
      await expectStatus(
        t.api(w.bob).POST('/api/gift-claims/{id}/confirm-receipt', { params: { path: { id: bobClaim.id } } }),
        200,
      );
      await expectError(
        t.api(w.carol).POST('/api/gift-claims/{id}/confirm-receipt', { params: { path: { id: bobClaim.id } } }),
        404,
      );
      expect((await view(giftId, w.alice)).claims?.map((c) => c.shippingStatus)).toEqual(['delivered', 'shipped']);
    });
  });

  describe('a single gift to a friend', () => {
    it('Bob switches the variant, gives his address and accepts; the variant is then fixed', async () => {
      const gift = await sendGift(t, w.alice, {
        skuId: sku('蜜桃乌龙'),
        chatId: w.direct(w.bob).id,
        mode: 'single',
        units: 1,
        wishMessage: '生日快乐',
      });
      const opened = await view(gift.id, w.bob);
      expect(opened).toMatchObject({
        role: 'member',
        mode: 'single',
        status: 10,
        product: { specs: { 口味: '蜜桃乌龙' } },
      });
      const claim = await expectStatus(
        t.api(w.bob).POST('/api/gifts/{id}/claim', {
          params: { path: { id: gift.id } },
          body: { skuId: sku('柚子红茶'), address: addressOf('鲍勃', '13900000011') },
        }),
        200,
      );
      expect(claim.specs).toEqual({ 口味: '柚子红茶' });
      const bobView = await view(gift.id, w.bob);
      expect(bobView).toMatchObject({
        role: 'recipient',
        status: 20,
        myClaim: { specs: { 口味: '柚子红茶' }, address: { phone: '13900000011' } },
      });
      const again = await expectError(
        t.api(w.bob).POST('/api/gifts/{id}/claim', {
          params: { path: { id: gift.id } },
          body: { skuId: sku('白桃茉莉'), address: addressOf('鲍勃', '13900000011') },
        }),
        409,
      );
      expect(again.code).toBe('ALL_CLAIMED');
      expect((await view(gift.id, w.bob)).myClaim?.specs).toEqual({ 口味: '柚子红茶' });
      // The giver cannot take it back once sent.
      await expectError(
        t.api(w.alice).POST('/api/orders/{id}/cancel', { params: { path: { id: gift.orderId } } }),
        409,
      );
    });

    it('Bob declines: Alice is refunded in full at once and the stock returns', async () => {
      const peach = sku('蜜桃乌龙');
      const before = await stockOf(t, peach);
      const gift = await sendGift(t, w.alice, { skuId: peach, chatId: w.direct(w.bob).id, mode: 'single', units: 1 });
      const declined = await expectStatus(
        t.api(w.bob).POST('/api/gifts/{id}/decline', { params: { path: { id: gift.id } } }),
        200,
      );
      expect(declined.status).toBe(181);
      const order = await expectStatus(
        t.api(w.alice).GET('/api/orders/{id}', { params: { path: { id: gift.orderId } } }),
        200,
      );
      expect(order).toMatchObject({ status: 'refunded', refundedFen: 5900 });
      expect(await stockOf(t, peach)).toBe(before);
      await expectError(
        t.api(w.bob).POST('/api/gifts/{id}/claim', {
          params: { path: { id: gift.id } },
          body: { address: addressOf('鲍勃', '13900000011') },
        }),
        409,
      );
    });

    it('refuses a claim on a variant of another price or product', async () => {
      const gift = await sendGift(t, w.alice, {
        skuId: sku('蜜桃乌龙'),
        chatId: w.direct(w.carol).id,
        mode: 'single',
        units: 1,
      });
      const longjing = await w.product('明前龙井礼盒');
      const other = await expectError(
        t.api(w.carol).POST('/api/gifts/{id}/claim', {
          params: { path: { id: gift.id } },
          body: { skuId: longjing.skus[0].id, address: addressOf('卡罗尔', '13900000012') },
        }),
        400,
      );
      expect(other.code).toBe('VARIANT_NOT_ALLOWED');
      expect((await view(gift.id, w.carol)).status).toBe(10);
    });
  });

  describe('expiry', () => {
    it('refunds every unit nobody accepted within 24 hours, unit by unit, once', async () => {
      // A variant no other open gift of this file holds, so other gifts expiring cannot move its stock.
      const peach = sku('白桃茉莉');
      const before = await stockOf(t, peach);
      const gift = await sendGift(t, w.alice, { skuId: peach, chatId: w.family.id, mode: 'first_come', units: 3 });
      await expectStatus(
        t.api(w.dave).POST('/api/gifts/{id}/claim', {
          params: { path: { id: gift.id } },
          body: { address: addressOf('大卫', '13900000021') },
        }),
        200,
      );
      await t.advance(24 * HOUR - 60_000);
      expect((await view(gift.id, w.alice)).status).toBe(10);
      await t.advance(61_000);
      const expired = await view(gift.id, w.alice);
      expect(expired).toMatchObject({ status: 181, claimedUnits: 1, refundedUnits: 2, remainingUnits: 0 });
      const refunds = await t.sql<{ amount_fen: number }>('SELECT amount_fen FROM refunds WHERE order_id = $1', [
        gift.orderId,
      ]);
      expect(refunds).toEqual([{ amount_fen: 5900 }, { amount_fen: 5900 }]);
      expect(await stockOf(t, peach)).toBe(before - 1);
      const order = await expectStatus(
        t.api(w.alice).GET('/api/orders/{id}', { params: { path: { id: gift.orderId } } }),
        200,
      );
      expect(order).toMatchObject({ status: 'paid', refundedFen: 11800 });
      await expectError(
        t.api(w.bob).POST('/api/gifts/{id}/claim', {
          params: { path: { id: gift.id } },
          body: { address: addressOf('鲍勃', '13900000001') },
        }),
        409,
      );
      await t.advance(48 * HOUR);
      expect(await t.sql('SELECT amount_fen FROM refunds WHERE order_id = $1', [gift.orderId])).toHaveLength(2);
    });

    it('cancels a gift left unpaid like any order (250) and returns its stock', async () => {
      const peach = sku('蜜桃乌龙');
      const before = await stockOf(t, peach);
      const created = await expectStatus(
        t
          .api(w.alice)
          .POST('/api/gifts', { body: { skuId: peach, chatId: w.family.id, mode: 'first_come', units: 3 } }),
        201,
      );
      await t.advance(16 * 60_000);
      expect((await view(created.id, w.alice)).status).toBe(250);
      expect(await stockOf(t, peach)).toBe(before);
      await expectError(t.api(w.bob).GET('/api/gifts/{id}', { params: { path: { id: created.id } } }), 404);
    });
  });

  describe('a lottery gift', () => {
    it('draws reproducibly; winners claim, losers cannot; unclaimed wins are refunded 24 hours after the draw', async () => {
      const drawAt = new Date(Date.parse((await t.advance(0)).now) + HOUR).toISOString();
      const gift = await sendGift(t, w.alice, {
        skuId: sku('柚子红茶'),
        chatId: w.family.id,
        mode: 'lottery',
        units: 2,
        drawAt,
      });
      for (const member of [w.bob, w.carol, w.dave]) {
        expect(
          (await expectStatus(t.api(member).POST('/api/gifts/{id}/enter', { params: { path: { id: gift.id } } }), 200))
            .userId,
        ).toBe(member.userId);
      }
      await expectStatus(t.api(w.bob).POST('/api/gifts/{id}/enter', { params: { path: { id: gift.id } } }), 200);
      const early = await expectError(
        t.api(w.bob).POST('/api/gifts/{id}/claim', {
          params: { path: { id: gift.id } },
          body: { address: addressOf('鲍勃', '13900000031') },
        }),
        409,
      );
      expect(early.code).toBe('DRAW_PENDING');
      await expectError(t.api(w.bob).GET('/api/gifts/{id}/draw', { params: { path: { id: gift.id } } }), 409);

      await t.advance(HOUR);
      const draw = await expectStatus(
        t.api(w.carol).GET('/api/gifts/{id}/draw', { params: { path: { id: gift.id } } }),
        200,
      );
      expect(draw.entrantIds).toEqual([w.bob.userId, w.carol.userId, w.dave.userId].sort());
      expect(draw.winnerIds).toHaveLength(2);
      expect(drawWinners(draw.seed, draw.entrantIds, draw.units)).toEqual(draw.winnerIds);

      const everyone = [w.bob, w.carol, w.dave];
      const [winner] = everyone.filter((m) => draw.winnerIds.includes(m.userId));
      const [loser] = everyone.filter((m) => !draw.winnerIds.includes(m.userId));
      expect((await view(gift.id, loser)).won).toBe(false);
      const lost = await expectError(
        t.api(loser).POST('/api/gifts/{id}/claim', {
          params: { path: { id: gift.id } },
          body: { address: addressOf('输家', '13900000032') },
        }),
        409,
      );
      expect(lost.code).toBe('NOT_A_WINNER');
      await expectStatus(
        t.api(winner).POST('/api/gifts/{id}/claim', {
          params: { path: { id: gift.id } },
          body: { address: addressOf('赢家', '13900000033') },
        }),
        200,
      );
      await expectError(t.api(w.erin).POST('/api/gifts/{id}/enter', { params: { path: { id: gift.id } } }), 404);

      await t.advance(24 * HOUR);
      expect(await view(gift.id, w.alice)).toMatchObject({ status: 181, claimedUnits: 1, refundedUnits: 1 });
    });

    it('lets every entrant win when there are fewer entrants than units', async () => {
      const drawAt = new Date(Date.parse((await t.advance(0)).now) + HOUR).toISOString();
      const gift = await sendGift(t, w.alice, {
        skuId: sku('柚子红茶'),
        chatId: w.family.id,
        mode: 'lottery',
        units: 3,
        drawAt,
      });
      await expectStatus(t.api(w.dave).POST('/api/gifts/{id}/enter', { params: { path: { id: gift.id } } }), 200);
      await t.advance(HOUR);
      expect(
        (await expectStatus(t.api(w.dave).GET('/api/gifts/{id}/draw', { params: { path: { id: gift.id } } }), 200))
          .winnerIds,
      ).toEqual([w.dave.userId]);
      await expectError(t.api(w.bob).POST('/api/gifts/{id}/enter', { params: { path: { id: gift.id } } }), 409);
    });
  });

  describe('overselling', () => {
    it('refuses a gift of more units than the stock with 409 SOLD_OUT, reserving nothing', async () => {
      const { skuId } = await shopWithProduct(t, w.wang, { stock: 2, priceFen: 5900 });
      const rowsOf = async () =>
        t.sql(
          `SELECT (SELECT count(*)::int FROM order_items WHERE sku_id = $1) AS items,
                  (SELECT count(*)::int FROM gifts WHERE sku_id = $1) AS gifts`,
          [skuId],
        );
      const send = (units: number) =>
        t.api(w.alice).POST('/api/gifts', { body: { skuId, chatId: w.family.id, mode: 'first_come', units } });

      const refused = await expectError(send(3), 409);
      expect(refused).toMatchObject({ code: 'SOLD_OUT', message: expect.stringMatching(/sold out/) });
      expect(await stockOf(t, skuId)).toBe(2);
      expect(await rowsOf()).toEqual([{ items: 0, gifts: 0 }]);

      // Exactly the stock can be given; then nothing more, and the stock never goes below zero.
      await expectStatus(send(2), 201);
      expect(await stockOf(t, skuId)).toBe(0);
      expect((await expectError(send(2), 409)).code).toBe('SOLD_OUT');
      expect(await stockOf(t, skuId)).toBe(0);
      expect(await rowsOf()).toEqual([{ items: 1, gifts: 1 }]);
    });

    it('answers a member claiming again, as given or in another variant, 409 ALREADY_CLAIMED and takes no second unit', async () => {
      const peach = sku('蜜桃乌龙');
      const gift = await sendGift(t, w.alice, { skuId: peach, chatId: w.family.id, mode: 'first_come', units: 3 });
      const stockBefore = await stockOf(t, peach);
      const claim = (skuId?: string) =>
        t.api(w.bob).POST('/api/gifts/{id}/claim', {
          params: { path: { id: gift.id } },
          body: { ...(skuId && { skuId }), address: addressOf('鲍勃', '13900000001') },
        });
      await expectStatus(claim(), 200);
      for (const again of [undefined, sku('柚子红茶')]) {
        const second = await expectError(claim(again), 409);
        expect(second).toMatchObject({ code: 'ALREADY_CLAIMED' });
      }
      const units = await t.sql<{ status: string }>('SELECT status FROM gift_units WHERE gift_id = $1 ORDER BY idx', [
        gift.id,
      ]);
      expect(units.map((u) => u.status)).toEqual(['claimed', 'open', 'open']);
      expect(await t.sql('SELECT recipient_id FROM gift_claims WHERE gift_id = $1', [gift.id])).toEqual([
        { recipient_id: w.bob.userId },
      ]);
      expect(await stockOf(t, peach)).toBe(stockBefore);
      expect(await view(gift.id, w.alice)).toMatchObject({ status: 10, claimedUnits: 1, remainingUnits: 2 });
    });
  });

  describe('rules checked when a gift is created', () => {
    // Bodies outside the document's types on purpose: what the server refuses.
    const attempt = (body: object) => t.api(w.alice).POST('/api/gifts', { body: body as GiftBody });
    const countGifts = async () => (await t.sql<{ n: number }>('SELECT count(*)::int AS n FROM gifts'))[0].n;

    it.each([
      ['jewellery', '翡翠手镯', 'NOT_GIFTABLE', /珠宝首饰/],
      ['a list price over ¥10,000', '投资金条 100g', 'NOT_GIFTABLE', /list price over ¥10,000\.00/],
      ['education', '摄影入门课', 'NOT_GIFTABLE', /教育培训/],
    ])('refuses %s with the reason', async (_what, title, code, reason) => {
      const product = await w.product(title);
      const before = await countGifts();
      const res = await expectError(
        attempt({
          skuId: product.skus[0].id,
          chatId: w.direct(w.bob).id,
          mode: 'single',
          units: 1,
        }),
        400,
      );
      expect(res).toMatchObject({ code, message: expect.stringMatching(reason) });
      expect(await countGifts()).toBe(before);
    });

    it('accepts gold under jewellery', async () => {
      const gold = await w.product('足金转运珠手链');
      await expectStatus(
        attempt({ skuId: gold.skus[0].id, chatId: w.direct(w.bob).id, mode: 'single', units: 1 }),
        201,
      );
    });

    it.each([
      ['a wish over 50 characters', { wishMessage: '福'.repeat(51) }, 'WISH_TOO_LONG'],
      ['a banned word in the wish', { wishMessage: '一起去赌博吧' }, 'WISH_BANNED_WORD'],
      ['2 units for a single gift', { units: 2 }, 'INVALID_UNITS'],
      ['a drawAt on a single gift', { drawAt: new Date(Date.now() + HOUR).toISOString() }, 'INVALID_DRAW_AT'],
      ['an unknown mode', { mode: 'raffle' }, 'VALIDATION_FAILED'],
    ])('refuses %s with 400 %s', async (_what, change, code) => {
      const before = await countGifts();
      const res = await expectError(
        attempt({
          skuId: sku('蜜桃乌龙'),
          chatId: w.direct(w.bob).id,
          mode: 'single',
          units: 1,
          ...change,
        }),
        400,
      );
      expect(res.code).toBe(code);
      expect(await countGifts()).toBe(before);
    });

    it.each([
      ['1 unit to a group', { mode: 'first_come', units: 1 }, 'INVALID_UNITS'],
      ['101 units to a group', { mode: 'first_come', units: 101 }, 'VALIDATION_FAILED'],
      ['a group gift to a direct chat', { mode: 'first_come', units: 2, chat: 'direct' }, 'WRONG_CHAT_TYPE'],
      ['a single gift to a group', { mode: 'single', units: 1, chat: 'group' }, 'WRONG_CHAT_TYPE'],
      ['a lottery without a draw time', { mode: 'lottery', units: 2 }, 'INVALID_DRAW_AT'],
      [
        'a lottery drawn in 25 hours',
        { mode: 'lottery', units: 2, drawAt: new Date(Date.now() + 25 * HOUR + 60 * HOUR).toISOString() },
        'INVALID_DRAW_AT',
      ],
      ['a lottery drawn in the past', { mode: 'lottery', units: 2, drawAt: '2020-01-01T00:00:00Z' }, 'INVALID_DRAW_AT'],
    ])('refuses %s', async (_what, change: Record<string, unknown>, code) => {
      const { chat, ...rest } = change;
      const chatId = chat === 'direct' ? w.direct(w.bob).id : w.family.id;
      const res = await expectError(attempt({ skuId: sku('蜜桃乌龙'), chatId, ...rest }), 400);
      expect(res.code).toBe(code);
    });

    it('only sends into chats the giver is in', async () => {
      const res = await expectError(
        t
          .api(w.erin)
          .POST('/api/gifts', { body: { skuId: sku('蜜桃乌龙'), chatId: w.family.id, mode: 'first_come', units: 2 } }),
        404,
      );
      expect(res.code).toBe('CHAT_NOT_FOUND');
    });

    it('keeps the giver from claiming, and outsiders from seeing', async () => {
      const gift = await sendGift(t, w.alice, {
        skuId: sku('蜜桃乌龙'),
        chatId: w.family.id,
        mode: 'first_come',
        units: 2,
      });
      const own = await expectError(
        t.api(w.alice).POST('/api/gifts/{id}/claim', {
          params: { path: { id: gift.id } },
          body: { address: addressOf('爱丽丝', '13900000041') },
        }),
        403,
      );
      expect(own.code).toBe('GIVER_CANNOT_CLAIM');
      await expectError(t.api(w.erin).GET('/api/gifts/{id}', { params: { path: { id: gift.id } } }), 404);
      await expectError(
        t.api(w.erin).POST('/api/gifts/{id}/claim', {
          params: { path: { id: gift.id } },
          body: { address: addressOf('艾琳', '13900000042') },
        }),
        404,
      );
      const bad = await expectError(
        t.api(w.bob).POST('/api/gifts/{id}/claim', {
          params: { path: { id: gift.id } },
          body: { address: { name: '鲍勃' } as ReturnType<typeof addressOf> },
        }),
        400,
      );
      expect(bad.message).toMatch(/address\.phone/);
      expect((await view(gift.id, w.alice)).claimedUnits).toBe(0);
    });
  });

  describe('after-sales on an accepted gift', () => {
    it('only the recipient opens it; the refund goes to the giver and the stock returns', async () => {
      const peach = sku('蜜桃乌龙');
      const before = await stockOf(t, peach);
      const gift = await sendGift(t, w.alice, { skuId: peach, chatId: w.family.id, mode: 'first_come', units: 2 });
      await expectStatus(
        t.api(w.bob).POST('/api/gifts/{id}/claim', {
          params: { path: { id: gift.id } },
          body: { address: addressOf('鲍勃', '13900000051') },
        }),
        200,
      );
      const giver = await expectError(
        t
          .api(w.alice)
          .POST('/api/orders/{id}/refund', { params: { path: { id: gift.orderId } }, body: { reason: '想退' } }),
        403,
      );
      expect(giver.code).toBe('GIFT_RECIPIENT_ONLY');
      await expectError(
        t
          .api(w.carol)
          .POST('/api/orders/{id}/refund', { params: { path: { id: gift.orderId } }, body: { reason: '想退' } }),
        404,
      );
      const res = await expectStatus(
        t
          .api(w.bob)
          .POST('/api/orders/{id}/refund', { params: { path: { id: gift.orderId } }, body: { reason: '不需要了' } }),
        200,
      );
      expect((res as GiftView).myClaim).toMatchObject({ claimStatus: 'refunded', shippingStatus: 'refunded' });
      const order = await expectStatus(
        t.api(w.alice).GET('/api/orders/{id}', { params: { path: { id: gift.orderId } } }),
        200,
      );
      expect(order.refundedFen).toBe(5900);
      expect(await stockOf(t, peach)).toBe(before - 1);
      await expectError(
        t
          .api(w.bob)
          .POST('/api/orders/{id}/refund', { params: { path: { id: gift.orderId } }, body: { reason: '再退' } }),
        409,
      );
    });
  });

  it("lists a giver's and a recipient's gifts", async () => {
    const gift = await sendGift(t, w.alice, {
      skuId: sku('蜜桃乌龙'),
      chatId: w.direct(w.dave).id,
      mode: 'single',
      units: 1,
    });
    const sent = (await expectStatus(
      t.api(w.alice).GET('/api/gifts', { params: { query: { role: 'giver' } } }),
      200,
    )) as GiftView[];
    expect(sent.map((g) => g.id)).toContain(gift.id);
    const received = (await expectStatus(
      t.api(w.dave).GET('/api/gifts', { params: { query: { role: 'recipient' } } }),
      200,
    )) as GiftView[];
    expect(received.find((g) => g.id === gift.id)).toMatchObject({ role: 'member', status: 10 });
    const erin = (await expectStatus(
      t.api(w.erin).GET('/api/gifts', { params: { query: { role: 'recipient' } } }),
      200,
    )) as GiftView[];
    expect(erin.map((g) => g.id)).not.toContain(gift.id);
    await expectError(t.api(w.alice).GET('/api/gifts', { params: { query: { role: 'thief' as 'giver' } } }), 400);
  });
});
