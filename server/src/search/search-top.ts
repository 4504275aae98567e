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

/**
 * An upper bound of ts_rank for the query over every product, from search_lexemes (the highest
 * rank each lexeme has had alone), or null when a term was never indexed. PostgreSQL's ts_rank
 * (tsrank.c): a query of two or more different terms (`a & b`) is ranked by calc_rank_and,
 * 1 − Π(1 − wᵢ), below 1; a single term by calc_rank_or, the sum over the lexemes it matches (one,
 * or every lexeme with the prefix) of each one's rank alone. 1e-6 covers float4 rounding in the sum.
 */
async function relevanceBound(tx: EntityManager, tokens: string[]): Promise<number | null> {
  if (tokens.length >= 2) return 1;
  const [token] = tokens;
  const prefix = !HAN.test(token);
  const [{ bound }]: { bound: number | null }[] = await tx.query(
    prefix
      ? 'SELECT sum(max_rank::float8) AS bound FROM search_lexemes WHERE lexeme >= $1 AND lexeme < $2'
      : 'SELECT max(max_rank::float8) AS bound FROM search_lexemes WHERE lexeme = $1',
    prefix ? [token, prefixEnd(token)] : [token],
  );
  return bound === null ? null : bound * (1 + 1e-6);
}

/**
 * The best `k` matches, exactly as if every match were scored (score desc, id asc), without
 * scoring every match: tiers bound each product's boost (products.search_tier), the lexemes bound
 * relevance, so matches are read best tier first and the reading stops once the k-th score is
 * above anything an unread tier could reach. Run it in one REPEATABLE READ transaction: the
 * tiers, the signals and the lexemes must be read as of one moment.
 */
export async function topMatches(
  tx: EntityManager,
  q: { tsquery: string; tokens: string[] },
  now: Date,
  k: number,
): Promise<{ top: Scored[]; bands: number }> {
  const bound = await relevanceBound(tx, q.tokens);
  if (bound === null) {
    const all: Scored[] = await tx.query(ALL_SQL, [q.tsquery, now, k]);
    return { top: all, bands: 1 };
  }
  let top: Scored[] = [];
  let hi = MAX_TIER + 1;
  let lo = Math.max(0, hi - TIERS_PER_DOUBLING);
  for (let bands = 1; ; bands++) {
    const rows: Scored[] = await tx.query(BAND_SQL, [q.tsquery, now, k, tiersQuery(lo, hi)]);
    top = [...top, ...rows].sort(byRank).slice(0, k);
    if (lo === 0) return { top, bands };
    if (top.length === k) {
      const kth = top[k - 1].score;
      // Strictly above: an unread product with an equal score could come first by its id.
      if (kth > bound * tierCeiling(lo)) return { top, bands };
      // The lowest tier that may still reach the page; one band down to it is enough.
      const reach = Math.floor(TIERS_PER_DOUBLING * Math.log2(kth / bound)) - 1;
      hi = lo;
      lo = Math.max(0, Math.min(lo - 1, reach));
    } else {
      hi = lo;
      lo = Math.max(0, lo - TIERS_PER_DOUBLING);
    }
  }
}
