import { randomUUID } from 'node:crypto';
import type { Response } from 'supertest';
import { Session, TestApp } from '../support/test-app';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

describe('social graph and chats', () => {
  let t: TestApp;
  let seq = 0;
  beforeAll(async () => {
    t = await TestApp.start();
  });
  afterAll(() => t.close());

  /** A brand-new user nobody knows yet. */
  const newcomer = (nickname: string) => t.login(`o_social_${Date.now()}_${seq++}`, nickname);
  const sorted = (ids: string[]) => [...ids].sort();
  const pause = () => new Promise((r) => setTimeout(r, 5));

  function expectError(res: Response, status: number, code?: string, field?: RegExp): void {
    expect(res.body).toEqual({
      statusCode: status,
      error: expect.any(String),
      message: expect.any(String),
      code: code ?? expect.stringMatching(/^[A-Z_]+$/),
    });
    expect(res.status).toBe(status);
    if (field) expect(res.body.message).toMatch(field);
  }
  const befriend = (a: Session, userId: string) => t.http().post('/api/friends').set(a.auth).send({ userId });
  /** Friends by consent: a asks, b asks back; their direct chat's id. */
  async function friends(a: Session, b: Session): Promise<string> {
    await befriend(a, b.userId).expect(202);
    const res = await befriend(b, a.userId).expect(200);
    return res.body.chatId as string;
  }
  const group = (s: Session, body: object) => t.http().post('/api/groups').set(s.auth).send(body);
  async function chatsOf(s: Session): Promise<{ id: string; type: string; title: string; memberIds: string[] }[]> {
    return (await t.http().get('/api/chats').set(s.auth).expect(200)).body;
  }
  /** The caller's only chat is the direct chat with `other`, titled with their nickname. */
  async function expectOnlyDirect(s: Session, other: Session, chatId: string): Promise<void> {
    const chats = await chatsOf(s);
    expect(chats).toEqual([
      { id: chatId, type: 'direct', title: other.nickname, memberIds: expect.any(Array), unreadCount: 0 },
    ]);
    expect(sorted(chats[0].memberIds)).toEqual(sorted([s.userId, other.userId]));
  }
  const send = (s: Session, chatId: string, body: object) =>
    t.http().post(`/api/chats/${chatId}/messages`).set(s.auth).send(body);
  const history = (s: Session, chatId: string, query: Record<string, string | number> = {}) =>
    t.http().get(`/api/chats/${chatId}/messages`).query(query).set(s.auth);
  async function messagesOf(s: Session, chatId: string) {
    return (await history(s, chatId).expect(200)).body as { id: string; text?: string; createdAt: string }[];
  }

  describe('the chat list of the demo world', () => {
    it('shows alice her 5 direct chats and 2 groups, titled for her', async () => {
      const [alice, ...others] = await Promise.all(
        ['o_alice', 'o_bob', 'o_carol', 'o_dave', 'o_erin', 'o_frank'].map((o) => t.login(o)),
      );
      const chats = await chatsOf(alice);
      expect(chats).toHaveLength(7);
      const directs = chats.filter((c) => c.type === 'direct');
      expect(directs.map((c) => c.title).sort()).toEqual(others.map((o) => o.nickname).sort());
      for (const friend of others) {
        const chat = directs.find((c) => c.title === friend.nickname);
        expect(sorted(chat!.memberIds)).toEqual(sorted([alice.userId, friend.userId]));
      }
      const groups = chats.filter((c) => c.type === 'group');
      expect(groups.map((c) => c.title).sort()).toEqual(['大学同学', '相亲相爱一家人'].sort());
      const [bob, carol, dave, erin, frank] = others;
      const family = groups.find((c) => c.title === '相亲相爱一家人')!;
      expect(sorted(family.memberIds)).toEqual(sorted([alice.userId, bob.userId, carol.userId, dave.userId]));
      const classmates = groups.find((c) => c.title === '大学同学')!;
      expect(sorted(classmates.memberIds)).toEqual(sorted([alice.userId, erin.userId, frank.userId]));
      const erinIds = (await chatsOf(erin)).map((c) => c.id);
      expect(erinIds).toContain(classmates.id);
      expect(erinIds).not.toContain(family.id);
      expect((await chatsOf(bob)).map((c) => c.title)).toEqual(expect.arrayContaining(['相亲相爱一家人', '爱丽丝']));
    });

    it('shows a new user no chats, and needs a token', async () => {
      expect(await chatsOf(await newcomer('新人'))).toEqual([]);
      expectError(await t.http().get('/api/chats'), 401, 'UNAUTHENTICATED');
    });
  });

  describe('befriending takes both: a request, then the other asking back', () => {
    it('leaves a pending request that makes no one a friend, then opens one shared direct chat', async () => {
      const [ming, hong] = [await newcomer('小明'), await newcomer('小红')];
      const asked = await befriend(ming, hong.userId).expect(202);
      expect(asked.body).toEqual({ status: 'pending' });
      expect(await chatsOf(ming)).toEqual([]);
      expect(await chatsOf(hong)).toEqual([]);
      // A request is not a friendship: neither may put the other in a group yet.
      expectError(await group(ming, { name: '太早', memberIds: [hong.userId] }), 400, 'NOT_FRIENDS');
      expectError(await group(hong, { name: '太早', memberIds: [ming.userId] }), 400, 'NOT_FRIENDS');

      const accepted = await befriend(hong, ming.userId).expect(200);
      expect(accepted.body).toEqual({ status: 'friends', chatId: expect.stringMatching(UUID) });
      await expectOnlyDirect(ming, hong, accepted.body.chatId);
      await expectOnlyDirect(hong, ming, accepted.body.chatId);
      // The friendship goes both ways: each may now put the other in a group.
      await group(hong, { name: '二人组', memberIds: [ming.userId] }).expect(201);
      await group(ming, { name: '二人组', memberIds: [hong.userId] }).expect(201);
    });

    it('answers the same pending request when asked again, changing nothing', async () => {
      const [a, b] = [await newcomer('戊'), await newcomer('己')];
      expect((await befriend(a, b.userId).expect(202)).body).toEqual({ status: 'pending' });
      const [first] = (await t.http().get('/api/friend-requests').set(b.auth).expect(200)).body;
      expect((await befriend(a, b.userId).expect(202)).body).toEqual({ status: 'pending' });
      expect((await t.http().get('/api/friend-requests').set(b.auth).expect(200)).body).toEqual([first]);
      expect(await chatsOf(a)).toEqual([]);
    });

    it('returns the same chat to friends asking again, from either side', async () => {
      const [a, b] = [await newcomer('甲'), await newcomer('乙')];
      const chatId = await friends(a, b);
      expect((await befriend(a, b.userId).expect(200)).body).toEqual({ status: 'friends', chatId });
      expect((await befriend(b, a.userId).expect(200)).body).toEqual({ status: 'friends', chatId });
      await expectOnlyDirect(a, b, chatId);
      await expectOnlyDirect(b, a, chatId);
    });

    it('refuses yourself, unknown users, bad input and missing tokens', async () => {
      const me = await newcomer('孤独');
      expectError(await befriend(me, me.userId), 400, 'CANNOT_FRIEND_SELF', /userId/);
      expectError(await befriend(me, randomUUID()), 404, 'USER_NOT_FOUND');
      expectError(await befriend(me, 'not-a-uuid'), 400, 'VALIDATION_FAILED', /userId/);
      expectError(await t.http().post('/api/friends').set(me.auth).send({}), 400, undefined, /userId/);
      const alice = await t.login('o_alice');
      const extra = await t.http().post('/api/friends').set(me.auth).send({ userId: alice.userId, note: 'hi' });
      expectError(extra, 400, 'UNKNOWN_FIELD', /note/);
      expectError(await t.http().post('/api/friends').send({ userId: alice.userId }), 401, 'UNAUTHENTICATED');
      expect(await chatsOf(me)).toEqual([]);
      expect((await t.http().get('/api/friend-requests').set(alice.auth).expect(200)).body).toEqual([]);
    });
  });

  describe('starting a group chat with friends', () => {
    let alice: Session, bob: Session, carol: Session, dave: Session, erin: Session;
    beforeAll(async () => {
      [alice, bob, carol, dave, erin] = await Promise.all(
        ['o_alice', 'o_bob', 'o_carol', 'o_dave', 'o_erin'].map((o) => t.login(o)),
      );
    });

    it('creates the group with the caller first, visible to members only, opened by a system message', async () => {
      const res = await group(alice, { name: '周末聚餐', memberIds: [bob.userId, carol.userId] }).expect(201);
      expect(res.body).toEqual({
        id: expect.stringMatching(UUID),
        type: 'group',
        title: '周末聚餐',
        memberIds: [alice.userId, bob.userId, carol.userId],
      });
      const seen = (await chatsOf(bob)).find((c) => c.id === res.body.id);
      expect(seen).toMatchObject({ type: 'group', title: '周末聚餐' });
      expect(sorted(seen!.memberIds)).toEqual(sorted(res.body.memberIds));
      expect((await chatsOf(dave)).map((c) => c.id)).not.toContain(res.body.id);
      const messages = (await history(carol, res.body.id).expect(200)).body;
      expect(messages).toEqual([
        {
          id: expect.stringMatching(UUID),
          chatId: res.body.id,
          senderId: alice.userId,
          type: 'system',
          text: expect.stringContaining('周末聚餐'),
          notice: { kind: 'group_created', params: { name: '周末聚餐' } },
          createdAt: expect.stringMatching(ISO),
        },
      ]);
    });

    it('refuses strangers, naming them, and creates nothing', async () => {
      const stranger = await newcomer('陌生人');
      const before = (await chatsOf(alice)).length;
      const res = await group(alice, { name: '混进来', memberIds: [bob.userId, stranger.userId] });
      expectError(res, 400, 'NOT_FRIENDS', new RegExp(stranger.userId));
      expect(res.body.message).not.toContain(bob.userId);
      // erin is alice's friend, not bob's.
      const notBobs = await group(bob, { name: '新群', memberIds: [erin.userId] });
      expectError(notBobs, 400, 'NOT_FRIENDS', new RegExp(erin.userId));
      expect(await chatsOf(alice)).toHaveLength(before);
      expect((await chatsOf(erin)).map((c) => c.title)).not.toContain('新群');
    });

    it('refuses the caller as a member, and callers without a token', async () => {
      const res = await group(alice, { name: '我自己', memberIds: [alice.userId, bob.userId] });
      expectError(res, 400, 'INVALID_MEMBERS', /memberIds/);
      const anonymous = await t
        .http()
        .post('/api/groups')
        .send({ name: 'x', memberIds: [bob.userId] });
      expectError(anonymous, 401, 'UNAUTHENTICATED');
    });

    it('accepts a name of exactly 30 characters', async () => {
      const res = await group(alice, { name: '群'.repeat(30), memberIds: [bob.userId] }).expect(201);
      expect(res.body.title).toBe('群'.repeat(30));
    });

    it.each([
      ['empty memberIds', { name: '空群', memberIds: [] }, /memberIds/],
      ['missing memberIds', { name: '空群' }, /memberIds/],
      ['repeated ids', { name: '重复', memberIds: ['BOB', 'BOB'] }, /memberIds/],
      ['non-UUID ids', { name: '坏号', memberIds: ['bob'] }, /memberIds/],
      ['empty name', { name: '', memberIds: ['BOB'] }, /name/],
      ['31-character name', { name: '群'.repeat(31), memberIds: ['BOB'] }, /name/],
      ['name not a string', { name: 42, memberIds: ['BOB'] }, /name/],
      ['extra field', { name: '多余', memberIds: ['BOB'], ownerId: 'x' }, /ownerId/],
    ])('rejects %s with a 400 naming the field', async (_label, body, field) => {
      const withIds = JSON.parse(JSON.stringify(body).replace(/BOB/g, bob.userId));
      expectError(await group(alice, withIds), 400, undefined, field);
    });
  });

  describe('chatting: reading and paging messages', () => {
    let a: Session, b: Session, chatId: string;
    const sent: { id: string; senderId: string; text: string; createdAt: string }[] = [];
    beforeAll(async () => {
      [a, b] = [await newcomer('阿强'), await newcomer('阿珍')];
      chatId = await friends(a, b);
      for (let i = 1; i <= 5; i++) {
        const res = await send(i % 2 ? a : b, chatId, { text: `第${i}条` }).expect(201);
        sent.push(res.body);
        await pause();
      }
    });

    it('returns a new message in full, and the chat to its members', async () => {
      expect(sent[0]).toEqual({
        id: expect.stringMatching(UUID),
        chatId,
        senderId: a.userId,
        type: 'text',
        text: '第1条',
        createdAt: expect.stringMatching(ISO),
      });
      expect(sent[1].senderId).toBe(b.userId);
      const chat = await t.http().get(`/api/chats/${chatId}`).set(b.auth).expect(200);
      expect(chat.body).toMatchObject({ id: chatId, type: 'direct', title: '阿强', memberIds: expect.any(Array) });
      expect(chat.body.lastMessage).toMatchObject({ type: 'text', text: sent[sent.length - 1].text });
      expect(sorted(chat.body.memberIds)).toEqual(sorted([a.userId, b.userId]));
    });

    it('lists messages oldest first, the same for both members', async () => {
      const list = (await history(a, chatId).expect(200)).body;
      expect(list).toEqual(sent);
      expect((await history(b, chatId).expect(200)).body).toEqual(sent);
      const times = list.map((m: { createdAt: string }) => Date.parse(m.createdAt));
      expect(times).toEqual([...times].sort((x, y) => x - y));
    });

    it('pages backwards with limit and before', async () => {
      const page1 = (await history(a, chatId, { limit: 2 }).expect(200)).body;
      expect(page1.map((m: { text: string }) => m.text)).toEqual(['第4条', '第5条']);
      const page2 = (await history(a, chatId, { limit: 2, before: page1[0].createdAt }).expect(200)).body;
      expect(page2.map((m: { text: string }) => m.text)).toEqual(['第2条', '第3条']);
      const page3 = (await history(a, chatId, { limit: 2, before: page2[0].createdAt }).expect(200)).body;
      expect(page3.map((m: { text: string }) => m.text)).toEqual(['第1条']);
      const page4 = (await history(a, chatId, { before: page3[0].createdAt }).expect(200)).body;
      expect(page4).toEqual([]);
      expect((await history(a, chatId, { limit: 1 }).expect(200)).body).toEqual([sent[4]]);
      expect((await history(a, chatId, { limit: 200 }).expect(200)).body).toHaveLength(5);
    });

    it.each([
      [{ limit: 0 }, /limit/],
      [{ limit: 201 }, /limit/],
      [{ limit: 'ten' }, /limit/],
      [{ limit: 1.5 }, /limit/],
      [{ before: 'yesterday' }, /before/],
    ])('rejects the query %j with a 400 naming it', async (query, field) => {
      expectError(await history(a, chatId, query), 400, undefined, field);
    });
  });

  describe('chatting: sending text and sharing products', () => {
    let a: Session, b: Session, chatId: string, productId: string;
    beforeAll(async () => {
      [a, b] = [await newcomer('小李'), await newcomer('小王')];
      chatId = await friends(a, b);
      const products = await t.http().get('/api/products').query({ limit: 1 }).expect(200);
      productId = products.body.items[0].id;
    });

    it('shares a listed product as a product message', async () => {
      const res = await send(b, chatId, { productId }).expect(201);
      expect(res.body).toEqual({
        id: expect.stringMatching(UUID),
        chatId,
        senderId: b.userId,
        type: 'product',
        productId,
        createdAt: expect.stringMatching(ISO),
      });
      expect(await messagesOf(a, chatId)).toEqual([res.body]);
    });

    it('accepts text of exactly 1000 characters', async () => {
      const res = await send(a, chatId, { text: '字'.repeat(1000) }).expect(201);
      expect(res.body.text).toHaveLength(1000);
    });

    it('rejects bad messages and stores none of them', async () => {
      const count = (await messagesOf(a, chatId)).length;
      expectError(await send(a, chatId, { productId: randomUUID() }), 404, 'PRODUCT_NOT_FOUND');
      expectError(await send(a, chatId, { text: '看看', productId }), 400, 'INVALID_MESSAGE');
      expectError(await send(a, chatId, {}), 400, 'INVALID_MESSAGE');
      expectError(await send(a, chatId, { text: '' }), 400, undefined, /text/);
      expectError(await send(a, chatId, { text: '字'.repeat(1001) }), 400, undefined, /text/);
      expectError(await send(a, chatId, { text: 42 }), 400, undefined, /text/);
      expectError(await send(a, chatId, { productId: 'p-1' }), 400, undefined, /productId/);
      expectError(await send(a, chatId, { text: 'hi', giftId: randomUUID() }), 400, 'UNKNOWN_FIELD', /giftId/);
      expectError(await t.http().post(`/api/chats/${chatId}/messages`).send({ text: 'hi' }), 401, 'UNAUTHENTICATED');
      expect(await messagesOf(a, chatId)).toHaveLength(count);
    });

    it('rejects a null text or productId as "neither" and stores nothing', async () => {
      const count = (await messagesOf(a, chatId)).length;
      expectError(await send(a, chatId, { text: null }), 400, 'INVALID_MESSAGE');
      expectError(await send(a, chatId, { productId: null }), 400, 'INVALID_MESSAGE');
      expect(await messagesOf(a, chatId)).toHaveLength(count);
    });
  });

  describe('a chat is invisible to outsiders', () => {
    let alice: Session, bob: Session, carol: Session, erin: Session, familyId: string, aliceBobId: string;
    beforeAll(async () => {
      [alice, bob, carol, erin] = await Promise.all(['o_alice', 'o_bob', 'o_carol', 'o_erin'].map((o) => t.login(o)));
      const chats = await chatsOf(alice);
      familyId = chats.find((c) => c.title === '相亲相爱一家人')!.id;
      aliceBobId = chats.find((c) => c.type === 'direct' && c.memberIds.includes(bob.userId))!.id;
    });

    async function expectInvisible(outsider: Session, chatId: string): Promise<void> {
      const missing = await t.http().get(`/api/chats/${randomUUID()}`).set(outsider.auth).expect(404);
      const read = await t.http().get(`/api/chats/${chatId}`).set(outsider.auth);
      expectError(read, 404, 'CHAT_NOT_FOUND');
      expect(read.body).toEqual(missing.body);
      expectError(await history(outsider, chatId), 404, 'CHAT_NOT_FOUND');
      expectError(await send(outsider, chatId, { text: '偷听' }), 404, 'CHAT_NOT_FOUND');
      expect((await chatsOf(outsider)).map((c) => c.id)).not.toContain(chatId);
    }

    it('hides the family group from erin, alice’s friend outside it', async () => {
      const before = await messagesOf(bob, familyId);
      await expectInvisible(erin, familyId);
      expect(await messagesOf(bob, familyId)).toEqual(before);
    });

    it('hides the family group and a direct chat from a brand-new user', async () => {
      const stranger = await newcomer('路人');
      await expectInvisible(stranger, familyId);
      await expectInvisible(stranger, aliceBobId);
      expect(await chatsOf(stranger)).toEqual([]);
    });

    it('hides alice and bob’s direct chat from carol, a friend of both', async () => {
      await expectInvisible(carol, aliceBobId);
      await t.http().get(`/api/chats/${aliceBobId}`).set(bob.auth).expect(200);
    });

    it('rejects a malformed chat id with a 400 naming id', async () => {
      expectError(await t.http().get('/api/chats/not-a-uuid').set(alice.auth), 400, 'INVALID_ID', /\bid\b/);
      expectError(await history(alice, 'not-a-uuid'), 400, 'INVALID_ID', /\bid\b/);
      expectError(await send(alice, 'not-a-uuid', { text: 'hi' }), 400, 'INVALID_ID', /\bid\b/);
    });

    it('needs a token to read a chat', async () => {
      expectError(await t.http().get(`/api/chats/${familyId}`), 401, 'UNAUTHENTICATED');
      expectError(await t.http().get(`/api/chats/${familyId}/messages`), 401, 'UNAUTHENTICATED');
    });
  });
});
