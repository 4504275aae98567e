/**
 * The draw of a `lottery` group gift (群送礼): uniform, reproducible and auditable. The server records
 * the seed, the canonical entrant list, the units and the winners, so anyone can recompute the
 * winners, with this file or in any language from the steps below (also in docs/LOTTERY.md).
 *
 * 1. Entrants: each id once, sorted by UTF-16 code unit order (JavaScript's `<` on strings); a
 *    duplicate id is an error. n = their count, k = min(units, n). When k = n (everyone wins, and
 *    also when n = 0) the winners are that sorted list and no random number is drawn.
 * 2. PRNG: sfc32, Chris Doty-Humphrey's Small Fast Counting generator (32-bit, shifts 21/9/3) from
 *    PractRand (https://pracrand.sourceforge.net/, src/RNGs/sfc.cpp). State a, b, c, counter; all
 *    arithmetic mod 2^32; one step:
 *      t = a + b + counter; counter = counter + 1; a = b ^ (b >>> 9); b = c + (c << 3);
 *      c = rotl(c, 21) + t; output t
 * 3. Seed to state: the seed is 64 lowercase hex digits (256 bits), read as eight big-endian 32-bit
 *    words w0..w7 (w0 = the first 8 digits). a = w0 ^ w4, b = w1 ^ w5, c = w2 ^ w6,
 *    counter = w3 ^ w7, so every bit of the seed counts. Then discard 12 outputs, as PractRand's own
 *    sfc32 seeding does.
 * 4. uniform(m), 1 <= m <= n, without modulo bias: limit = 2^32 - (2^32 mod m); take outputs until
 *    one x < limit; return x mod m.
 * 5. Partial Fisher–Yates on the sorted list: for i = 0 .. k-1, j = i + uniform(n - i), swap a[i]
 *    and a[j]. The winners are a[0..k) in that order (a[0] was drawn first).
 *
 * sfc32 is not a cryptographic generator and need not be: fairness rests on the seed, which the
 * server takes from a CSPRNG when the draw runs, after entries have closed.
 */

/** A lottery seed: 256 bits as 64 lowercase hex digits. */
export const LOTTERY_SEED_PATTERN = /^[0-9a-f]{64}$/;

const TWO_POW_32 = 0x1_0000_0000;
const DISCARDED_OUTPUTS = 12;

/** sfc32 seeded from a lottery seed (steps 2–3); each call returns the next unsigned 32-bit output. */
export function createPrng(seed: string): () => number {
  if (typeof seed !== 'string' || !LOTTERY_SEED_PATTERN.test(seed)) {
    throw new RangeError(`lottery seed must be 64 lowercase hex digits, got ${JSON.stringify(seed)}`);
  }
  const word = (i: number): number => parseInt(seed.slice(8 * i, 8 * i + 8), 16);
  let a = (word(0) ^ word(4)) >>> 0;
  let b = (word(1) ^ word(5)) >>> 0;
  let c = (word(2) ^ word(6)) >>> 0;
  let counter = (word(3) ^ word(7)) >>> 0;
  const next = (): number => {
    const t = (a + b + counter) >>> 0;
    counter = (counter + 1) >>> 0;
    a = (b ^ (b >>> 9)) >>> 0;
    b = (c + (c << 3)) >>> 0;
    c = (((c << 21) | (c >>> 11)) + t) >>> 0;
    return t;
  };
  for (let i = 0; i < DISCARDED_OUTPUTS; i++) next();
  return next;
}

/** A uniform integer in [0, m) (step 4): rejection keeps every residue equally likely. */
function uniform(next: () => number, m: number): number {
  const limit = TWO_POW_32 - (TWO_POW_32 % m);
  let x = next();
  while (x >= limit) x = next();
  return x % m;
}

/** The entrant list as the draw uses it: unique ids sorted by UTF-16 code unit order (plain `<`). */
export function canonicalEntrants(entrantIds: readonly string[]): string[] {
  const sorted = [...entrantIds].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i] === sorted[i - 1]) throw new RangeError(`lottery entrant ${sorted[i]} is listed twice`);
  }
  return sorted;
}

/** Picks min(units, entrants) winners uniformly at random without replacement. */
export function drawWinners(seed: string, entrantIds: readonly string[], units: number): string[] {
  if (!Number.isSafeInteger(units) || units < 1) {
    throw new RangeError(`lottery units must be a positive whole number, got ${units}`);
  }
  const next = createPrng(seed); // validates the seed even when nothing is drawn
  const pool = canonicalEntrants(entrantIds);
  const n = pool.length;
  const k = Math.min(units, n);
  if (k === n) return pool;
  for (let i = 0; i < k; i++) {
    const j = i + uniform(next, n - i);
    [pool[i], pool[j]] = [pool[j], pool[i]];
  }
  return pool.slice(0, k);
}
