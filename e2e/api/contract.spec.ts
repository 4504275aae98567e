import { expectStatus } from '../support/api-client';
import { ADDRESS, shopWithProduct } from '../support/fixtures';
import { addressOf, giftWorld } from '../support/gift-fixtures';
import { TestApp } from '../support/test-app';

jest.setTimeout(120_000);

/**
 * The document tells the truth: a representative flow (login, catalogue, address book, quote,
 * order, pay, ship, receipt, return, refund, friends, chats, a gift sent, claimed, shipped and
 * received, ledger, analytics, search, and 400/401/404/409 answers) goes through Stoplight Prism
 * (`prism proxy --errors`) in front of the app, with the client generated from the document.
 * Prism answers 500 instead of any response the document does not describe (a status it does not
 * list, a missing or mistyped field), so both the statuses and the violations log must be clean.
 * (Prism answers a request without a token itself, so a 401 is not the server's to check here.)
 */
describe('the OpenAPI document, checked by a validating proxy', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await TestApp.start({}, { proxy: true });
  });
  afterAll(() => t?.close());

  it('every answer of a shopping and gifting flow matches the document', async () => {
    const w = await giftWorld(t);
    const merchant = await t.login('o_contract_merchant', '合约商家');
    const buyer = await t.login('o_contract_buyer');
    const [asMerchant, asBuyer, asAlice, asBob] = [merchant, buyer, w.alice, w.bob].map((s) => t.api(s));

    // Public reads.
    await expectStatus(t.api().GET('/api/health'), 200);
    await expectStatus(t.api().GET('/api/categories'), 200);
    await expectStatus(asBuyer.GET('/api/me'), 200);
    const { shopId, skuId, product } = await shopWithProduct(t, merchant, { stock: 10, priceFen: 5000 });
    await expectStatus(t.api().GET('/api/products', { params: { query: { limit: 5 } } }), 200);
    await expectStatus(
      asBuyer.GET('/api/products/{id}', { params: { path: { id: product.id }, query: { scene: 'search' } } }),
      200,
    );
    await expectStatus(asBuyer.GET('/api/shops/{shopId}', { params: { path: { shopId } } }), 200);
    await expectStatus(asMerchant.GET('/api/shops/{shopId}/products', { params: { path: { shopId } } }), 200);
    await expectStatus(
      asMerchant.PATCH('/api/products/{id}', {
        params: { path: { id: product.id } },
        body: { title: '合约茶叶' },
      }),
      200,
    );
    await expectStatus(asBuyer.POST('/api/shops/{shopId}/follow', { params: { path: { shopId } } }), 200);
    await expectStatus(asBuyer.DELETE('/api/shops/{shopId}/follow', { params: { path: { shopId } } }), 200);
    await expectStatus(t.api().GET('/api/search', { params: { query: { q: '茶' } } }), 200);
    await expectStatus(
      t.api().GET('/api/search/explain', { params: { query: { q: '茶', productId: product.id } } }),
      200,
    );

    // The address book.
    const saved = await expectStatus(asBuyer.POST('/api/me/addresses', { body: ADDRESS }), 201);
    await expectStatus(asBuyer.GET('/api/me/addresses'), 200);
    await expectStatus(
      asBuyer.PATCH('/api/me/addresses/{id}', { params: { path: { id: saved.id } }, body: { isDefault: true } }),
      200,
    );

    // Quote, order (with and without an Idempotency-Key), pay, ship, receive, return, approve.
    const items = [{ skuId, quantity: 1 }];
    await expectStatus(asBuyer.POST('/api/orders/quote', { body: { items } }), 200);
    const order = await expectStatus(
      asBuyer.POST('/api/orders', {
        body: { items, addressId: saved.id, scene: 'search' },
        params: { header: { 'Idempotency-Key': 'contract-order-1' } },
      }),
      201,
    );
    const pay = { params: { path: { id: order.id } } };
    await expectStatus(asBuyer.POST('/api/orders/{id}/pay', pay), 200);
    await expectStatus(asBuyer.GET('/api/orders/{id}', pay), 200);
    await expectStatus(
      asMerchant.POST('/api/orders/{id}/ship', { ...pay, body: { carrier: '顺丰速运', trackingNo: 'SF123456' } }),
      200,
    );
    await expectStatus(asBuyer.POST('/api/orders/{id}/confirm-receipt', pay), 200);
    const returned = await expectStatus(
      asBuyer.POST('/api/orders/{id}/refund', { ...pay, body: { reason: '不想要了' } }),
      200,
    );
    const caseId = 'afterSale' in returned ? returned.afterSale?.id : undefined;
    expect(caseId).toBeDefined();
    await expectStatus(asMerchant.POST('/api/after-sales/{id}/approve', { params: { path: { id: caseId! } } }), 200);

    const second = await expectStatus(
      asBuyer.POST('/api/orders', { body: { items, address: ADDRESS, scene: 'search' } }),
      201,
    );
    await expectStatus(asBuyer.POST('/api/orders/{id}/pay', { params: { path: { id: second.id } } }), 200);
    await expectStatus(
      asBuyer.POST('/api/orders/{id}/refund', {
        params: { path: { id: second.id } },
        body: { reason: '拍错了' },
      }),
      200,
    );
    const third = await expectStatus(
      asBuyer.POST('/api/orders', { body: { items, address: ADDRESS, scene: 'search' } }),
      201,
    );
    await expectStatus(asBuyer.POST('/api/orders/{id}/cancel', { params: { path: { id: third.id } } }), 200);
    await expectStatus(asBuyer.GET('/api/orders', { params: { query: { role: 'buyer' } } }), 200);
    await expectStatus(asMerchant.GET('/api/orders', { params: { query: { role: 'merchant', shopId } } }), 200);

    // Friends and chats.
    const friendly = await t.login('o_contract_friend');
    await expectStatus(asBuyer.POST('/api/friends', { body: { userId: friendly.userId } }), 202);
    await expectStatus(t.api(friendly).GET('/api/friend-requests'), 200);
    const friends = await expectStatus(t.api(friendly).POST('/api/friends', { body: { userId: buyer.userId } }), 200);
    const group = await expectStatus(
      asBuyer.POST('/api/groups', { body: { name: '合约群', memberIds: [friendly.userId] } }),
      201,
    );
    const chat = { params: { path: { id: group.id } } };
    await expectStatus(asBuyer.POST('/api/chats/{id}/messages', { ...chat, body: { text: '你好' } }), 201);
    await expectStatus(asBuyer.POST('/api/chats/{id}/messages', { ...chat, body: { productId: product.id } }), 201);
    await expectStatus(t.api(friendly).GET('/api/chats/{id}/messages', chat), 200);
    await expectStatus(t.api(friendly).POST('/api/chats/{id}/read', chat), 200);
    await expectStatus(asBuyer.GET('/api/chats/{id}', chat), 200);
    await expectStatus(asBuyer.GET('/api/chats'), 200);
    expect(friends.status).toBe('friends');

    // A gift: sent to the family, claimed, shipped by the demo merchant, received, returned.
    const tea = await w.product('花果茶组合');
    const gift = await expectStatus(
      asAlice.POST('/api/gifts', {
        body: { skuId: tea.skus[0].id, chatId: w.family.id, mode: 'first_come', units: 2, wishMessage: '尝尝' },
        params: { header: { 'Idempotency-Key': 'contract-gift-1' } },
      }),
      201,
    );
    await expectStatus(asAlice.POST('/api/orders/{id}/pay', { params: { path: { id: gift.orderId } } }), 200);
    const giftPath = { params: { path: { id: gift.id } } };
    await expectStatus(asBob.GET('/api/gifts/{id}', giftPath), 200);
    const claim = await expectStatus(
      asBob.POST('/api/gifts/{id}/claim', { ...giftPath, body: { address: addressOf('鲍勃', '13900000001') } }),
      200,
    );
    await expectStatus(asAlice.GET('/api/gifts/{id}', giftPath), 200);
    await expectStatus(asAlice.GET('/api/gifts', { params: { query: { role: 'giver' } } }), 200);
    await expectStatus(asBob.GET('/api/gifts', { params: { query: { role: 'recipient' } } }), 200);
    await expectStatus(asAlice.GET('/api/orders/{id}', { params: { path: { id: gift.orderId } } }), 200);
    const asWang = t.api(w.wang);
    await expectStatus(
      asWang.GET('/api/shops/{shopId}/gift-claims', { params: { path: { shopId: tea.shopId } } }),
      200,
    );
    const claimPath = { params: { path: { id: claim.id } } };
    await expectStatus(
      asWang.POST('/api/gift-claims/{id}/ship', {
        ...claimPath,
        body: { carrier: '顺丰速运', trackingNo: 'SF654321' },
      }),
      200,
    );
    await expectStatus(asBob.POST('/api/gift-claims/{id}/confirm-receipt', claimPath), 200);
    await expectStatus(
      asBob.POST('/api/orders/{id}/refund', {
        params: { path: { id: gift.orderId } },
        body: { reason: '不合口味' },
      }),
      200,
    );

    // Money and figures.
    await expectStatus(asMerchant.GET('/api/shops/{shopId}/ledger', { params: { path: { shopId } } }), 200);
    await expectStatus(asMerchant.GET('/api/shops/{shopId}/analytics/scenes', { params: { path: { shopId } } }), 200);
    await expectStatus(asMerchant.GET('/api/shops/{shopId}/analytics/domains', { params: { path: { shopId } } }), 200);

    // Errors: each is the one error shape, with a status the document lists.
    const withdraw = await asMerchant.POST('/api/shops/{shopId}/withdrawals', {
      params: { path: { shopId } },
      body: { amountFen: 1_000_000 },
    });
    expect(withdraw.error?.code).toBe('INSUFFICIENT_AVAILABLE');
    const missing = await asBuyer.GET('/api/orders/{id}', {
      params: { path: { id: '00000000-0000-4000-8000-000000000000' } },
    });
    expect(missing.response.status).toBe(404);
    const bad = await asBuyer.POST('/api/orders', { body: { items: [], scene: 'search', address: ADDRESS } });
    expect(bad.response.status).toBe(400);
    const again = await asBob.POST('/api/gifts/{id}/claim', { ...giftPath, body: { address: ADDRESS } });
    expect(again.response.status).toBe(409);
    await expectStatus(asBuyer.DELETE('/api/me/addresses/{id}', { params: { path: { id: saved.id } } }), 204);

    expect(t.violations()).toEqual([]);
  });

  it('every answer of coupons and holiday gift cards matches the document', async () => {
    const merchant = await t.login('o_contract_offers_m', '合约券商');
    const giver = await t.login('o_contract_offers_giver');
    const buyer = await t.login('o_contract_offers_buyer');
    const [asMerchant, asGiver, asBuyer] = [merchant, giver, buyer].map((s) => t.api(s));
    const { shopId, skuId } = await shopWithProduct(t, merchant, { stock: 20, priceFen: 8000 });
    const shop = { params: { path: { shopId } } };

    const coupon = await expectStatus(
      asMerchant.POST('/api/shops/{shopId}/coupons', {
        ...shop,
        body: {
          title: '满50减10',
          type: 'amount_off',
          amountOffFen: 1000,
          minSpendFen: 5000,
          total: 1,
          perUserLimit: 1,
          claimEndsAt: '2100-01-01T00:00:00.000Z',
          validDays: 7,
        },
      }),
      201,
    );
    await expectStatus(asBuyer.GET('/api/shops/{shopId}/coupons', shop), 200);
    const mine = await expectStatus(
      asBuyer.POST('/api/coupons/{id}/claim', { params: { path: { id: coupon.id } } }),
      201,
    );
    const soldOut = await asGiver.POST('/api/coupons/{id}/claim', { params: { path: { id: coupon.id } } });
    expect(soldOut.error?.code).toBe('SOLD_OUT');
    await expectStatus(asBuyer.GET('/api/me/coupons', { params: { query: { shopId } } }), 200);
    await expectStatus(
      asMerchant.GET('/api/shops/{shopId}/coupons', { params: { path: { shopId }, query: { scope: 'all' } } }),
      200,
    );

    const design = await expectStatus(
      asMerchant.POST('/api/shops/{shopId}/gift-card-designs', {
        ...shop,
        body: { title: '中秋礼券', faceValueFen: 5000, validDays: 30, theme: 'mid_autumn' },
      }),
      201,
    );
    await expectStatus(t.api().GET('/api/shops/{shopId}/gift-card-designs', shop), 200);
    await t.http().post('/api/friends').set(giver.auth).send({ userId: buyer.userId }).expect(202);
    const { body: friends } = await t
      .http()
      .post('/api/friends')
      .set(buyer.auth)
      .send({ userId: giver.userId })
      .expect(200);
    const bought = await expectStatus(
      asGiver.POST('/api/gift-cards', {
        body: { designId: design.id, chatId: friends.chatId, wishMessage: '中秋快乐' },
      }),
      201,
    );
    await expectStatus(asGiver.POST('/api/orders/{id}/pay', { params: { path: { id: bought.orderId } } }), 200);
    const card = { params: { path: { id: bought.id } } };
    await expectStatus(asBuyer.GET('/api/gift-cards/{id}', card), 200);
    await expectStatus(asGiver.GET('/api/chats/{id}/messages', { params: { path: { id: friends.chatId } } }), 200);
    await expectStatus(asBuyer.POST('/api/gift-cards/{id}/claim', card), 201);
    const again = await asBuyer.POST('/api/gift-cards/{id}/claim', card);
    expect(again.error?.code).toBe('CARD_NOT_CLAIMABLE');
    await expectStatus(asBuyer.GET('/api/me/gift-cards'), 200);

    // ¥80 − ¥10 + ¥10 freight = ¥80: the card pays ¥50, WeChat Pay ¥30.
    const body = { items: [{ skuId, quantity: 1 }], userCouponId: mine.id, giftCardIds: [bought.id] };
    const quote = await expectStatus(asBuyer.POST('/api/orders/quote', { body }), 200);
    expect(quote).toMatchObject({ discountFen: 1000, giftCardFen: 5000, payFen: 3000 });
    const order = await expectStatus(
      asBuyer.POST('/api/orders', { body: { ...body, address: ADDRESS, scene: 'chat' } }),
      201,
    );
    await expectStatus(asBuyer.POST('/api/orders/{id}/pay', { params: { path: { id: order.id } } }), 200);
    await expectStatus(asBuyer.GET('/api/orders/{id}', { params: { path: { id: order.id } } }), 200);
    await expectStatus(
      asMerchant.GET('/api/shops/{shopId}/gift-card-designs', {
        params: { path: { shopId }, query: { scope: 'all' } },
      }),
      200,
    );
    await expectStatus(asMerchant.GET('/api/shops/{shopId}/ledger', shop), 200);
    await expectStatus(
      asMerchant.PATCH('/api/coupons/{id}', { params: { path: { id: coupon.id } }, body: { status: 'ended' } }),
      200,
    );
    await expectStatus(
      asMerchant.PATCH('/api/gift-card-designs/{id}', {
        params: { path: { id: design.id } },
        body: { status: 'ended' },
      }),
      200,
    );
    expect(t.violations()).toEqual([]);
  });
});
