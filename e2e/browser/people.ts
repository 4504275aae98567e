import { APIRequestContext, Browser, BrowserContext, expect, Locator, Page, test } from '@playwright/test';

/**
 * What every browser story needs: each person in a browser context of their own, logged in
 * through the dev login page and closed after each story (so no page keeps polling into the next
 * reset), and filling Taro's inputs.
 */
export function people(options: { onPage?: (page: Page) => void } = {}) {
  const contexts: BrowserContext[] = [];
  test.afterEach(async () => {
    await Promise.all(contexts.splice(0).map((c) => c.close()));
  });
  /** A new browser context logged in as `openId`. */
  return async function personAs(browser: Browser, openId: string): Promise<Page> {
    const context = await browser.newContext();
    contexts.push(context);
    const page = await context.newPage();
    options.onPage?.(page);
    await page.goto('/pages/login/index');
    await page.getByTestId(`login-${openId}`).click();
    await expect(page.getByTestId('me-nickname')).toBeVisible();
    return page;
  };
}

/** The text box of a Taro Input or Textarea: the element itself, or the one inside its wrapper. */
export const INNER_INPUT = 'xpath=descendant-or-self::*[self::input or self::textarea]';

export async function fill(target: Locator, value: string): Promise<void> {
  const inner = target.locator(INNER_INPUT);
  await ((await inner.count()) > 0 ? inner.first() : target).fill(value);
}

export async function fillAddress(
  page: Page,
  address: { name: string; phone: string; region: string; detail: string },
): Promise<void> {
  // The form shows once the (empty) address book has loaded; Taro's input hydrates just after.
  await page.getByTestId('address-name').locator(INNER_INPUT).first().waitFor();
  for (const [field, value] of Object.entries(address)) await fill(page.getByTestId(`address-${field}`), value);
}

/** The API beside the screens, as `openId` (sandbox login): to look up ids and check what the screens cannot show. */
export function api(request: APIRequestContext) {
  const login = async (openId: string): Promise<{ token: string; userId: string }> => {
    const res = await request.post('/api/auth/login', { data: { openId } });
    expect(res.ok()).toBe(true);
    const body = await res.json();
    return { token: body.token as string, userId: body.user.id as string };
  };
  const call = async <T>(method: 'get' | 'post', path: string, openId: string, data?: object): Promise<T> => {
    const { token } = await login(openId);
    const res = await request[method](path, { headers: { authorization: `Bearer ${token}` }, data });
    expect(res.ok(), `${path} → ${res.status()}`).toBe(true);
    return (await res.json()) as T;
  };
  return {
    login,
    get: <T>(path: string, openId: string) => call<T>('get', path, openId),
    post: <T>(path: string, openId: string, data: object) => call<T>('post', path, openId, data),
  };
}
