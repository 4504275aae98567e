import { EntityManager } from 'typeorm';
import { BOOST_SQL, MATCH_SQL, RELEVANCE_SQL, tierCeiling, TIERS_PER_DOUBLING, tiersQuery } from './search-ranking-sql';

export interface Scored {
  id: string;
  score: number;
}

const HAN = /^\p{Script=Han}/u;
/** Tiers in the first index scan of a part: a quarter of a doubling of (1 + boost); doubled while the page is not full. */
const BAND = 4;
/** Prefixes matching more lexemes than this are left to the index's prefix search, and keep the sum as their bound. */
const MAX_SPELT_LEXEMES = 8;

/** The best `k` matches ($1 query, $2 now, $3 k), best first, ties by id; `match` selects them. */
const bestSql = (match: string) => `
  SELECT p.id, ${RELEVANCE_SQL} * (1 + ${BOOST_SQL}) AS score
    FROM products p
    LEFT JOIN product_search_signals ps ON ps.product_id = p.id
    LEFT JOIN shop_search_signals ss ON ss.shop_id = p.shop_id
   WHERE p.status = 'listed' AND ${match}
   ORDER BY score DESC, p.id
   LIMIT $3`;
/**
 * Of the matches that $4 selects from the index: the query with its prefixes spelt out, some tiers,
 * a part (ts_rank still reads the query itself, $1).
 */
const BAND_SQL = bestSql('search_doc(p.search_vector, p.search_tier) @@ $4::tsquery');
/** Of every match, for when no bound of relevance is known. */
const ALL_SQL = bestSql(MATCH_SQL);

/** Best first; equal scores by id, as PostgreSQL orders uuids (their lowercase text). */
function byRank(a: Scored, b: Scored): number {
  return b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** The token after every token that starts with `prefix`, in code-point (COLLATE "C") order. */
function prefixEnd(prefix: string): string {
  const chars = Array.from(prefix);
  const last = chars.pop()!;
  return chars.join('') + String.fromCodePoint(last.codePointAt(0)! + 1);
}

/** Matches read under one bound of relevance: `filter` (a tsquery, or none) selects them. */
interface Part {
  filter: string | null;
  bound: number;
}

export interface Lexeme {
  lexeme: string;
  max_rank: number;
  max_rank_untitled: number;
}

/** A term of the query, with the indexed lexemes it matches (for a prefix, up to MAX_SPELT_LEXEMES + 1). */
export interface Term {
  token: string;
  prefix: boolean;
  lexemes: Lexeme[];
}

/** A lexeme as a tsquery operand, quoted as shared's parser quotes it; `marker` '^' for the title's. */
function operand(lexeme: string, marker = ''): string {
  return `'${marker}${lexeme.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}

/** Whether the term's lexemes are all known and few: then the index is asked for them by name. */
const spelt = (t: Term) => !t.prefix || t.lexemes.length <= MAX_SPELT_LEXEMES;

/**
 * The term for the index: a prefix spelt out as its lexemes ('tea' | 'teacup' | 'teapot'), the
 * same products as 'tea':* (search_lexemes holds every lexeme ever indexed, in the same
 * snapshot), but read from the index without a prefix scan of its entries.
 */
function indexTerm(t: Term, marker = ''): string {
  if (!spelt(t)) return `${operand(t.token, marker)}:*`;
  if (!t.prefix) return operand(t.token, marker);
  return `(${t.lexemes.map((l) => operand(l.lexeme, marker)).join(' | ')})`;
}

/**
 * The query's matches in parts, each with an upper bound of ts_rank over its products, from
 * search_lexemes (the highest rank each lexeme has had alone, in or out of titles). PostgreSQL's
 * ts_rank (tsrank.c): a query of two or more different terms (`a & b`) is ranked by
 * calc_rank_and, 1 − Π(1 − wᵢ), at most 1 (in float4); a single term by calc_rank_or, the sum over the lexemes
 * it matches (one, or every lexeme with the prefix) of each one's rank alone. So a single term's
 * matches split: those holding two or more of a prefix's lexemes (bound: the sum), then those
 * holding one, in the title ('^茶' in search_doc) or not (bound: that lexeme's, far lower without
 * weight A), so most of them are never read. 1e-6 covers float4 rounding in the sum.
 */
function parts(terms: Term[]): Part[] {
  if (terms.length >= 2) return [{ filter: null, bound: 1 + 1e-6 }];
  const [term] = terms;
  const { lexemes } = term;
  const margin = 1 + 1e-6;
  const sum = (f: (l: Lexeme) => number) => lexemes.reduce((s, l) => s + f(l), 0) * margin;
  const max = (f: (l: Lexeme) => number) => Math.max(...lexemes.map(f)) * margin;
  const inTitle = indexTerm(term, '^');
  if (lexemes.length === 1 || !spelt(term)) {
    return [
      { filter: inTitle, bound: sum((l) => l.max_rank) },
      { filter: `!${inTitle}`, bound: sum((l) => l.max_rank_untitled) },
    ];
  }
  const pairs = lexemes.flatMap((a, i) =>
    lexemes.slice(i + 1).map((b) => `(${operand(a.lexeme)} & ${operand(b.lexeme)})`),
  );
  const several = `(${pairs.join(' | ')})`;
  return [
    { filter: several, bound: sum((l) => l.max_rank) },
    { filter: `!${several} & ${inTitle}`, bound: max((l) => l.max_rank) },
    { filter: `!${several} & !${inTitle}`, bound: max((l) => l.max_rank_untitled) },
  ];
}

/** What a search needs before it reads matches: where tiers start, the terms' lexemes, the catalogue version. */
export interface SearchPlan {
  topTier: number;
  terms: Term[];
  version: string;
}

/**
 * One statement: the highest tier of a listed product, the catalogue version (match-counts.ts),
 * and the lexemes of each term ($1, $2: from, to; an exact term is the range [t, t || chr(1)) in
 * COLLATE "C"); and no sequential scans for the rest of the transaction — every statement of a
 * search is an index lookup, and the planner, unable to estimate a band of tiers (it guesses one
 * row), would otherwise scan the shops' signals once per matching product.
 */
const PLAN_SQL = `
  SELECT set_config('enable_seqscan', 'off', true) AS seqscan,
         (SELECT max(search_tier) FROM products WHERE status = 'listed') AS top,
         (SELECT version::text FROM search_catalog) AS version,
         (SELECT COALESCE(json_agg(x ORDER BY x.i, x.lexeme), '[]'::json) FROM (
            SELECT t.i, l.lexeme, l.max_rank::float8 AS max_rank, l.max_rank_untitled::float8 AS max_rank_untitled
              FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS t(lo, hi, i)
              CROSS JOIN LATERAL (SELECT * FROM search_lexemes l WHERE l.lexeme >= t.lo AND l.lexeme < t.hi
                                   ORDER BY l.lexeme LIMIT ${MAX_SPELT_LEXEMES + 1}) l) x) AS lexemes`;

/** Reads the plan of a search, in its transaction (see PLAN_SQL). */
export async function planSearch(tx: EntityManager, tokens: string[]): Promise<SearchPlan> {
  const prefix = tokens.map((t) => !HAN.test(t));
  const [row]: { top: number | null; version: string; lexemes: (Lexeme & { i: string })[] }[] = await tx.query(
    PLAN_SQL,
    [tokens, tokens.map((t, n) => (prefix[n] ? prefixEnd(t) : `${t}\u0001`))],
  );
  const terms = tokens.map((token, n) => ({
    token,
    prefix: prefix[n],
    lexemes: row.lexemes
      .filter((l) => Number(l.i) === n + 1)
      .map((l) => ({ lexeme: l.lexeme, max_rank: l.max_rank, max_rank_untitled: l.max_rank_untitled })),
  }));
  return { topTier: row.top ?? 0, terms, version: row.version };
}

/**
 * The best `k` matches, exactly as if every match were scored (score desc, id asc), without
 * scoring every match: tiers bound each product's boost (products.search_tier), the lexemes bound
 * relevance, so each part of the matches is read best tier first, and its reading stops once the
 * k-th score so far is above anything its unread tiers could reach (the k-th only rises, so what
 * was left unread stays out of reach). Run it in one REPEATABLE READ transaction: the tiers, the
 * signals and the lexemes must be read as of one moment.
 */
export async function topMatches(
  tx: EntityManager,
  q: { tsquery: string; tokens: string[] },
  plan: SearchPlan,
  now: Date,
  k: number,
): Promise<{ top: Scored[]; bands: number }> {
  const { topTier, terms } = plan;
  // A term never indexed matches nothing; a prefix of very many lexemes has no useful bound alone.
  if (terms.some((t) => t.lexemes.length === 0) || (terms.length === 1 && !spelt(terms[0]))) {
    const all: Scored[] = await tx.query(ALL_SQL, [q.tsquery, now, k]);
    return { top: all, bands: 1 };
  }
  const match = terms.map((t) => indexTerm(t)).join(' & ');
  let top: Scored[] = [];
  let bands = 0;
  const kth = () => (top.length === k ? top[k - 1].score : -Infinity);
  for (const part of parts(terms)) {
    // Strictly above: an unread product with an equal score could come first by its id.
    const reached = (tier: number) => kth() > part.bound * tierCeiling(tier);
    let hi = topTier + 1;
    let width = BAND;
    while (hi > 0 && !reached(hi)) {
      // Down to the lowest tier that may still reach the page, a few tiers at a time: the k-th
      // rises as a band is read, and a band is one index scan.
      const ratio = kth() / part.bound;
      const reach = ratio > 0 && Number.isFinite(ratio) ? Math.floor(TIERS_PER_DOUBLING * Math.log2(ratio)) : 0;
      const lo = Math.min(hi - 1, Math.max(0, reach, hi - width));
      const selects = [match, `(${tiersQuery(lo, hi)})`, ...(part.filter ? [part.filter] : [])].join(' & ');
      const rows: Scored[] = await tx.query(BAND_SQL, [q.tsquery, now, k, selects]);
      bands++;
      top = [...top, ...rows].sort(byRank).slice(0, k);
      if (top.length < k) width *= 2;
      hi = lo;
    }
  }
  return { top, bands };
}
