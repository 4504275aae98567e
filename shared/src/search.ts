/**
 * 搜一搜: tokenizing for the full-text index, and the ranking formula as data.
 *
 * Chinese has no spaces, so a run of Han characters is indexed as its single characters and its
 * overlapping pairs (茶叶礼盒 → 茶 叶 礼 盒 茶叶 叶礼 礼盒); other letters and digits form words,
 * lowercased. A query asks for every one of its parts: a lone Han character as itself, a longer
 * run as its pairs (so 礼盒 finds 礼盒, not 礼 or 盒 alone), a word as a prefix (tea finds teapot).
 */

const SEGMENT = /\p{Script=Han}+|(?:(?!\p{Script=Han})[\p{L}\p{N}])+/gu;
const HAN = /^\p{Script=Han}/u;

export const SEARCH_RULES = {
  /**
   * Longest lexeme, in bytes of UTF-8: PostgreSQL refuses a tsvector word of 2,047 bytes or more
   * ("word is too long"), so a longer word is indexed and searched as its first bytes.
   */
  maxLexemeBytes: 255,
  /** Longest query, counted in code points. */
  maxQueryLength: 50,
  maxLimit: 50,
  defaultLimit: 20,
  maxOffset: 1_000,
} as const;

function segments(text: string): string[] {
  return text.match(SEGMENT) ?? [];
}

function chars(run: string): string[] {
  return Array.from(run);
}

function pairs(run: string): string[] {
  const c = chars(run);
  return c.slice(1).map((ch, i) => c[i] + ch);
}

/** How many bytes a code point takes in UTF-8 (no TextEncoder: this runs in every client too). */
function utf8Bytes(ch: string): number {
  const cp = ch.codePointAt(0) ?? 0;
  return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
}

/** The token cut to at most `maxLexemeBytes` of UTF-8, at a character boundary. */
export function capLexeme(token: string): string {
  // One UTF-16 unit is at most 3 bytes of UTF-8 (a 4-byte code point is two units): most tokens need no counting.
  if (token.length * 3 <= SEARCH_RULES.maxLexemeBytes) return token;
  let bytes = 0;
  let kept = '';
  for (const ch of token) {
    bytes += utf8Bytes(ch);
    if (bytes > SEARCH_RULES.maxLexemeBytes) break;
    kept += ch;
  }
  return kept;
}

/** The tokens a text is indexed under, in order (duplicates kept: positions matter for ranking). */
export function indexTokens(text: string): string[] {
  return segments(text).flatMap((s) => (HAN.test(s) ? [...chars(s), ...pairs(s)] : [capLexeme(s.toLowerCase())]));
}

export type SearchWeight = 'A' | 'B' | 'C' | 'D';

/** PostgreSQL caps positions at 16,383. */
const MAX_POSITION = 16_383;

function lexeme(token: string): string {
  return `'${token.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}

/**
 * A `tsvector` literal for fields of different weight (title A, shop name B, description C):
 * built here, not by a PostgreSQL text-search parser, so Chinese is tokenized the same way for
 * the index and for queries.
 */
export function toTsvectorLiteral(fields: { text: string; weight: SearchWeight }[]): string {
  const positions = new Map<string, string[]>();
  let position = 0;
  for (const field of fields) {
    for (const token of indexTokens(field.text)) {
      position = Math.min(position + 1, MAX_POSITION);
      const list = positions.get(token) ?? [];
      list.push(`${position}${field.weight}`);
      positions.set(token, list);
    }
  }
  return [...positions].map(([token, at]) => `${lexeme(token)}:${at.join(',')}`).join(' ');
}

export type SearchQuery = { ok: true; tokens: string[]; tsquery: string } | { ok: false; problem: string };

/** Parses a shopper's query; a problem names what is wrong with it. */
export function parseSearchQuery(q: string | undefined): SearchQuery {
  const text = (q ?? '').trim();
  if (text.length === 0) return { ok: false, problem: 'q must not be empty' };
  if (chars(text).length > SEARCH_RULES.maxQueryLength) {
    return { ok: false, problem: `q must be at most ${SEARCH_RULES.maxQueryLength} characters` };
  }
  const terms = segments(text).flatMap((s) => {
    if (!HAN.test(s)) return [{ token: capLexeme(s.toLowerCase()), prefix: true }];
    const c = chars(s);
    return (c.length === 1 ? c : pairs(s)).map((token) => ({ token, prefix: false }));
  });
  const unique = [...new Map(terms.map((t) => [t.token, t])).values()];
  if (unique.length === 0)
    return { ok: false, problem: 'q has no letters, digits or Chinese characters to search for' };
  return {
    ok: true,
    tokens: unique.map((t) => t.token),
    tsquery: unique.map((t) => `${lexeme(t.token)}${t.prefix ? ':*' : ''}`).join(' & '),
  };
}

/**
 * The ranking: score = relevance × (1 + boost).
 *
 * relevance is PostgreSQL's `ts_rank` over the weighted index (title A 1.0, shop name B 0.4,
 * description C 0.2). The boost is the decayed sales signal times a conversion factor:
 *
 *   sales = min(5, Σ product weight × signal) + min(1, Σ shop weight × signal)
 *           (every signal halves every 7 days)
 *   boost = sales × (1 + conversionWeight × conversion), conversion = min(1, orders / views)
 *
 * Private-domain sales weigh five times public-domain ones; a product's own sales weigh more than
 * its shop's. The boost is linear in the decayed signals, so with no new sales it halves every
 * half-life. What counts as a sale (see DECISIONS.md): a paid order, not refunded, not bought by
 * the shop's owner, and within a buyer's first `dailyCapPerShop` orders of the day at that shop.
 */
export const SEARCH_RANKING = {
  rankWeights: { D: 0.1, C: 0.2, B: 0.4, A: 1.0 },
  halfLifeMs: 7 * 24 * 3_600_000,
  /** Per decayed order, and per decayed yuan (100 fen) of GMV. */
  weights: {
    productPrivateOrders: 0.2,
    productPrivateGmvYuan: 0.002,
    productPublicOrders: 0.04,
    productPublicGmvYuan: 0.0004,
    shopPrivateOrders: 0.02,
    shopPrivateGmvYuan: 0.0002,
    shopPublicOrders: 0.004,
    shopPublicGmvYuan: 0.00004,
  },
  /**
   * Ceilings of the product's and the shop's part of the sales sum: without them a big shop's GMV
   * would lift every one of its products above better matches from smaller shops. Below them the
   * boost is linear (and halves every half-life); at most it multiplies relevance by
   * 1 + (5 + 1) × 2 = 13.
   */
  caps: { product: 5, shop: 1 },
  conversionWeight: 1,
  /** A buyer's orders at one shop that count per day (Asia/Shanghai calendar day). */
  dailyCapPerShop: 3,
  /** The calendar day of the daily cap: UTC+8. */
  dayOffsetMs: 8 * 3_600_000,
} as const;

export type SearchSignalName = keyof typeof SEARCH_RANKING.weights;

/** The decayed signals of one product and its shop, at the moment of the query. */
export type SearchSignals = Record<SearchSignalName, number> & {
  /** Counted orders of the product (not decayed) and its views: the conversion rate. */
  orders: number;
  views: number;
};

export interface SearchFactor {
  value: number;
  weight: number;
  contribution: number;
}

export interface SearchBoost {
  boost: number;
  sales: number;
  /** The product's and the shop's part of the sales, each before its cap. */
  productSales: number;
  shopSales: number;
  conversion: number;
  factors: Record<SearchSignalName, SearchFactor>;
}

/** `value × 0.5^(age / half-life)`: how much of a signal recorded `ageMs` ago is left. */
export function decayed(value: number, ageMs: number): number {
  return value * Math.pow(0.5, Math.max(0, ageMs) / SEARCH_RANKING.halfLifeMs);
}

export function conversionRate(orders: number, views: number): number {
  return views > 0 ? Math.min(1, orders / views) : 0;
}

export function searchBoost(signals: SearchSignals): SearchBoost {
  const names = Object.keys(SEARCH_RANKING.weights) as SearchSignalName[];
  const factors = Object.fromEntries(
    names.map((name) => {
      const weight = SEARCH_RANKING.weights[name];
      return [name, { value: signals[name], weight, contribution: weight * signals[name] }];
    }),
  ) as Record<SearchSignalName, SearchFactor>;
  const part = (prefix: string) =>
    names.filter((n) => n.startsWith(prefix)).reduce((sum, name) => sum + factors[name].contribution, 0);
  const productSales = part('product');
  const shopSales = part('shop');
  const sales = Math.min(SEARCH_RANKING.caps.product, productSales) + Math.min(SEARCH_RANKING.caps.shop, shopSales);
  const conversion = conversionRate(signals.orders, signals.views);
  return {
    boost: sales * (1 + SEARCH_RANKING.conversionWeight * conversion),
    sales,
    productSales,
    shopSales,
    conversion,
    factors,
  };
}

export function searchScore(relevance: number, boost: number): number {
  return relevance * (1 + boost);
}
