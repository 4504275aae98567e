import { EntityManager } from 'typeorm';

/**
 * Work deferred to the end of a transaction, just before it commits, for statements that lock a
 * row every transaction of a kind needs (a hot SKU's stock, a shop's GMV counter): taken last,
 * such a lock is held for a statement and the commit instead of for the whole transaction, so
 * those transactions queue on it for a moment rather than for their whole length.
 *
 * `withDeferred` opens a scope on the transaction's connection (runInTransaction and each job's
 * savepoint open one); `deferToEnd` adds to the innermost scope, or runs at once when there is
 * none. Deferred work runs in the order it was deferred; if it throws, the transaction rolls
 * back as if the work had thrown.
 */
const scopes = new WeakMap<object, (() => Promise<void>)[][]>();

export async function withDeferred<T>(tx: EntityManager, work: (tx: EntityManager) => Promise<T>): Promise<T> {
  const key = connectionOf(tx);
  const stack = scopes.get(key) ?? [];
  const deferred: (() => Promise<void>)[] = [];
  stack.push(deferred);
  scopes.set(key, stack);
  try {
    const result = await work(tx);
    for (let next = deferred.shift(); next; next = deferred.shift()) await next();
    return result;
  } finally {
    stack.pop();
    if (stack.length === 0) scopes.delete(key);
  }
}

export async function deferToEnd(tx: EntityManager, work: () => Promise<void>): Promise<void> {
  const stack = scopes.get(connectionOf(tx));
  if (stack && stack.length > 0) stack[stack.length - 1].push(work);
  else await work();
}

function connectionOf(tx: EntityManager): object {
  if (!tx.queryRunner) throw new Error('deferToEnd needs a transaction');
  return tx.queryRunner;
}
