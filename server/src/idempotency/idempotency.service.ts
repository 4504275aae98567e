import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { prepared } from '../database/prepared';
import { runInTransaction } from '../database/run-in-transaction';
import { ConflictError, InvalidInputError } from '../common/domain-errors';
import { IdempotencyKey } from './idempotency-key.entity';

const KEY_PATTERN = /^[\x21-\x7e]{1,128}$/;

/** JSON with object keys sorted, so the same request always hashes the same. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

export interface IdempotentCall {
  userId: string;
  scope: string;
  key: string | undefined;
  request: unknown;
}

/** The request's hash; a malformed key is a 400. */
function hashOf(call: IdempotentCall): string {
  if (call.key !== undefined && !KEY_PATTERN.test(call.key)) {
    throw new InvalidInputError('INVALID_IDEMPOTENCY_KEY', 'Idempotency-Key must be 1-128 printable ASCII characters');
  }
  return createHash('sha256').update(canonical(call.request)).digest('hex');
}

function keyReused(): ConflictError {
  return new ConflictError('IDEMPOTENCY_KEY_REUSED', 'Idempotency-Key was already used with a different request');
}

/**
 * Idempotency-Key for writes that move money. The key row is inserted in the same transaction as
 * the work: a concurrent repeat waits on the key's unique index until the first commits, then
 * replays its response. The same key with another request is a 409. A request that fails rolls
 * its key back, so it may be retried.
 */
@Injectable()
export class IdempotencyService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async run<T>(call: IdempotentCall, work: (tx: EntityManager) => Promise<T>): Promise<T> {
    const { userId, scope, key } = call;
    if (key === undefined) return runInTransaction(this.db, work);
    const requestHash = hashOf(call);
    return runInTransaction(this.db, async (tx) => {
      const { rowCount: claimed } = await prepared(
        tx,
        'idempotency.claim',
        `INSERT INTO idempotency_keys (user_id, scope, key, request_hash, status_code, response)
         VALUES ($1, $2, $3, $4, 0, 'null') ON CONFLICT DO NOTHING`,
        [userId, scope, key, requestHash],
      );
      if (claimed === 0) {
        const first = await tx.findOneByOrFail(IdempotencyKey, { userId, scope, key });
        if (first.requestHash !== requestHash) throw keyReused();
        return first.response as T;
      }
      const result = await work(tx);
      await prepared(
        tx,
        'idempotency.store',
        'UPDATE idempotency_keys SET status_code = 200, response = $4 WHERE user_id = $1 AND scope = $2 AND key = $3',
        [userId, scope, key, JSON.stringify(result)],
      );
      return result;
    });
  }

  /**
   * The first response when this key was already used (and committed) with this request, for
   * work that must look before it starts (a call out that should not be made again); a key used
   * with another request is a 409. `run` stays the guard against concurrent repeats.
   */
  async replay<T>(call: IdempotentCall): Promise<{ response: T } | undefined> {
    const { userId, scope, key } = call;
    if (key === undefined) return undefined;
    const requestHash = hashOf(call);
    const {
      rows: [first],
    } = await prepared<Pick<IdempotencyKey, 'requestHash' | 'response'>>(
      this.db.manager,
      'idempotency.replay',
      'SELECT request_hash AS "requestHash", response FROM idempotency_keys WHERE user_id = $1 AND scope = $2 AND key = $3',
      [userId, scope, key],
    );
    if (!first) return undefined;
    if (first.requestHash !== requestHash) throw keyReused();
    return { response: first.response as T };
  }
}
