import { EntityManager, EntityTarget } from 'typeorm';
import { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import { prepared } from '../database/prepared';
import { ConflictError } from './domain-errors';

/**
 * Writes a status change that a transition table allowed, with the fields it sets, only if the row
 * still has the status it was read with; answers the row as it now is (the row read plus what was
 * written: callers hold the row lock, so nothing else changed it). A miss means a bug or a change
 * behind the lock's back, and is a 409 rather than a silent no-op. The update is a prepared
 * statement (one per table and set of fields): transitions are on every hot path.
 */
export async function writeTransition<E extends { id: string; status: unknown }>(
  tx: EntityManager,
  entity: EntityTarget<E>,
  row: E,
  next: E['status'],
  changes: Partial<E>,
  what: string,
): Promise<E> {
  const metadata = tx.connection.getMetadata(entity);
  const set: Record<string, unknown> = { ...changes, status: next };
  const fields = Object.keys(set).filter((k) => set[k] !== undefined);
  const columns = fields.map((k) => {
    const column = metadata.findColumnWithPropertyName(k);
    if (!column) throw new Error(`${metadata.name} has no column ${k}`);
    return column;
  });
  const assignments = columns.map((c, i) => `"${c.databaseName}" = $${i + 1}`).join(', ');
  const { rowCount } = await prepared(
    tx,
    `transition:${metadata.tableName}:${fields.join(',')}`,
    `UPDATE "${metadata.tableName}" SET ${assignments} WHERE id = $${fields.length + 1} AND status = $${fields.length + 2}`,
    [...fields.map((k, i) => toDatabase(columns[i], set[k])), row.id, row.status],
  );
  if (rowCount !== 1) {
    throw new ConflictError(
      `${what.toUpperCase().replace(/ /g, '_')}_CHANGED`,
      `the ${what} changed while it was being updated`,
    );
  }
  return Object.assign(Object.create(Object.getPrototypeOf(row) as object) as E, row, changes, { status: next });
}

/** JSON columns take their value as JSON text (pg would send an array as a PostgreSQL array). */
function toDatabase(column: ColumnMetadata, value: unknown): unknown {
  const json = column.type === 'json' || column.type === 'jsonb';
  return json && value !== null ? JSON.stringify(value) : value;
}
