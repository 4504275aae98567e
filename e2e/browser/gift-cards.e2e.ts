import { APIRequestContext, expect, Page, test } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { api, fill, fillAddress, people } from './people';

/**
 * Issue 17's story (节日礼券), each person in a browser context of their own, against the built app
 * on PostgreSQL: 王掌柜 designs a 中秋 card in his console, Bob sends it to Carol in their direct chat
 * with a wish and pays, Carol claims it from the card (no address) and spends part of it at the
 * shop; what is left is exact to the fen, and 王掌柜's figures and ledger show the card claimed and
 * spent. The API only looks up ids and checks what the screens cannot show.
 */
const SHOTS = resolve(__dirname, '../../.tmp/screenshots');
mkdirSync(SHOTS, { recursive: true });

const personAs = people();

interface Product {
  id: string;
  shopId: string;
  skus: { id: string; priceFen: number }[];
}
interface Design {
  id: string;
  title: string;
}
interface Message {
  type: string;
  giftCardId?: string;
}

const yuan = (fen: number) => `¥${(fen / 100).toFixed(2)}`;

/** The seeded world: Bob's direct chat with Carol, and 花果茶组合 (¥59) of 王掌柜's 山茶小馆. */
async function world(request: APIRequestContext) {
  expect((await request.post('/api/test/reset')).ok()).toBe(true);
  const a = api(request);
  const chats = await a.get<{ id: string; type: string; title: string }[]>('/api/chats', 'o_bob');
  const withCarol = chats.find((c) => c.type === 'direct' && c.title === '卡罗尔') as { id: string };
  const list = await a.get<{ items: { id: string; title: string }[] }>('/api/products?limit=100', 'o_bob');
  const teaId = list.items.find((p) => p.title === '花果茶组合')?.id as string;
  const tea = await a.get<Product>(`/api/products/${teaId}`, 'o_bob');
  return { a, withCarol, tea };
}

/** 王掌柜, in his console: a 中秋 card of ¥200, valid a year after it is claimed. */
async function wangDesignsCard(wang: Page, shopId: string) {
  await wang.goto(`/pages/merchant/index?shopId=${shopId}`);
  await wang.getByTestId('merchant-nav-gift-cards').click();
  await fill(wang.getByTestId('design-title'), '中秋团圆礼券');
  await wang.getByTestId('design-theme-mid_autumn').click();
  // The rule is named before anything is sent: ¥5 is under the ¥10 floor.
  await fill(wang.getByTestId('design-face-value'), '5');
  await wang.getByTestId('design-create').click();
  await expect(wang.getByTestId('design-error')).toHaveText('面值为 ¥10 到 ¥1000');
  await fill(wang.getByTestId('design-face-value'), '200');
  await fill(wang.getByTestId('design-valid-days'), '365');
  await wang.getByTestId('design-create').click();
}

test('a 中秋礼券 sent to a friend, claimed and spent in part', async ({ browser, request }) => {
  const { a, withCarol, tea } = await world(request);
  const { userId: carolId } = await a.login('o_carol');

  const wang = await personAs(browser, 'o_wang');
  await wangDesignsCard(wang, tea.shopId);
  const designs = () => a.get<Design[]>(`/api/shops/${tea.shopId}/gift-card-designs?scope=all`, 'o_wang');
  await expect.poll(async () => (await designs()).some((d) => d.title === '中秋团圆礼券')).toBe(true);
  const design = (await designs()).find((d) => d.title === '中秋团圆礼券') as Design;
  await expect(wang.getByTestId(`design-status-${design.id}`)).toHaveText('在售');
  await expect(wang.getByTestId(`design-counts-${design.id}`)).toHaveText('已售 0 · 已领取 0 · 已退款 0 · 待领取 0');

  // Bob, in his chat with Carol: 送礼券, the shop, the card, a wish; he pays ¥200 and is back in the chat.
  const bob = await personAs(browser, 'o_bob');
  await bob.goto(`/pages/chat/index?id=${withCarol.id}`);
  await bob.getByTestId('chat-send-card').click();
  await expect(bob.getByTestId('card-compose-to')).toHaveText('卡罗尔');
  await bob.getByTestId(`card-shop-${tea.shopId}`).click();
  await bob.getByTestId('card-submit').click();
  await expect(bob.getByTestId('card-compose-error')).toHaveText('请选择一张礼券');
  await bob.getByTestId(`card-design-${design.id}`).click();
  await fill(bob.getByTestId('wish-input'), '中秋快乐，月圆人团圆');
  await expect(bob.getByTestId('card-compose-total')).toHaveText('¥200.00');
  await bob.screenshot({ path: `${SHOTS}/gift-card-compose.png` });
  await bob.getByTestId('card-submit').click();
  await expect(bob.getByTestId('pay-amount')).toHaveText('¥200.00');
  await bob.getByTestId('pay-confirm').click();
  await expect(bob.getByTestId('chat-messages')).toBeVisible();
  const messages = await a.get<Message[]>(`/api/chats/${withCarol.id}/messages`, 'o_bob');
  const cardId = messages.find((m) => m.type === 'gift_card')?.giftCardId as string;
  expect(cardId).toBeTruthy();
  await expect(bob.getByTestId(`card-message-status-${cardId}`)).toHaveText('待领取');

  // Carol sees the card in the chat with 领取, opens it and claims it: no address asked.
  const carol = await personAs(browser, 'o_carol');
  await carol.goto(`/pages/chat/index?id=${withCarol.id}`);
  await expect(carol.getByTestId(`card-message-status-${cardId}`)).toHaveText('领取');
  await expect(carol.getByTestId(`card-message-${cardId}`)).toContainText('中秋快乐，月圆人团圆');
  await carol.screenshot({ path: `${SHOTS}/gift-card-in-chat.png` });
  await carol.getByTestId(`card-message-${cardId}`).click();
  await expect(carol.getByTestId('card-theme')).toContainText('中秋');
  await expect(carol.getByTestId('card-face-value')).toHaveText('¥200.00');
  await carol.getByTestId('card-claim').click();
  await expect(carol.getByTestId('card-balance')).toHaveText('¥200.00');
  await expect(carol.getByTestId('card-status')).toHaveText('已领取');
  await carol.screenshot({ path: `${SHOTS}/gift-card-claimed.png` });
  // Her wallet (我的礼券) holds it at its face value.
  await carol.getByTestId('card-wallet').click();
  await expect(carol.getByTestId(`wallet-balance-${cardId}`)).toHaveText('余额 ¥200.00 / 面值 ¥200.00');
  const wallet = await a.get<{ id: string; balanceFen: number }[]>('/api/me/gift-cards', 'o_carol');
  expect(wallet).toEqual([expect.objectContaining({ id: cardId, balanceFen: 20_000 })]);

  // Bob's chat, as it polls, says she claimed it, and his card turns to 已领取 with the notice.
  await expect(bob.getByTestId('chat-messages')).toContainText('卡罗尔 领取了礼券');
  await expect(bob.getByTestId(`card-message-status-${cardId}`)).toHaveText('已领取');

  // Carol buys 花果茶组合 at the shop with the card toggled on at checkout: it pays it all, freight
  // included, so 实付 is ¥0.00 and the order is paid by the card alone (礼券支付, no pay sheet).
  await carol.goto(`/pages/checkout/index?productId=${tea.id}&skuId=${tea.skus[0].id}&qty=1&scene=shop_home`);
  await fillAddress(carol, {
    name: '卡罗尔',
    phone: '13900000002',
    region: '北京市 朝阳区',
    detail: '建国路 66 号 502',
  });
  await expect(carol.getByTestId(`card-toggle-${cardId}`)).toContainText('余额 ¥200.00');
  await carol.getByTestId(`card-toggle-${cardId}`).click();
  await expect(carol.getByTestId(`card-toggle-${cardId}`)).toHaveAttribute('aria-checked', 'true');
  await expect(carol.getByTestId('checkout-total')).toHaveText('¥0.00');
  await expect(carol.getByTestId('checkout-submit')).toHaveText('礼券支付');
  const cardLine = await carol.getByTestId('checkout-cards').textContent();
  await carol.screenshot({ path: `${SHOTS}/gift-card-checkout.png` });
  await carol.getByTestId('checkout-submit').click();
  await expect(carol.getByTestId('pay-success')).toBeVisible();
  const [placed] = (
    await a.get<{
      items: { id: string; kind: string; status: string; totalFen: number; giftCardFen: number; payFen: number }[];
    }>('/api/orders?role=buyer', 'o_carol')
  ).items.filter((o) => o.kind === 'normal');
  expect(placed).toMatchObject({ status: 'paid', giftCardFen: placed.totalFen, payFen: 0 });
  // What the checkout showed the card paying is what the order took from it: goods and freight.
  expect(cardLine).toBe(`-${yuan(placed.totalFen)}`);
  const left = 20_000 - placed.totalFen;
  expect(left).toBeGreaterThan(0);

  // Spent in part: what is left is on the card, to the fen, in her wallet and on the card's page.
  await carol.goto('/pages/wallet/index');
  await expect(carol.getByTestId(`wallet-balance-${cardId}`)).toHaveText(`余额 ${yuan(left)} / 面值 ¥200.00`);
  await expect(carol.getByTestId(`wallet-status-${cardId}`)).toHaveText('可用');
  await carol.screenshot({ path: `${SHOTS}/gift-card-wallet.png` });
  await carol.goto(`/pages/gift-card/index?id=${cardId}`);
  await expect(carol.getByTestId('card-balance')).toHaveText(yuan(left));
  const after = await a.get<{ id: string; balanceFen: number }[]>('/api/me/gift-cards', 'o_carol');
  expect(after).toEqual([expect.objectContaining({ id: cardId, balanceFen: left })]);
  expect((await a.get<{ recipientId: string }>(`/api/gift-cards/${cardId}`, 'o_carol')).recipientId).toBe(carolId);

  // 王掌柜's figures: one sold and claimed, what the order took and what is left outstanding; his
  // ledger has the card's income once and the order's card part as 礼券抵扣.
  await wang.reload();
  await expect(wang.getByTestId(`design-counts-${design.id}`)).toHaveText('已售 1 · 已领取 1 · 已退款 0 · 待领取 0');
  await expect(wang.getByTestId(`design-money-${design.id}`)).toHaveText(
    `领取金额 ¥200.00 · 已抵扣 ${yuan(placed.totalFen)} · 未使用余额 ${yuan(left)}`,
  );
  await wang.screenshot({ path: `${SHOTS}/gift-card-figures.png` });
  await wang.goto(`/pages/merchant-ledger/index?shopId=${tea.shopId}`);
  await expect(wang.getByTestId('ledger-entry').filter({ hasText: '礼券抵扣' })).toHaveCount(1);
  await expect(wang.getByTestId('ledger-entry').filter({ hasText: '+¥200.00' })).toHaveCount(1);
});

test('王掌柜 issues a 满减 coupon in his console, sees it claimed, and ends it', async ({ browser, request }) => {
  const { a, tea } = await world(request);
  const wang = await personAs(browser, 'o_wang');
  await wang.goto(`/pages/merchant/index?shopId=${tea.shopId}`);
  await wang.getByTestId('merchant-nav-coupons').click();
  await fill(wang.getByTestId('coupon-title'), '满200减30');
  await fill(wang.getByTestId('coupon-amount'), '30');
  await fill(wang.getByTestId('coupon-min-spend'), '200');
  // The first thing wrong is named before anything is sent.
  await fill(wang.getByTestId('coupon-total'), '0');
  await wang.getByTestId('coupon-create').click();
  await expect(wang.getByTestId('coupon-error')).toHaveText('发行数量为 1 到 1000000 张');
  await fill(wang.getByTestId('coupon-total'), '50');
  await fill(wang.getByTestId('coupon-per-user'), '2');
  await wang.getByTestId('coupon-create').click();

  const coupons = () => a.get<{ id: string; title: string }[]>(`/api/shops/${tea.shopId}/coupons?scope=all`, 'o_wang');
  await expect.poll(async () => (await coupons()).some((c) => c.title === '满200减30')).toBe(true);
  const coupon = (await coupons()).find((c) => c.title === '满200减30') as { id: string };
  await expect(wang.getByTestId(`coupon-terms-${coupon.id}`)).toHaveText('满 ¥200.00 减 ¥30.00 · 全店通用');
  await expect(wang.getByTestId(`coupon-figures-${coupon.id}`)).toHaveText(
    '已领 0/50 · 使用中 0 · 已使用 0 · 优惠金额 ¥0.00',
  );

  // Carol claims one (the shop page's 领券 is beside this story); the figures count it.
  await a.post(`/api/coupons/${coupon.id}/claim`, 'o_carol', {});
  await wang.reload();
  await expect(wang.getByTestId(`coupon-figures-${coupon.id}`)).toHaveText(
    '已领 1/50 · 使用中 0 · 已使用 0 · 优惠金额 ¥0.00',
  );
  await wang.screenshot({ path: `${SHOTS}/merchant-coupons.png` });

  // 结束: no more claims.
  await wang.getByTestId(`coupon-end-${coupon.id}`).click();
  await expect(wang.getByTestId(`coupon-status-${coupon.id}`)).toHaveText('已结束');
  const { token } = await a.login('o_carol');
  const late = await request.post(`/api/coupons/${coupon.id}/claim`, { headers: { authorization: `Bearer ${token}` } });
  expect(late.status()).toBe(409);
  expect((await late.json()).code).toBe('COUPON_ENDED');
});

test('a card left unclaimed for 24 hours goes back to the giver, and the chat says so', async ({
  browser,
  request,
}) => {
  const { a, withCarol, tea } = await world(request);
  // Bob sends the seeded 中秋礼券 (the composer is the first story's); Carol does not claim it.
  const seeded = (await a.get<Design[]>(`/api/shops/${tea.shopId}/gift-card-designs`, 'o_bob')).find(
    (d) => d.title === '中秋礼券',
  ) as Design;
  const sent = await a.post<{ id: string; orderId: string }>('/api/gift-cards', 'o_bob', {
    designId: seeded.id,
    chatId: withCarol.id,
  });
  await a.post(`/api/orders/${sent.orderId}/pay`, 'o_bob', {});
  const bob = await personAs(browser, 'o_bob');
  await bob.goto(`/pages/gift-card/index?id=${sent.id}`);
  await expect(bob.getByTestId('card-status')).toHaveText(/^待领取 · \d\d-\d\d \d\d:\d\d 前未领取将退回$/);

  expect((await request.post('/api/test/clock/advance', { data: { ms: 24 * 3600_000 + 60_000 } })).ok()).toBe(true);
  await bob.reload();
  await expect(bob.getByTestId('card-status')).toHaveText('已退款');

  const carol = await personAs(browser, 'o_carol');
  await carol.goto(`/pages/chat/index?id=${withCarol.id}`);
  await expect(carol.getByTestId('chat-messages')).toContainText('「中秋礼券」24 小时未领取，已退款给送礼人');
  await expect(carol.getByTestId(`card-message-status-${sent.id}`)).toHaveText('已退回');
  await carol.getByTestId(`card-message-${sent.id}`).click();
  await expect(carol.getByTestId('card-status')).toHaveText('已退回');
  await expect(carol.getByTestId('card-claim')).toHaveCount(0);
});
