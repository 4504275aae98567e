import { randomUUID } from 'node:crypto';
import { Session, TestApp } from '../support/test-app';

jest.setTimeout(120_000);

describe('friends by consent: requests, acceptance, declining', () => {
  let t: TestApp;
  let seq = 0;
  beforeAll(async () => {
    t = await TestApp.start();
  });
  afterAll(() => t.close());

  const newcomer = (nickname: string) => t.login(`o_friends_${Date.now()}_${seq++}`, nickname);
  const ask = (from: Session, to: Session) => t.http().post('/api/friends').set(from.auth).send({ userId: to.userId });
  const requestsOf = async (s: Session) => (await t.http().get('/api/friend-requests').set(s.auth).expect(200)).body;
  const decline = (s: Session, id: string) => t.http().post(`/api/friend-requests/${id}/decline`).set(s.auth);

  /** What the database holds for a pair: friendships, direct chats and requests either way. */
  async function pairState(a: Session, b: Session) {
    const [userA, userB] = [a.userId, b.userId].sort();
    const [row] = await t.sql<{ friendships: number; chats: number; members: number; requests: number }>(
      `SELECT (SELECT count(*)::int FROM friendships WHERE user_a = $1 AND user_b = $2) AS friendships,
              (SELECT count(*)::int FROM chats WHERE direct_key = $1 || ':' || $2) AS chats,
              (SELECT count(*)::int FROM chat_members m JOIN chats c ON c.id = m.chat_id
                WHERE c.direct_key = $1 || ':' || $2) AS members,
              (SELECT count(*)::int FROM friend_requests
                WHERE (from_user_id = $1 AND to_user_id = $2) OR (from_user_id = $2 AND to_user_id = $1)) AS requests`,
      [userA, userB],
    );
    return row;
  }

  it('lists the requests waiting for the caller, newest first, to the addressee only', async () => {
    const [me, first, second] = [await newcomer('收件人'), await newcomer('先问'), await newcomer('后问')];
    await ask(first, me).expect(202);
    await new Promise((r) => setTimeout(r, 5));
    await ask(second, me).expect(202);
    const waiting = await requestsOf(me);
    expect(waiting).toEqual([
      {
        id: expect.any(String),
        fromUserId: second.userId,
        nickname: '后问',
        createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT.*Z$/),
      },
      { id: expect.any(String), fromUserId: first.userId, nickname: '先问', createdAt: expect.any(String) },
    ]);
    expect(Date.parse(waiting[0].createdAt)).toBeGreaterThanOrEqual(Date.parse(waiting[1].createdAt));
    // The askers see nothing waiting for them; a request is not shown to its sender.
    expect(await requestsOf(first)).toEqual([]);
    expect(await requestsOf(second)).toEqual([]);
    await t.http().get('/api/friend-requests').expect(401);
  });

  it('accepting (asking back) clears the request from the list', async () => {
    const [a, b] = [await newcomer('甲方'), await newcomer('乙方')];
    await ask(a, b).expect(202);
    expect(await requestsOf(b)).toHaveLength(1);
    const res = await ask(b, a).expect(200);
    expect(await requestsOf(b)).toEqual([]);
    expect(await requestsOf(a)).toEqual([]);
    expect(await pairState(a, b)).toEqual({ friendships: 1, chats: 1, members: 2, requests: 0 });
    const [row] = await t.sql<{ chat_id: string }>('SELECT chat_id FROM friendships WHERE $1 IN (user_a, user_b)', [
      a.userId,
    ]);
    expect(row.chat_id).toBe(res.body.chatId);
  });

  it('lets only the addressee decline; a declined request makes no one a friend', async () => {
    const [asker, me, other] = [await newcomer('问者'), await newcomer('我'), await newcomer('旁人')];
    await ask(asker, me).expect(202);
    const [request] = await requestsOf(me);
    for (const outsider of [asker, other]) {
      const res = await decline(outsider, request.id).expect(404);
      expect(res.body).toMatchObject({ statusCode: 404, code: 'FRIEND_REQUEST_NOT_FOUND' });
    }
    expect(await requestsOf(me)).toEqual([request]);

    expect((await decline(me, request.id).expect(200)).body).toEqual({ id: request.id, status: 'declined' });
    expect(await requestsOf(me)).toEqual([]);
    await decline(me, request.id).expect(404);
    // Declined is gone: asking the asker now is a new request of mine, not an acceptance.
    expect((await ask(me, asker).expect(202)).body).toEqual({ status: 'pending' });
    expect(await pairState(asker, me)).toEqual({ friendships: 0, chats: 0, members: 0, requests: 1 });
    expect((await requestsOf(asker)).map((r: { fromUserId: string }) => r.fromUserId)).toEqual([me.userId]);
  });

  it('rejects a malformed or unknown request id', async () => {
    const me = await newcomer('查无此请求');
    expect((await decline(me, 'nope').expect(400)).body).toMatchObject({ code: 'INVALID_ID' });
    expect((await decline(me, randomUUID()).expect(404)).body).toMatchObject({ code: 'FRIEND_REQUEST_NOT_FOUND' });
    await t.http().post(`/api/friend-requests/${randomUUID()}/decline`).expect(401);
  });

  it('keeps the demo seed’s friendships as accepted ones, with nothing pending', async () => {
    const [alice, bob, wang] = await Promise.all(['o_alice', 'o_bob', 'o_wang'].map((o) => t.login(o)));
    const direct = (await t.http().get('/api/chats').set(alice.auth).expect(200)).body.find(
      (c: { type: string; memberIds: string[] }) => c.type === 'direct' && c.memberIds.includes(bob.userId),
    );
    expect((await ask(alice, bob).expect(200)).body).toEqual({ status: 'friends', chatId: direct.id });
    expect((await ask(bob, alice).expect(200)).body).toEqual({ status: 'friends', chatId: direct.id });
    // The merchant is no one's friend in the seed: asking him is a request.
    expect((await ask(alice, wang).expect(202)).body).toEqual({ status: 'pending' });
  });

  it('makes two users asking each other at the same instant friends exactly once (30 rounds)', async () => {
    for (let round = 0; round < 30; round++) {
      const [a, b] = [await newcomer(`同时甲${round}`), await newcomer(`同时乙${round}`)];
      const [fromA, fromB] = await Promise.all([ask(a, b), ask(b, a)]);
      const statuses = [fromA.status, fromB.status].sort();
      // One of them came first and waits (202); the other found it and accepted (200).
      expect({ round, statuses }).toEqual({ round, statuses: [200, 202] });
      const accepted = fromA.status === 200 ? fromA : fromB;
      expect(accepted.body).toEqual({ status: 'friends', chatId: expect.any(String) });
      expect(await pairState(a, b)).toEqual({ friendships: 1, chats: 1, members: 2, requests: 0 });
    }
  });

  it('opens exactly one chat when 12 requests race from both sides, with no 5xx', async () => {
    for (let round = 0; round < 5; round++) {
      const [a, b] = [await newcomer(`丙${round}`), await newcomer(`丁${round}`)];
      const results = await Promise.all(Array.from({ length: 12 }, (_, i) => (i % 2 === 0 ? ask(a, b) : ask(b, a))));
      expect(results.filter((r) => r.status !== 200 && r.status !== 202)).toEqual([]);
      const chatIds = new Set(results.filter((r) => r.status === 200).map((r) => r.body.chatId));
      expect(chatIds.size).toBe(1);
      expect(await pairState(a, b)).toEqual({ friendships: 1, chats: 1, members: 2, requests: 0 });
      const chat = await t
        .http()
        .get(`/api/chats/${[...chatIds][0]}`)
        .set(a.auth)
        .expect(200);
      expect(chat.body.memberIds.sort()).toEqual([a.userId, b.userId].sort());
    }
  });
});
