/**
 * Listing compliance: absolute claims (极限词) that advertising rules forbid in titles and
 * descriptions. Matching is case-insensitive for Latin phrases; the longest phrase found is the
 * one named, so "全网最低价" is reported rather than the "最低价" inside it.
 */
export const BANNED_CLAIMS: readonly string[] = [
  '全网最低价',
  '最低价',
  '最便宜',
  '全网第一',
  '销量第一',
  '第一',
  '最佳',
  '最好',
  '最高级',
  '最先进',
  '顶级',
  '极品',
  '国家级',
  '独一无二',
  '史上最',
  '绝对',
  '100%有效',
  '万能',
  'No.1',
  'lowest price',
  'cheapest',
];

const BY_LENGTH = [...BANNED_CLAIMS].sort((a, b) => b.length - a.length);

/** The banned phrase in `text`, or null when there is none. */
export function findBannedClaim(text: string): string | null {
  const haystack = text.toLowerCase();
  for (const phrase of BY_LENGTH) {
    if (haystack.includes(phrase.toLowerCase())) return phrase;
  }
  return null;
}
