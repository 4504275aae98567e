import { restartDelayMs, workerExecArgv } from './cluster';

describe('the cluster primary', () => {
  it('waits longer before each restart of a worker that keeps dying, up to 30 s', () => {
    expect([1, 2, 3, 4, 5, 6, 7].map(restartDelayMs)).toEqual([1000, 2000, 4000, 8000, 16000, 30000, 30000]);
  });

  it('gives workers smaller heaps unless node was given its own sizes', () => {
    expect(workerExecArgv([])).toEqual(['--max-semi-space-size=4', '--max-old-space-size=128']);
    expect(workerExecArgv(['--max-old-space-size=512'])).toEqual([
      '--max-semi-space-size=4',
      '--max-old-space-size=512',
    ]);
    expect(workerExecArgv([], '--max-semi-space-size=16')).toEqual(['--max-old-space-size=128']);
  });
});
