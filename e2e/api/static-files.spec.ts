import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { get, IncomingHttpHeaders } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { TestApp } from '../support/test-app';

jest.setTimeout(60_000);

const REPO = join(__dirname, '..', '..');
const SCRIPT = `window.app = ${JSON.stringify('商品 gift '.repeat(500))};`;
const HTML = `<!doctype html><html><head><script src="/js/app.0123abcd.js"></script></head><body>${'<div></div>'.repeat(200)}</body></html>`;

/** The raw bytes and headers (node:http, so nothing decompresses behind the test's back). */
function fetchRaw(
  url: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    get(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
    }).on('error', reject);
  });
}

describe('the built client', () => {
  let t: TestApp;
  let base: string;

  beforeAll(async () => {
    // A built client in miniature, precompressed by the same script the build runs.
    const dist = mkdtempSync(join(tmpdir(), 'giftshop-dist-'));
    mkdirSync(join(dist, 'js'));
    writeFileSync(join(dist, 'index.html'), HTML);
    writeFileSync(join(dist, 'js', 'app.0123abcd.js'), SCRIPT);
    writeFileSync(join(dist, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    execFileSync(process.execPath, [join(REPO, 'scripts', 'precompress.mjs'), dist]);
    t = await TestApp.start({ CLIENT_DIST: dist }, { reset: false });
    base = t.url.replace('[::1]', '127.0.0.1');
  });
  afterAll(async () => {
    await t?.close();
  });

  it('sends brotli to a browser that takes it, gzip to one that takes only gzip, and plain otherwise', async () => {
    const br = await fetchRaw(`${base}/js/app.0123abcd.js`, { 'Accept-Encoding': 'gzip, deflate, br' });
    expect(br.status).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toMatch(/javascript/);
    expect(br.headers.vary).toMatch(/Accept-Encoding/i);
    expect(brotliDecompressSync(br.body).toString('utf8')).toBe(SCRIPT);
    expect(br.body.length).toBeLessThan(Buffer.byteLength(SCRIPT) / 10);

    const gz = await fetchRaw(`${base}/js/app.0123abcd.js`, { 'Accept-Encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).toString('utf8')).toBe(SCRIPT);

    const plain = await fetchRaw(`${base}/js/app.0123abcd.js`, { 'Accept-Encoding': 'identity' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString('utf8')).toBe(SCRIPT);
  });

  it('caches content-hashed files for a year, immutable, in every encoding', async () => {
    for (const encoding of ['br', 'gzip', 'identity']) {
      const res = await fetchRaw(`${base}/js/app.0123abcd.js`, { 'Accept-Encoding': encoding });
      expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    }
  });

  it('revalidates index.html (at /, and for any client route) and files without a hash', async () => {
    for (const path of ['/', '/index.html', '/pages/product/index?id=1']) {
      const res = await fetchRaw(`${base}${path}`, { 'Accept-Encoding': 'br' });
      expect(res.status).toBe(200);
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(res.headers['content-encoding']).toBe('br');
      expect(brotliDecompressSync(res.body).toString('utf8')).toBe(HTML);
      // Revalidation is cheap: the ETag answers 304 with no body.
      const again = await fetchRaw(`${base}${path}`, {
        'Accept-Encoding': 'br',
        'If-None-Match': res.headers.etag!,
      });
      expect(again.status).toBe(304);
    }
    const icon = await fetchRaw(`${base}/favicon.svg`);
    expect(icon.headers['cache-control']).toBe('no-cache');
  });

  it("lets the client read back a picked file's object URL (Taro's H5 upload) and nothing else new", async () => {
    const res = await fetchRaw(`${base}/`);
    const connect = /connect-src ([^;]*)/.exec(String(res.headers['content-security-policy']))![1];
    expect(connect.split(' ').sort()).toEqual(["'self'", 'blob:']);
  });

  it('leaves the API alone: JSON errors, no static headers', async () => {
    const res = await fetchRaw(`${base}/api/no-such-route`, { 'Accept-Encoding': 'br' });
    expect(res.status).toBe(404);
    expect(res.headers['content-type']).toMatch(/application\/json/);
    expect(res.headers['cache-control']).not.toBe('public, max-age=31536000, immutable');
  });
});
