import { expect, test } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { api, fill, INNER_INPUT, people } from './people';

/**
 * Issue 16's story (推客 · 用户即渠道), each person in a browser context of their own, against the
 * built app on PostgreSQL (e2e/browser/serve.mjs): 王掌柜 sets a 15% commission on 明前龙井礼盒 in
 * the console, Bob shares it into his chat with Carol, Carol opens the card and buys, and Bob sees
 * his pending commission in 推广中心 while 王掌柜 sees Bob ranked among his sharers. The API only
 * looks up ids and checks what the screens cannot show.
 */
const SHOTS = resolve(__dirname, '../../.tmp/screenshots');
mkdirSync(SHOTS, { recursive: true });

const personAs = people();

interface Product {
  id: string;
  shopId: string;
  priceFen: number;
  commissionBps: number;
  skus: { id: string; priceFen: number }[];
}

test('Bob shares the tea set into his chat with Carol, Carol buys through the card, Bob sees his pending commission', async ({
  browser,
  request,
}) => {
  expect((await request.post('/api/test/reset')).ok()).toBe(true);
  const a = api(request);
  const bob = await a.login('o_bob');
  const carol = await a.login('o_carol');
  const chats = await a.get<{ id: string; type: string; memberIds: string[] }[]>('/api/chats', 'o_bob');
  const direct = chats.find((c) => c.type === 'direct' && c.memberIds.includes(carol.userId)) as { id: string };
  const list = await a.get<{ items: { id: string; title: string }[] }>('/api/products?limit=100', 'o_bob');
  const teaId = list.items.find((p) => p.title === '明前龙井礼盒')?.id as string;
  const tea = await a.get<Product>(`/api/products/${teaId}`, 'o_bob');
  const cheapest = tea.skus.reduce((low, sku) => (sku.priceFen < low.priceFen ? sku : low));
  expect(cheapest.priceFen).toBe(16800);

  // 王掌柜 sets the commission to 15% in the product's edit form; the server stores basis points.
  const wang = await personAs(browser, 'o_wang');
  await wang.goto(`/pages/merchant-product/index?shopId=${tea.shopId}&id=${tea.id}`);
  const rate = wang.getByTestId('product-commission-input');
  await rate.locator(INNER_INPUT).first().waitFor();
  await fill(rate, '15');
  await wang.getByTestId('product-submit').click();
  await expect.poll(async () => (await a.get<Product>(`/api/products/${tea.id}`, 'o_wang')).commissionBps).toBe(1500);

  // Bob sees 分享赚 ¥25.20 (15% of ¥168) and shares the tea set into his chat with Carol.
  const bobPage = await personAs(browser, 'o_bob');
  await bobPage.goto(`/pages/product/index?id=${tea.id}`);
  await expect(bobPage.getByTestId('share-earn')).toHaveText('分享赚 ¥25.20');
  await bobPage.screenshot({ path: `${SHOTS}/product-share-earn.png` });
  await bobPage.getByTestId('share-to-chat').click();
  await bobPage.getByTestId(`share-chat-${direct.id}`).click();
  await expect(bobPage.getByTestId(`chat-product-${tea.id}`)).toBeVisible();

  // Carol opens the card from the chat (a chat view naming Bob), buys the 250g box and pays.
  const carolPage = await personAs(browser, 'o_carol');
  await carolPage.goto(`/pages/chat/index?id=${direct.id}`);
  await carolPage.getByTestId(`chat-product-${tea.id}`).last().click();
  await expect(carolPage.getByTestId('product-title')).toHaveText('明前龙井礼盒');
  const opened = new URL(carolPage.url()).searchParams;
  expect(opened.get('sharer')).toBe(bob.userId);
  expect(opened.get('scene')).toBe('chat');
  await carolPage.getByTestId(`sku-${cheapest.id}`).click();
  await carolPage.getByTestId('buy-button').click();
  await carolPage.getByTestId('address-name').locator(INNER_INPUT).first().waitFor();
  const address = { name: '卡罗尔', phone: '13900000002', region: '北京市 朝阳区', detail: '建国路 66 号 502' };
  for (const [field, value] of Object.entries(address)) await fill(carolPage.getByTestId(`address-${field}`), value);
  await carolPage.getByTestId('checkout-submit').click();
  await carolPage.getByTestId('pay-confirm').click();
  await expect(carolPage.getByTestId('pay-success')).toBeVisible();
  const orders = await a.get<{ items: { id: string; sharerId: string | null }[] }>('/api/orders?role=buyer', 'o_carol');
  expect(orders.items[0].sharerId).toBe(bob.userId);

  // Bob opens 推广中心 from 我: ¥25.20 pending on the tea set, his link and QR code beside it.
  await bobPage.goto('/pages/me/index');
  await bobPage.getByTestId('me-promote').click();
  await expect(bobPage.getByTestId('earnings-pendingFen')).toContainText('¥25.20');
  await expect(bobPage.getByTestId(`earning-${orders.items[0].id}-${tea.id}`)).toContainText('待结算');
  await expect(bobPage.getByTestId(`earning-${orders.items[0].id}-${tea.id}`)).toContainText('¥25.20');
  await expect(bobPage.getByTestId(`promote-link-${tea.id}`)).toContainText(`sharer=${bob.userId}`);
  await expect(
    bobPage
      .getByTestId(`promote-qr-${tea.id}`)
      .locator('img')
      .or(bobPage.getByTestId(`promote-qr-${tea.id}`))
      .first(),
  ).toBeVisible();
  // The screenshot waits for Taro's slide-in from 我 to end.
  await expect
    .poll(() => bobPage.evaluate(() => document.querySelector('.promote')?.getBoundingClientRect().left))
    .toBe(0);
  await bobPage.screenshot({ path: `${SHOTS}/promote-center.png` });

  // 王掌柜's 推客 page ranks Bob with the order, its GMV and the commission.
  await wang.goto(`/pages/merchant/index?shopId=${tea.shopId}`);
  await wang.getByTestId('merchant-nav-sharers').click();
  await expect(wang.getByTestId(`sharer-gmv-${bob.userId}`)).toHaveText('成交 ¥168.00');
  await expect(wang.getByTestId(`sharer-commission-${bob.userId}`)).toHaveText('佣金 ¥25.20');
  await wang.goto(`/pages/merchant-ledger/index?shopId=${tea.shopId}`);
  await expect(wang.getByTestId('ledger-commissionFen')).toContainText('¥25.20');
  await expect(wang.getByTestId('ledger-balance')).toContainText('✓');
});
