import { expect, test } from '@playwright/test';

test('the server serves the H5 client and its API on the browser database', async ({ page, request }) => {
  const health = await request.get('/api/health');
  expect(health.ok()).toBe(true);
  await page.goto('/');
  await expect(page.getByTestId('discover-search')).toBeVisible();
});
