import { AsyncLocalStorage } from 'node:async_hooks';
import { Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { ServiceUnavailableError } from '../common/domain-errors';

/**
 * Two guards on the connection pool, so that no request can take the whole pool hostage.
 *
 * 1. No second pooled connection inside a transaction. A transaction that asks the pool for
 *    another connection (a repository call or `db.query` instead of `tx`) holds one connection
 *    while it waits for another: enough of them at once and every connection is held by a
 *    transaction waiting for one more, and the server hangs for good. Every transaction callback
 *    runs in an async context marked here; the pool refuses to lend from inside one (outside
 *    production, loudly, so the test suites find every such path; in production it logs).
 * 2. Waiting for a connection is bounded: the pool's own timeout (`DB_ACQUIRE_TIMEOUT_MS`) is
 *    answered 503 with Retry-After instead of a 500, and the request lets go.
 */
const insideTransaction = new AsyncLocalStorage<true>();
const logger = new Logger('ConnectionGuard');

type Transaction = EntityManager['transaction'];
let patched = false;

/** Marks every transaction callback (`manager.transaction`, `dataSource.transaction`). */
function markTransactions(): void {
  if (patched) return;
  patched = true;
  const original = EntityManager.prototype.transaction as (...args: unknown[]) => Promise<unknown>;
  EntityManager.prototype.transaction = function (this: EntityManager, ...args: unknown[]): Promise<unknown> {
    // (work) or (isolationLevel, work); DataSource.transaction passes (work, undefined).
    const at = args.findIndex((a) => typeof a === 'function');
    const work = args[at] as (tx: EntityManager) => Promise<unknown>;
    args[at] = (tx: EntityManager) => insideTransaction.run(true, () => work(tx));
    return original.apply(this, args);
  } as Transaction;
}

export class SecondConnectionError extends Error {
  constructor() {
    super('a transaction asked the pool for a second connection: use its EntityManager (tx) for every query inside it');
  }
}

/** True while the current async context runs inside a transaction callback. */
export function inTransaction(): boolean {
  return insideTransaction.getStore() === true;
}

/** The pool's "no connection came free in time" errors, from `pg-pool` and our PGlite pool. */
export function isAcquireTimeout(err: unknown): boolean {
  return (
    err instanceof Error &&
    (err.message === 'timeout exceeded when trying to connect' || err.message.startsWith('PGlite session still busy'))
  );
}

/**
 * Node's socket errors and PostgreSQL's (or PgBouncer's) answers that mean the database could not
 * be reached or the connection was lost: SQLSTATE class 08 (connection exception), and 57P01-3
 * (the server shutting down or starting).
 */
const LOST_CONNECTION_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', '57P01', '57P02', '57P03']);
const LOST_CONNECTION_MESSAGES = /Connection terminated|connection error and is not queryable/i;

/**
 * The database could not be reached, or the connection to it broke mid-request (PgBouncer or
 * PostgreSQL restarting): an outage, not a bug, answered 503 so clients retry (with their
 * Idempotency-Key: a transaction whose COMMIT was lost may have committed).
 */
export function isConnectionLost(err: unknown): boolean {
  const e = err as { code?: unknown; message?: unknown; driverError?: { code?: unknown; message?: unknown } } | null;
  const code = e?.driverError?.code ?? e?.code;
  if (typeof code === 'string' && (LOST_CONNECTION_CODES.has(code) || code.startsWith('08'))) return true;
  const message = e?.driverError?.message ?? e?.message;
  return typeof message === 'string' && LOST_CONNECTION_MESSAGES.test(message);
}

export function poolBusyError(): ServiceUnavailableError {
  return new ServiceUnavailableError('DATABASE_BUSY', 'the shop is busy: try again in a moment', 1);
}

type ConnectCallback = (err: Error | null, client?: unknown, release?: () => void) => void;
interface ConnectingPool {
  connect(callback?: ConnectCallback): Promise<unknown> | void;
}

/** Installs both guards on an initialised DataSource's pool. */
export function guardPool(dataSource: DataSource, options: { strict: boolean }): void {
  markTransactions();
  const pool = (dataSource.driver as unknown as { master?: ConnectingPool }).master;
  if (!pool) return;
  const connect = pool.connect.bind(pool);
  pool.connect = (callback?: ConnectCallback): Promise<unknown> | void => {
    if (inTransaction()) {
      const err = new SecondConnectionError();
      if (options.strict) {
        if (callback) return callback(err);
        return Promise.reject(err);
      }
      logger.error(err.stack ?? err.message);
    }
    if (!callback) return (connect() as Promise<unknown>).catch((e: unknown) => Promise.reject(mapAcquire(e)));
    return connect((err, client, release) => callback(err ? mapAcquire(err) : null, client, release));
  };
}

function mapAcquire(err: unknown): Error {
  return isAcquireTimeout(err) ? poolBusyError() : (err as Error);
}
