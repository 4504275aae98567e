import { Browser, BrowserContext, expect, Locator, Page, test } from '@playwright/test';

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
