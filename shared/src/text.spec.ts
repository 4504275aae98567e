import { hasForbiddenControl } from './text';

describe('hasForbiddenControl: no NUL or other control characters in stored text', () => {
  it.each([
    ['NUL', '\u0000'],
    ['bell', '\u0007'],
    ['vertical tab', '\u000b'],
    ['escape', '\u001b'],
    ['unit separator', '\u001f'],
    ['DEL', '\u007f'],
    ['C1 (NEL)', '\u0085'],
    ['C1 (APC)', '\u009f'],
  ])('refuses %s anywhere', (_name, ch) => {
    expect(hasForbiddenControl(`ab${ch}c`)).toBe(true);
    expect(hasForbiddenControl(`ab${ch}c`, true)).toBe(true);
  });

  it('refuses line breaks and tabs in single-line text only', () => {
    for (const ch of ['\n', '\r', '\t']) {
      expect(hasForbiddenControl(`a${ch}b`)).toBe(true);
      expect(hasForbiddenControl(`a${ch}b`, true)).toBe(false);
    }
  });

  it('takes ordinary and odd-but-printable Unicode', () => {
    for (const text of ['明前龙井', 'Pu’er 🍵', '\u200f\u05e9\u05dc\u05d5\u05dd', 'e\u0301', '\u00a0\u00a9', '\ud800'])
      expect(hasForbiddenControl(text)).toBe(false);
  });
});
