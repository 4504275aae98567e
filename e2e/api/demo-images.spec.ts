import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { DEMO_SHOPS } from '../../server/src/seed/demo-data';
import { TestApp } from '../support/test-app';

jest.setTimeout(60_000);

describe('demo product images', () => {
  let t: TestApp;
  beforeAll(async () => {
    // A client to fall back to, so a missing picture cannot hide behind its index.html.
    const dist = mkdtempSync(join(tmpdir(), 'giftshop-dist-'));
    writeFileSync(join(dist, 'index.html'), '<html></html>');
    t = await TestApp.start({ CLIENT_DIST: dist });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('every demo product is seeded with its own picture, served for a year, small in all', async () => {
    const rows = await t.sql<{ title: string; imageUrls: string[] }>(
      'SELECT title, image_urls AS "imageUrls" FROM products ORDER BY title',
    );
    const demoTitles = DEMO_SHOPS.flatMap((s) => s.products.map((p) => p.title));
    expect(rows.map((r) => r.title).sort()).toEqual([...demoTitles].sort());
    for (const row of rows)
      expect({ title: row.title, count: row.imageUrls.length }).toEqual({ title: row.title, count: 1 });
    const urls = rows.map((r) => r.imageUrls[0]);
    expect(new Set(urls).size).toBe(urls.length);

    let total = 0;
    for (const url of urls) {
      expect(url).toMatch(/^\/images\/demo\/p\d{2}-[0-9a-f]{10}\.webp$/);
      const res = await t.http().get(url).buffer(true).expect(200);
      expect(res.headers['content-type']).toBe('image/webp');
      expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      const body = res.body as Buffer;
      expect(await sharp(body).metadata()).toMatchObject({ format: 'webp', width: 600, height: 600 });
      total += body.length;
    }
    expect(total).toBeLessThan(1.5 * 1024 * 1024);
  });

  it('a missing picture is a 404, not the client page', async () => {
    for (const path of ['/images/demo/p99-0000000000.webp', '/uploads/0123.webp']) {
      const res = await t.http().get(path);
      expect(res.status).toBe(404);
      expect(res.body.code).toBe('FILE_NOT_FOUND');
    }
  });
});
