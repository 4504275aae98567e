import { ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { DataSource } from 'typeorm';
import { PaymentsService } from '../../server/src/payments/payments.service';
import { databaseUrl, workerDatabase } from '../support/databases';
import { ADDRESS, shopWithProduct } from '../support/fixtures';
import { Session, TEST_JWT_SECRET, TEST_NOTIFY_SECRET, TestApp } from '../support/test-app';

jest.setTimeout(180_000);

const ROOT = resolve(__dirname, '..', '..');

/**
 * Refunds go to the payment provider through an outbox: recorded with a stable id in the
 * transaction that decides them, sent by a job after commit with that id as the provider's
 * idempotency key. Each cause is refunded once, however often or however concurrently it is
 * asked for, and a crash on either side of the send never pays twice.
 */
describe('the refund outbox', () => {
  let t: TestApp;
  let merchant: Session;
  let buyer: Session;
  beforeAll(async () => {
    t = await TestApp.start();
    merchant = await t.login('o_outbox_merchant');
    buyer = await t.login('o_outbox_buyer');
  });
  afterAll(() => t.close());

  /** A paid order of one 50-yuan item. */
  async function paidOrder(): Promise<string> {
    const { skuId } = await shopWithProduct(t, merchant, { stock: 10, priceFen: 5000 });
    const res = await t
      .http()
      .post('/api/orders')
      .set(buyer.auth)
      .send({ items: [{ skuId, quantity: 1 }], address: ADDRESS, scene: 'channels_live' })
      .expect(201);
    await t.http().post(`/api/orders/${res.body.id}/pay`).set(buyer.auth).expect(200);
    return res.body.id;
  }

  const refundsOf = (orderId: string) =>
    t.sql<{ id: string; sent_at: Date | null; provider_refund_id: string | null }>(
      'SELECT id, sent_at, provider_refund_id FROM refunds WHERE order_id = $1',
      [orderId],
    );
  const providerSide = (refundId: string) =>
    t.sql<{ requests: number; amount_fen: number }>(
      'SELECT requests, amount_fen FROM sandbox_refunds WHERE refund_id = $1',
      [refundId],
    );
  const ledgerOf = (refundId: string) =>
    t.sql<{ type: string; amount_fen: number }>(
      'SELECT type, amount_fen FROM ledger_entries WHERE refund_id = $1 ORDER BY type',
      [refundId],
    );

  it('records the refund with the order and sends it to the provider only after commit', async () => {
    const orderId = await paidOrder();
    await t.http().post(`/api/orders/${orderId}/refund`).set(buyer.auth).send({ reason: '拍错了' }).expect(200);
    const [refund] = await refundsOf(orderId);
    expect(refund.sent_at).toBeNull();
    expect(await providerSide(refund.id)).toEqual([]);

    await t.advance(0);
    const [sent] = await refundsOf(orderId);
    expect(sent.sent_at).not.toBeNull();
    expect(sent.provider_refund_id).toBe(`sandbox_refund_${refund.id}`);
    expect(await providerSide(refund.id)).toEqual([{ requests: 1, amount_fen: 5000 + 1000 }]);
  });

  it('sends nothing when the transaction that decided the refund rolls back', async () => {
    const orderId = await paidOrder();
    const payments = t.app.get(PaymentsService);
    const sendJobs = async () =>
      (await t.sql<{ n: number }>("SELECT count(*)::int AS n FROM jobs WHERE kind = 'payments.refund.send'"))[0].n;
    const jobsBefore = await sendJobs();
    await expect(
      t.app.get(DataSource).transaction(async (tx) => {
        await payments.refund(tx, { orderId, refundKey: `test:${orderId}:rollback`, amountFen: 100, reason: 'x' });
        throw new Error('the cause failed after the refund was recorded');
      }),
    ).rejects.toThrow('the cause failed');
    await t.advance(0);
    expect(await refundsOf(orderId)).toEqual([]);
    expect(await sendJobs()).toBe(jobsBefore);
  });

  it('refunds one cause once: asked again, and asked twice at the same instant', async () => {
    const payments = t.app.get(PaymentsService);
    const db = t.app.get(DataSource);
    const once = (orderId: string, key: string) =>
      db.transaction((tx) => payments.refund(tx, { orderId, refundKey: key, amountFen: 1200, reason: '少发一件' }));

    // Asked again after the first committed: the first refund comes back, nothing moves.
    const first = await paidOrder();
    const a = await once(first, `test:${first}:missing-item`);
    const b = await once(first, `test:${first}:missing-item`);
    expect(a.created).toBe(true);
    expect(b).toMatchObject({ created: false, refund: { id: a.refund.id } });

    // Two paths racing on one cause, both inside their own transactions.
    const second = await paidOrder();
    const raced = await Promise.all([1, 2, 3, 4].map(() => once(second, `test:${second}:missing-item`)));
    expect(raced.filter((r) => r.created)).toHaveLength(1);
    expect(new Set(raced.map((r) => r.refund.id)).size).toBe(1);

    await t.advance(0);
    for (const orderId of [first, second]) {
      const rows = await refundsOf(orderId);
      expect(rows).toHaveLength(1);
      expect(await providerSide(rows[0].id)).toEqual([{ requests: 1, amount_fen: 1200 }]);
      const ledger = await ledgerOf(rows[0].id);
      expect(ledger.map((e) => e.type)).toEqual(['fee_reversal', 'refund']);
      expect(ledger.find((e) => e.type === 'refund')?.amount_fen).toBe(-1200);
    }
  });

  describe('across a crash', () => {
    /** The built server, on this worker's database, with test hooks and the given fault. */
    function startServer(port: number, env: Record<string, string>): ChildProcess {
      return spawn(process.execPath, ['server/dist/main.js'], {
        cwd: ROOT,
        env: {
          PATH: process.env.PATH,
          NODE_ENV: 'test',
          PORT: String(port),
          DATABASE_URL: databaseUrl(workerDatabase()),
          JWT_SECRET: TEST_JWT_SECRET,
          PAYMENT_NOTIFY_SECRET: TEST_NOTIFY_SECRET,
          TEST_HOOKS: '1',
          JOBS_POLL_MS: '0',
          LOG_LEVEL: 'silent',
          RATE_LIMITS: 'off',
          ...env,
        },
        stdio: 'ignore',
      });
    }
    async function until<T>(probe: () => Promise<T | undefined>, what: string): Promise<T> {
      const deadline = Date.now() + 90_000;
      while (Date.now() < deadline) {
        const value = await probe().catch(() => undefined);
        if (value !== undefined) return value;
        await new Promise((r) => setTimeout(r, 200));
      }
      throw new Error(`timed out waiting for ${what}`);
    }

    it('a process killed after the provider paid and before the refund was marked sent: the retry pays nothing twice', async () => {
      const orderId = await paidOrder();
      await t.http().post(`/api/orders/${orderId}/refund`).set(buyer.auth).send({ reason: '不要了' }).expect(200);
      const [refund] = await refundsOf(orderId);

      // Another process takes the send job; its provider pays, then the process dies (SIGKILL).
      const port = 20_000 + Math.floor(Math.random() * 20_000);
      const child = startServer(port, { SANDBOX_FAULT: 'kill-after-refund' });
      const exited = new Promise<NodeJS.Signals | null>((ok) => child.once('exit', (_code, signal) => ok(signal)));
      await until(
        async () => ((await fetch(`http://127.0.0.1:${port}/api/health`)).ok ? true : undefined),
        'the server',
      );
      await fetch(`http://127.0.0.1:${port}/api/test/clock/advance`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ ms: 0 }),
      }).catch(() => undefined);
      expect(await exited).toBe('SIGKILL');

      // The provider paid once; the shop never heard back.
      expect(await providerSide(refund.id)).toEqual([{ requests: 1, amount_fen: 6000 }]);
      expect((await refundsOf(orderId))[0].sent_at).toBeNull();

      // After the dead process's lease runs out the job runs again, under the same refund id.
      await t.advance(61_000);
      const [after] = await refundsOf(orderId);
      expect(after.sent_at).not.toBeNull();
      expect(await providerSide(refund.id)).toEqual([{ requests: 2, amount_fen: 6000 }]);
      expect(await refundsOf(orderId)).toHaveLength(1);
      expect((await ledgerOf(refund.id)).map((e) => e.type)).toEqual(['fee_reversal', 'refund']);
    });

    it('a process gone between commit and send: the next one sends it once', async () => {
      const orderId = await paidOrder();
      // A second app commits the refund and stops before its jobs ever run.
      const other = await TestApp.start({}, { reset: false });
      const token = buyer.auth;
      await other.http().post(`/api/orders/${orderId}/refund`).set(token).send({ reason: '不要了' }).expect(200);
      await other.close();
      const [refund] = await refundsOf(orderId);
      expect(refund.sent_at).toBeNull();

      await t.advance(0);
      expect((await refundsOf(orderId))[0].sent_at).not.toBeNull();
      expect(await providerSide(refund.id)).toEqual([{ requests: 1, amount_fen: 6000 }]);
    });
  });
});
