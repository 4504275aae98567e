import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { shopWithProduct } from '../support/fixtures';
import { Session, TestApp } from '../support/test-app';

jest.setTimeout(60_000);

/** A real image, drawn here: noise, so it does not compress to nothing. */
async function image(format: 'png' | 'jpeg' | 'webp', width = 800, height = 600): Promise<Buffer> {
  const raw = Buffer.alloc(width * height * 3);
  for (let i = 0; i < raw.length; i++) raw[i] = (i * 7919) % 251;
  const drawn = sharp(raw, { raw: { width, height, channels: 3 } });
  return (format === 'png' ? drawn.png() : format === 'jpeg' ? drawn.jpeg() : drawn.webp()).toBuffer();
}

describe('POST /api/uploads', () => {
  let t: TestApp;
  let wang: Session;
  let uploadDir: string;

  beforeAll(async () => {
    uploadDir = mkdtempSync(join(tmpdir(), 'giftshop-uploads-'));
    t = await TestApp.start({ UPLOAD_DIR: uploadDir }, { reset: false });
    wang = await t.login('o_upload_wang');
  });
  afterAll(async () => {
    await t?.close();
  });

  const upload = (bytes: Buffer, filename: string, contentType = 'application/octet-stream') =>
    t.http().post('/api/uploads').set(wang.auth).attach('file', bytes, { filename, contentType });

  it.each(['png', 'jpeg', 'webp'] as const)(
    'takes a %s, stores it and a thumbnail under UPLOAD_DIR, served for a year',
    async (format) => {
      const res = await upload(await image(format), `photo.${format}`, `image/${format}`).expect(201);
      const { url, thumbnailUrl } = res.body as { url: string; thumbnailUrl: string };
      expect(url).toMatch(/^\/uploads\/[0-9a-f]{32}\.webp$/);
      expect(thumbnailUrl).toMatch(/^\/uploads\/[0-9a-f]{32}-thumb\.webp$/);
      expect(existsSync(join(uploadDir, url.slice('/uploads/'.length)))).toBe(true);

      const full = await t.http().get(url).buffer(true).expect(200);
      expect(full.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(full.headers['content-type']).toBe('image/webp');
      expect(await sharp(full.body as Buffer).metadata()).toMatchObject({ format: 'webp', width: 800, height: 600 });
      const thumb = await t.http().get(thumbnailUrl).buffer(true).expect(200);
      expect(thumb.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(await sharp(thumb.body as Buffer).metadata()).toMatchObject({ format: 'webp', width: 400, height: 400 });
    },
  );

  it('an uploaded picture goes into a product (and the owner can replace the pictures)', async () => {
    const { product } = await shopWithProduct(t, wang);
    const first = (await upload(await image('png', 200, 200), 'a.png').expect(201)).body as { url: string };
    const second = (await upload(await image('jpeg', 220, 200), 'b.jpg').expect(201)).body as { url: string };
    const patched = await t
      .http()
      .patch(`/api/products/${product.id}`)
      .set(wang.auth)
      .send({ imageUrls: [first.url, second.url] })
      .expect(200);
    expect(patched.body.imageUrls).toEqual([first.url, second.url]);
    const read = await t.http().get(`/api/products/${product.id}`).expect(200);
    expect(read.body.imageUrls).toEqual([first.url, second.url]);
    // Not the owner: refused; not a URL or path: refused.
    const bob = await t.login('o_upload_bob');
    expect((await t.http().patch(`/api/products/${product.id}`).set(bob.auth).send({ imageUrls: [] })).status).toBe(
      403,
    );
    const bad = await t
      .http()
      .patch(`/api/products/${product.id}`)
      .set(wang.auth)
      .send({ imageUrls: ['javascript:alert(1)'] });
    expect(bad.status).toBe(400);
  });

  it('names files by content: the same image twice is one file', async () => {
    const bytes = await image('png', 300, 300);
    const first = (await upload(bytes, 'a.png').expect(201)).body;
    const second = (await upload(bytes, 'b.png').expect(201)).body;
    expect(second).toEqual(first);
    expect(readdirSync(uploadDir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('judges by content, not by name or declared type: text named .png is 415', async () => {
    const res = await upload(Buffer.from('just some text, not an image\n'.repeat(20)), 'photo.png', 'image/png');
    expect(res.status).toBe(415);
    expect(res.body.code).toBe('NOT_AN_IMAGE');
    // A real image under any name is taken.
    await upload(await image('jpeg', 64, 64), 'notes.txt', 'text/plain').expect(201);
  });

  it('refuses image formats other than JPEG, PNG and WebP (a GIF, an SVG) with 415', async () => {
    const gif = await sharp({ create: { width: 8, height: 8, channels: 3, background: 'red' } })
      .gif()
      .toBuffer();
    expect((await upload(gif, 'a.gif', 'image/gif')).status).toBe(415);
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>');
    expect((await upload(svg, 'a.png', 'image/png')).status).toBe(415);
  });

  it('refuses a truncated image with 415', async () => {
    const png = await image('png');
    const res = await upload(png.subarray(0, Math.floor(png.length / 2)), 'half.png');
    expect(res.status).toBe(415);
  });

  it('refuses a file over 5 MB with 413', async () => {
    const res = await upload(Buffer.alloc(6 * 1024 * 1024, 1), 'big.png', 'image/png');
    expect(res.status).toBe(413);
    expect(res.body.code).toBe('FILE_TOO_LARGE');
  });

  it('refuses an image of too many pixels before decoding it (a decompression bomb)', async () => {
    const bomb = await sharp({ create: { width: 10_000, height: 10_000, channels: 3, background: 'white' } })
      .png({ compressionLevel: 9 })
      .toBuffer();
    expect(bomb.length).toBeLessThan(5 * 1024 * 1024);
    const res = await upload(bomb, 'bomb.png');
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('IMAGE_TOO_LARGE');
  });

  it('needs a token: 401 without one, and nothing is stored', async () => {
    const before = readdirSync(uploadDir).length;
    const res = await t
      .http()
      .post('/api/uploads')
      .attach('file', await image('png', 50, 50), 'x.png');
    expect(res.status).toBe(401);
    expect(readdirSync(uploadDir).length).toBe(before);
  });

  it('answers hostile multipart with a 4xx naming the problem, never a 5xx', async () => {
    const auth = wang.auth.Authorization;
    const cases: { type?: string; body: Buffer | string; status: number }[] = [
      { type: 'application/json', body: '{"file":"x"}', status: 415 },
      { type: 'text/plain', body: 'hello', status: 415 },
      { type: undefined, body: 'hello', status: 415 },
      { type: 'multipart/form-data', body: '--x\r\n', status: 400 },
      { type: 'multipart/form-data; boundary=x', body: '', status: 400 },
      {
        type: 'multipart/form-data; boundary=x',
        body: '--x\r\nContent-Disposition: form-data; name="file"',
        status: 400,
      },
      { type: 'multipart/form-data; boundary=x', body: 'garbage without boundaries', status: 400 },
      {
        type: 'multipart/form-data; boundary=x',
        body: '--x\r\nContent-Disposition: form-data; name="other"; filename="a.png"\r\n\r\nabc\r\n--x--\r\n',
        status: 400,
      },
      {
        type: 'multipart/form-data; boundary=x',
        body: '--x\r\nContent-Disposition: form-data; name="note"\r\n\r\nhi\r\n--x--\r\n',
        status: 400,
      },
      {
        type: 'multipart/form-data; boundary=x',
        body:
          '--x\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\n\r\nabc\r\n' +
          '--x\r\nContent-Disposition: form-data; name="file"; filename="b.png"\r\n\r\nabc\r\n--x--\r\n',
        status: 400,
      },
      {
        type: 'multipart/form-data; boundary=x',
        body: `--x\r\nContent-Disposition: form-data; name="note"\r\n\r\n${'a'.repeat(5000)}\r\n--x--\r\n`,
        status: 400,
      },
    ];
    for (const c of cases) {
      const req = t.http().post('/api/uploads').set('Authorization', auth);
      if (c.type) req.set('Content-Type', c.type);
      const res = await req.send(c.body);
      expect({ case: c, status: res.status, code: typeof res.body.code }).toEqual({
        case: c,
        status: c.status,
        code: 'string',
      });
    }
  });
});
