import fc from 'fast-check';
import { ADDRESS, shopWithProduct } from '../support/fixtures';
import { TestApp } from '../support/test-app';
import { STAND_IN_APPID, STAND_IN_SECRET, WechatStandIn } from '../support/wechat-stand-in';
import { bodySchema, fromSchema, OpenApi, Route, routesOf } from './fuzz/from-openapi';
import { headerText, hostileString, hostileValue } from './fuzz/hostile';

/**
 * The attack suite: every route of the OpenAPI document gets generated hostile requests (bodies
 * shaped like its DTO with parts swapped for hostile values, or hostile through and through;
 * hostile queries, path parameters and headers), as a real demo user, a merchant and nobody. Any
 * 5xx, or no answer within 10 s, fails and prints the request that did it.
 *
 *   FUZZ_RUNS (default 100) requests per route; FUZZ_SEED fixes the seed to replay a failure.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 100);
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : Date.now() % 2 ** 31;

jest.setTimeout(Math.max(300_000, RUNS * 10_000));

/**
 * Percent-encodes the UTF-8 of a text (a lone surrogate becomes U+FFFD, as a browser would send
 * it); encodeURIComponent would throw on it instead.
 */
const encode = (text: string): string =>
  [...Buffer.from(text, 'utf8')]
    .map((b) =>
      /[A-Za-z0-9._~-]/.test(String.fromCharCode(b)) ? String.fromCharCode(b) : `%${b.toString(16).padStart(2, '0')}`,
    )
    .join('');

interface FuzzRequest {
  method: Route['method'];
  path: string;
  query: [string, string][];
  headers: Record<string, string>;
  body?: unknown;
}

describe(`fuzz: no route answers hostile input with a 5xx (seed ${SEED}, ${RUNS} runs a route)`, () => {
  let t: TestApp;
  let wechat: WechatStandIn;
  let doc: OpenApi;
  const tokens: Record<string, string> = {};
  const ids: string[] = [];

  beforeAll(async () => {
    // WeChat's code2session is a local stand-in, so /api/auth/wechat reaches its real answers.
    wechat = await WechatStandIn.start();
    t = await TestApp.start({
      RATE_LIMITS: 'off',
      WECHAT_API_BASE: wechat.url,
      WECHAT_APPID: STAND_IN_APPID,
      WECHAT_SECRET: STAND_IN_SECRET,
    });
    doc = (await t.http().get('/api/docs-json').expect(200)).body;
    const [alice, wang] = [await t.login('o_alice'), await t.login('o_wang')];
    tokens.alice = alice.token;
    tokens.wang = wang.token;
    // Real ids, so requests reach the services and the database, not only the validators.
    const { shopId, product, skuId } = await shopWithProduct(t, wang, { stock: 1_000 });
    const order = await t
      .http()
      .post('/api/orders')
      .set(alice.auth)
      .send({ items: [{ skuId, quantity: 1 }], scene: 'search', address: ADDRESS })
      .expect(201);
    const chats = (await t.http().get('/api/chats').set(alice.auth).expect(200)).body as { id: string }[];
    ids.push(shopId, product.id, skuId, order.body.id, ...chats.slice(0, 2).map((c) => c.id));
  });
  afterAll(async () => {
    await t?.close();
    await wechat?.close();
  });

  const pathParam = (): fc.Arbitrary<string> =>
    fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...ids) }, fc.uuid(), hostileString);
  const queryValue = (): fc.Arbitrary<string> =>
    fc.oneof(
      hostileString,
      fc.constantFrom(...ids, 'buyer', 'merchant', 'giver', 'recipient', 'accepted', 'search', '茶', 'tea'),
      fc.integer({ min: -5, max: 200 }).map(String),
    );
  const authHeader = (): fc.Arbitrary<string | undefined> =>
    fc.oneof(
      { weight: 6, arbitrary: fc.constantFrom('alice', 'wang').map((who) => `Bearer ${tokens[who]}`) },
      { weight: 1, arbitrary: fc.constant(undefined) },
      { weight: 1, arbitrary: headerText.map((s) => `Bearer ${s}`) },
    );

  function requests(route: Route): fc.Arbitrary<FuzzRequest> {
    const params = route.operation.parameters ?? [];
    const pathNames = params.filter((p) => p.in === 'path').map((p) => p.name);
    const queryNames = params.filter((p) => p.in === 'query').map((p) => p.name);
    const schema = bodySchema(route);
    return fc.record({
      method: fc.constant(route.method),
      path: fc
        .tuple(...pathNames.map(() => pathParam()))
        .map((values) => pathNames.reduce((p, name, i) => p.replace(`{${name}}`, encode(values[i])), route.path)),
      query: fc.array(
        fc.tuple(
          queryNames.length ? fc.oneof(fc.constantFrom(...queryNames), hostileString) : hostileString,
          queryValue(),
        ),
        { maxLength: 3 },
      ),
      headers: fc.record(
        {
          Authorization: authHeader(),
          'Idempotency-Key': fc.oneof(fc.uuid(), headerText),
          'Content-Type': fc.oneof(
            { weight: 8, arbitrary: fc.constant('application/json') },
            {
              weight: 1,
              arbitrary: fc.constantFrom(
                'application/json; charset=utf-8',
                'text/plain',
                'application/json; charset=latin1',
              ),
            },
          ),
        },
        { requiredKeys: ['Authorization', 'Content-Type'] },
      ),
      body: schema
        ? fromSchema(doc, schema, ids)
        : fc.oneof({ weight: 3, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: hostileValue }),
    }) as fc.Arbitrary<FuzzRequest>;
  }

  /** How often each status came back: a run that only ever sees 401 and 400 tests little. */
  const statuses = new Map<string, number>();
  const count = (status: number, body: unknown) => {
    const key = `${status} ${(body as { code?: string } | null)?.code ?? ''}`.trim();
    if (process.env.FUZZ_DEBUG && key === process.env.FUZZ_DEBUG) console.log(JSON.stringify(body).slice(0, 200));
    statuses.set(key, (statuses.get(key) ?? 0) + 1);
  };

  async function send(req: FuzzRequest): Promise<{ status: number; body: unknown }> {
    const query = req.query.map(([k, v]) => `${encode(k)}=${encode(v)}`).join('&');
    const agent = t.http();
    const call = agent[req.method](query ? `${req.path}?${query}` : req.path).timeout(10_000);
    for (const [name, value] of Object.entries(req.headers)) if (value !== undefined) call.set(name, value);
    if (req.body !== undefined) call.send(JSON.stringify(req.body));
    try {
      const res = await call;
      return { status: res.status, body: res.body };
    } catch (err) {
      const e = err as { code?: string; timeout?: number; status?: number; response?: { body: unknown } };
      if (e.status) return { status: e.status, body: e.response?.body };
      // Node refused to send it (an invalid header): not a request the server ever saw.
      if (e.code === 'ERR_INVALID_CHAR' || e.code === 'ERR_HTTP_INVALID_HEADER_VALUE') return { status: 0, body: null };
      throw err;
    }
  }

  it('every route of the OpenAPI document', async () => {
    const routes = routesOf(doc);
    expect(routes.length).toBeGreaterThan(30);
    const failures: string[] = [];
    const started = Date.now();
    for (const route of routes) {
      const details = await fc.check(
        fc.asyncProperty(requests(route), async (req) => {
          const res = await send(req);
          count(res.status, res.body);
          if (res.status >= 500) throw new Error(`${res.status} ${JSON.stringify(res.body)}`);
        }),
        { numRuns: RUNS, seed: SEED, maxSkipsPerRun: 0 },
      );
      if (details.failed) {
        failures.push(
          `${route.method.toUpperCase()} ${route.path}: ${String(details.errorInstance)}\n` +
            `${fc.defaultReportMessage(details)?.slice(0, 3_000)}`,
        );
      }
    }
    const seen = [...statuses].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k}: ${n}`);
    console.log(
      `fuzz: ${routes.length} routes × ${RUNS} runs in ${Date.now() - started} ms (seed ${SEED})\n${seen.join('\n')}`,
    );
    expect(failures).toEqual([]);
  });
});
