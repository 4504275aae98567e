import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

/**
 * The benchmark scripts refuse a bad option before they touch anything (no database, no server,
 * no cluster): exit code 2 and a sentence that names the option and what it takes.
 */
const BENCH = join(__dirname, '..', 'bench');

function run(script: string, ...args: string[]): { status: number | null; stderr: string } {
  const r = spawnSync(process.execPath, [join(BENCH, script), ...args], {
    // Nothing from the caller's BENCH_* or CLUSTER_* environment.
    env: { PATH: process.env.PATH, HOME: process.env.HOME, BENCH_DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' },
    encoding: 'utf8',
    timeout: 30_000,
  });
  return { status: r.status, stderr: r.stderr };
}

describe('npm run bench:fleet refuses bad options', () => {
  it.each([
    [['--apps=3,1'], /--apps \(BENCH_APPS\) must be ascending fleet sizes from 1 to 8.*got 3,1/],
    [['--apps=1,9'], /--apps \(BENCH_APPS\) must be ascending fleet sizes from 1 to 8.*got 1,9/],
    [['--apps=1,,2'], /--apps \(BENCH_APPS\) must be ascending/],
    [['--apps=0'], /--apps \(BENCH_APPS\) must be ascending/],
    [['--seconds=0'], /--seconds \(BENCH_SECONDS\) must be an integer from 1 to 600, got 0/],
    [['--seconds=1.5'], /--seconds \(BENCH_SECONDS\) must be an integer/],
    [['--warmup=-1'], /--warmup \(BENCH_WARMUP\) must be an integer from 0 to 60/],
    [['--floor-seconds=2'], /--floor-seconds \(BENCH_FLOOR_SECONDS\) must be 0 \(no floors\) or from 3 to 60, got 2/],
    [
      ['--claimers=100', '--units=200'],
      /--units \(BENCH_UNITS\) must not exceed --claimers \(BENCH_CLAIMERS\): 200 > 100/,
    ],
    [['--pool=0'], /--pool \(BENCH_POOL_SIZE\) must be an integer from 1 to 200/],
    [['--fast'], /unknown argument\(s\): --fast/],
  ])('%j', (args, message) => {
    const r = run('fleet.mjs', ...args);
    expect(r.stderr).toMatch(message);
    expect(r.status).toBe(2);
  });
});

describe('checkout.mjs and claim-storm.mjs aimed at a running server (--url, --database)', () => {
  it.each(['checkout.mjs', 'claim-storm.mjs'])('%s refuses a URL that is not http://host:port', (script) => {
    for (const url of ['ftp://127.0.0.1:3000', 'http://127.0.0.1:3000/api', 'http://u:p@127.0.0.1:3000', 'nonsense']) {
      const r = run(script, `--url=${url}`, '--database=giftshop');
      expect(r.stderr).toContain(`--url (BENCH_URL) must be an http URL such as http://127.0.0.1:3000, got ${url}`);
      expect(r.status).toBe(2);
    }
  });

  it.each(['checkout.mjs', 'claim-storm.mjs'])('%s wants the database with the URL, and only with it', (script) => {
    const noDb = run(script, '--url=http://127.0.0.1:3000');
    expect(noDb.stderr).toMatch(/--url needs --database/);
    expect(noDb.status).toBe(2);
    const noUrl = run(script, '--database=giftshop');
    expect(noUrl.stderr).toMatch(/--database goes with --url/);
    expect(noUrl.status).toBe(2);
    const badName = run(script, '--url=http://127.0.0.1:3000', '--database=Shop-1');
    expect(badName.stderr).toMatch(/--database \(BENCH_DATABASE\) must be a database name of lower-case letters/);
    expect(badName.status).toBe(2);
  });
});
