import { EntityManager } from 'typeorm';
import {
  BOOST_SQL,
  MATCH_SQL,
  MAX_TIER,
  RELEVANCE_SQL,
  tierCeiling,
  TIERS_PER_DOUBLING,
  tiersQuery,
} from './search-ranking-sql';

export interface Scored {
  id: string;
  score: number;
}

const HAN = /^\p{Script=Han}/u;
/** Tiers per index scan, at most: a quarter of a doubling of (1 + boost). */
const BAND = 4;

/** The best `k` matches ($1 query, $2 now, $3 k), best first, ties by id; `match` selects them. */
const bestSql = (match: string) => `
  SELECT p.id, ${RELEVANCE_SQL} * (1 + ${BOOST_SQL}) AS score
    FROM products p
    LEFT JOIN product_search_signals ps ON ps.product_id = p.id
    LEFT JOIN shop_search_signals ss ON ss.shop_id = p.shop_id
   WHERE p.status = 'listed' AND ${match}
   ORDER BY score DESC, p.id
   LIMIT $3`;
/** Of the matches in some tiers ($4: a tsquery of them, tiersQuery), read from the index as one query. */
const BAND_SQL = bestSql(MATCH_SQL.replace('$1::tsquery', '($1::tsquery && $4::tsquery)'));
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

/**
 * The query's matches in parts, each with an upper bound of ts_rank over its products, from
 * search_lexemes (the highest rank each lexeme has had alone, in or out of titles); null when a
 * term was never indexed. PostgreSQL's ts_rank (tsrank.c): a query of two or more different terms
 * (`a & b`) is ranked by calc_rank_and, 1 − Π(1 − wᵢ), below 1; a single term by calc_rank_or,
 * the sum over the lexemes it matches (one, or every lexeme with the prefix) of each one's rank
 * alone. A single term's matches split in two: with the term in the title ('^茶' in search_doc)
 * and without, whose bound is far lower (no weight A), so most of them are never read.
 * 1e-6 covers float4 rounding in the sum.
 */
async function parts(tx: EntityManager, q: { tsquery: string; tokens: string[] }): Promise<Part[] | null> {
  if (q.tokens.length >= 2) return [{ filter: null, bound: 1 }];
  const [token] = q.tokens;
  const prefix = !HAN.test(token);
  const [{ titled, untitled }]: { titled: number | null; untitled: number | null }[] = await tx.query(
    `SELECT ${prefix ? 'sum' : 'max'}(max_rank::float8) AS titled, ${prefix ? 'sum' : 'max'}(max_rank_untitled::float8) AS untitled
       FROM search_lexemes WHERE ${prefix ? 'lexeme >= $1 AND lexeme < $2' : 'lexeme = $1'}`,
    prefix ? [token, prefixEnd(token)] : [token],
  );
  if (titled === null || untitled === null) return null;
  // q.tsquery is the one term, quoted: '茶' or 'tea':*; its title lexeme is '^茶' or '^tea':*.
  const inTitle = `'^${q.tsquery.slice(1)}`;
  return [
    { filter: inTitle, bound: titled * (1 + 1e-6) },
    { filter: `!${inTitle}`, bound: untitled * (1 + 1e-6) },
  ];
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
  now: Date,
  k: number,
): Promise<{ top: Scored[]; bands: number }> {
  const split = await parts(tx, q);
  if (split === null) {
    const all: Scored[] = await tx.query(ALL_SQL, [q.tsquery, now, k]);
    return { top: all, bands: 1 };
  }
  let top: Scored[] = [];
  let bands = 0;
  const kth = () => (top.length === k ? top[k - 1].score : -Infinity);
  for (const part of split) {
    // Strictly above: an unread product with an equal score could come first by its id.
    const reached = (tier: number) => kth() > part.bound * tierCeiling(tier);
    let hi = MAX_TIER + 1;
    while (hi > 0 && !reached(hi)) {
      // Down to the lowest tier that may still reach the page, at most a few tiers at a time:
      // the k-th rises as the band is read, and a band is one index scan.
      const ratio = kth() / part.bound;
      const reach = ratio > 0 && Number.isFinite(ratio) ? Math.floor(TIERS_PER_DOUBLING * Math.log2(ratio)) : 0;
      const lo = Math.min(hi - 1, Math.max(0, reach, hi - BAND));
      const tiers = tiersQuery(lo, hi);
      const rows: Scored[] = await tx.query(BAND_SQL, [
        q.tsquery,
        now,
        k,
        part.filter ? `(${tiers}) & ${part.filter}` : tiers,
      ]);
      bands++;
      top = [...top, ...rows].sort(byRank).slice(0, k);
      hi = lo;
    }
  }
  return { top, bands };
}
