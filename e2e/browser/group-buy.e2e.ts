import { APIRequestContext, expect, Page, test } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { api, fill, fillAddress, people } from './people';

/**
 * Issue 15's story (社群拼团), each person in a browser context of their own, against the built app
 * on PostgreSQL (e2e/browser/serve.mjs): 王掌柜 runs a deal, Alice opens a team from the product
 * into 相亲相爱一家人, Bob and Carol join from the card and pay, the team forms, 王掌柜 ships all
 * three. The API only looks up ids and checks what the screens cannot show.
 */
const SHOTS = resolve(__dirname, '../../.tmp/screenshots');
mkdirSync(SHOTS, { recursive: true });

const personAs = people();

interface Product {
  id: string;
  shopId: string;
  skus: { id: string; specs: Record<string, string> }[];
}
interface Order {
  id: string;
  kind: string;
  status: string;
  buyerId: string;
  groupBuy: { teamId: string; status: string } | null;
}

const PEOPLE = {
  o_alice: { name: '爱丽丝', phone: '13900000000', region: '浙江省 杭州市 西湖区', detail: '龙井路 1 号' },
  o_bob: { name: '鲍勃', phone: '13900000001', region: '上海市 浦东新区', detail: '世纪大道 88 号 1201' },
  o_carol: { name: '卡罗尔', phone: '13900000002', region: '北京市 朝阳区', detail: '建国路 66 号 502' },
};

/** The seeded world: the family group and 花果茶组合 (three flavours at ¥59). */
async function world(request: APIRequestContext) {
  expect((await request.post('/api/test/reset')).ok()).toBe(true);
  const a = api(request);
  const chats = await a.get<{ id: string; title: string }[]>('/api/chats', 'o_alice');
  const family = chats.find((c) => c.title === '相亲相爱一家人') as { id: string };
  const list = await a.get<{ items: { id: string; title: string }[] }>('/api/products?limit=100', 'o_alice');
  const teaId = list.items.find((p) => p.title === '花果茶组合')?.id as string;
  const tea = await a.get<Product>(`/api/products/${teaId}`, 'o_alice');
  return { a, family, tea };
}

/** Alice, on the product page: 发起拼团 into the family group, pays, and lands on the team page. */
async function aliceOpensTeam(alice: Page, tea: Product, familyId: string): Promise<string> {
  await alice.goto(`/pages/product/index?id=${tea.id}&scene=chat`);
  await expect(alice.getByTestId('group-buy-price')).toHaveText('¥39.00 起 · 3人团');
  await alice.screenshot({ path: `${SHOTS}/product-group-buy.png` });
  await alice.getByTestId(`sku-${tea.skus[0].id}`).click();
  await alice.getByTestId('group-buy-button').click();
  await fillAddress(alice, PEOPLE.o_alice);
  await alice.getByTestId(`team-chat-${familyId}`).click();
  await alice.getByTestId('team-open-submit').click();
  await expect(alice.getByTestId('pay-amount')).toHaveText('¥39.00');
  await alice.getByTestId('pay-confirm').click();
  await expect(alice.getByTestId('team-status')).toHaveText('拼团中');
  return new URL(alice.url()).searchParams.get('id') as string;
}

test('a team of three: opened from a product into the family group, joined from the card, formed, shipped', async ({
  browser,
  request,
}) => {
  const { a, family, tea } = await world(request);
  const [, jasmine, grapefruit] = tea.skus;

  // 王掌柜 runs a deal on 花果茶组合 in the console: teams of 3, ¥39 a flavour (it sells at ¥59).
  const wang = await personAs(browser, 'o_wang');
  await wang.goto(`/pages/merchant/index?shopId=${tea.shopId}`);
  await wang.getByTestId('merchant-nav-deals').click();
  await wang.getByTestId(`deal-product-${tea.id}`).click();
  await fill(wang.getByTestId('deal-size'), '3');
  for (const sku of tea.skus) await fill(wang.getByTestId(`deal-price-${sku.id}`), '39');
  await wang.getByTestId('deal-create').click();
  // The shop's list also holds the demo deal on 坚果每日一包: find this one by its product.
  const deals = () =>
    a.get<{ id: string; productId: string; groupSize: number }[]>(`/api/shops/${tea.shopId}/group-deals`, 'o_wang');
  await expect.poll(async () => (await deals()).some((d) => d.productId === tea.id)).toBe(true);
  const deal = (await deals()).find((d) => d.productId === tea.id)!;
  expect(deal.groupSize).toBe(3);
  await expect(wang.getByTestId(`deal-status-${deal.id}`)).toHaveText('进行中');

  // Alice sees 发起拼团 beside 购买 and 送给朋友, opens a team into the family group and pays.
  const alice = await personAs(browser, 'o_alice');
  const teamId = await aliceOpensTeam(alice, tea, family.id);
  await expect(alice.getByTestId('team-seats')).toHaveText('还差 2 人成团 · 剩 2 个名额');
  // Counted against the phone's clock, which the test hooks do not move with the server's.
  await expect(alice.getByTestId('team-countdown')).toHaveText(/^还剩 \d+:\d\d:\d\d$/);
  await alice.screenshot({ path: `${SHOTS}/team-opened.png` });

  // Bob and Carol open the 拼团 card in the family chat, join with a flavour of their own, and pay.
  for (const [openId, sku] of [
    ['o_bob', jasmine],
    ['o_carol', grapefruit],
  ] as const) {
    const page = await personAs(browser, openId);
    const { userId } = await a.login(openId);
    await page.goto(`/pages/chat/index?id=${family.id}`);
    await expect(page.getByTestId(`team-card-seats-${teamId}`)).toBeVisible();
    if (openId === 'o_bob') await page.screenshot({ path: `${SHOTS}/team-card-in-chat.png` });
    await page.getByTestId(`team-card-${teamId}`).click();
    await page.getByTestId('team-join').click();
    await page.getByTestId(`sku-${sku.id}`).click();
    await fillAddress(page, PEOPLE[openId]);
    await page.getByTestId('team-join-submit').click();
    await page.getByTestId('pay-confirm').click();
    await expect(page.getByTestId(`team-member-${userId}`)).toHaveAttribute('data-paid', 'true');
    if (openId === 'o_carol') {
      await expect(page.getByTestId('team-status')).toHaveText('已成团');
      await page.screenshot({ path: `${SHOTS}/team-formed.png` });
    }
  }

  // The family chat says the team formed; Alice's order says 已成团.
  await alice.goto(`/pages/chat/index?id=${family.id}`);
  await expect(alice.getByTestId('chat-messages')).toContainText('拼团成功：3 人已成团');
  const [aliceOrder] = (await a.get<{ items: Order[] }>('/api/orders?role=buyer', 'o_alice')).items;
  await alice.goto('/pages/orders/index');
  await expect(alice.getByTestId(`order-team-${aliceOrder.id}`)).toHaveText('拼团 · 已成团');

  // 王掌柜 ships all three from 订单发货, to the addresses each member gave.
  const shopOrders = await a.get<{ items: Order[] }>(`/api/orders?role=merchant&shopId=${tea.shopId}`, 'o_wang');
  const teamOrders = shopOrders.items.filter((o) => o.groupBuy?.teamId === teamId);
  expect(teamOrders).toHaveLength(3);
  await wang.goto(`/pages/merchant-orders/index?shopId=${tea.shopId}`);
  for (const order of teamOrders) {
    await expect(wang.getByTestId(`order-team-${order.id}`)).toHaveText('拼团 · 已成团');
    await wang.getByTestId(`ship-order-${order.id}`).click();
    await expect(wang.getByTestId(`ship-order-${order.id}`)).toHaveCount(0);
  }
  for (const order of teamOrders) {
    const shipped = await a.get<Order>(`/api/orders/${order.id}`, 'o_wang');
    expect(shipped.status).toBe('shipped');
  }

  // The console counts the formed team and lists its members.
  await wang.goto(`/pages/merchant-deals/index?shopId=${tea.shopId}`);
  await expect(wang.getByTestId(`deal-counts-${deal.id}`)).toHaveText('拼团中 0 · 已成团 1 · 未成团 0');
  await wang.getByTestId(`deal-teams-${deal.id}`).click();
  await expect(wang.getByTestId(`deal-team-status-${teamId}`)).toHaveText('已成团');
  await wang.screenshot({ path: `${SHOTS}/merchant-deals.png` });
});

test('a team that does not form by its deadline fails: the card, the chat and the order say it was refunded', async ({
  browser,
  request,
}) => {
  const { a, family, tea } = await world(request);
  await a.post(`/api/shops/${tea.shopId}/group-deals`, 'o_wang', {
    productId: tea.id,
    groupSize: 3,
    windowHours: 24,
    skus: tea.skus.map((sku) => ({ skuId: sku.id, groupPriceFen: 3900 })),
  });
  const alice = await personAs(browser, 'o_alice');
  const teamId = await aliceOpensTeam(alice, tea, family.id);

  // A day passes with nobody joining: the deadline's job fails the team and refunds Alice.
  expect((await request.post('/api/test/clock/advance', { data: { ms: 25 * 3600_000 } })).ok()).toBe(true);

  await alice.goto(`/pages/chat/index?id=${family.id}`);
  await expect(alice.getByTestId(`team-card-seats-${teamId}`)).toHaveText('未在时限内成团，已全额退款');
  await expect(alice.getByTestId('chat-messages')).toContainText('拼团未成团，已为 1 位成员全额退款');
  const [order] = (await a.get<{ items: Order[] }>('/api/orders?role=buyer', 'o_alice')).items;
  await alice.goto('/pages/orders/index');
  await expect(alice.getByTestId(`order-team-${order.id}`)).toHaveText('拼团 · 拼团失败·已退款');
  await expect(alice.getByTestId(`order-status-${order.id}`)).toHaveText('已退款');
  await alice.goto(`/pages/team/index?id=${teamId}`);
  await expect(alice.getByTestId('team-status')).toHaveText('拼团失败');
  await expect(alice.getByTestId('team-join')).toHaveCount(0);
});
