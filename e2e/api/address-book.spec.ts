import type { SavedAddressView } from '@giftshop/shared';
import { ADDRESS_BOOK_CAP } from '@giftshop/shared';
import { ADDRESS, shopWithProduct } from '../support/fixtures';
import { giftWorld, sendGift } from '../support/gift-fixtures';
import { Session, TestApp } from '../support/test-app';

jest.setTimeout(120_000);

const home = { name: '爱丽丝', phone: '13800138000', region: '浙江省 杭州市 西湖区', detail: '龙井路 1 号' };
const work = { name: '爱丽丝', phone: '+85291234567', region: '上海市 浦东新区', detail: '世纪大道 100 号\n12 楼' };
const mum = { name: '妈妈', phone: '13911112222', region: '江苏省 苏州市', detail: '观前街 8 号' };

describe('address book: saved addresses with exactly one default, copied into orders and claims', () => {
  let t: TestApp;
  let n = 0;
  /** A fresh user, so each test starts with an empty book. */
  const fresh = () => t.login(`o_book_${++n}_${Math.random().toString(36).slice(2, 8)}`);
  const add = (who: Session, body: object) => t.http().post('/api/me/addresses').set(who.auth).send(body);
  const patch = (who: Session, id: string, body: object) =>
    t.http().patch(`/api/me/addresses/${id}`).set(who.auth).send(body);
  const remove = (who: Session, id: string) => t.http().delete(`/api/me/addresses/${id}`).set(who.auth);
  const book = async (who: Session) =>
    (await t.http().get('/api/me/addresses').set(who.auth).expect(200)).body as SavedAddressView[];
  const defaults = async (who: Session) => (await book(who)).filter((a) => a.isDefault).map((a) => a.id);

  beforeAll(async () => {
    t = await TestApp.start();
  });
  afterAll(() => t.close());

  it('the first address is the default; isDefault on another clears it; the default is listed first', async () => {
    const alice = await fresh();
    const first = (await add(alice, home).expect(201)).body as SavedAddressView;
    expect(first).toEqual({ id: expect.any(String), ...home, isDefault: true });
    const second = (await add(alice, work).expect(201)).body as SavedAddressView;
    expect(second.isDefault).toBe(false);
    expect(await defaults(alice)).toEqual([first.id]);

    const third = (await add(alice, { ...mum, isDefault: true }).expect(201)).body as SavedAddressView;
    expect(await defaults(alice)).toEqual([third.id]);

    const patched = await patch(alice, second.id, { isDefault: true, detail: '世纪大道 200 号' }).expect(200);
    expect(patched.body).toEqual({ ...second, detail: '世纪大道 200 号', isDefault: true });
    const listed = await book(alice);
    expect(listed.map((a) => a.id)[0]).toBe(second.id);
    expect(listed.filter((a) => a.isDefault)).toHaveLength(1);
  });

  it('the default cannot be unset directly: another one is made the default instead', async () => {
    const alice = await fresh();
    const first = (await add(alice, home).expect(201)).body as SavedAddressView;
    const res = await patch(alice, first.id, { isDefault: false }).expect(409);
    expect(res.body).toMatchObject({ code: 'DEFAULT_ADDRESS_REQUIRED', message: expect.stringContaining('isDefault') });
    expect(await defaults(alice)).toEqual([first.id]);
  });

  it('deleting the default makes the most recent remaining one the default; deleting another keeps it', async () => {
    const alice = await fresh();
    const a = (await add(alice, home).expect(201)).body as SavedAddressView;
    const b = (await add(alice, work).expect(201)).body as SavedAddressView;
    const c = (await add(alice, mum).expect(201)).body as SavedAddressView;
    await remove(alice, b.id).expect(204);
    expect(await defaults(alice)).toEqual([a.id]);
    const d = (await add(alice, work).expect(201)).body as SavedAddressView;
    await remove(alice, a.id).expect(204);
    expect(await defaults(alice)).toEqual([d.id]);
    await remove(alice, d.id).expect(204);
    expect(await defaults(alice)).toEqual([c.id]);
    await remove(alice, c.id).expect(204);
    expect(await book(alice)).toEqual([]);
    // An empty book starts over: the next one is the default again.
    expect((await add(alice, mum).expect(201)).body.isDefault).toBe(true);
  });

  it("is the caller's own: someone else's address is a 404 to read through, change or delete", async () => {
    const alice = await fresh();
    const mallory = await fresh();
    const mine = (await add(alice, home).expect(201)).body as SavedAddressView;
    expect(await book(mallory)).toEqual([]);
    expect((await patch(mallory, mine.id, { name: '坏人' }).expect(404)).body.code).toBe('ADDRESS_NOT_FOUND');
    await remove(mallory, mine.id).expect(404);
    await patch(alice, '00000000-0000-4000-8000-000000000000', { name: '谁' }).expect(404);
    await remove(alice, 'not-a-uuid').expect(400);
    expect(await book(alice)).toEqual([mine]);
    await t.http().get('/api/me/addresses').expect(401);
  });

  it.each([
    ['a short phone', { ...home, phone: '12345' }, 'phone'],
    ['an empty name', { ...home, name: '' }, 'name'],
    ['a 31-character name', { ...home, name: '名'.repeat(31) }, 'name'],
    ['a blank region', { ...home, region: '  ' }, 'region'],
    ['a control character in the name', { ...home, name: '爱\u0007丽丝' }, 'name'],
    ['a missing detail', { name: home.name, phone: home.phone, region: home.region }, 'detail'],
    ['an unknown field', { ...home, owner: 'x' }, 'owner'],
    ['a non-boolean isDefault', { ...home, isDefault: 'yes' }, 'isDefault'],
  ])('refuses %s with a 400 naming the field (shared address rules)', async (_what, body, field) => {
    const alice = await fresh();
    const res = await add(alice, body).expect(400);
    expect(res.body.message).toContain(field);
    expect(await book(alice)).toEqual([]);
  });

  it('refuses an edit by the same rules, and a null field', async () => {
    const alice = await fresh();
    const a = (await add(alice, home).expect(201)).body as SavedAddressView;
    expect((await patch(alice, a.id, { phone: '12345' }).expect(400)).body.message).toContain('phone');
    expect((await patch(alice, a.id, { name: null }).expect(400)).body.message).toContain('name');
    expect(await book(alice)).toEqual([a]);
  });

  it(`holds at most ${ADDRESS_BOOK_CAP} addresses, even when ${ADDRESS_BOOK_CAP + 5} are added at once`, async () => {
    const alice = await fresh();
    const answers = await Promise.all(
      Array.from({ length: ADDRESS_BOOK_CAP + 5 }, (_, i) => add(alice, { ...home, detail: `龙井路 ${i} 号` })),
    );
    const statuses = answers.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(ADDRESS_BOOK_CAP);
    const refused = answers.filter((r) => r.status === 409);
    expect(refused).toHaveLength(5);
    expect(refused[0].body).toMatchObject({ code: 'ADDRESS_BOOK_FULL', message: expect.stringContaining('20') });
    expect(await book(alice)).toHaveLength(ADDRESS_BOOK_CAP);
    expect(await defaults(alice)).toHaveLength(1);
  });

  it('keeps exactly one default when several are made the default, added or deleted at once', async () => {
    const alice = await fresh();
    const ids: string[] = [];
    for (const i of [0, 1, 2, 3, 4, 5])
      ids.push((await add(alice, { ...home, detail: `${i} 号` }).expect(201)).body.id);
    const results = await Promise.all([
      ...ids.slice(1).map((id) => patch(alice, id, { isDefault: true })),
      ...[0, 1, 2].map((i) => add(alice, { ...mum, detail: `新 ${i} 号`, isDefault: true })),
      remove(alice, ids[0]),
    ]);
    expect(results.map((r) => r.status).filter((s) => s >= 300)).toEqual([]);
    expect(await defaults(alice)).toHaveLength(1);
    const [{ n: rows }] = await t.sql<{ n: number }>(
      'SELECT count(*)::int AS n FROM addresses WHERE user_id = $1 AND is_default',
      [alice.userId],
    );
    expect(rows).toBe(1);
  });

  it('deleting the default concurrently with deleting others still leaves one default', async () => {
    const alice = await fresh();
    const ids: string[] = [];
    for (const i of [0, 1, 2, 3]) ids.push((await add(alice, { ...home, detail: `${i} 号` }).expect(201)).body.id);
    // ids[0] is the default; deleting it promotes the newest remaining one, which is deleted too.
    await Promise.all([remove(alice, ids[0]), remove(alice, ids[3]), remove(alice, ids[2])]);
    expect(await defaults(alice)).toEqual([ids[1]]);
  });

  it('the database refuses a second default even past the service', async () => {
    const alice = await fresh();
    await add(alice, home).expect(201);
    await add(alice, work).expect(201);
    await expect(t.sql('UPDATE addresses SET is_default = true WHERE user_id = $1', [alice.userId])).rejects.toThrow(
      /addresses_one_default_idx/,
    );
  });

  describe('orders take addressId in place of address and keep a copy', () => {
    let merchant: Session;
    let skuId: string;
    beforeAll(async () => {
      merchant = await fresh();
      ({ skuId } = await shopWithProduct(t, merchant, { stock: 50, priceFen: 2000 }));
    });
    const order = (who: Session, extra: object) =>
      t
        .http()
        .post('/api/orders')
        .set(who.auth)
        .send({ items: [{ skuId, quantity: 1 }], scene: 'mini_program', ...extra });

    it('ships to the saved address as it was: later edits and deletion do not change the order', async () => {
      const alice = await fresh();
      const saved = (await add(alice, work).expect(201)).body as SavedAddressView;
      const created = await order(alice, { addressId: saved.id }).expect(201);
      expect(created.body.address).toEqual(work);
      await patch(alice, saved.id, { detail: '改过的地址', phone: '13700000000' }).expect(200);
      const after = await t.http().get(`/api/orders/${created.body.id}`).set(alice.auth).expect(200);
      expect(after.body.address).toEqual(work);
      await remove(alice, saved.id).expect(204);
      const [row] = await t.sql<{ address: object }>('SELECT address FROM orders WHERE id = $1', [created.body.id]);
      expect(row.address).toEqual(work);
    });

    it('takes exactly one of address and addressId: both or neither is a 400', async () => {
      const alice = await fresh();
      const saved = (await add(alice, home).expect(201)).body as SavedAddressView;
      const both = await order(alice, { address: ADDRESS, addressId: saved.id }).expect(400);
      expect(both.body).toMatchObject({ code: 'ADDRESS_REQUIRED', message: expect.stringContaining('addressId') });
      expect((await order(alice, {}).expect(400)).body.message).toContain('address');
      expect((await order(alice, { address: null }).expect(400)).body.message).toContain('address');
      expect((await order(alice, { addressId: 'nope' }).expect(400)).body.message).toContain('addressId');
      const [{ n }] = await t.sql<{ n: number }>('SELECT count(*)::int AS n FROM orders WHERE buyer_id = $1', [
        alice.userId,
      ]);
      expect(n).toBe(0);
    });

    it("someone else's saved address is a 404, and nothing is reserved", async () => {
      const alice = await fresh();
      const mallory = await fresh();
      const hers = (await add(alice, home).expect(201)).body as SavedAddressView;
      const res = await order(mallory, { addressId: hers.id }).expect(404);
      expect(res.body.code).toBe('ADDRESS_NOT_FOUND');
      const [{ stock }] = await t.sql<{ stock: number }>('SELECT stock FROM skus WHERE id = $1', [skuId]);
      const again = await order(mallory, { addressId: hers.id }).expect(404);
      expect(again.body.code).toBe('ADDRESS_NOT_FOUND');
      const [{ stock: after }] = await t.sql<{ stock: number }>('SELECT stock FROM skus WHERE id = $1', [skuId]);
      expect(after).toBe(stock);
    });
  });

  describe('gift claims take addressId and keep a copy', () => {
    it('Bob claims with his saved address; editing the book later leaves the claim as it was', async () => {
      const w = await giftWorld(t);
      const tea = await w.product('花果茶组合');
      const gift = await sendGift(t, w.alice, {
        skuId: tea.skus[0].id,
        chatId: w.family.id,
        mode: 'first_come',
        units: 2,
      });
      const bobs = (await add(w.bob, mum).expect(201)).body as SavedAddressView;
      const carols = (await add(w.carol, home).expect(201)).body as SavedAddressView;
      const claim = (who: Session, body: object) =>
        t.http().post(`/api/gifts/${gift.id}/claim`).set(who.auth).send(body);

      expect((await claim(w.bob, { addressId: carols.id }).expect(404)).body.code).toBe('ADDRESS_NOT_FOUND');
      expect((await claim(w.bob, { address: mum, addressId: bobs.id }).expect(400)).body.code).toBe('ADDRESS_REQUIRED');
      expect((await claim(w.bob, {}).expect(400)).body.message).toContain('address');
      await claim(w.bob, { addressId: bobs.id }).expect(200);
      await patch(w.bob, bobs.id, { detail: '搬家了 9 号' }).expect(200);
      const [row] = await t.sql<{ address: object }>(
        'SELECT address FROM gift_claims WHERE gift_id = $1 AND recipient_id = $2',
        [gift.id, w.bob.userId],
      );
      expect(row.address).toEqual(mum);
    });
  });
});
