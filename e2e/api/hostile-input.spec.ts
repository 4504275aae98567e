import { randomUUID } from 'node:crypto';
import type { ArgumentsHost } from '@nestjs/common';
import { DataSource, QueryFailedError } from 'typeorm';
import { HttpErrorFilter } from '../../server/src/common/http-error.filter';
import { ADDRESS, shopWithProduct } from '../support/fixtures';
import { Session, TestApp } from '../support/test-app';

jest.setTimeout(60_000);

const NUL = '\u0000';
const product = (over: object = {}) => ({
  title: '硬化测试茶',
  description: '用于测试',
  categoryCode: 'tea',
  skus: [{ specs: { 规格: '标准' }, priceFen: 100, listPriceFen: 100, stock: 5 }],
  ...over,
});

describe('hostile input: a 400 naming the field, never a 500', () => {
  let t: TestApp;
  let merchant: Session;
  let buyer: Session;
  let shopId: string;
  let productId: string;
  let skuId: string;
  let chatId: string;

  beforeAll(async () => {
    t = await TestApp.start();
    merchant = await t.login('o_hardening_merchant', '硬化店主');
    buyer = await t.login('o_alice');
    const made = await shopWithProduct(t, merchant, { stock: 50, priceFen: 500 });
    ({ shopId, skuId } = made);
    productId = made.product.id;
    const chats = (await t.http().get('/api/chats').set(buyer.auth).expect(200)).body as { id: string }[];
    chatId = chats[0].id;
  });
  afterAll(() => t.close());

  describe('NUL and other control characters', () => {
    type Probe = [string, 'get' | 'post' | 'patch', () => string, (bad: string) => object | undefined, string, boolean];
    /** [name, method, path, body with the bad text, the field the 400 must name, sent unauthenticated]
     * (always six: jest would pass a missing last one as the `done` callback). */
    const probes: Probe[] = [
      [
        'login nickname',
        'post',
        () => '/api/auth/login',
        (b) => ({ openId: 'o_nul', nickname: `a${b}` }),
        'nickname',
        true,
      ],
      ['shop name', 'post', () => '/api/shops', (b) => ({ name: `店${b}` }), 'name', false],
      [
        'product title',
        'post',
        () => `/api/shops/${shopId}/products`,
        (b) => product({ title: `茶${b}` }),
        'title',
        false,
      ],
      [
        'product description',
        'post',
        () => `/api/shops/${shopId}/products`,
        (b) => product({ description: `好${b}` }),
        'description',
        false,
      ],
      [
        'spec value',
        'post',
        () => `/api/shops/${shopId}/products`,
        (b) => product({ skus: [{ ...product().skus[0], specs: { 规格: `大${b}` } }] }),
        'skus.0.specs.规格',
        false,
      ],
      [
        'spec name',
        'post',
        () => `/api/shops/${shopId}/products`,
        (b) => product({ skus: [{ ...product().skus[0], specs: { [`规${b}`]: '大' } }] }),
        'skus.0.specs.规\\u0000',
        false,
      ],
      [
        'image URL',
        'post',
        () => `/api/shops/${shopId}/products`,
        (b) => product({ imageUrls: [`/a${b}.png`] }),
        'imageUrls.0',
        false,
      ],
      ['title edit', 'patch', () => `/api/products/${productId}`, (b) => ({ title: `新${b}` }), 'title', false],
      [
        'description edit',
        'patch',
        () => `/api/products/${productId}`,
        (b) => ({ description: `新${b}` }),
        'description',
        false,
      ],
      [
        'group name',
        'post',
        () => '/api/groups',
        (b) => ({ name: `群${b}`, memberIds: [merchant.userId] }),
        'name',
        false,
      ],
      ['chat text', 'post', () => `/api/chats/${chatId}/messages`, (b) => ({ text: `你好${b}` }), 'text', false],
      [
        'wish message',
        'post',
        () => '/api/gifts',
        (b) => ({ skuId, chatId, mode: 'single', units: 1, wishMessage: `快乐${b}` }),
        'wishMessage',
        false,
      ],
      [
        'order address name',
        'post',
        () => '/api/orders',
        (b) => ({ items: [{ skuId, quantity: 1 }], scene: 'search', address: { ...ADDRESS, name: `爱${b}` } }),
        'address.name',
        false,
      ],
      [
        'order address region',
        'post',
        () => '/api/orders',
        (b) => ({ items: [{ skuId, quantity: 1 }], scene: 'search', address: { ...ADDRESS, region: `浙${b}` } }),
        'address.region',
        false,
      ],
      [
        'order address detail',
        'post',
        () => '/api/orders',
        (b) => ({ items: [{ skuId, quantity: 1 }], scene: 'search', address: { ...ADDRESS, detail: `路${b}` } }),
        'address.detail',
        false,
      ],
      [
        'claim address detail',
        'post',
        () => `/api/gifts/${randomUUID()}/claim`,
        (b) => ({ address: { ...ADDRESS, detail: `路${b}` } }),
        'address.detail',
        false,
      ],
      [
        'order carrier',
        'post',
        () => `/api/orders/${randomUUID()}/ship`,
        (b) => ({ carrier: `顺丰${b}`, trackingNo: 'SF123456' }),
        'carrier',
        false,
      ],
      [
        'gift unit carrier',
        'post',
        () => `/api/gift-claims/${randomUUID()}/ship`,
        (b) => ({ carrier: `顺丰${b}`, trackingNo: 'SF123456' }),
        'carrier',
        false,
      ],
      [
        'refund reason',
        'post',
        () => `/api/orders/${randomUUID()}/refund`,
        (b) => ({ reason: `不要${b}` }),
        'reason',
        false,
      ],
      ['search query', 'get', () => `/api/search?q=${encodeURIComponent(`茶${NUL}`)}`, () => undefined, 'q', false],
      [
        'explain query',
        'get',
        () => `/api/search/explain?productId=${productId}&q=${encodeURIComponent(`茶${NUL}`)}`,
        () => undefined,
        'q',
        false,
      ],
      [
        'route parameter',
        'get',
        () => `/api/chats/${encodeURIComponent(`${chatId}${NUL}`)}`,
        () => undefined,
        'id',
        false,
      ],
    ];

    const send = (method: Probe[1], path: string, body: object | undefined, anonymous = false) => {
      const req = t.http()[method](path);
      if (!anonymous) req.set(merchant.auth);
      return body === undefined ? req : req.send(body);
    };

    it.each(probes)('%s: NUL is a 400 naming the field', async (_name, method, path, body, field, anonymous) => {
      const res = await send(method, path(), body(NUL), anonymous);
      expect({ status: res.status, code: res.body.code }).toEqual({ status: 400, code: 'CONTROL_CHARACTER' });
      expect(res.body.message).toContain(`${field} must not hold control characters`);
    });

    it.each([
      ['escape', '\u001b[31m', false],
      ['DEL', '\u007f', false],
      ['C1 (NEL)', '\u0085', false],
      ['bell', '\u0007', false],
    ])('refuses %s in single- and multi-line text alike', async (_name, bad) => {
      for (const [, method, path, body, field, anonymous] of probes.filter((p) =>
        ['shop name', 'chat text', 'order address detail'].includes(p[0]),
      )) {
        const res = await send(method, path(), body(bad), anonymous);
        expect({ status: res.status, field: res.body.message }).toEqual({
          status: 400,
          field: expect.stringContaining(`${field} must not hold control characters`),
        });
      }
    });

    it('refuses line breaks and tabs in single-line fields', async () => {
      for (const bad of ['\n', '\r', '\t']) {
        const res = await send('post', '/api/shops', { name: `店${bad}名` });
        expect({ status: res.status, code: res.body.code }).toEqual({ status: 400, code: 'CONTROL_CHARACTER' });
      }
    });

    it('takes line breaks and tabs in chat text, descriptions, wish messages and address detail', async () => {
      const text = '上一行\n下一行\r\n\t缩进';
      const message = await t.http().post(`/api/chats/${chatId}/messages`).set(buyer.auth).send({ text }).expect(201);
      expect(message.body.text).toBe(text);
      const created = await send('post', `/api/shops/${shopId}/products`, product({ description: text }));
      expect(created.body).toMatchObject({ description: text });
      expect(created.body.description).toBe(text);
      const placed = await t
        .http()
        .post('/api/orders')
        .set(buyer.auth)
        .send({ items: [{ skuId, quantity: 1 }], scene: 'search', address: { ...ADDRESS, detail: text } })
        .expect(201);
      const [row] = await t.sql<{ detail: string }>("SELECT address->>'detail' AS detail FROM orders WHERE id = $1", [
        placed.body.id,
      ]);
      expect(row.detail).toBe(text);
      const gift = await send('post', '/api/gifts', {
        skuId,
        chatId,
        mode: 'single',
        units: 1,
        wishMessage: '快乐\n安康',
      });
      expect(gift.body.code).not.toBe('CONTROL_CHARACTER');
    });

    it('stores odd but printable Unicode as sent (RTL marks, combining marks, emoji, a lone surrogate becomes U+FFFD)', async () => {
      const name = '\u200f店\u0301🍵';
      const shop = await send('post', '/api/shops', { name }).expect(201);
      expect(shop.body.name).toBe(name);
      const lone = await send('post', '/api/shops', { name: 'a\ud800b' });
      expect(lone.status).toBeLessThan(500);
    });
  });

  describe('prices of at least 1 fen', () => {
    it.each([
      ['priceFen', { priceFen: 0, listPriceFen: 100 }],
      ['listPriceFen', { priceFen: 100, listPriceFen: 0 }],
    ])('a new product with %s 0 is a 400 naming it', async (field, prices) => {
      const res = await t
        .http()
        .post(`/api/shops/${shopId}/products`)
        .set(merchant.auth)
        .send(product({ skus: [{ ...product().skus[0], ...prices }] }))
        .expect(400);
      expect(res.body.message).toMatch(new RegExp(`skus\\.0\\.${field} must not be less than 1`));
    });

    it('an edit to price 0 is a 400 naming it; 1 fen is taken', async () => {
      const patch = (priceFen: number) =>
        t
          .http()
          .patch(`/api/products/${productId}`)
          .set(merchant.auth)
          .send({ skus: [{ id: skuId, priceFen }] });
      expect((await patch(0).expect(400)).body.message).toMatch(/skus\.0\.priceFen must not be less than 1/);
      const ok = await patch(1).expect(200);
      expect(ok.body.skus[0].priceFen).toBe(1);
      await patch(500).expect(200);
    });

    it('a new product at 1 fen is taken', async () => {
      await t
        .http()
        .post(`/api/shops/${shopId}/products`)
        .set(merchant.auth)
        .send(product({ skus: [{ ...product().skus[0], priceFen: 1, listPriceFen: 1 }] }))
        .expect(201);
    });
  });

  describe('address and phone rules, the same for orders and gift claims', () => {
    const orderWith = (address: object) =>
      t
        .http()
        .post('/api/orders')
        .set(buyer.auth)
        .send({ items: [{ skuId, quantity: 1 }], scene: 'search', address });
    const claimWith = (address: object) =>
      t.http().post(`/api/gifts/${randomUUID()}/claim`).set(buyer.auth).send({ address });

    it.each([
      ['a dashed number', { phone: '138-0013-8000' }, 'address.phone'],
      ['a landline', { phone: '02188888888' }, 'address.phone'],
      ['a short international number', { phone: '+1234567' }, 'address.phone'],
      ['a name of 31 characters', { name: '😀'.repeat(31) }, 'address.name'],
      ['an empty region', { region: '' }, 'address.region'],
      ['a blank detail', { detail: '   ' }, 'address.detail'],
    ])('refuses %s', async (_name, change, field) => {
      for (const res of [await orderWith({ ...ADDRESS, ...change }), await claimWith({ ...ADDRESS, ...change })]) {
        expect(res.status).toBe(400);
        expect(res.body.message).toMatch(new RegExp(`^${field.replace('.', '\\.')} must be`));
      }
    });

    it('takes a mainland mobile, an E.164 number and a 30-character name', async () => {
      await orderWith({ ...ADDRESS, phone: '+14155550123' }).expect(201);
      await orderWith({ ...ADDRESS, name: '😀'.repeat(30) }).expect(201);
      // Not an address problem: the gift does not exist.
      expect((await claimWith({ ...ADDRESS, phone: '+8613800138000' })).status).toBe(404);
    });
  });

  describe('very long words in searchable text', () => {
    it('lists a product whose description is one 2,000-letter Cyrillic word, and finds it', async () => {
      const word = 'щ'.repeat(2000);
      const created = await t
        .http()
        .post(`/api/shops/${shopId}/products`)
        .set(merchant.auth)
        .send(product({ title: 'Длинное слово', description: word }))
        .expect(201);
      const found = await t
        .http()
        .get(`/api/search?q=${encodeURIComponent('щщщщщ')}`)
        .expect(200);
      expect(found.body.items.map((i: { productId: string }) => i.productId)).toContain(created.body.id);
      await t
        .http()
        .patch(`/api/products/${created.body.id}`)
        .set(merchant.auth)
        .send({ description: `${'ж'.repeat(1500)} ${'ю'.repeat(499)}` })
        .expect(200);
    });
  });

  describe("PostgreSQL's invalid-text and limit errors are a 400 (the backstop behind validation)", () => {
    const statusOf = async (sql: string): Promise<{ status: number; code: string }> => {
      const error = await t.app
        .get(DataSource)
        .query(sql)
        .then(
          () => null,
          (e: unknown) => e,
        );
      expect(error).toBeInstanceOf(QueryFailedError);
      let sent: { statusCode: number; code: string } | undefined;
      const response = { status: () => ({ json: (b: typeof sent) => (sent = b) }) };
      const host = { switchToHttp: () => ({ getResponse: () => response }) } as unknown as ArgumentsHost;
      new HttpErrorFilter().catch(error, host);
      return { status: sent!.statusCode, code: sent!.code };
    };

    it.each([
      ['22021 character not in repertoire', "SELECT convert_from('\\xff'::bytea, 'UTF8')", 'INVALID_TEXT'],
      ['54000 word too long', `SELECT '${'x'.repeat(3000)}'::tsvector`, 'VALUE_TOO_LONG'],
      ['22007 bad datetime', "SELECT 'not a time'::timestamptz", 'INVALID_TIME'],
      ['22008 datetime out of range', "SELECT '294277-01-01'::timestamptz", 'INVALID_TIME'],
      ['22001 string too long', "DO $$ DECLARE v varchar(2); BEGIN v := 'abc'; END $$", 'VALUE_TOO_LONG'],
    ])('%s', async (_name, sql, code) => {
      expect(await statusOf(sql)).toEqual({ status: 400, code });
    });
  });
});
