import { expect, Page, test } from '@playwright/test';
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { get } from 'node:http';
import { resolve } from 'node:path';
import sharp from 'sharp';

/**
 * What shoppers and merchants see of pictures and how fast the client arrives: the home feed's
 * picture tiles, a merchant uploading a picture through the real file picker, the product gallery,
 * and the JavaScript the home page's first load fetches (brotli bytes, written to
 * .tmp/first-load.json for docs/BENCHMARKS.md).
 */
const TMP = resolve(__dirname, '../../.tmp');
mkdirSync(TMP, { recursive: true });

/** The bytes the server sends for a path with the given Accept-Encoding (node:http: nothing decompresses). */
function sentBytes(base: string, path: string, encoding: string): Promise<{ bytes: number; encoding?: string }> {
  return new Promise((done, fail) => {
    get(`${base}${path}`, { headers: { 'Accept-Encoding': encoding } }, (res) => {
      let bytes = 0;
      res.on('data', (c: Buffer) => (bytes += c.length));
      res.on('end', () => done({ bytes, encoding: res.headers['content-encoding'] }));
    }).on('error', fail);
  });
}

async function loggedIn(page: Page, openId: string): Promise<void> {
  await page.goto('/pages/login/index');
  await page.getByTestId(`login-${openId}`).click();
  await expect(page.getByTestId('me-nickname')).toBeVisible();
}

/** True once the <img> inside a Taro Image has loaded real pixels. */
const loaded = (page: Page, selector: string) =>
  page
    .locator(selector)
    .first()
    .locator('img')
    .evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0);

test.beforeEach(async ({ request }) => {
  expect((await request.post('/api/test/reset')).ok()).toBe(true);
});

test('home: products first, two columns of picture tiles; the first load’s JavaScript measured', async ({
  page,
  baseURL,
}) => {
  const scripts: string[] = [];
  page.on('request', (r) => {
    if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname);
  });
  await page.goto('/');
  const grid = page.getByTestId('product-grid');
  await expect(grid.locator('.product-card--tile').first()).toBeVisible();
  await page.waitForLoadState('networkidle');
  expect(await loaded(page, '[data-testid="product-grid"] .product-card__image')).toBe(true);
  // Two columns: the first two tiles side by side, the third under the first.
  const boxes = await grid
    .locator('.product-card--tile')
    .evaluateAll((els) => els.slice(0, 3).map((el) => el.getBoundingClientRect().toJSON() as { x: number; y: number }));
  expect(boxes[1].y).toBeCloseTo(boxes[0].y, 0);
  expect(boxes[1].x).toBeGreaterThan(boxes[0].x);
  expect(boxes[2].x).toBeCloseTo(boxes[0].x, 0);
  // The products come before the unified-ID demo.
  const gridTop = (await grid.boundingBox())!.y;
  const demoTop = (await page.getByTestId('scene-entry-official_account').boundingBox())!.y;
  expect(gridTop).toBeLessThan(demoTop);
  await page.screenshot({ path: resolve(TMP, 'screenshots', 'home-feed.png') });

  const rows: { path: string; raw: number; br: number; gzip: number }[] = [];
  for (const path of [...new Set(scripts)]) {
    const [raw, br, gzip] = await Promise.all([
      sentBytes(baseURL!, path, 'identity'),
      sentBytes(baseURL!, path, 'br'),
      sentBytes(baseURL!, path, 'gzip'),
    ]);
    expect(br.encoding).toBe('br');
    rows.push({ path, raw: raw.bytes, br: br.bytes, gzip: gzip.bytes });
  }
  const total = (k: 'raw' | 'br' | 'gzip') => rows.reduce((sum, r) => sum + r[k], 0);
  const report = { scripts: rows, raw: total('raw'), br: total('br'), gzip: total('gzip') };
  writeFileSync(resolve(TMP, 'first-load.json'), JSON.stringify(report, null, 2));
  appendFileSync(resolve(TMP, 'first-load.log'), `${new Date().toISOString()} ${JSON.stringify(report)}\n`);
  // Issue 12's budget: at most 90 KB of JavaScript, brotli-compressed (docs/BENCHMARKS.md).
  expect(report.br, 'the home page first load, brotli bytes').toBeLessThanOrEqual(90 * 1024);
  console.log(
    `home first load: ${rows.length} scripts, ${(report.raw / 1024).toFixed(1)} KB raw, ` +
      `${(report.br / 1024).toFixed(1)} KB brotli, ${(report.gzip / 1024).toFixed(1)} KB gzip`,
  );
});

test('a merchant uploads a picture through the file picker; the product page shows it', async ({ page }) => {
  const picture = resolve(TMP, 'upload-story.png');
  await sharp({ create: { width: 640, height: 480, channels: 3, background: '#3a7' } })
    .png()
    .toFile(picture);
  const cspViolations: string[] = [];
  page.on('console', (m) => {
    if (/Content.Security.Policy/i.test(m.text())) cspViolations.push(m.text());
  });
  await loggedIn(page, 'o_wang');
  await page.goto('/pages/merchant/index');
  await page.getByTestId('merchant-new-product').click();
  await expect(page.getByTestId('image-uploader')).toBeVisible();

  await page.getByTestId('product-image-add').click();
  // On a phone Taro first asks camera or album (an action sheet), then opens the file picker.
  const chooser = page.waitForEvent('filechooser');
  await page.getByText('从相册选择').click();
  await (await chooser).setFiles(picture);
  await expect(page.getByTestId('product-image-0')).toBeVisible();
  expect(await loaded(page, '[data-testid="product-image-0"]')).toBe(true);
  const src = await page.getByTestId('product-image-0').locator('img').getAttribute('src');
  expect(src).toMatch(/^\/uploads\/[0-9a-f]{32}\.webp$/);

  const fill = async (testId: string, value: string) => {
    const target = page.getByTestId(testId);
    const inner = target.locator('input, textarea');
    await ((await inner.count()) > 0 ? inner.first() : target).fill(value);
  };
  await fill('product-title-input', '上传图片的茶');
  await fill('product-description-input', '带图的新品');
  await page.getByTestId('category-tea').click();
  await fill('sku-spec-value-0', '100g');
  await fill('sku-price-0', '58');
  await fill('sku-list-price-0', '68');
  await page.getByTestId('product-submit').click();
  await expect(page).toHaveURL(/merchant\/index/);

  const list = await (await page.request.get('/api/products?limit=100')).json();
  const created = (list.items as { id: string; title: string; imageUrl: string }[]).find(
    (p) => p.title === '上传图片的茶',
  )!;
  expect(created.imageUrl).toBe(src);
  await page.goto(`/pages/product/index?id=${created.id}`);
  await expect(page.getByTestId('gallery-current')).toBeVisible();
  expect(await loaded(page, '[data-testid="gallery-current"]')).toBe(true);
  await expect(page.getByTestId('product-bottom-bar')).toBeInViewport();
  await page.screenshot({ path: resolve(TMP, 'screenshots', 'product-gallery.png') });
  expect(cspViolations).toEqual([]);
});
