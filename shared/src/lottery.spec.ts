import { canonicalEntrants, createPrng, drawWinners, LOTTERY_SEED_PATTERN } from './lottery';

/** The worked example of docs/LOTTERY.md (the seed is SHA-256 of "giftshop lottery golden vector"). */
const GOLDEN_SEED = 'd3695d1afdbebee8e9b51c8bd5972b5229d5b27267d6505b0e123cd6c48c2685';
const GOLDEN_ENTRANTS = ['u_erin', 'u_bob', 'u_dave', 'u_alice', 'u_carol'];
const SEED_A = '00112233445566778899aabbccddeeff' + '0f1e2d3c4b5a69788796a5b4c3d2e1f0';

/**
 * An independent, deliberately plain re-implementation of the documented algorithm, in BigInt
 * arithmetic (no `>>> 0` tricks), used to cross-check the module's output.
 */
function referenceDraw(seed: string, entrantIds: string[], units: number): { outputs: bigint[]; winners: string[] } {
  const M = 0xffffffffn;
  const w = (i: number) => BigInt('0x' + seed.slice(8 * i, 8 * i + 8));
  let [a, b, c, counter] = [w(0) ^ w(4), w(1) ^ w(5), w(2) ^ w(6), w(3) ^ w(7)];
  const outputs: bigint[] = [];
  const step = (): bigint => {
    const t = (a + b + counter) & M;
    counter = (counter + 1n) & M;
    a = b ^ (b >> 9n);
    b = (c + (c << 3n)) & M;
    c = ((((c << 21n) | (c >> 11n)) & M) + t) & M;
    outputs.push(t);
    return t;
  };
  for (let i = 0; i < 12; i++) step();
  outputs.length = 0;
  const list = [...new Set(entrantIds)].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
  const k = Math.min(units, list.length);
  if (k === list.length) return { outputs, winners: list };
  for (let i = 0; i < k; i++) {
    const m = BigInt(list.length - i);
    const limit = 2n ** 32n - (2n ** 32n % m);
    let x = step();
    while (x >= limit) x = step();
    const j = i + Number(x % m);
    const held = list[i];
    list[i] = list[j];
    list[j] = held;
  }
  return { outputs, winners: list.slice(0, k) };
}

describe('createPrng (sfc32, for auditing)', () => {
  it('gives the documented first outputs for the golden seed', () => {
    const next = createPrng(GOLDEN_SEED);
    expect([next(), next(), next(), next(), next()]).toEqual([
      1439063354, 3888621728, 2380129133, 442443324, 1585716798,
    ]);
  });

  it('agrees with the BigInt reference for the first 1,000 outputs of another seed', () => {
    const seed = '0123456789abcdef'.repeat(4);
    const next = createPrng(seed);
    const ours = Array.from({ length: 1000 }, () => BigInt(next()));
    // The reference only records the outputs it draws; ask it to shuffle 1,001 entrants fully.
    const ids = Array.from({ length: 1001 }, (_, i) => `e${String(i).padStart(4, '0')}`);
    const ref = referenceDraw(seed, ids, 1000).outputs.slice(0, 1000);
    expect(ours).toEqual(ref);
  });

  it('lets every bit of the seed count (the second half changes the stream)', () => {
    const other = GOLDEN_SEED.slice(0, 63) + (GOLDEN_SEED[63] === '0' ? '1' : '0');
    expect(createPrng(other)()).not.toBe(createPrng(GOLDEN_SEED)());
  });

  it('folds the two halves with XOR, as documented (equal halves give the all-zero state)', () => {
    const swapped = GOLDEN_SEED.slice(32) + GOLDEN_SEED.slice(0, 32);
    expect(createPrng(swapped)()).toBe(createPrng(GOLDEN_SEED)());
    expect(createPrng('a'.repeat(64))()).toBe(createPrng('0'.repeat(64))());
  });
});

describe('drawWinners: the golden vector', () => {
  it('draws u_erin then u_bob', () => {
    expect(drawWinners(GOLDEN_SEED, GOLDEN_ENTRANTS, 2)).toEqual(['u_erin', 'u_bob']);
  });

  it('matches the independent BigInt re-implementation', () => {
    expect(referenceDraw(GOLDEN_SEED, GOLDEN_ENTRANTS, 2).winners).toEqual(['u_erin', 'u_bob']);
  });

  it('matches the hand trace in docs/LOTTERY.md', () => {
    // sorted: [u_alice, u_bob, u_carol, u_dave, u_erin]
    // i = 0: 1439063354 mod 5 = 4, swap 0 and 4 -> [u_erin, u_bob, u_carol, u_dave, u_alice]
    // i = 1: 3888621728 mod 4 = 0, j = 1 -> u_bob stays
    expect(1439063354 % 5).toBe(4);
    expect(3888621728 % 4).toBe(0);
  });

  it('rejects an output that would bias `mod m` and draws again', () => {
    // For m = 100,000, 2^32 mod m = 67,296, so outputs >= 2^32 - 67,296 are rejected. This seed
    // (found by search) starts with one: 4294966374 mod m would give 66374; the next output,
    // 4006701279, gives 1279.
    const seed = '555dd8d2f07aef9b9feeab7684cb6f6e87ef45533139f93af6951b54d7fc3661';
    const next = createPrng(seed);
    expect([next(), next()]).toEqual([4294966374, 4006701279]);
    expect(4294966374).toBeGreaterThanOrEqual(2 ** 32 - (2 ** 32 % 100_000));
    const ids = Array.from({ length: 100_000 }, (_, i) => `e${String(i).padStart(6, '0')}`);
    expect(drawWinners(seed, ids, 1)).toEqual(['e001279']);
    expect(referenceDraw(seed, ids, 1).winners).toEqual(['e001279']);
  });

  it('matches the reference on many seeds, sizes and unit counts', () => {
    for (let s = 0; s < 200; s++) {
      const seed = testSeed(s);
      const n = s % 13;
      const ids = Array.from({ length: n }, (_, i) => `user-${(i * 7919) % 1000}`);
      const units = 1 + (s % 9);
      expect(drawWinners(seed, ids, units)).toEqual(referenceDraw(seed, ids, units).winners);
    }
  });
});

describe('drawWinners: rules', () => {
  it('does not depend on the order of the entrant ids', () => {
    const ids = ['m', 'b', 'x', 'a', 'k', 'q', 'c'];
    const expected = drawWinners(SEED_A, ids, 3);
    expect(drawWinners(SEED_A, [...ids].reverse(), 3)).toEqual(expected);
    expect(drawWinners(SEED_A, [...ids].sort(), 3)).toEqual(expected);
    expect(drawWinners(SEED_A, ['q', 'c', 'a', 'x', 'm', 'k', 'b'], 3)).toEqual(expected);
  });

  it('is deterministic and depends on the seed', () => {
    const ids = Array.from({ length: 50 }, (_, i) => `u${i}`);
    expect(drawWinners(SEED_A, ids, 5)).toEqual(drawWinners(SEED_A, ids, 5));
    expect(drawWinners(GOLDEN_SEED, ids, 5)).not.toEqual(drawWinners(SEED_A, ids, 5));
  });

  it('rejects duplicate entrant ids', () => {
    expect(() => drawWinners(SEED_A, ['a', 'b', 'a'], 1)).toThrow(RangeError);
    expect(() => canonicalEntrants(['a', 'b', 'a'])).toThrow(/a is listed twice/);
  });

  it.each([
    ['uppercase', 'A'.repeat(64)],
    ['63 digits', 'a'.repeat(63)],
    ['65 digits', 'a'.repeat(65)],
    ['not hex', 'g'.repeat(64)],
    ['a 0x prefix', '0x' + 'a'.repeat(62)],
    ['surrounding space', ' ' + 'a'.repeat(63)],
    ['empty', ''],
  ])('rejects a seed with %s', (_label, seed) => {
    expect(() => drawWinners(seed, ['a', 'b'], 1)).toThrow(RangeError);
    expect(() => drawWinners(seed, [], 1)).toThrow(RangeError);
    expect(LOTTERY_SEED_PATTERN.test(seed)).toBe(false);
  });

  it.each([[0], [1.5], [-1], [NaN], [Infinity], [2 ** 53]])('rejects units = %p', (units) => {
    expect(() => drawWinners(SEED_A, ['a', 'b'], units)).toThrow(RangeError);
  });

  it('lets every entrant win, in canonical order, when there are no more entrants than units', () => {
    expect(drawWinners(SEED_A, ['c', 'a', 'b'], 5)).toEqual(['a', 'b', 'c']);
    expect(drawWinners(SEED_A, ['c', 'a', 'b'], 3)).toEqual(['a', 'b', 'c']);
  });

  it('draws nobody from no entrants', () => {
    expect(drawWinners(SEED_A, [], 3)).toEqual([]);
  });

  it('returns min(units, n) distinct winners, all of them entrants', () => {
    for (let s = 0; s < 300; s++) {
      const n = s % 17;
      const units = 1 + ((s * 7) % 20);
      const ids = Array.from({ length: n }, (_, i) => `id-${s}-${i}`);
      const winners = drawWinners(testSeed(s), ids, units);
      expect(winners).toHaveLength(Math.min(units, n));
      expect(new Set(winners).size).toBe(winners.length);
      for (const w of winners) expect(ids).toContain(w);
    }
  });

  it('does not mutate the caller’s list', () => {
    const ids = ['c', 'a', 'b'];
    drawWinners(SEED_A, ids, 1);
    expect(ids).toEqual(['c', 'a', 'b']);
  });
});

describe('canonicalEntrants', () => {
  it('sorts by UTF-16 code unit order, not locale', () => {
    expect(canonicalEntrants(['b', 'B', 'a', 'A', '_', '张三', '10', '9'])).toEqual([
      '10',
      '9',
      'A',
      'B',
      '_',
      'a',
      'b',
      '张三',
    ]);
  });
});

/** A deterministic 64-hex seed per index: murmur3's fmix32 over (index, word) pairs. */
function testSeed(index: number): string {
  const fmix32 = (h: number): number => {
    h ^= h >>> 16;
    h = Math.imul(h, 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
    return h >>> 0;
  };
  let hex = '';
  for (let word = 0; word < 8; word++)
    hex += fmix32(index * 8 + word + 1)
      .toString(16)
      .padStart(8, '0');
  return hex;
}

describe('uniformity (fixed seeds, so deterministic)', () => {
  const DRAWS = 20_000;
  const N = 10;
  const K = 3;
  const P = K / N;
  const CHI2_DF9_P999 = 27.877;
  const ENTRANTS = Array.from({ length: N }, (_, i) => `u${i}`); // already in canonical order

  type Picker = (seed: string) => string[];

  function tally(pick: Picker): { wins: number[]; firsts: number[] } {
    const wins = new Array<number>(N).fill(0);
    const firsts = new Array<number>(N).fill(0);
    for (let d = 0; d < DRAWS; d++) {
      const winners = pick(testSeed(d));
      for (const w of winners) wins[ENTRANTS.indexOf(w)]++;
      firsts[ENTRANTS.indexOf(winners[0])]++;
    }
    return { wins, firsts };
  }

  /**
   * Win counts are not multinomial (each draw gives K distinct winners), so Pearson's statistic
   * would be conservative. Per draw the win indicators have variance p(1-p) and covariance
   * -p(1-p)/(N-1); dividing each squared deviation by DRAWS·p(1-p)·N/(N-1) instead of DRAWS·p makes
   * the statistic chi-square with N-1 degrees of freedom.
   */
  function winsChiSquare(wins: number[]): number {
    const variance = DRAWS * P * (1 - P) * (N / (N - 1));
    return wins.reduce((sum, o) => sum + (o - DRAWS * P) ** 2 / variance, 0);
  }

  /** Pearson's statistic for who is drawn first: a plain multinomial with p = 1/N, df = N-1. */
  function firstsChiSquare(firsts: number[]): number {
    const expected = DRAWS / N;
    return firsts.reduce((sum, o) => sum + (o - expected) ** 2 / expected, 0);
  }

  /** The documented partial Fisher–Yates with a pluggable (possibly broken) uniform(m). */
  function pickerWith(uniform: (next: () => number, m: number) => number): Picker {
    return (seed) => {
      const next = createPrng(seed);
      const a = [...ENTRANTS];
      for (let i = 0; i < K; i++) {
        const j = i + uniform(next, N - i);
        [a[i], a[j]] = [a[j], a[i]];
      }
      return a.slice(0, K);
    };
  }

  let fair: { wins: number[]; firsts: number[] };
  beforeAll(() => {
    fair = tally((seed) => drawWinners(seed, ENTRANTS, K));
  });

  it('uses distinct seeds', () => {
    expect(new Set(Array.from({ length: DRAWS }, (_, d) => testSeed(d))).size).toBe(DRAWS);
  });

  it('gives every entrant a 0.3 chance to win (chi-square, df = 9, below the 0.999 critical value)', () => {
    expect(fair.wins.reduce((s, x) => s + x, 0)).toBe(DRAWS * K);
    expect(winsChiSquare(fair.wins)).toBeLessThan(CHI2_DF9_P999);
    for (const w of fair.wins) expect(Math.abs(w / DRAWS - P)).toBeLessThan(0.02);
  });

  it('draws the first winner uniformly over the entrants (chi-square, df = 9)', () => {
    expect(firstsChiSquare(fair.firsts)).toBeLessThan(CHI2_DF9_P999);
  });

  it('has power: a picker using `% m` on a 4-bit output fails the same checks', () => {
    const biased = tally(pickerWith((next, m) => (next() & 0xf) % m));
    expect(winsChiSquare(biased.wins)).toBeGreaterThan(CHI2_DF9_P999);
    expect(firstsChiSquare(biased.firsts)).toBeGreaterThan(CHI2_DF9_P999);
  });

  it('has power: a picker that favours the lowest id 5% of the time fails the win-count check', () => {
    const uniform = (next: () => number, m: number): number => {
      if (m === N && next() % 100 < 5) return 0;
      return Math.floor((next() / 2 ** 32) * m);
    };
    const biased = tally(pickerWith(uniform));
    expect(winsChiSquare(biased.wins)).toBeGreaterThan(CHI2_DF9_P999);
  });
});
