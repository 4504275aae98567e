import type { GroupDealView, OrderView, TeamOrderView, TeamView } from '@giftshop/shared';
import { shopWithProduct } from './fixtures';
import { addressOf } from './gift-fixtures';
import type { Session, TestApp } from './test-app';

export const HOUR = 3_600_000;

/** A fresh shop of `merchant` with one product (price 5000, the given stock) and a group deal on it. */
export async function dealOn(
  t: TestApp,
  merchant: Session,
  deal: { groupSize: number; windowHours?: number; groupPriceFen?: number; stock?: number },
): Promise<{ deal: GroupDealView; skuId: string; shopId: string; productId: string }> {
  const { shopId, product, skuId } = await shopWithProduct(t, merchant, { stock: deal.stock ?? 100, priceFen: 5000 });
  const res = await t
    .http()
    .post(`/api/shops/${shopId}/group-deals`)
    .set(merchant.auth)
    .send({
      productId: product.id,
      groupSize: deal.groupSize,
      ...(deal.windowHours && { windowHours: deal.windowHours }),
      skus: [{ skuId, groupPriceFen: deal.groupPriceFen ?? 3900 }],
    })
    .expect(201);
  return { deal: res.body as GroupDealView, skuId, shopId, productId: product.id };
}

export const seat = (who: Session, skuId: string, extra: Record<string, unknown> = {}) => ({
  skuId,
  quantity: 1,
  address: addressOf(who.nickname, '13900000001'),
  ...extra,
});

/** Opens a team as `leader` and pays for it (the team opens). */
export async function openTeam(
  t: TestApp,
  leader: Session,
  dealId: string,
  skuId: string,
  extra: Record<string, unknown> = {},
): Promise<TeamOrderView> {
  const opened = await t
    .http()
    .post('/api/group-buys')
    .set(leader.auth)
    .send({ dealId, ...seat(leader, skuId), ...extra })
    .expect(201);
  const team = opened.body as TeamOrderView;
  const paid = await pay(t, leader, team.orderId);
  if (paid.status !== 200) throw new Error(`paying the leader: ${paid.status} ${JSON.stringify(paid.body)}`);
  return team;
}

export const join = (t: TestApp, who: Session, teamId: string, skuId: string, key?: string) => {
  const req = t.http().post(`/api/group-buys/${teamId}/join`).set(who.auth);
  if (key) req.set('Idempotency-Key', key);
  return req.send(seat(who, skuId));
};

export const pay = (t: TestApp, who: Session, orderId: string) =>
  t.http().post(`/api/orders/${orderId}/pay`).set(who.auth);

export async function teamOf(t: TestApp, teamId: string): Promise<TeamView> {
  return (await t.http().get(`/api/group-buys/${teamId}`).expect(200)).body as TeamView;
}

export async function orderOf(t: TestApp, who: Session, orderId: string): Promise<OrderView> {
  return (await t.http().get(`/api/orders/${orderId}`).set(who.auth).expect(200)).body as OrderView;
}

/** `n` new shoppers. */
export function shoppers(t: TestApp, prefix: string, n: number): Promise<Session[]> {
  return Promise.all(Array.from({ length: n }, (_, i) => t.login(`${prefix}${i}`, `${prefix}${i}`)));
}
