/**
 * Gathers the calls for one key and runs them as one batch (red-packet style: a gift's claims in
 * one statement), so a storm of requests for one key costs a few round trips instead of one each.
 * Like a group commit: while a key's batch runs, the calls that arrive wait and go together in its
 * next batch, which starts when the running one ends; an idle key's call waits only until the
 * next turn of the event loop (`setImmediate`). So batches grow with the load by themselves. A
 * batch holds at most `maxSize` calls; a full one runs at once, beside a running one.
 *
 * `run` answers one result per item, in order; if it throws, every call of the batch gets the error.
 */
export class KeyedBatcher<I, O> {
  private readonly open = new Map<string, Batch<I, O>>();
  /** Keys with a batch running: their next batch starts when it ends. */
  private readonly running = new Map<string, number>();

  constructor(
    private readonly run: (key: string, items: I[]) => Promise<O[]>,
    private readonly maxSize: number,
  ) {}

  add(key: string, item: I): Promise<O> {
    let batch = this.open.get(key);
    if (!batch) {
      const created: Batch<I, O> = { items: [], waiters: [] };
      this.open.set(key, created);
      if (!this.running.has(key)) setImmediate(() => this.flush(key, created));
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
    this.running.set(key, (this.running.get(key) ?? 0) + 1);
    void this.run(key, batch.items)
      .then(
        (results) => batch.waiters.forEach((w, i) => w.resolve(results[i])),
        (err: unknown) => batch.waiters.forEach((w) => w.reject(err)),
      )
      .finally(() => {
        const left = (this.running.get(key) ?? 1) - 1;
        if (left > 0) this.running.set(key, left);
        else this.running.delete(key);
        // The calls that arrived meanwhile go now, together.
        const next = this.open.get(key);
        if (next && left === 0) setImmediate(() => this.flush(key, next));
      });
  }
}

interface Batch<I, O> {
  items: I[];
  waiters: { resolve: (value: O) => void; reject: (reason: unknown) => void }[];
}
