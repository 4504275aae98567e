import { EntityManager, EntityTarget, FindOptionsWhere, QueryDeepPartialEntity } from 'typeorm';
import { ConflictError } from './domain-errors';

/**
 * Writes a status change that a transition table allowed, with the fields it sets, only if the row
 * still has the status it was read with; answers the row as it now is (the row read plus what was
 * written: callers hold the row lock, so nothing else changed it). A miss means a bug or a change
 * behind the lock's back, and is a 409 rather than a silent no-op.
 */
export async function writeTransition<E extends { id: string; status: unknown }>(
  tx: EntityManager,
  entity: EntityTarget<E>,
  row: E,
  next: E['status'],
  changes: Partial<E>,
  what: string,
): Promise<E> {
  const where = { id: row.id, status: row.status } as FindOptionsWhere<E>;
  const result = await tx.update(entity, where, { ...changes, status: next } as QueryDeepPartialEntity<E>);
  if (result.affected !== 1) {
    throw new ConflictError(
      `${what.toUpperCase().replace(/ /g, '_')}_CHANGED`,
      `the ${what} changed while it was being updated`,
    );
  }
  return Object.assign(Object.create(Object.getPrototypeOf(row) as object) as E, row, changes, { status: next });
}
