import { APIRequestContext, expect, test } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { api, fill, fillAddress, people } from './people';

/**
 * The three stories of issue 7, each person in a browser context of their own, against the built
 * app on PostgreSQL (e2e/browser/serve.mjs). The API is used only to look up ids and to check
 * what the screens cannot show (e.g. that the merchant's shipments landed).
 */
const SHOTS = resolve(__dirname, '../../.tmp/screenshots');
mkdirSync(SHOTS, { recursive: true });

/** What the browser refused under the server's Content-Security-Policy: the client must need nothing it forbids. */
const cspViolations: string[] = [];
const personAs = people({
  onPage: (page) =>
    page.on('console', (message) => {
      if (/Content Security Policy|Content-Security-Policy/i.test(message.text())) cspViolations.push(message.text());
    }),
});
test.afterEach(() => {
  expect(cspViolations.splice(0)).toEqual([]);
});

interface Chat {
  id: string;
  type: string;
  title: string;
  memberIds: string[];
}
interface Product {
  id: string;
  title: string;
  shopId: string;
  skus: { id: string; specs: Record<string, string> }[];
}

async function world(request: APIRequestContext) {
  const reset = await request.post('/api/test/reset');
  expect(reset.ok()).toBe(true);
  const a = api(request);
  const chats = await a.get<Chat[]>('/api/chats', 'o_alice');
  const family = chats.find((c) => c.title === '相亲相爱一家人') as Chat;
  const ids = Object.fromEntries(
    await Promise.all(['o_bob', 'o_carol', 'o_dave'].map(async (o) => [o, (await a.login(o)).userId] as const)),
  );
  const direct = chats.find((c) => c.type === 'direct' && c.memberIds.includes(ids.o_bob)) as Chat;
  const list = await a.get<{ items: { id: string; title: string }[] }>('/api/products?limit=100', 'o_alice');
  const product = async (title: string) =>
    a.get<Product>(`/api/products/${list.items.find((p) => p.title === title)?.id}`, 'o_alice');
  return { a, family, direct, ids, product };
}

const BOB_ADDRESS = { name: '鲍勃', phone: '13900000001', region: '上海市 浦东新区', detail: '世纪大道 88 号 1201' };
const CAROL_ADDRESS = { name: '卡罗尔', phone: '13900000002', region: '北京市 朝阳区', detail: '建国路 66 号 502' };

test('a first-come group gift: two members accept different variants, the third is told it is all claimed, the merchant ships both', async ({
  browser,
  request,
}) => {
  const w = await world(request);
  const tea = await w.product('花果茶组合');
  const [peach, jasmine, grapefruit] = tea.skus;

  // Alice chooses the flavour, 送给朋友, the family group, first come, 2 units, a wish, and pays.
  const alice = await personAs(browser, 'o_alice');
  await alice.goto(`/pages/product/index?id=${tea.id}&scene=chat`);
  await alice.getByTestId(`sku-${peach.id}`).click();
  await alice.getByTestId('gift-button').click();
  await alice.getByTestId(`compose-chat-${w.family.id}`).click();
  await alice.getByTestId('mode-first_come').click();
  await fill(alice.getByTestId('units-input'), '2');
  await fill(alice.getByTestId('wish-input'), '新年快乐，一起喝茶');
  await expect(alice.getByTestId('compose-total')).toContainText('118.00');
  await alice.getByTestId('gift-submit').click();
  await alice.getByTestId('pay-confirm').click();
  const gifts = await w.a.get<{ id: string }[]>('/api/gifts?role=giver', 'o_alice');
  const giftId = gifts[0].id;
  await expect(alice.getByTestId(`gift-card-${giftId}`)).toBeVisible();
  await alice.screenshot({ path: `${SHOTS}/group-chat-gift-card.png` });

  // Bob and Carol open the card in the group chat and accept, each with another flavour.
  for (const [openId, sku, address] of [
    ['o_bob', jasmine, BOB_ADDRESS],
    ['o_carol', grapefruit, CAROL_ADDRESS],
  ] as const) {
    const page = await personAs(browser, openId);
    await page.goto(`/pages/chat/index?id=${w.family.id}`);
    await page.getByTestId(`gift-card-${giftId}`).click();
    await page.getByTestId('claim-open').click();
    await page.getByTestId(`sku-${sku.id}`).click();
    await fillAddress(page, address);
    if (openId === 'o_bob') await page.screenshot({ path: `${SHOTS}/recipient-claim.png` });
    await page.getByTestId('claim-accept').click();
    // The confirm step: the variant and the address, shown once more before the irreversible accept.
    await expect(page.getByTestId('claim-confirm-variant')).toContainText(Object.values(sku.specs)[0]);
    await page.getByTestId('claim-confirm').click();
    await expect(page.getByTestId('my-claim')).toContainText(Object.values(sku.specs)[0]);
  }

  // Dave comes too late.
  const dave = await personAs(browser, 'o_dave');
  await dave.goto(`/pages/gift/index?id=${giftId}`);
  await expect(dave.getByTestId('gift-all-claimed')).toContainText('礼物已被领完');
  await dave.screenshot({ path: `${SHOTS}/all-claimed.png` });

  // The family chat tells everyone who claimed, and that it is all claimed.
  await alice.goto(`/pages/chat/index?id=${w.family.id}`);
  await expect(alice.locator('[data-testid^="system-"]').last()).toBeVisible();
  await alice.screenshot({ path: `${SHOTS}/chat-notices.png` });

  // Alice sees both acceptances, and no address.
  await alice.goto(`/pages/gift/index?id=${giftId}`);
  await expect(alice.getByTestId(`gift-claim-${w.ids.o_bob}`)).toBeVisible();
  await expect(alice.getByTestId(`gift-claim-${w.ids.o_carol}`)).toBeVisible();
  const giverText = await alice.locator('body').innerText();
  for (const secret of [BOB_ADDRESS.detail, BOB_ADDRESS.phone, CAROL_ADDRESS.detail, CAROL_ADDRESS.phone]) {
    expect(giverText).not.toContain(secret);
  }
  await alice.screenshot({ path: `${SHOTS}/giver-view.png` });

  // The merchant ships both units to the addresses the recipients gave.
  const merchant = await personAs(browser, 'o_wang');
  await merchant.goto(`/pages/merchant-gifts/index?shopId=${tea.shopId}`);
  const claims = await w.a.get<{ id: string; recipientId: string }[]>(
    `/api/shops/${tea.shopId}/gift-claims?status=accepted`,
    'o_wang',
  );
  expect(claims).toHaveLength(2);
  const bobClaim = claims.find((c) => c.recipientId === w.ids.o_bob) as { id: string };
  await expect(merchant.getByTestId(`fulfilment-address-${bobClaim.id}`)).toContainText(BOB_ADDRESS.detail);
  for (const claim of claims) {
    await merchant.getByTestId(`ship-claim-${claim.id}`).click();
    await expect(merchant.getByTestId(`ship-claim-${claim.id}`)).toHaveCount(0);
  }
  const shipped = await w.a.get<unknown[]>(`/api/shops/${tea.shopId}/gift-claims?status=shipped`, 'o_wang');
  expect(shipped).toHaveLength(2);
});

test('a direct gift: the friend switches to another flavour of the same price and accepts', async ({
  browser,
  request,
}) => {
  const w = await world(request);
  const tea = await w.product('花果茶组合');
  const [peach, , grapefruit] = tea.skus;

  const alice = await personAs(browser, 'o_alice');
  await alice.goto(`/pages/product/index?id=${tea.id}&scene=chat`);
  await alice.getByTestId(`sku-${peach.id}`).click();
  await alice.getByTestId('gift-button').click();
  await alice.getByTestId(`compose-chat-${w.direct.id}`).click();
  await alice.getByTestId('mode-single').click();
  await alice.getByTestId('gift-submit').click();
  await alice.getByTestId('pay-confirm').click();
  const gifts = await w.a.get<{ id: string }[]>('/api/gifts?role=giver', 'o_alice');
  const giftId = gifts[0].id;
  await expect(alice.getByTestId(`gift-card-${giftId}`)).toBeVisible();

  const bob = await personAs(browser, 'o_bob');
  await bob.goto(`/pages/chat/index?id=${w.direct.id}`);
  await bob.getByTestId(`gift-card-${giftId}`).click();
  await bob.getByTestId('claim-open').click();
  await expect(bob.getByTestId(`sku-${peach.id}`)).toHaveAttribute('aria-checked', 'true');
  await bob.getByTestId(`sku-${grapefruit.id}`).click();
  await fillAddress(bob, BOB_ADDRESS);
  await bob.getByTestId('claim-accept').click();
  await bob.getByTestId('claim-confirm').click();
  await expect(bob.getByTestId('my-claim')).toContainText('柚子红茶');

  const view = await w.a.get<{ myClaim: { skuId: string } }>(`/api/gifts/${giftId}`, 'o_bob');
  expect(view.myClaim.skuId).toBe(grapefruit.id);
  await alice.goto(`/pages/gift/index?id=${giftId}`);
  await expect(alice.getByTestId(`gift-claim-${w.ids.o_bob}`)).toBeVisible();
});

test('a purchase from 视频号直播 shows up in the merchant’s scene analytics', async ({ browser, request }) => {
  const w = await world(request);
  const erin = await personAs(browser, 'o_erin');
  await erin.goto('/');
  await erin.getByTestId('scene-entry-channels_live').click();
  await expect(erin.getByTestId('scene-badge')).toHaveAttribute('data-scene', 'channels_live');
  const productId = new URL(erin.url()).searchParams.get('id') as string;
  const product = await w.a.get<Product>(`/api/products/${productId}`, 'o_erin');
  await erin.getByTestId(`sku-${product.skus[0].id}`).click();
  await erin.getByTestId('buy-button').click();
  await expect(erin.getByTestId('checkout-scene')).toContainText('视频号');
  await fillAddress(erin, { name: '艾琳', phone: '13900000005', region: '广东省 深圳市', detail: '科技园 1 号' });
  await erin.getByTestId('checkout-submit').click();
  await erin.getByTestId('pay-confirm').click();
  await expect(erin.getByTestId('pay-success')).toBeVisible();
  await expect(erin.getByTestId('follow-offer')).toBeVisible();

  const owner = product.shopId;
  const merchant = await personAs(browser, 'o_wang');
  await merchant.goto(`/pages/merchant-analytics/index?shopId=${owner}`);
  const row = merchant.getByTestId(`analytics-row-${productId}-channels_live`).first();
  await expect(row).toBeVisible();
  await expect(row).toContainText('1');
  await merchant.screenshot({ path: `${SHOTS}/merchant-scene-analytics.png` });
  const rows = await w.a.get<{ productId: string; scene: string; orders: number }[]>(
    `/api/shops/${owner}/analytics/scenes?productId=${productId}`,
    'o_wang',
  );
  expect(rows.find((r) => r.scene === 'channels_live')?.orders).toBe(1);

  // The merchant ships it from the orders page, to the address Erin gave.
  const mine = await w.a.get<{ items: { id: string }[] }>('/api/orders?role=buyer', 'o_erin');
  const orderId = mine.items[0].id;
  await merchant.goto(`/pages/merchant-orders/index?shopId=${owner}`);
  await expect(merchant.getByTestId(`order-address-${orderId}`)).toContainText('科技园 1 号');
  await merchant.getByTestId(`ship-order-${orderId}`).click();
  await expect(merchant.getByTestId(`ship-order-${orderId}`)).toHaveCount(0);
  const shipped = await w.a.get<{ status: string; carrier: string }>(`/api/orders/${orderId}`, 'o_erin');
  expect(shipped).toMatchObject({ status: 'shipped', carrier: '顺丰速运' });
});
