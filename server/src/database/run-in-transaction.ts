import { setTimeout as sleep } from 'node:timers/promises';
import { DataSource, EntityManager } from 'typeorm';
import { withDeferred } from './before-commit';

/**
 * PostgreSQL's answers that mean "nothing was wrong with the work, it met another transaction;
 * run it again": a deadlock victim (40P01) and a serialization failure (40001). The whole
 * transaction was rolled back, so re-running it from the start is safe for work that reads what
 * it needs inside the transaction.
 */
const TRANSIENT_CODES = new Set(['40P01', '40001']);

export interface RetryOptions {
  /** Runs after the first attempt (default 4, so at most 5 attempts). */
  retries?: number;
  /** The first back-off ceiling in ms, doubled on each retry (default 10). */
  baseDelayMs?: number;
  /** The back-off ceiling never exceeds this (default 250). */
  maxDelayMs?: number;
}

/** One attempt of retried work: `last` is true when no retry follows a transient failure. */
export interface Attempt {
  number: number;
  last: boolean;
}

/** The PostgreSQL SQLSTATE of an error from pg or TypeORM, if it has one. */
export function sqlState(err: unknown): string | undefined {
  const e = err as { code?: unknown; driverError?: { code?: unknown } } | null;
  const code = e?.driverError?.code ?? e?.code;
  return typeof code === 'string' ? code : undefined;
}

export function isTransientDbError(err: unknown): boolean {
  const code = sqlState(err);
  return code !== undefined && TRANSIENT_CODES.has(code);
}

/**
 * Runs `work` again while it fails with a deadlock or serialization failure, up to `retries`
 * times, after a random pause (full jitter on an exponential ceiling, so two transactions that
 * just deadlocked do not meet again in lockstep). Any other error, or the last transient one,
 * is thrown as is: the error filter answers the latter 503 with Retry-After.
 */
export async function withRetries<T>(work: (attempt: Attempt) => Promise<T>, options: RetryOptions = {}): Promise<T> {
  const retries = options.retries ?? 4;
  const base = options.baseDelayMs ?? 10;
  const max = options.maxDelayMs ?? 250;
  for (let number = 1; ; number++) {
    const last = number > retries;
    try {
      return await work({ number, last });
    } catch (err) {
      if (last || !isTransientDbError(err)) throw err;
      await sleep(Math.random() * Math.min(max, base * 2 ** (number - 1)));
    }
  }
}

/**
 * The one place that opens a transaction that may be retried: `work` runs in a fresh transaction
 * on every attempt (the previous one was rolled back whole), so it must not have effects outside
 * the database that a second run would repeat. It takes the DataSource, never a transaction's
 * manager: retrying a savepoint inside a transaction that keeps its locks would meet the same
 * deadlock again. Work deferred to the transaction's end (`deferToEnd`) runs after `work`.
 */
export function runInTransaction<T>(
  db: DataSource,
  work: (tx: EntityManager, attempt: Attempt) => Promise<T>,
  options?: RetryOptions,
): Promise<T> {
  return withRetries((attempt) => db.transaction((tx) => withDeferred(tx, (scoped) => work(scoped, attempt))), options);
}
