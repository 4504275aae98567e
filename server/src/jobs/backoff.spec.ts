import { backoffMs } from './jobs.service';

describe('job retry backoff', () => {
  it.each([
    [1, 1000],
    [2, 2000],
    [3, 4000],
    [10, 512_000],
    [12, 2_048_000],
    [13, 3_600_000],
    [50, 3_600_000],
  ])('after attempt %i waits %i ms', (attempts, ms) => {
    expect(backoffMs(attempts)).toBe(ms);
  });
});
