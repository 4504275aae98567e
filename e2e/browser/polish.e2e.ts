import { APIRequestContext, expect, Locator, Page, test } from '@playwright/test';
import { fill, INNER_INPUT, people } from './people';

/**
 * Issue 12's polish (soft expectations: one run reports every layout rule that broke), measured where only a browser can: layout (titles, the wish box, money on one
 * line, labels beside their inputs) and where a newly opened page is scrolled to.
 */
const personAs = people();

async function token(request: APIRequestContext, openId: string): Promise<string> {
  const res = await request.post('/api/auth/login', { data: { openId } });
  return (await res.json()).token as string;
}

async function get<T>(request: APIRequestContext, path: string, openId: string): Promise<T> {
  const res = await request.get(path, { headers: { authorization: `Bearer ${await token(request, openId)}` } });
  expect(res.ok(), `${path} → ${res.status()}`).toBe(true);
  return (await res.json()) as T;
}

/** The shown page's navigation bar title: its text, width, and whether it is cut ("…"). */
async function navTitle(page: Page) {
  return page.evaluate(() => {
    const el = Array.from(document.querySelectorAll<HTMLElement>('.taro-navigation-bar-title')).find(
      (e) => e.offsetParent !== null,
    ) as HTMLElement;
    return { text: el.textContent, width: el.clientWidth, cut: el.scrollWidth > el.clientWidth };
  });
}

interface Box {
  top: number;
  bottom: number;
  left: number;
  right: number;
}
const box = (locator: Locator): Promise<Box> =>
  locator.evaluate((el) => {
    const r = el.getBoundingClientRect();
    return { top: r.top, bottom: r.bottom, left: r.left, right: r.right };
  });

test('titles fit, pages open at their top, the wish box and money keep their shape', async ({ browser, request }) => {
  expect((await request.post('/api/test/reset')).ok()).toBe(true);
  const chats = await get<{ id: string; title: string }[]>(request, '/api/chats', 'o_alice');
  const family = chats.find((c) => c.title === '相亲相爱一家人') as { id: string };
  const list = await get<{ items: { id: string; title: string }[] }>(request, '/api/products?limit=100', 'o_alice');
  const teaId = list.items.find((p) => p.title === '花果茶组合')?.id as string;
  const tea = await get<{ skus: { id: string }[] }>(request, `/api/products/${teaId}`, 'o_alice');

  const alice = await personAs(browser, 'o_alice');

  // A long chat name is the whole title, not "相亲相···".
  await alice.goto(`/pages/chat/index?id=${family.id}`);
  await expect(alice.getByTestId('chat-messages')).toBeVisible();
  await expect.poll(async () => (await navTitle(alice)).text).toContain('相亲相爱一家人');
  const title = await navTitle(alice);
  expect.soft(title.cut).toBe(false);
  expect.soft(title.width).toBeGreaterThan(100);

  // The window can scroll by the nav bar's height (the document is the bar plus a full-height
  // page); scrolled so on the product page, 购买 still opens checkout with 收货地址 below the bar.
  await alice.goto(`/pages/product/index?id=${teaId}&scene=chat`);
  await alice.getByTestId(`sku-${tea.skus[0].id}`).click();
  await alice.evaluate(() => window.scrollTo(0, 10_000));
  expect(await alice.evaluate(() => window.scrollY)).toBeGreaterThan(0);
  await alice.getByTestId('buy-button').click();
  await expect(alice.getByTestId('address-name')).toBeVisible();
  const bar = await box(alice.locator('.taro-navigation-bar-show').first());
  const address = await box(
    alice.getByTestId('address-name').locator('xpath=ancestor::*[contains(@class,"section")][1]'),
  );
  expect.soft(address.top).toBeGreaterThanOrEqual(bar.bottom);

  // The wish box: the page's font, inside its box, no grip over the counter, stops at 50.
  await alice.goto(`/pages/gift-compose/index?productId=${teaId}&skuId=${tea.skus[0].id}`);
  await alice.getByTestId(`compose-chat-${family.id}`).click();
  const wish = alice.getByTestId('wish-input');
  const textarea = wish.locator(INNER_INPUT);
  const style = await textarea.evaluate((el) => {
    const s = getComputedStyle(el);
    const page = getComputedStyle(document.body);
    return {
      font: s.fontFamily,
      size: s.fontSize,
      pageFont: page.fontFamily,
      boxSize: getComputedStyle(el.parentElement as Element).fontSize,
      resize: s.resize,
    };
  });
  expect.soft(style.font).toBe(style.pageFont);
  expect.soft(style.size).toBe(style.boxSize);
  expect.soft(style.resize).toBe('none');
  const section = await box(wish.locator('xpath=..'));
  const inner = await box(textarea);
  expect.soft(inner.right).toBeLessThanOrEqual(section.right);
  expect.soft(inner.bottom).toBeLessThanOrEqual((await box(alice.getByTestId('wish-count'))).top);
  await fill(wish, '好'.repeat(60));
  await expect(alice.getByTestId('wish-count')).toHaveText('50/50');

  // Paid, the giver's card shows the total on one line ("¥236.00", never "¥236.0⏎0").
  await fill(alice.getByTestId('units-input'), '2');
  await alice.getByTestId('gift-submit').click();
  await alice.getByTestId('pay-confirm').click();
  const gifts = await get<{ id: string }[]>(request, '/api/gifts?role=giver', 'o_alice');
  const total = alice.getByTestId(`gift-card-total-${gifts[0].id}`);
  await expect(total).toBeVisible();
  expect.soft(await total.evaluate((el) => getComputedStyle(el).whiteSpace)).toBe('nowrap');
  expect.soft(await total.evaluate((el) => el.getClientRects().length)).toBe(1);
});

test('English: a form label keeps clear of its input, the new-product page says New product', async ({
  browser,
  request,
}) => {
  expect((await request.post('/api/test/reset')).ok()).toBe(true);
  const wang = await personAs(browser, 'o_wang');
  await wang.getByTestId('lang-en').click();
  const me = await get<{ shopIds: string[] }>(request, '/api/me', 'o_wang');
  await wang.goto(`/pages/merchant-product/index?shopId=${me.shopIds[0]}`);
  await expect(wang.getByTestId('sku-price-0')).toBeVisible();
  await expect.soft.poll(async () => (await navTitle(wang)).text).toBe('New product');
  expect.soft(await wang.getByTestId('sku-spec-name-0').locator(INNER_INPUT).inputValue()).toBe('Option');
  for (const field of ['sku-price-0', 'sku-list-price-0', 'sku-stock-0']) {
    const row = wang.getByTestId(field).locator('xpath=..');
    // The label's text, not its box: a fixed-width box lets long English text run on over the input.
    const label = await row.locator('.field__label').evaluate((el) => {
      const range = document.createRange();
      range.selectNodeContents(el);
      return { right: range.getBoundingClientRect().right };
    });
    const input = await box(wang.getByTestId(field).locator(INNER_INPUT));
    expect.soft(label.right + 8, `${field}: a gap between the label and the input`).toBeLessThanOrEqual(input.left);
  }
});
