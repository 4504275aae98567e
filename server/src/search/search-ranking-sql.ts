import { SEARCH_RANKING, SearchSignalName } from '@giftshop/shared';

/**
 * The ranking of shared/src/search.ts as SQL, generated from the same weights, for the search
 * (SearchService) and for the tiers the roll-up keeps (SearchSignalsService). Aliases: `p`
 * products, `ps` product_search_signals, `ss` shop_search_signals; `$2` is the query's now.
 */

/** Where each signal of the formula lives: product (ps) or shop (ss) signals, and the column. */
export const SIGNAL_COLUMNS: Record<SearchSignalName, { table: 'ps' | 'ss'; column: string }> = {
  productPrivateOrders: { table: 'ps', column: 'private_orders' },
  productPrivateGmvYuan: { table: 'ps', column: 'private_gmv_yuan' },
  productPublicOrders: { table: 'ps', column: 'public_orders' },
  productPublicGmvYuan: { table: 'ps', column: 'public_gmv_yuan' },
  shopPrivateOrders: { table: 'ss', column: 'private_orders' },
  shopPrivateGmvYuan: { table: 'ss', column: 'private_gmv_yuan' },
  shopPublicOrders: { table: 'ss', column: 'public_orders' },
  shopPublicGmvYuan: { table: 'ss', column: 'public_gmv_yuan' },
};
const NAMES = Object.keys(SIGNAL_COLUMNS) as SearchSignalName[];
const { A, B, C, D } = SEARCH_RANKING.rankWeights;

/** ts_rank's weights, {D, C, B, A}. The search_lexemes triggers (migration 1764000014000) use the same. */
export const RANK_WEIGHTS = `{${D}, ${C}, ${B}, ${A}}`;
/**
 * The product matches the query ($1) by the GIN index: over search_doc (the vector and the tier as
 * a lexeme, migration 1764000014000), which matches a shopper's query exactly as the vector does.
 */
export const MATCH_SQL = `search_doc(p.search_vector, p.search_tier) @@ $1::tsquery`;
/** ts_rank of the product's vector for the query ($1). */
export const RELEVANCE_SQL = `ts_rank('${RANK_WEIGHTS}', p.search_vector, $1::tsquery)`;

/** The decay of a table's signals from its ref_at to the query's now ($2), in float8 (numeric is slow). */
const decay = (t: string) =>
  `power(0.5::float8, GREATEST(0::float8, extract(epoch FROM ($2::timestamptz - ${t}.ref_at))::float8) * 1000 / ${SEARCH_RANKING.halfLifeMs})`;

/** Each signal decayed to now, as a named column (0 without signals). */
export const SIGNALS_SQL = NAMES.map((name) => {
  const { table, column } = SIGNAL_COLUMNS[name];
  return `COALESCE(${table}.${column} * ${decay(table)}, 0) AS "${name}"`;
}).join(',\n');

/** One scope's weighted sum of its four signals, as stored (before decay). */
const sumSql = (table: 'ps' | 'ss') =>
  NAMES.filter((name) => SIGNAL_COLUMNS[name].table === table)
    .map((name) => `${SEARCH_RANKING.weights[name]} * ${table}.${SIGNAL_COLUMNS[name].column}`)
    .join(' + ');
const CONVERSION_FACTOR = `(1 + ${SEARCH_RANKING.conversionWeight} * CASE WHEN COALESCE(ps.views, 0) > 0
                                  THEN LEAST(1, ps.orders::float8 / ps.views) ELSE 0 END)`;
const { product: CAP_P, shop: CAP_S } = SEARCH_RANKING.caps;

/** The formula of `searchBoost`: each scope's sum decayed once and capped, times the conversion factor. */
export const BOOST_SQL = `(LEAST(${CAP_P}, COALESCE((${sumSql('ps')}) * ${decay('ps')}, 0))
  + LEAST(${CAP_S}, COALESCE((${sumSql('ss')}) * ${decay('ss')}, 0))) * ${CONVERSION_FACTOR}`;

/**
 * The boost before any decay: its upper bound at any later time (a decay is at most 1 and every
 * stored signal is at least 0), so a tier taken from it stays true until the signals change.
 */
const BOOST_BOUND_SQL = `(LEAST(${CAP_P}, COALESCE(${sumSql('ps')}, 0)) + LEAST(${CAP_S}, COALESCE(${sumSql('ss')}, 0)))
  * ${CONVERSION_FACTOR}`;

/** Tiers per doubling of (1 + boost): a finer step reads fewer products past the page, in more steps. */
export const TIERS_PER_DOUBLING = 16;
/** products.search_tier from the signal rows: ⌊16 · log2(1 + upper bound of the boost)⌋. */
export const TIER_SQL = `LEAST(32767, GREATEST(0, floor(${TIERS_PER_DOUBLING} * ln(1 + ${BOOST_BOUND_SQL}) / ln(2))))::smallint`;
/** A tsquery for the tiers [lo, hi): '~lo' | … | '~hi-1'. */
export function tiersQuery(lo: number, hi: number): string {
  return Array.from({ length: hi - lo }, (_, i) => `'~${lo + i}'`).join(' | ');
}

/**
 * An upper bound of (1 + boost) for every product below `tier`, with room for the rounding of
 * the logarithm (1e-9 is far above float8's, far below a step of 4%).
 */
export function tierCeiling(tier: number): number {
  return 2 ** (tier / TIERS_PER_DOUBLING) * (1 + 1e-9);
}

/**
 * Sets products.search_tier from the signal rows, for the products `scope` selects (SQL over
 * p, with $1 and $2 free for it). Rows whose tier does not change are not written.
 */
export function retierSql(scope: string): string {
  return `
    UPDATE products t SET search_tier = x.tier
      FROM (SELECT p.id, ${TIER_SQL} AS tier
              FROM products p
              LEFT JOIN product_search_signals ps ON ps.product_id = p.id
              LEFT JOIN shop_search_signals ss ON ss.shop_id = p.shop_id
             WHERE ${scope}) x
     WHERE t.id = x.id AND t.search_tier <> x.tier`;
}
