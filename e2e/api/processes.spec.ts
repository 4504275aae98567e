import { LIMITS } from '../../server/src/rate-limits/rate-limits.policy';
import { TestApp } from '../support/test-app';

jest.setTimeout(120_000);

interface Reply {
  status: number;
  body: { token?: string; now?: string; message?: string };
}

/** One request straight to one server process (not through the round-robin proxy). */
async function call(
  url: string,
  method: string,
  path: string,
  opts: { token?: string; body?: unknown } = {},
): Promise<Reply> {
  const res = await fetch(`${url}${path}`, {
    method,
    headers: {
      ...(opts.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}),
    },
    body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : {} };
}

/**
 * Several server processes on one database (WEB_CONCURRENCY) share no memory: whatever one
 * process learns, the next request may meet another. Each test talks to the two processes of a
 * TestApp directly (`urls`), so a state kept per process would show as a wrong answer.
 */
describe('two server processes on one database', () => {
  let t: TestApp;
  let a: string;
  let b: string;
  beforeAll(async () => {
    t = await TestApp.start();
    [a, b] = t.urls;
  });
  afterAll(() => t.close());

  it('runs as two OS processes, and the round-robin proxy sends requests to both', async () => {
    expect(t.urls).toHaveLength(2);
    const before = t.requestsPerProcess;
    for (let i = 0; i < 4; i++) await t.http().get('/api/health').expect(200);
    const after = t.requestsPerProcess;
    expect(after.map((n, i) => n - before[i])).toEqual([2, 2]);
  });

  it('a login served by one process is honoured by the other', async () => {
    const login = await call(a, 'POST', '/api/auth/login', { body: { openId: 'o_procs_login' } });
    expect(login.status).toBe(200);
    const me = await call(b, 'GET', '/api/me', { token: login.body.token });
    expect(me.status).toBe(200);
  });

  it('a reset through one process makes the other forget the users it had seen', async () => {
    const login = await call(a, 'POST', '/api/auth/login', { body: { openId: 'o_procs_forgotten' } });
    // Process b sees the user, and remembers it (the auth guard's cache).
    expect((await call(b, 'GET', '/api/chats', { token: login.body.token })).status).toBe(200);
    expect((await call(a, 'POST', '/api/test/reset')).status).toBe(200);
    // A route that reads nothing of the user but its chats: only the guard can refuse it.
    const after = await call(b, 'GET', '/api/chats', { token: login.body.token });
    expect(after.status).toBe(401);
    expect(after.body.message).toBe('the token names a user that no longer exists');
  });

  it('the clock moved through one process is the clock of the other', async () => {
    const alice = await call(b, 'POST', '/api/auth/login', { body: { openId: 'o_alice' } });
    const chats = await call(b, 'GET', '/api/chats', { token: alice.body.token });
    const [chat] = chats.body as unknown as { id: string }[];
    const twoDays = 2 * 24 * 3_600_000;
    expect((await call(a, 'POST', '/api/test/clock/advance', { body: { ms: twoDays } })).status).toBe(200);
    // Process b stamps the message with its clock.
    const sent = await call(b, 'POST', `/api/chats/${chat.id}/messages`, {
      token: alice.body.token,
      body: { text: '两天以后' },
    });
    expect(sent.status).toBe(201);
    const stamped = Date.parse((sent.body as { createdAt?: string }).createdAt!);
    expect(stamped - Date.now()).toBeGreaterThan(twoDays - 60_000);
  });

  describe('with rate limits on', () => {
    let limited: TestApp;
    beforeAll(async () => {
      limited = await TestApp.start({ RATE_LIMITS: 'on' }, { reset: false });
    });
    afterAll(() => limited.close());

    it('counts one window across both processes, also for requests in flight at once', async () => {
      const [p, q] = limited.urls;
      const { limit } = LIMITS.login;
      // Twice the limit, at once, half to each process: with a count per process all would pass.
      const replies = await Promise.all(
        Array.from({ length: 2 * limit }, (_, i) =>
          call(i % 2 === 0 ? p : q, 'POST', '/api/auth/login', { body: { openId: `o_procs_limit_${i}` } }),
        ),
      );
      const statuses = replies.map((r) => r.status);
      expect(statuses.filter((s) => s === 200)).toHaveLength(limit);
      expect(statuses.filter((s) => s === 429)).toHaveLength(limit);
      for (const url of [p, q]) {
        const more = await call(url, 'POST', '/api/auth/login', { body: { openId: 'o_procs_limit_more' } });
        expect(more.status).toBe(429);
        expect(more.body.message).toContain(`at most ${limit} per`);
      }
    });
  });
});
