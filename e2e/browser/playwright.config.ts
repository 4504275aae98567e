import { defineConfig, devices } from '@playwright/test';

const port = Number(process.env.BROWSER_PORT ?? 3290);

/**
 * Browser stories against the built app (H5 client served at /) on a real PostgreSQL, in Debian's
 * Chromium. `npx playwright test -c e2e/browser` runs them; scripts/test.sh does it after jest.
 */
export default defineConfig({
  testDir: '.',
  testMatch: '**/*.e2e.ts',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 90_000,
  expect: { timeout: 10_000 },
  outputDir: '../../.tmp/playwright-artifacts',
  reporter: [['list'], ['json', { outputFile: '../../.tmp/playwright-results.json' }]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    ...devices['Pixel 7'],
    browserName: 'chromium',
    launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' },
    locale: 'zh-CN',
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
  },
  webServer: {
    command: 'node e2e/browser/serve.mjs',
    cwd: '../..',
    url: `http://127.0.0.1:${port}/api/health`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'pipe',
  },
});
