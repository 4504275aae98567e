import { applyBps, BPS_DENOMINATOR, divideRoundHalfUp, formatFen, isFen } from './money';

const MAX = Number.MAX_SAFE_INTEGER; // 9_007_199_254_740_991

describe('formatFen', () => {
  it.each([
    [0, '¥0.00'],
    [1, '¥0.01'],
    [10, '¥0.10'],
    [99, '¥0.99'],
    [100, '¥1.00'],
    [105, '¥1.05'],
    [99_999, '¥999.99'],
    [100_000, '¥1,000.00'],
    [123_456, '¥1,234.56'],
    [1_000_000, '¥10,000.00'],
    [100_000_000, '¥1,000,000.00'],
    [MAX, '¥90,071,992,547,409.91'],
  ])('formats %p fen as %p', (fen, expected) => {
    expect(formatFen(fen)).toBe(expected);
  });

  it.each([
    [-1, '-¥0.01'],
    [-300, '-¥3.00'],
    [-123_456, '-¥1,234.56'],
  ])('puts the sign of negative %p in front of the symbol: %p', (fen, expected) => {
    expect(formatFen(fen)).toBe(expected);
  });

  it('formats -0 without a sign', () => {
    expect(formatFen(-0)).toBe('¥0.00');
  });

  it.each([
    [0, '0.00'],
    [123_456, '1,234.56'],
    [-300, '-3.00'],
  ])('omits the symbol with { symbol: false }: %p → %p', (fen, expected) => {
    expect(formatFen(fen, { symbol: false })).toBe(expected);
  });

  it('keeps the symbol with { symbol: true } and with empty options', () => {
    expect(formatFen(500, { symbol: true })).toBe('¥5.00');
    expect(formatFen(500, {})).toBe('¥5.00');
  });

  it.each([[1.5], [0.01], [-2.5], [NaN], [Infinity], [-Infinity], [MAX + 1]])(
    'throws RangeError for %p (not a whole, safe number of fen)',
    (fen) => {
      expect(() => formatFen(fen)).toThrow(RangeError);
    },
  );
});

describe('isFen', () => {
  it.each([[0], [1], [100], [123_456], [MAX]])('accepts %p', (value) => {
    expect(isFen(value)).toBe(true);
  });

  it.each([[-1], [0.5], [1.000001], [NaN], [Infinity], [MAX + 1], ['100'], [null], [undefined], [100n], [{}]])(
    'rejects %p',
    (value) => {
      expect(isFen(value)).toBe(false);
    },
  );
});

describe('divideRoundHalfUp', () => {
  it.each([
    [0, 7, 0],
    [10, 5, 2],
    [4, 10, 0],
    [5, 10, 1], // exact half rounds up
    [14, 10, 1],
    [15, 10, 2], // exact half rounds up
    [16, 10, 2],
    [25, 10, 3], // half-up, not banker's rounding (which would give 2)
    [1, 3, 0],
    [2, 3, 1],
    [7, 1, 7],
  ])('%p / %p → %p', (numerator, denominator, expected) => {
    expect(divideRoundHalfUp(numerator, denominator)).toBe(expected);
  });

  it.each([
    [MAX, 1, 9_007_199_254_740_991],
    [MAX, 2, 4_503_599_627_370_496], // …495.5 → up
    [MAX, 3, 3_002_399_751_580_330], // …330.33; Math.round(MAX / 3) gives …331
    [MAX, 7, 1_286_742_750_677_284], // …284.43; Math.round(MAX / 7) gives …285
    [MAX, 10, 900_719_925_474_099], // …099.1
  ])('stays exact for a huge numerator: %p / %p → %p', (numerator, denominator, expected) => {
    expect(divideRoundHalfUp(numerator, denominator)).toBe(expected);
  });

  it.each([
    ['negative numerator', -1, 10],
    ['fractional numerator', 1.5, 10],
    ['NaN numerator', NaN, 10],
    ['unsafe numerator', MAX + 1, 10],
    ['zero denominator', 10, 0],
    ['negative denominator', 10, -2],
    ['fractional denominator', 10, 2.5],
    ['infinite denominator', 10, Infinity],
  ])('throws RangeError for a %s', (_label, numerator, denominator) => {
    expect(() => divideRoundHalfUp(numerator, denominator)).toThrow(RangeError);
  });
});

describe('applyBps', () => {
  it('uses 10,000 basis points for 100%', () => {
    expect(BPS_DENOMINATOR).toBe(10_000);
  });

  it.each([
    [1, 500, 0], // 0.05 → 0
    [10, 500, 1], // 0.5 → 1
    [29, 500, 1], // 1.45 → 1
    [30, 500, 2], // 1.5 → 2
    [2, 250, 0], // 0.05 → 0
    [20, 250, 1], // 0.5 → 1
    [50, 100, 1], // 0.5 → 1
    [49, 100, 0], // 0.49 → 0
    [10_000, 500, 500],
    [123_456, 500, 6_173], // 6172.8 → 6173
    [123_456, 250, 3_086], // 3086.4 → 3086
  ])('%p fen at %p bps → %p fen', (amount, rate, expected) => {
    expect(applyBps(amount, rate)).toBe(expected);
  });

  it.each([[0], [1], [12_345], [MAX]])('10,000 bps is the identity: %p', (amount) => {
    expect(applyBps(amount, 10_000)).toBe(amount);
  });

  it.each([[0], [1], [12_345], [MAX]])('0 bps is always 0 fen: %p', (amount) => {
    expect(applyBps(amount, 0)).toBe(0);
  });

  it('0 fen is 0 at any rate', () => {
    expect(applyBps(0, 500)).toBe(0);
  });

  it.each([
    [MAX, 500, 450_359_962_737_050], // 450359962737049.55 → up
    [9_007_199_254_740_969, 500, 450_359_962_737_048], // …048.45; float maths gives …049
    [9_007_199_254_740_983, 300, 270_215_977_642_229], // …229.49; float maths gives …230
  ])('is exact (BigInt) for huge amounts: %p fen at %p bps → %p', (amount, rate, expected) => {
    expect(applyBps(amount, rate)).toBe(expected);
  });

  it.each([
    ['negative amount', -1, 500],
    ['fractional amount', 10.5, 500],
    ['NaN amount', NaN, 500],
    ['infinite amount', Infinity, 500],
    ['unsafe amount', MAX + 1, 500],
    ['negative rate', 100, -1],
    ['fractional rate', 100, 2.5],
    ['NaN rate', 100, NaN],
    ['rate over 100%', 100, 10_001],
  ])('throws RangeError for a %s', (_label, amount, rate) => {
    expect(() => applyBps(amount, rate)).toThrow(RangeError);
  });
});
