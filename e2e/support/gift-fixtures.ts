import type { ApiPaths } from '@giftshop/shared';
import { expectStatus } from './api-client';
import type { Session, TestApp } from './test-app';

type GiftBody = ApiPaths['/api/gifts']['post']['requestBody']['content']['application/json'];

/** The demo people, their family group and direct chats, and the 花果茶组合 (three same-price flavours). */
export async function giftWorld(t: TestApp) {
  const [alice, bob, carol, dave, erin, wang] = await Promise.all(
    ['o_alice', 'o_bob', 'o_carol', 'o_dave', 'o_erin', 'o_wang'].map((o) => t.login(o)),
  );
  const chats = await expectStatus(t.api(alice).GET('/api/chats'), 200);
  const found = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`the demo seed has no ${what}`);
    return value;
  };
  const family = found(
    chats.find((c) => c.title === '相亲相爱一家人'),
    'family group',
  );
  const direct = (other: Session) =>
    found(
      chats.find((c) => c.type === 'direct' && c.memberIds.includes(other.userId)),
      `direct chat with ${other.nickname}`,
    );
  const page = await expectStatus(t.api().GET('/api/products', { params: { query: { limit: 100 } } }), 200);
  const productId = (title: string) => found(page.items.find((p) => p.title === title)?.id, title);
  const product = (title: string) =>
    expectStatus(t.api().GET('/api/products/{id}', { params: { path: { id: productId(title) } } }), 200);
  return { alice, bob, carol, dave, erin, wang, family, direct, product };
}

/** Creates and pays a gift; returns its id and order id. */
export async function sendGift(
  t: TestApp,
  giver: Session,
  body: GiftBody,
): Promise<{ id: string; orderId: string; totalFen: number }> {
  const api = t.api(giver);
  const created = await expectStatus(api.POST('/api/gifts', { body }), 201);
  await expectStatus(api.POST('/api/orders/{id}/pay', { params: { path: { id: created.orderId } } }), 200);
  return created;
}

export const addressOf = (name: string, phone: string) => ({
  name,
  phone,
  region: '上海市 浦东新区',
  detail: `${name}的家 101 室`,
});

/**
 * `size` new users, each the owner's friend (the owner asks, they ask back), in one group chat with
 * the owner, made 20 at a time: a group where many can claim (a group gift's units are capped by
 * its members other than the giver). `friends`, already the owner's friends, join it too.
 */
export async function bigGroup(
  t: TestApp,
  owner: Session,
  size: number,
  prefix = 'o_race_',
  friends: Session[] = [],
): Promise<{ chatId: string; members: Session[] }> {
  const joined: Session[] = [];
  for (let start = 0; start < size; start += 20) {
    const batch = Array.from({ length: Math.min(20, size - start) }, (_, k) => start + k);
    joined.push(
      ...(await Promise.all(
        batch.map(async (i) => {
          const member = await t.login(`${prefix}${i}`);
          await t.http().post('/api/friends').set(owner.auth).send({ userId: member.userId }).expect(202);
          await t.http().post('/api/friends').set(member.auth).send({ userId: owner.userId }).expect(200);
          return member;
        }),
      )),
    );
  }
  const group = await t
    .http()
    .post('/api/groups')
    .set(owner.auth)
    .send({ name: '抢礼物大群', memberIds: [...friends, ...joined].map((m) => m.userId) })
    .expect(201);
  return { chatId: group.body.id, members: joined };
}
