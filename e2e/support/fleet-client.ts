/**
 * The HTTP client of the fleet fault tests (e2e/api/fleet-faults.spec.ts): it sends each call
 * through HAProxy until it gets an answer worth keeping, as the shop's mini-program would, with
 * the same body and Idempotency-Key every time, and notes every failure it retried.
 */

/** A client's final answer to one call, after its retries. */
export interface Answer {
  status: number;
  body: Record<string, unknown>;
  /** How many times the call was sent (1: no retry). */
  attempts: number;
  started: number;
  ended: number;
}

/** What is worth sending again: no answer, or the balancer's or the shop's "not now". */
const RETRY_STATUSES = new Set([502, 503, 504]);
const CALL_DEADLINE_MS = 90_000;

export class FleetClient {
  /** When each retried failure happened, and what it was ("network", "502", "503 DATABASE_BUSY"…). */
  readonly failures: { at: number; what: string }[] = [];

  private closed = false;

  constructor(private readonly base: string) {}

  /** Stops every call of this client at its next attempt (a test that failed leaves no load running). */
  close(): void {
    this.closed = true;
  }

  /**
   * Sends the call until it gets an answer that is not worth retrying; every attempt carries the
   * same body and the same Idempotency-Key, so the server can tell a retry from a new request.
   */
  async send(
    method: 'GET' | 'POST',
    path: string,
    opts: { token?: string; body?: unknown; key?: string } = {},
  ): Promise<Answer> {
    const started = Date.now();
    for (let attempt = 1; ; attempt++) {
      if (this.closed) throw new Error(`${method} ${path}: the client was closed`);
      let what: string;
      try {
        const res = await fetch(`${this.base}${path}`, {
          method,
          headers: {
            ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}),
            ...(opts.body !== undefined ? { 'content-type': 'application/json' } : {}),
            ...(opts.key ? { 'idempotency-key': opts.key } : {}),
          },
          body: opts.body !== undefined ? JSON.stringify(opts.body) : undefined,
          signal: AbortSignal.timeout(30_000),
        });
        const text = await res.text();
        const body = parse(text);
        if (!RETRY_STATUSES.has(res.status))
          return { status: res.status, body, attempts: attempt, started, ended: Date.now() };
        what = `${res.status}${typeof body.code === 'string' ? ` ${body.code}` : ''}`;
      } catch {
        what = 'network';
      }
      this.failures.push({ at: Date.now(), what });
      if (Date.now() - started > CALL_DEADLINE_MS)
        throw new Error(`${method} ${path}: no answer in ${CALL_DEADLINE_MS} ms`);
      // Backing off with jitter: 20 ms, 40 ms … at most 400 ms.
      await new Promise((r) => setTimeout(r, Math.random() * Math.min(400, 20 * 2 ** attempt)));
    }
  }

  /** As `send`, and the answer must have `status`. */
  async expect<T = Record<string, unknown>>(
    status: number,
    method: 'GET' | 'POST',
    path: string,
    opts: { token?: string; body?: unknown; key?: string } = {},
  ): Promise<T> {
    const answer = await this.send(method, path, opts);
    if (answer.status !== status) {
      throw new Error(`${method} ${path}: expected ${status}, got ${answer.status} ${JSON.stringify(answer.body)}`);
    }
    return answer.body as T;
  }

  /** How many calls failed and were sent again, by what they met. */
  tally(): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const f of this.failures) counts[f.what] = (counts[f.what] ?? 0) + 1;
    return counts;
  }
}

function parse(text: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === 'object' ? (value as Record<string, unknown>) : { value };
  } catch {
    return { text: text.slice(0, 200) };
  }
}
