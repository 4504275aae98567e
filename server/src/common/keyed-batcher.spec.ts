import { KeyedBatcher } from './keyed-batcher';

describe('KeyedBatcher', () => {
  /** A batcher that records each batch it runs and answers each item doubled. */
  function recording(maxSize = 10) {
    const runs: { key: string; items: number[] }[] = [];
    const batcher = new KeyedBatcher<number, number>(async (key, items) => {
      runs.push({ key, items: [...items] });
      return items.map((i) => i * 2);
    }, maxSize);
    return { runs, batcher };
  }

  it('runs the calls of one key made in the same turn as one batch, answering each its own result', async () => {
    const { runs, batcher } = recording();
    const answers = await Promise.all([
      batcher.add('a', 1),
      batcher.add('a', 2),
      batcher.add('b', 3),
      batcher.add('a', 4),
    ]);
    expect(answers).toEqual([2, 4, 6, 8]);
    expect(runs).toEqual([
      { key: 'a', items: [1, 2, 4] },
      { key: 'b', items: [3] },
    ]);
  });

  it('starts a new batch for calls made after the batch ran', async () => {
    const { runs, batcher } = recording();
    await batcher.add('a', 1);
    await batcher.add('a', 2);
    expect(runs.map((r) => r.items)).toEqual([[1], [2]]);
  });

  it('holds the calls that arrive while a batch runs and runs them together when it ends', async () => {
    const runs: number[][] = [];
    let release!: () => void;
    const firstRunning = new Promise<void>((resolve) => (release = resolve));
    const batcher = new KeyedBatcher<number, number>(async (_key, items) => {
      runs.push([...items]);
      if (runs.length === 1) await firstRunning;
      return items;
    }, 10);
    const first = batcher.add('a', 1);
    await new Promise((r) => setImmediate(r)); // the first batch is running
    const later = [batcher.add('a', 2), batcher.add('a', 3)];
    await new Promise((r) => setImmediate(r));
    await new Promise((r) => setImmediate(r));
    expect(runs).toEqual([[1]]); // 2 and 3 wait for it
    release();
    expect(await Promise.all([first, ...later])).toEqual([1, 2, 3]);
    expect(runs).toEqual([[1], [2, 3]]);
  });

  it('runs a full batch at once and starts the next', async () => {
    const { runs, batcher } = recording(2);
    const answers = await Promise.all([1, 2, 3, 4, 5].map((i) => batcher.add('a', i)));
    expect(answers).toEqual([2, 4, 6, 8, 10]);
    expect(runs.map((r) => r.items)).toEqual([[1, 2], [3, 4], [5]]);
  });

  it('gives every call of a batch the error when the batch fails', async () => {
    const batcher = new KeyedBatcher<number, number>(() => Promise.reject(new Error('database down')), 10);
    const answers = await Promise.allSettled([batcher.add('a', 1), batcher.add('a', 2)]);
    expect(answers.map((a) => a.status === 'rejected' && (a.reason as Error).message)).toEqual([
      'database down',
      'database down',
    ]);
  });
});
