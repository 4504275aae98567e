import { EventEmitter } from 'node:events';
import { mkdirSync } from 'node:fs';
import type { PGlite } from '@electric-sql/pglite';

/**
 * A stand-in for the `pg` module that TypeORM's Postgres driver loads, backed by one embedded
 * PGlite database.
 *
 * PGlite is a single Postgres session. Two transactions interleaved on one session are not two
 * transactions: the second BEGIN is ignored and each COMMIT ends the other's work (this is how
 * `typeorm-pglite` loses updates). So the pool hands the session to one holder at a time, in
 * arrival order; everybody else waits until the holder releases it. A client used after its
 * release throws, so a leak shows up as an error instead of as silent interleaving.
 */

type QueryCallback = (err: Error | null, result?: PgResult) => void;

export interface PgResult {
  command: string;
  rowCount: number;
  rows: unknown[];
  fields: { name: string; dataTypeID: number }[];
}

interface Waiter {
  grant: () => void;
  reject: (err: Error) => void;
  timer: NodeJS.Timeout;
}

export interface PgliteSessionOptions {
  dataDir: string;
  /** How long a caller waits for the session before failing, so a deadlock is loud. */
  acquireTimeoutMs?: number;
  /**
   * How long a holder may sit between statements before the session is taken back (rolled back
   * and handed on): PostgreSQL's idle_in_transaction_session_timeout for the one session.
   */
  idleLeaseMs?: number;
}

/** One holder's use of the session, shaped like a `pg` client. */
class Lease extends EventEmitter {
  private released = false;
  private revokedAfterMs: number | undefined;
  private idleTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly db: PGlite,
    private readonly onRelease: () => void,
    private readonly idleLeaseMs: number,
  ) {
    super();
    this.waitIdle();
  }

  query(
    sqlOrConfig: string | { text: string; values?: unknown[] },
    paramsOrCallback?: unknown[] | QueryCallback,
    maybeCallback?: QueryCallback,
  ): Promise<PgResult> | void {
    // `pg` also takes {name, text, values}, a prepared statement; PGlite simply runs it.
    const config = typeof sqlOrConfig === 'string' ? { text: sqlOrConfig, values: undefined } : sqlOrConfig;
    const sql = config.text;
    const params = Array.isArray(paramsOrCallback) ? paramsOrCallback : config.values;
    const callback = typeof paramsOrCallback === 'function' ? paramsOrCallback : maybeCallback;
    const promise = this.run(sql, params);
    if (!callback) return promise;
    promise.then(
      (result) => callback(null, result),
      (err: Error) => callback(err),
    );
  }

  release(): void {
    if (this.released) return;
    this.released = true;
    clearTimeout(this.idleTimer);
    this.onRelease();
  }

  private async run(sql: string, params?: unknown[]): Promise<PgResult> {
    if (this.revokedAfterMs !== undefined)
      throw new Error(`PGlite session taken back after ${this.revokedAfterMs} ms idle in a transaction`);
    if (this.released) throw new Error('PGlite session used after it was released');
    clearTimeout(this.idleTimer);
    try {
      if (params && params.length > 0) return toPgResult(await this.db.query(sql, params));
      // Without parameters a statement may hold several commands (migrations do): use the simple
      // protocol, as `pg` does, and answer with the last command's result.
      const results = await this.db.exec(sql);
      return toPgResult(results[results.length - 1]);
    } finally {
      this.waitIdle();
    }
  }

  /** A holder that sits idle too long loses the session: its transaction is rolled back. */
  private waitIdle(): void {
    if (this.released || this.idleLeaseMs <= 0) return;
    this.idleTimer = setTimeout(() => {
      this.revokedAfterMs = this.idleLeaseMs;
      this.released = true;
      this.db
        .exec('ROLLBACK')
        .catch(() => undefined)
        .finally(() => this.onRelease());
    }, this.idleLeaseMs);
    this.idleTimer.unref();
  }
}

function toPgResult(
  result:
    | {
        rows: unknown[];
        fields: { name: string; dataTypeID: number }[];
        command?: string;
        rowCount?: number;
        affectedRows?: number;
      }
    | undefined,
): PgResult {
  if (!result) return { command: '', rowCount: 0, rows: [], fields: [] };
  return {
    command: result.command ?? '',
    rowCount: result.rowCount ?? result.affectedRows ?? result.rows.length,
    rows: result.rows,
    fields: result.fields,
  };
}

export class PgliteSessionPool extends EventEmitter {
  private db: Promise<PGlite> | undefined;
  private holder: Lease | undefined;
  private readonly waiters: Waiter[] = [];
  private readonly acquireTimeoutMs: number;
  private readonly idleLeaseMs: number;

  constructor(private readonly options: PgliteSessionOptions) {
    super();
    this.acquireTimeoutMs = options.acquireTimeoutMs ?? 60_000;
    this.idleLeaseMs = options.idleLeaseMs ?? 0;
  }

  /** `pg.Pool#connect`, in both its callback and promise forms. */
  connect(callback?: (err: Error | null, client?: Lease, release?: () => void) => void): Promise<Lease> | void {
    const promise = this.acquire();
    if (!callback) return promise;
    promise.then(
      (lease) => callback(null, lease, () => lease.release()),
      (err: Error) => callback(err),
    );
  }

  /** `pg.Pool#query`: one statement on a short lease. */
  async query(sql: string, params?: unknown[]): Promise<PgResult> {
    const lease = await this.acquire();
    try {
      return (await lease.query(sql, params)) as PgResult;
    } finally {
      lease.release();
    }
  }

  end(callback?: (err?: Error) => void): Promise<void> | void {
    const promise = this.close();
    if (!callback) return promise;
    promise.then(() => callback(), callback);
  }

  get waitingCount(): number {
    return this.waiters.length;
  }

  private async close(): Promise<void> {
    for (const waiter of this.waiters.splice(0)) {
      clearTimeout(waiter.timer);
      waiter.reject(new Error('PGlite pool closed'));
    }
    if (this.db) {
      const db = await this.db;
      this.db = undefined;
      await db.close();
    }
  }

  private database(): Promise<PGlite> {
    if (!this.db) {
      const { dataDir } = this.options;
      if (!dataDir.startsWith('memory://')) mkdirSync(dataDir, { recursive: true });
      this.db = import('@electric-sql/pglite').then(({ PGlite }) => PGlite.create(dataDir));
    }
    return this.db;
  }

  private async acquire(): Promise<Lease> {
    const db = await this.database();
    return new Promise<Lease>((resolve, reject) => {
      const grant = (): void => {
        const lease = new Lease(db, () => this.handOver(lease), this.idleLeaseMs);
        this.holder = lease;
        resolve(lease);
      };
      if (!this.holder) return grant();
      const waiter: Waiter = {
        grant,
        reject,
        timer: setTimeout(() => {
          this.waiters.splice(this.waiters.indexOf(waiter), 1);
          reject(new Error(`PGlite session still busy after ${this.acquireTimeoutMs} ms`));
        }, this.acquireTimeoutMs),
      };
      this.waiters.push(waiter);
    });
  }

  private handOver(from: Lease): void {
    if (this.holder !== from) return;
    this.holder = undefined;
    const next = this.waiters.shift();
    if (next) {
      clearTimeout(next.timer);
      next.grant();
    }
  }
}

/** A module object shaped like `pg` as far as TypeORM's driver uses it. */
export function pgliteDriver(options: PgliteSessionOptions): {
  Pool: new () => PgliteSessionPool;
  defaults: Record<string, unknown>;
} {
  return {
    // TypeORM constructs the pool with connection options that mean nothing for PGlite.
    Pool: function Pool() {
      return new PgliteSessionPool(options);
    } as unknown as new () => PgliteSessionPool,
    defaults: {},
  };
}
