import fc from 'fast-check';

/**
 * Hostile values for the fuzz suite: wrong types, NUL and other control characters, huge and odd
 * numbers, huge strings and arrays, deep nesting and odd Unicode.
 */

const CONTROLS = [...Array(32).keys(), 0x7f, 0x85, 0x9f].map((c) => String.fromCharCode(c));

export const oddStrings = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\u202e\u200f反向',
  '\u200b\ufeff',
  'e\u0301\u0301\u0301',
  '🍵👨‍👩‍👧‍👦',
  '\ud800',
  'x\udfffy',
  'NaN',
  'Infinity',
  '-0',
  '1e308',
  '9223372036854775808',
  '-9223372036854775809',
  '0x10',
  'true',
  'null',
  '__proto__',
  'constructor',
  "'; DROP TABLE users; --",
  '%00',
  '../../etc/passwd',
  '2026-02-30T25:61:00Z',
  '+275760-09-13T00:00:00.001Z',
  '00000000-0000-0000-0000-000000000000',
  'щ'.repeat(3000),
  '好'.repeat(5000),
  'x'.repeat(100_000),
];

export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...oddStrings) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: fc.constantFrom(...CONTROLS, 'a', '好'), minLength: 1, maxLength: 10 }) },
  // NUL, the one PostgreSQL cannot store, somewhere in an ordinary text.
  {
    weight: 2,
    arbitrary: fc.tuple(fc.string({ maxLength: 6 }), fc.string({ maxLength: 6 })).map(([a, b]) => `${a}\u0000${b}`),
  },
);

export const hostileNumber: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(
    1e308,
    -1e308,
    -0,
    0,
    0.5,
    -1,
    2 ** 31,
    2 ** 53 + 2,
    2 ** 63,
    -(2 ** 63),
    2 ** 64,
    5e-324,
    1_000_000_001,
  ),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

const nest = (depth: number): unknown => {
  let value: unknown = {};
  for (let i = 0; i < depth; i++) value = i % 2 ? [value] : { a: value };
  return value;
};

export const hostileValue: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { weight: 4, arbitrary: hostileString },
    { weight: 3, arbitrary: hostileNumber },
    { weight: 1, arbitrary: fc.boolean() },
    { weight: 1, arbitrary: fc.constant(null) },
    { weight: 1, arbitrary: fc.array(tie('value'), { maxLength: 4 }) },
    { weight: 1, arbitrary: fc.dictionary(hostileString, tie('value'), { maxKeys: 4 }) },
    { weight: 1, arbitrary: fc.integer({ min: 20, max: 40 }).map(nest) },
    { weight: 1, arbitrary: fc.constantFrom(Array(5_000).fill(1), Array(300).fill('好')) },
  ),
})).value;

/** A text a header may carry (Node refuses to send others): printable ASCII and Latin-1, odd lengths. */
export const headerText: fc.Arbitrary<string> = fc.oneof(
  fc.string({
    unit: fc
      .integer({ min: 0x20, max: 0xff })
      .filter((c) => c !== 0x7f)
      .map((c) => String.fromCharCode(c)),
    maxLength: 80,
  }),
  fc.constantFrom('', 'x'.repeat(5_000), 'Bearer ', 'Bearer null', '\t'),
);
