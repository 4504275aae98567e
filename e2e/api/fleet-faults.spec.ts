import { Client } from 'pg';
import { until } from '../support/fixtures';
import { Fleet, startFleet } from '../support/fleet';
import { checkBooks } from '../support/fleet-books';
import { FleetClient } from '../support/fleet-client';
import { LoadRecord, makeWorld, runLoad, throughput, World } from '../support/fleet-load';

/**
 * Faults on real processes (issue 18): scripts/cluster.sh starts HAProxy in front of three app
 * processes of the built server on PgBouncer in transaction pooling; a group gift claim storm and a
 * checkout load run through HAProxy; mid-storm one app process is killed with SIGKILL, and
 * (second test) PgBouncer is stopped and started again. The clients retry what got no answer with
 * the same Idempotency-Key (a claim is idempotent per user and gift). Afterwards SQL on the primary
 * checks that every order the clients were told was paid is there once, every accepted claim once,
 * no unit twice, stock and ledger add up, and that due jobs still run.
 */
jest.setTimeout(150_000);

const LOAD = { rounds: 6, units: 12, faultRound: 3, minOrdersAfter: 20 };
const SIZE = { buyers: 8, claimers: 40 };

/** The fault round's claims that were sent before the fault began and answered after it. */
const inFlightAtFault = (record: LoadRecord): number =>
  record.rounds[LOAD.faultRound - 1].answers.filter((a) => a.ended > record.faultAt).length;

/** A buyer's unpaid order, made due for its timeout now: cancelled by a process polling the jobs. */
async function unpaidOrderTimesOut(fleet: Fleet, c: FleetClient, w: World): Promise<void> {
  const [buyer] = w.buyers;
  const stockBefore = async () =>
    (await fleet.sql<{ stock: number }>('SELECT stock FROM skus WHERE id = $1', [w.checkoutSku]))[0].stock;
  const before = await stockBefore();
  const order = await c.expect<{ id: string }>(201, 'POST', '/api/orders', {
    token: buyer.token,
    key: `timeout-${w.tag}`,
    body: {
      items: [{ skuId: w.checkoutSku, quantity: 2 }],
      address: { name: '超时', phone: '13800138000', region: '浙江省 杭州市', detail: '1 号' },
      scene: 'chat',
    },
  });
  expect(await stockBefore()).toBe(before - 2);
  await fleet.sql(
    "UPDATE jobs SET run_at = now() - interval '1 second' WHERE kind = 'order.cancel_unpaid' AND payload->>'orderId' = $1",
    [order.id],
  );
  const statusOf = async () =>
    (await fleet.sql<{ status: string }>('SELECT status FROM orders WHERE id = $1', [order.id]))[0].status;
  await until(async () => (await statusOf()) === 'cancelled', 'the unpaid order to time out', 30_000);
  expect(await stockBefore()).toBe(before);
  const jobs = await fleet.sql(
    "SELECT state, attempts, finished_by IS NOT NULL AS by FROM jobs WHERE kind = 'order.cancel_unpaid' AND payload->>'orderId' = $1",
    [order.id],
  );
  expect(jobs).toEqual([{ state: 'done', attempts: 1, by: true }]);
}

describe('the fleet under faults: HAProxy → three app processes → PgBouncer → PostgreSQL', () => {
  let fleet: Fleet | undefined;
  const clients: FleetClient[] = [];
  const client = (f: Fleet): FleetClient => {
    const c = new FleetClient(f.url);
    clients.push(c);
    return c;
  };
  beforeAll(async () => {
    // The processes poll the jobs often, so a due job's run is awaited in moments.
    // Test hooks on for GET /api/test/client-address.
    fleet = await startFleet('faults', { JOBS_POLL_MS: '100', TEST_HOOKS: '1' });
  }, 120_000);
  afterAll(async () => {
    for (const c of clients) c.close();
    await fleet?.stop();
  }, 60_000);

  it('counts each client under its own address, whatever X-Forwarded-For it sends', async () => {
    // HAProxy appends the address it saw (option forwardfor) and the apps trust that one hop
    // (TRUST_PROXY=1): a forged header cannot move a client to another per-address rate limit.
    for (const forged of [undefined, '203.0.113.9', '203.0.113.9, 198.51.100.7']) {
      const res = await fetch(`${fleet!.url}/api/test/client-address`, {
        headers: forged ? { 'x-forwarded-for': forged } : {},
      });
      expect(res.status).toBe(200);
      expect(((await res.json()) as { address: string }).address).toMatch(/^(::ffff:)?127\.0\.0\.1$/);
    }
  });

  it("gives every pooled session the app's time bounds, which PgBouncer will not pass as startup parameters", async () => {
    // cluster.sh sets them on the role in the fleet's database; a runaway statement or a
    // transaction left idle is still ended by the server.
    const pooled = new Client({ connectionString: fleet!.pooledUrl });
    await pooled.connect();
    try {
      const show = async (name: string) => (await pooled.query(`SHOW ${name}`)).rows[0][name];
      expect(await show('statement_timeout')).toBe('30s');
      expect(await show('idle_in_transaction_session_timeout')).toBe('30s');
    } finally {
      await pooled.end();
    }
  });

  it('one app process is killed with SIGKILL mid-storm: nothing accepted is lost or doubled, and the survivors run the due jobs', async () => {
    const f = fleet!;
    const c = client(f);
    const w = await makeWorld(c, 'kill', SIZE);
    const [victim, ...survivors] = f.appPorts.map((port) => f.pidOf(port));
    const record = await runLoad(c, w, {
      ...LOAD,
      fault: async () => {
        process.kill(victim, 'SIGKILL');
        return { over: Promise.resolve() };
      },
    });
    const t = throughput(record, c);
    process.stdout.write(`fleet-faults SIGKILL: ${t.line}\n`);
    try {
      expect(record.unexpected).toEqual([]);
      expect(f.alive(victim)).toBe(false);
      expect(survivors.map((pid) => f.alive(pid))).toEqual([true, true]);
      // The kill met the load: calls answered before it, calls in flight through it, calls after it.
      expect(t.before).toBeGreaterThan(0);
      expect(inFlightAtFault(record)).toBeGreaterThan(0);
      expect(t.after).toBeGreaterThan(0);
      expect(await checkBooks(f, w, record)).toEqual([]);
      await unpaidOrderTimesOut(f, c, w);
    } catch (err) {
      throw new Error(`${String(err)}\n${f.logs()}`);
    }
  });

  it('PgBouncer is stopped and started again mid-load: the clients retry, nothing is lost or doubled, the app processes reconnect', async () => {
    const f = fleet!;
    // The process the first test killed (its log with the error, should it not come up).
    await f.start().catch((err) => Promise.reject(new Error(`${String(err)}\n${f.logs()}`)));
    const pids = f.appPorts.map((port) => f.pidOf(port));
    const c = client(f);
    const w = await makeWorld(c, 'bouncer', SIZE);
    const record = await runLoad(c, w, {
      ...LOAD,
      fault: async () => {
        const seen = c.failures.length;
        await f.stopBouncer();
        // Down until the clients have felt it, then back.
        const over = until(
          async () => c.failures.length >= seen + 10,
          'calls to fail while PgBouncer is down',
          30_000,
        ).then(() => f.startBouncer());
        return { over };
      },
    });
    const t = throughput(record, c);
    process.stdout.write(`fleet-faults PgBouncer restart: ${t.line}\n`);
    try {
      expect(record.unexpected).toEqual([]);
      // The same processes, none restarted: their pools reconnected.
      expect(f.appPorts.map((port) => f.pidOf(port))).toEqual(pids);
      expect(pids.map((pid) => f.alive(pid))).toEqual([true, true, true]);
      expect(t.before).toBeGreaterThan(0);
      expect(inFlightAtFault(record)).toBeGreaterThan(0);
      expect(t.after).toBeGreaterThan(0);
      expect(await checkBooks(f, w, record)).toEqual([]);
      await unpaidOrderTimesOut(f, c, w);
      // Every app process answers from the database again, each on its own port.
      for (const port of f.appPorts) expect((await fetch(`http://127.0.0.1:${port}/api/health`)).status).toBe(200);
    } catch (err) {
      throw new Error(`${String(err)}\n${f.logs()}`);
    }
  });
});
