import type { CouponView, LedgerView, UserCouponView, WalletCardView } from '@giftshop/shared';
import type { Session, TestApp } from './test-app';

export const DAY = 24 * 3_600_000;

/**
 * A fresh shop of its own merchant (flat freight ¥10 under ¥99): 龙井 ¥68.50 at 10% commission,
 * 茶杯 ¥19.99, 茶巾 ¥5.00 — each one SKU with 100 in stock.
 */
export async function offerShop(t: TestApp, tag: string) {
  const merchant = await t.login(`o_of_${tag}`, `掌柜${tag}`);
  const post = (path: string, body: object) => t.http().post(path).set(merchant.auth).send(body);
  const { body: shop } = await post('/api/shops', { name: `优惠小店${tag}` }).expect(201);
  const product = async (title: string, priceFen: number, commissionBps = 0) => {
    const { body } = await post(`/api/shops/${shop.id}/products`, {
      title: `${title}${tag}`,
      description: '优惠测试',
      categoryCode: 'tea',
      skus: [{ specs: { 规格: '标准' }, priceFen, listPriceFen: priceFen, stock: 100 }],
    }).expect(201);
    if (commissionBps > 0) {
      await t.http().patch(`/api/products/${body.id}`).set(merchant.auth).send({ commissionBps }).expect(200);
    }
    return { productId: body.id as string, skuId: body.skus[0].id as string, priceFen };
  };
  return {
    merchant,
    shopId: shop.id as string,
    tea: await product('龙井', 6850, 1000),
    cup: await product('茶杯', 1999),
    cloth: await product('茶巾', 500),
  };
}
export type OfferShop = Awaited<ReturnType<typeof offerShop>>;

/** Issues a coupon on the shop (defaults: ¥20 off ¥100, 100 of them, 1 per person, 30 days). */
export async function issueCoupon(t: TestApp, s: OfferShop, terms: Record<string, unknown> = {}): Promise<CouponView> {
  const { body } = await t
    .http()
    .post(`/api/shops/${s.shopId}/coupons`)
    .set(s.merchant.auth)
    .send({
      title: '满100减20',
      type: 'amount_off',
      amountOffFen: 2000,
      minSpendFen: 10_000,
      total: 100,
      perUserLimit: 1,
      claimEndsAt: new Date(Date.now() + 30 * DAY).toISOString(),
      validDays: 30,
      ...terms,
    })
    .expect(201);
  return body as CouponView;
}

export async function claimCoupon(t: TestApp, who: Session, couponId: string): Promise<UserCouponView> {
  return (await t.http().post(`/api/coupons/${couponId}/claim`).set(who.auth).expect(201)).body as UserCouponView;
}

/** The shop's ledger, after checking its identity: paid − refunded − fees − commissions = pending + available + withdrawn. */
export async function ledgerOf(t: TestApp, s: OfferShop): Promise<LedgerView> {
  const body = (await t.http().get(`/api/shops/${s.shopId}/ledger?limit=100`).set(s.merchant.auth).expect(200))
    .body as LedgerView;
  const x = body.totals;
  expect(x.paidFen - x.refundedFen - x.feeFen - x.commissionFen).toBe(x.pendingFen + x.availableFen + x.withdrawnFen);
  return body;
}

/** A design of the shop (¥200 中秋礼券 valid 30 days unless told). */
export async function designCard(t: TestApp, s: OfferShop, body: Record<string, unknown> = {}): Promise<string> {
  const res = await t
    .http()
    .post(`/api/shops/${s.shopId}/gift-card-designs`)
    .set(s.merchant.auth)
    .send({ title: '中秋礼券', faceValueFen: 20_000, validDays: 30, theme: 'mid_autumn', ...body })
    .expect(201);
  return res.body.id as string;
}

/** The giver buys a card of the design for the friend of their direct chat and pays: it is in the chat. */
export async function sendCard(
  t: TestApp,
  giver: Session,
  designId: string,
  chatId: string,
  wishMessage = '中秋快乐',
): Promise<{ id: string; orderId: string }> {
  const { body } = await t
    .http()
    .post('/api/gift-cards')
    .set(giver.auth)
    .send({ designId, chatId, wishMessage })
    .expect(201);
  await t.http().post(`/api/orders/${body.orderId}/pay`).set(giver.auth).expect(200);
  return body;
}

export async function claimCard(t: TestApp, who: Session, cardId: string): Promise<WalletCardView> {
  return (await t.http().post(`/api/gift-cards/${cardId}/claim`).set(who.auth).expect(201)).body as WalletCardView;
}

export async function walletOf(t: TestApp, who: Session): Promise<WalletCardView[]> {
  return (await t.http().get('/api/me/gift-cards').set(who.auth).expect(200)).body as WalletCardView[];
}

/** A direct chat between two fresh friends (a request and its acceptance). */
export async function friends(t: TestApp, a: Session, b: Session): Promise<string> {
  await t.http().post('/api/friends').set(a.auth).send({ userId: b.userId }).expect(202);
  const { body } = await t.http().post('/api/friends').set(b.auth).send({ userId: a.userId }).expect(200);
  return body.chatId as string;
}
