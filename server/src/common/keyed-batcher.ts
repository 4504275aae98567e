/**
 * Gathers the calls for one key that arrive in the same turn of the event loop and runs them as
 * one batch (red-packet style: a gift's claims in one statement), so a storm of requests for one
 * key costs a few round trips instead of one each. A call waits at most until the next turn
 * (`setImmediate`); a batch holds at most `maxSize` calls, and a full one runs at once.
 *
 * `run` answers one result per item, in order; if it throws, every call of the batch gets the error.
 */
export class KeyedBatcher<I, O> {
  private readonly open = new Map<string, Batch<I, O>>();

  constructor(
    private readonly run: (key: string, items: I[]) => Promise<O[]>,
    private readonly maxSize: number,
  ) {}

  add(key: string, item: I): Promise<O> {
    let batch = this.open.get(key);
    if (!batch) {
      const created: Batch<I, O> = { items: [], waiters: [] };
      this.open.set(key, created);
      setImmediate(() => this.flush(key, created));
      batch = created;
    }
    const result = new Promise<O>((resolve, reject) => batch.waiters.push({ resolve, reject }));
    batch.items.push(item);
    if (batch.items.length >= this.maxSize) this.flush(key, batch);
    return result;
  }

  private flush(key: string, batch: Batch<I, O>): void {
    if (this.open.get(key) !== batch) return; // already run (it filled up)
    this.open.delete(key);
    void this.run(key, batch.items).then(
      (results) => batch.waiters.forEach((w, i) => w.resolve(results[i])),
      (err: unknown) => batch.waiters.forEach((w) => w.reject(err)),
    );
  }
}

interface Batch<I, O> {
  items: I[];
  waiters: { resolve: (value: O) => void; reject: (reason: unknown) => void }[];
}
