import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { deflateSync, gzipSync } from 'node:zlib';
import { ADDRESS, shopWithProduct } from '../support/fixtures';
import { Session, TestApp } from '../support/test-app';

jest.setTimeout(90_000);

const MB = 1024 * 1024;
const nested = (depth: number): string => '{"a":'.repeat(depth - 1) + '{}' + '}'.repeat(depth - 1);

describe('HTTP hardening', () => {
  let t: TestApp;
  let alice: Session;

  beforeAll(async () => {
    t = await TestApp.start();
    alice = await t.login('o_alice');
  });
  afterAll(() => t.close());

  /** POST /api/shops with exactly these bytes and headers (supertest would re-encode a Buffer as JSON). */
  const raw = (body: Buffer | string, headers: Record<string, string>) =>
    new Promise<{ status: number; body: { code?: string; message?: string } }>((resolve, reject) => {
      const bytes = Buffer.isBuffer(body) ? body : Buffer.from(body);
      const url = new URL('/api/shops', t.url.replace('[::1]', '127.0.0.1'));
      const req = request(url, {
        method: 'POST',
        headers: { ...alice.auth, ...headers, 'Content-Length': String(bytes.length) },
      });
      req.on('error', reject);
      req.on('response', (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString()) }),
        );
      });
      req.end(bytes);
    });
  const JSON_TYPE = { 'Content-Type': 'application/json' };

  describe('body parsing', () => {
    it('takes JSON plainly, gzipped and deflated', async () => {
      const body = JSON.stringify({ name: '压缩小店' });
      expect((await raw(body, JSON_TYPE)).status).toBe(201);
      expect((await raw(gzipSync(body), { ...JSON_TYPE, 'Content-Encoding': 'gzip' })).status).toBe(201);
      expect((await raw(deflateSync(body), { ...JSON_TYPE, 'Content-Encoding': 'deflate' })).status).toBe(201);
      expect((await raw(body, { 'Content-Type': 'application/json; charset=utf-8' })).status).toBe(201);
    });

    it('answers a body over 1 MB with 413', async () => {
      const res = await raw(JSON.stringify({ name: 'x'.repeat(MB) }), JSON_TYPE);
      expect({ status: res.status, code: res.body.code }).toEqual({ status: 413, code: 'PAYLOAD_TOO_LARGE' });
      // Just under the limit reaches validation.
      const under = await raw(JSON.stringify({ name: 'x'.repeat(MB - 100) }), JSON_TYPE);
      expect(under.status).toBe(400);
    });

    it('answers a 10 MB body with 413', async () => {
      const res = await raw(JSON.stringify({ name: 'x'.repeat(10 * MB) }), JSON_TYPE);
      expect(res.status).toBe(413);
    });

    it('answers a gzip bomb (small gzip, over 1 MB inflated) with 413', async () => {
      const bomb = gzipSync(JSON.stringify({ name: ' '.repeat(20 * MB) }));
      expect(bomb.length).toBeLessThan(100_000);
      const res = await raw(bomb, { ...JSON_TYPE, 'Content-Encoding': 'gzip' });
      expect({ status: res.status, code: res.body.code }).toEqual({ status: 413, code: 'PAYLOAD_TOO_LARGE' });
    });

    it.each([
      ['gzip', 'gzip'],
      ['deflate', 'deflate'],
    ])('answers a broken %s body with 400', async (_name, encoding) => {
      const res = await raw('definitely not compressed', { ...JSON_TYPE, 'Content-Encoding': encoding });
      expect({ status: res.status, code: res.body.code }).toEqual({ status: 400, code: 'INVALID_BODY' });
      const cut = gzipSync(JSON.stringify({ name: '半截' })).subarray(0, 12);
      expect((await raw(cut, { ...JSON_TYPE, 'Content-Encoding': 'gzip' })).status).toBe(400);
    });

    it('answers bad JSON with 400', async () => {
      for (const bad of ['{"name": ', '"just a string"', '{"name": "小店"}}', '\u00ff']) {
        const res = await raw(bad, JSON_TYPE);
        expect({ status: res.status, code: res.body.code }).toEqual({ status: 400, code: 'BAD_REQUEST' });
        expect(res.body.message).toBe('the body is not valid JSON');
      }
    });

    it.each([
      ['another content type', { 'Content-Type': 'text/plain' }, 'UNSUPPORTED_MEDIA_TYPE'],
      ['a form', { 'Content-Type': 'application/x-www-form-urlencoded' }, 'UNSUPPORTED_MEDIA_TYPE'],
      ['no content type', {}, 'UNSUPPORTED_MEDIA_TYPE'],
      ['charset=iso-8859-1', { 'Content-Type': 'application/json; charset=iso-8859-1' }, 'UNSUPPORTED_CHARSET'],
      ['charset=utf-16', { 'Content-Type': 'application/json; charset=utf-16' }, 'UNSUPPORTED_CHARSET'],
      ['content-encoding br', { ...JSON_TYPE, 'Content-Encoding': 'br' }, 'UNSUPPORTED_ENCODING'],
      ['content-encoding zstd', { ...JSON_TYPE, 'Content-Encoding': 'zstd' }, 'UNSUPPORTED_ENCODING'],
    ])('answers %s with 415', async (_name, headers, code) => {
      const res = await raw(JSON.stringify({ name: '小店' }), headers);
      expect({ status: res.status, code: res.body.code }).toEqual({ status: 415, code });
    });

    it('answers JSON nested deeper than 32 levels with 400 before validation, quickly even 10,000 deep', async () => {
      const deep = await raw(nested(33), JSON_TYPE);
      expect({ status: deep.status, code: deep.body.code }).toEqual({ status: 400, code: 'BODY_TOO_DEEP' });
      const started = Date.now();
      const deeper = await raw(nested(10_000), JSON_TYPE);
      expect({ status: deeper.status, code: deeper.body.code }).toEqual({ status: 400, code: 'BODY_TOO_DEEP' });
      const arrays = await raw('['.repeat(10_000) + ']'.repeat(10_000), JSON_TYPE);
      expect(arrays.status).toBe(400);
      expect(Date.now() - started).toBeLessThan(2_000);
      // 32 levels pass the depth check and reach validation (which names the unknown field).
      const ok = await raw(nested(32), JSON_TYPE);
      expect({ status: ok.status, code: ok.body.code }).toEqual({ status: 400, code: 'UNKNOWN_FIELD' });
    });

    it('still takes bodiless POSTs', async () => {
      const { product } = await shopWithProduct(t, await t.login('o_body_merchant'));
      const order = await t
        .http()
        .post('/api/orders')
        .set(alice.auth)
        .send({ items: [{ skuId: product.skus[0].id, quantity: 1 }], scene: 'search', address: ADDRESS })
        .expect(201);
      await t.http().post(`/api/orders/${order.body.id}/cancel`).set(alice.auth).expect(200);
    });
  });

  describe('security headers', () => {
    it.each([
      ['a JSON answer', '/api/health'],
      ['an error', '/api/nowhere'],
    ])('on %s', async (_name, path) => {
      const res = await t.http().get(path);
      expect(res.headers['x-powered-by']).toBeUndefined();
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-frame-options']).toBe('DENY');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
      expect(res.headers['strict-transport-security']).toMatch(/max-age=31536000/);
      const csp = res.headers['content-security-policy'];
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("object-src 'none'");
      expect(csp).not.toMatch(/script-src[^;]*unsafe-(inline|eval)/);
    });
  });
});

describe('the Content-Security-Policy and the built client', () => {
  it("allows exactly the inline scripts of the client's index.html, by hash", async () => {
    const dist = mkdtempSync(join(tmpdir(), 'giftshop-dist-'));
    const script = 'document.documentElement.style.fontSize = "20px";';
    writeFileSync(
      join(dist, 'index.html'),
      `<html><head><script>${script}</script><script src="/js/app.js"></script></head></html>`,
    );
    const app = await TestApp.start({ CLIENT_DIST: dist }, { reset: false });
    try {
      const res = await app.http().get('/pages/login/index').expect(200);
      expect(res.text).toContain(script);
      const hash = createHash('sha256').update(script).digest('base64');
      const scriptSrc = /script-src ([^;]*)/.exec(res.headers['content-security-policy'])![1];
      expect(scriptSrc.split(' ').sort()).toEqual([`'self'`, `'sha256-${hash}'`].sort());
    } finally {
      await app.close();
    }
  });
});

describe('API docs', () => {
  it('are served in test, off in production, and on in production with API_DOCS=on', async () => {
    const cases: [Record<string, string>, number][] = [
      [{}, 200],
      [{ NODE_ENV: 'production' }, 404],
      [{ NODE_ENV: 'production', API_DOCS: 'on' }, 200],
    ];
    for (const [env, status] of cases) {
      const app = await TestApp.start(env, { reset: false });
      try {
        expect((await app.http().get('/api/docs-json')).status).toBe(status);
        expect((await app.http().get('/api/docs')).status).toBe(status === 200 ? 200 : 404);
      } finally {
        await app.close();
      }
    }
  });
});

describe('the log', () => {
  it('never holds the bearer token, cookies, phones or address details, even on a 500', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString('utf8'));
        done();
      },
    });
    const app = await TestApp.start({ LOG_LEVEL: 'debug' }, { logStream: sink });
    const PHONE = '13912345670';
    const DETAIL = '日志不该出现的路 77 号';
    try {
      const buyer = await app.login('o_alice');
      const { skuId } = await shopWithProduct(app, await app.login('o_log_merchant'));
      const order = {
        items: [{ skuId, quantity: 1 }],
        scene: 'search',
        address: { ...ADDRESS, phone: PHONE, detail: DETAIL },
      };
      await app
        .http()
        .post('/api/orders')
        .set(buyer.auth)
        .set('Cookie', 'session=cookie-secret-1')
        .send(order)
        .expect(201);
      await app
        .http()
        .post('/api/orders')
        .set(buyer.auth)
        .send({ ...order, address: { ...order.address, name: '' } })
        .expect(400);
      // A 500: the database refuses every new order for a moment.
      await app.sql(`CREATE OR REPLACE FUNCTION refuse_orders() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION 'orders are refused for this test'; END $$`);
      await app.sql(
        'CREATE TRIGGER refuse_orders BEFORE INSERT ON orders FOR EACH ROW EXECUTE FUNCTION refuse_orders()',
      );
      try {
        await app.http().post('/api/orders').set(buyer.auth).send(order).expect(500);
      } finally {
        await app.sql('DROP TRIGGER refuse_orders ON orders');
        await app.sql('DROP FUNCTION refuse_orders()');
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
      const log = lines.join('');
      // The log is there and carries the requests and the 500.
      expect(log).toContain('orders are refused for this test');
      expect(log).toContain('/api/orders');
      expect(log).toContain('[redacted]');
      for (const secret of [buyer.token, buyer.token.split('.')[2], 'cookie-secret-1', PHONE, DETAIL]) {
        expect(log).not.toContain(secret);
      }
    } finally {
      await app.close();
    }
  });
});
