import { createHash } from 'node:crypto';
import { DataSource, EntityManager, EntityTarget, ObjectLiteral, QueryFailedError } from 'typeorm';

interface PgConnection {
  query(config: {
    name?: string;
    text: string;
    values: unknown[];
  }): Promise<{ rows: unknown[]; rowCount: number | null }>;
}

const unnamed = new WeakSet<DataSource>();

/** PostgreSQL keeps 63 bytes of a name: longer ones are replaced by a digest of themselves. */
function statementName(name: string): string {
  return Buffer.byteLength(name) <= 63 ? name : `h_${createHash('sha1').update(name).digest('hex')}`;
}

/**
 * DB_PREPARED_STATEMENTS=off runs every statement unnamed: for a pooler in transaction mode
 * (PgBouncer before 1.21 cannot keep a prepared statement across transactions).
 */
export function usePreparedStatements(db: DataSource, enabled: boolean): void {
  if (enabled) unnamed.delete(db);
  else unnamed.add(db);
}

/**
 * A statement of a hot path (checkout, pay, claim), prepared once per connection under `name`:
 * PostgreSQL parses and plans it once rather than on every call, and the client sends no Parse
 * message; on this machine that halves the cost of a short statement on both sides (see
 * docs/BENCHMARKS.md). In a transaction it runs on the transaction's connection, otherwise on a
 * pooled connection of its own. A name always stands for the same text (pg refuses otherwise).
 *
 * Only for statements whose plan does not depend on their values: a prepared statement may
 * switch to a generic plan after five runs.
 */
export async function prepared<T = Record<string, unknown>>(
  manager: EntityManager,
  name: string,
  text: string,
  values: unknown[],
): Promise<{ rows: T[]; rowCount: number }> {
  const query = unnamed.has(manager.connection) ? { text, values } : { name: statementName(name), text, values };
  const run = async (connection: PgConnection) => {
    try {
      const { rows, rowCount } = await connection.query(query);
      return { rows: rows as T[], rowCount: rowCount ?? 0 };
    } catch (err) {
      // As TypeORM's own queries fail, so the error filter and the retries read it the same way.
      throw err instanceof Error && 'code' in err ? new QueryFailedError(text, values, err) : err;
    }
  };
  if (manager.queryRunner) return run((await manager.queryRunner.connect()) as PgConnection);
  const runner = manager.connection.createQueryRunner();
  try {
    return await run((await runner.connect()) as PgConnection);
  } finally {
    await runner.release();
  }
}

const selectLists = new WeakMap<object, string>();

/** The entity's columns as a select list (`buyer_id AS "buyerId", ...`): raw rows named as its properties. */
export function columnsOf(manager: EntityManager, entity: EntityTarget<ObjectLiteral>): string {
  const metadata = manager.connection.getMetadata(entity);
  let list = selectLists.get(metadata);
  if (!list) {
    list = metadata.columns.map((c) => `"${c.databaseName}" AS "${c.propertyName}"`).join(', ');
    selectLists.set(metadata, list);
  }
  return list;
}

/** A raw row named as the entity's properties, as an instance of the entity. */
export function asEntity<E extends ObjectLiteral>(manager: EntityManager, entity: EntityTarget<E>, row: object): E {
  const target = manager.connection.getMetadata(entity).target as new () => E;
  return Object.assign(new target(), row);
}
