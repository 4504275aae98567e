import { expect, test } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { api, fillAddress, people } from './people';

/**
 * Issue 17's story "a coupon at checkout", against the built app on PostgreSQL: the seed gives
 * 王掌柜's 山茶小馆 a 满100减20 (one per person) and a 9折券 (cap ¥30). Alice opens the shop page,
 * claims both, buys three boxes of 花果茶 (¥177) from it; the checkout picks 满100减20 (¥20 beats
 * 9折's ¥17.70) and charges ¥157.00 (still free shipping: ¥99 after the discount); she tries
 * 不使用优惠券 (¥177.00) and back, pays,
 * and her order shows the discount. A second claim of 满100减20 is refused: 已达领取上限.
 * Then a 中秋礼券 from Bob (set up through the API) pays a whole order: 礼券支付, no pay sheet.
 */
const SHOTS = resolve(__dirname, '../../.tmp/screenshots');
mkdirSync(SHOTS, { recursive: true });

const personAs = people();

interface Coupon {
  id: string;
  title: string;
}

test('a coupon at checkout: claimed on the shop page, picked by default, switched off and on, paid, shown on the order', async ({
  browser,
  request,
}) => {
  expect((await request.post('/api/test/reset')).ok()).toBe(true);
  const a = api(request);
  const list = await a.get<{ items: { id: string; title: string; shopId: string }[] }>(
    '/api/products?limit=100',
    'o_alice',
  );
  const tea = list.items.find((p) => p.title === '花果茶组合') as { id: string; shopId: string };
  const coupons = await a.get<Coupon[]>(`/api/shops/${tea.shopId}/coupons`, 'o_alice');
  const off20 = coupons.find((c) => c.title === '满100减20') as Coupon;
  const nineTenths = coupons.find((c) => c.title === '9折券') as Coupon;

  // The shop page (from the product page's shop name): its name, 领券, its products.
  const alice = await personAs(browser, 'o_alice');
  await alice.goto(`/pages/product/index?id=${tea.id}`);
  await alice.getByTestId('product-shop-link').click();
  await expect(alice.getByTestId('shop-name')).toContainText('山茶小馆');
  expect(new URL(alice.url()).searchParams.get('shopId')).toBe(tea.shopId);
  // Opened afresh, as from a shared link: the product page then opens once, above this one.
  await alice.goto(alice.url());
  const shop = alice.locator('.page.shop');
  // A second tab opened before the claim: its 领取 will meet the per-person limit.
  const stale = await alice.context().newPage();
  await stale.goto(`/pages/shop/index?shopId=${tea.shopId}`);
  await expect(stale.getByTestId(`coupon-claim-${off20.id}`)).toHaveText('领取');

  await expect(shop.getByTestId(`coupon-${off20.id}`)).toContainText('满100减20');
  await shop.getByTestId(`coupon-claim-${off20.id}`).click();
  await expect(shop.getByTestId(`coupon-claim-${off20.id}`)).toHaveText('已领取');
  await shop.getByTestId(`coupon-claim-${nineTenths.id}`).click();
  // 9折券 allows two per person: one claimed, the button still offers another.
  await expect.poll(async () => (await a.get<{ couponId: string }[]>('/api/me/coupons', 'o_alice')).length).toBe(2);
  await expect(shop.getByTestId(`coupon-claim-${nineTenths.id}`)).toHaveText('领取');
  await alice.screenshot({ path: `${SHOTS}/shop-coupons.png` });

  // Three boxes of 花果茶 (¥59 each), opened from the shop page (scene shop_home).
  await shop.getByTestId(`product-card-${tea.id}`).click();
  await expect(alice.getByTestId('product-title')).toHaveText('花果茶组合');
  expect(new URL(alice.url()).searchParams.get('scene')).toBe('shop_home');
  await alice.getByTestId('quantity-plus').click();
  await alice.getByTestId('quantity-plus').click();
  await expect(alice.getByTestId('quantity-value')).toHaveText('3');
  await alice.getByTestId('buy-button').click();

  // The checkout picks 满100减20 by default: ¥177.00 − ¥20.00, free shipping, ¥157.00 to pay.
  await expect(alice.getByTestId('checkout-total')).toHaveText('¥157.00');
  await expect(alice.getByTestId('checkout-goods')).toHaveText('¥177.00');
  await expect(alice.getByTestId('checkout-discount')).toHaveText('-¥20.00');
  await expect(alice.getByTestId('checkout-freight')).toHaveText('¥0.00');
  const picker = alice.getByTestId('checkout-coupons');
  await expect(picker.getByRole('radio', { checked: true })).toContainText('满100减20');
  await expect(picker.getByRole('radio').filter({ hasText: '9折券' })).toContainText('-¥17.70');
  await alice.screenshot({ path: `${SHOTS}/checkout-coupon.png` });

  await alice.getByTestId('coupon-option-none').click();
  await expect(alice.getByTestId('checkout-total')).toHaveText('¥177.00');
  await expect(alice.getByTestId('checkout-discount')).toHaveCount(0);
  await picker.getByRole('radio').filter({ hasText: '满100减20' }).click();
  await expect(alice.getByTestId('checkout-total')).toHaveText('¥157.00');

  await fillAddress(alice, { name: '爱丽丝', phone: '13800138000', region: '浙江省 杭州市', detail: '龙井路 1 号' });
  await alice.getByTestId('checkout-submit').click();
  await expect(alice.getByTestId('pay-amount')).toHaveText('¥157.00');
  await alice.getByTestId('pay-confirm').click();
  await expect(alice.getByTestId('pay-success')).toBeVisible();

  // The order: 优惠券 −¥20.00, 实付 ¥157.00; the server agrees to the fen.
  const orders = await a.get<{ items: { id: string; discountFen: number; payFen: number; scene: string }[] }>(
    '/api/orders?role=buyer',
    'o_alice',
  );
  const order = orders.items[0];
  expect([order.discountFen, order.payFen, order.scene]).toEqual([2000, 15700, 'shop_home']);
  await alice.getByTestId('view-orders').click();
  await expect(alice.getByTestId(`order-discount-${order.id}`)).toHaveText('优惠券 -¥20.00');
  await expect(alice.getByTestId(`order-total-${order.id}`)).toHaveText('¥157.00');
  // The screenshot waits for Taro's slide-in of the orders page to end.
  await expect.poll(async () => (await alice.getByTestId(`order-${order.id}`).boundingBox())?.x ?? -1).toBeLessThan(50);
  await alice.screenshot({ path: `${SHOTS}/order-coupon.png` });

  // A second 满100减20 from the tab opened before the claim: refused, one per person.
  await stale.getByTestId(`coupon-claim-${off20.id}`).click();
  await expect(stale.getByTestId(`coupon-refusal-${off20.id}`)).toHaveText('已达领取上限');
  const mine = await a.get<{ couponId: string; status: string }[]>('/api/me/coupons', 'o_alice');
  expect(mine.filter((c) => c.couponId === off20.id).map((c) => c.status)).toEqual(['used']);
});

test('a gift card pays a whole order: 礼券支付 with no WeChat Pay, and the wallet shows what is left', async ({
  browser,
  request,
}) => {
  expect((await request.post('/api/test/reset')).ok()).toBe(true);
  const a = api(request);
  const alice = await a.login('o_alice');
  const list = await a.get<{ items: { id: string; title: string; shopId: string }[] }>(
    '/api/products?limit=100',
    'o_alice',
  );
  const tea = list.items.find((p) => p.title === '花果茶组合') as { id: string; shopId: string };
  const product = await a.get<{ skus: { id: string; priceFen: number }[] }>(`/api/products/${tea.id}`, 'o_alice');
  const box = product.skus[0];
  expect(box.priceFen).toBe(5900);

  // Bob sends Alice the seed's 中秋礼券 (¥200) in their chat and she claims it (the other story's screens).
  const designs = await a.get<{ id: string; title: string }[]>(`/api/shops/${tea.shopId}/gift-card-designs`, 'o_bob');
  const design = designs.find((d) => d.title === '中秋礼券') as { id: string };
  const chats = await a.get<{ id: string; type: string; memberIds: string[] }[]>('/api/chats', 'o_bob');
  const direct = chats.find((c) => c.type === 'direct' && c.memberIds.includes(alice.userId)) as { id: string };
  const bought = await a.post<{ id: string; orderId: string }>('/api/gift-cards', 'o_bob', {
    designId: design.id,
    chatId: direct.id,
  });
  await a.post(`/api/orders/${bought.orderId}/pay`, 'o_bob', {});
  await a.post(`/api/gift-cards/${bought.id}/claim`, 'o_alice', {});

  // 我 → 我的礼券: the card, its festival, ¥200.00 of ¥200.00, from 鲍勃.
  const page = await personAs(browser, 'o_alice');
  await page.getByTestId('me-wallet').click();
  await expect(page.getByTestId(`wallet-balance-${bought.id}`)).toHaveText('余额 ¥200.00 / 面值 ¥200.00');
  await expect(page.getByTestId(`wallet-card-${bought.id}`)).toContainText('中秋');
  await expect(page.getByTestId(`wallet-card-${bought.id}`)).toContainText('鲍勃 送的');

  // One box: ¥59.00 + ¥10.00 freight. The card takes all ¥69.00: nothing for WeChat Pay.
  await page.goto(`/pages/checkout/index?productId=${tea.id}&skuId=${box.id}&qty=1&scene=mini_program`);
  await expect(page.getByTestId('checkout-total')).toHaveText('¥69.00');
  await expect(page.getByTestId('checkout-submit')).toHaveText('提交订单');
  await page.getByTestId(`card-toggle-${bought.id}`).click();
  await expect(page.getByTestId('checkout-cards')).toHaveText('-¥69.00');
  await expect(page.getByTestId('checkout-total')).toHaveText('¥0.00');
  await expect(page.getByTestId('checkout-submit')).toHaveText('礼券支付');
  await fillAddress(page, { name: '爱丽丝', phone: '13800138000', region: '浙江省 杭州市', detail: '龙井路 1 号' });
  await page.getByTestId('checkout-submit').click();
  await expect(page.getByTestId('pay-success')).toBeVisible();
  await expect(page.getByTestId('pay-sheet')).toHaveCount(0);

  const orders = await a.get<{ items: { id: string; status: string; giftCardFen: number; payFen: number }[] }>(
    '/api/orders?role=buyer',
    'o_alice',
  );
  const order = orders.items[0];
  expect([order.status, order.giftCardFen, order.payFen]).toEqual(['paid', 6900, 0]);
  await page.getByTestId('view-orders').click();
  await expect(page.getByTestId(`order-cards-${order.id}`)).toHaveText('礼券 -¥69.00');
  await expect(page.getByTestId(`order-total-${order.id}`)).toHaveText('¥0.00');

  // ¥200.00 − ¥69.00 is left on the card.
  await page.goto('/pages/wallet/index');
  await expect(page.getByTestId(`wallet-balance-${bought.id}`)).toHaveText('余额 ¥131.00 / 面值 ¥200.00');
});
