import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  parseSearchQuery,
  SEARCH_RANKING,
  searchBoost,
  SearchExplainView,
  SearchPage,
  SearchSignalName,
  searchScore,
} from '@giftshop/shared';
import { DataSource } from 'typeorm';
import { ClockService } from '../clock/clock.service';
import { InvalidInputError, NotFoundError } from '../common/domain-errors';

/** Where each signal of the formula lives: product (ps) or shop (ss) signals, and the column. */
const SIGNAL_COLUMNS: Record<SearchSignalName, { table: 'ps' | 'ss'; column: string }> = {
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

/** The decay of a table's signals from its ref_at to the query's now ($2), in float8 (numeric is slow). */
const decay = (t: string) =>
  `power(0.5::float8, GREATEST(0::float8, extract(epoch FROM ($2::timestamptz - ${t}.ref_at))::float8) * 1000 / ${SEARCH_RANKING.halfLifeMs})`;
/** Each signal decayed to now, as a named column (0 without signals). */
const SIGNALS_SQL = NAMES.map((name) => {
  const { table, column } = SIGNAL_COLUMNS[name];
  return `COALESCE(${table}.${column} * ${decay(table)}, 0) AS "${name}"`;
}).join(',\n');
/** One scope's weighted sum of its four signals, decayed once, capped (as `searchBoost` does). */
const partSql = (table: 'ps' | 'ss', cap: number) => {
  const sum = NAMES.filter((name) => SIGNAL_COLUMNS[name].table === table)
    .map((name) => `${SEARCH_RANKING.weights[name]} * ${table}.${SIGNAL_COLUMNS[name].column}`)
    .join(' + ');
  return `LEAST(${cap}, COALESCE((${sum}) * ${decay(table)}, 0))`;
};
/** The formula of `searchBoost` in shared/src/search.ts, generated from the same weights. */
const BOOST_SQL = `(${partSql('ps', SEARCH_RANKING.caps.product)} + ${partSql('ss', SEARCH_RANKING.caps.shop)})
  * (1 + ${SEARCH_RANKING.conversionWeight} * CASE WHEN COALESCE(ps.views, 0) > 0
                                                  THEN LEAST(1, ps.orders::float8 / ps.views) ELSE 0 END)`;

/**
 * One page of matches, best first, and their count ($1 query, $2 now, $3 limit, $4 offset). The
 * text match and ts_rank run in a fenced subquery, so only (id, shop, relevance) — not the
 * ~1 KB vectors — reach the joins with the signals; the page is a top-N sort.
 */
const SEARCH_SQL = `
  WITH scored AS (
    SELECT h.id, h.relevance * (1 + ${BOOST_SQL}) AS score
      FROM (SELECT p.id, p.shop_id, ts_rank('{${D}, ${C}, ${B}, ${A}}', p.search_vector, $1::tsquery) AS relevance
              FROM products p WHERE p.status = 'listed' AND p.search_vector @@ $1::tsquery OFFSET 0) h
      LEFT JOIN product_search_signals ps ON ps.product_id = h.id
      LEFT JOIN shop_search_signals ss ON ss.shop_id = h.shop_id
  ), ranked AS (
    SELECT id, score, count(*) OVER () AS total FROM scored ORDER BY score DESC, id LIMIT $3 OFFSET $4
  )
  SELECT r.id, p.shop_id, p.title, r.score, r.total::int AS total,
         (SELECT min(s.price_fen) FROM skus s WHERE s.product_id = r.id) AS price_fen
    FROM ranked r JOIN products p ON p.id = r.id
   ORDER BY r.score DESC, r.id`;

/** Every matching listed product with its relevance and decayed signals ($1 query, $2 now). */
const MATCHES_SQL = `
  SELECT p.id, p.shop_id, p.title,
         ts_rank('{${D}, ${C}, ${B}, ${A}}', p.search_vector, $1::tsquery) AS relevance,
         ${SIGNALS_SQL},
         COALESCE(ps.orders, 0) AS orders, COALESCE(ps.views, 0) AS views
    FROM products p
    LEFT JOIN product_search_signals ps ON ps.product_id = p.id
    LEFT JOIN shop_search_signals ss ON ss.shop_id = p.shop_id
   WHERE p.status = 'listed' AND p.search_vector @@ $1::tsquery`;

type MatchRow = Record<SearchSignalName, number> & {
  id: string;
  shop_id: string;
  title: string;
  relevance: number;
  orders: number;
  views: number;
};

/**
 * 搜一搜. Score = relevance × (1 + boost), ranked in one query over the GIN index; the boost
 * reads the signals kept by SearchSignalsService, decayed to the query's time.
 */
@Injectable()
export class SearchService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly clock: ClockService,
  ) {}

  async search(q: string | undefined, limit: number, offset: number): Promise<SearchPage> {
    const query = this.parse(q);
    const rows: { id: string; shop_id: string; score: number; title: string; price_fen: number; total: number }[] =
      await this.db.query(SEARCH_SQL, [query.tsquery, this.clock.now(), limit, offset]);
    const total = rows.length > 0 ? Number(rows[0].total) : await this.count(query.tsquery, offset);
    return {
      items: rows.map((r) => ({
        productId: r.id,
        shopId: r.shop_id,
        title: r.title,
        priceFen: r.price_fen,
        score: r.score,
      })),
      total,
    };
  }

  /** Each factor of one product's score for a query; the factors recompute the score. */
  async explain(q: string | undefined, productId: string): Promise<SearchExplainView> {
    const query = this.parse(q);
    const [listed]: { id: string }[] = await this.db.query(
      "SELECT id FROM products WHERE id = $1 AND status = 'listed'",
      [productId],
    );
    if (!listed) throw new NotFoundError('product');
    const [row]: MatchRow[] = await this.db.query(
      `SELECT * FROM (${MATCHES_SQL.replace('AND p.search_vector @@ $1::tsquery', '')}) m WHERE m.id = $3`,
      [query.tsquery, this.clock.now(), productId],
    );
    const [{ matches }]: { matches: boolean }[] = await this.db.query(
      'SELECT search_vector @@ $1::tsquery AS matches FROM products WHERE id = $2',
      [query.tsquery, productId],
    );
    const relevance = matches ? row.relevance : 0;
    const boost = searchBoost({ ...row, orders: Number(row.orders), views: Number(row.views) });
    return {
      productId,
      query: q?.trim() ?? '',
      tokens: query.tokens,
      matches,
      score: searchScore(relevance, boost.boost),
      relevance,
      boost: boost.boost,
      sales: boost.sales,
      productSales: boost.productSales,
      shopSales: boost.shopSales,
      caps: SEARCH_RANKING.caps,
      conversion: {
        orders: Number(row.orders),
        views: Number(row.views),
        rate: boost.conversion,
        weight: SEARCH_RANKING.conversionWeight,
      },
      factors: boost.factors,
      formula:
        'score = relevance × (1 + boost); boost = (min(caps.product, Σ product weight × value) + ' +
        'min(caps.shop, Σ shop weight × value)) × (1 + conversionWeight × conversion)',
      halfLifeDays: SEARCH_RANKING.halfLifeMs / 86_400_000,
    };
  }

  private parse(q: string | undefined): { tsquery: string; tokens: string[] } {
    const parsed = parseSearchQuery(q);
    if (!parsed.ok) throw new InvalidInputError('INVALID_QUERY', parsed.problem);
    return parsed;
  }

  /** The total when the page is past the end (no row carried it). */
  private async count(tsquery: string, offset: number): Promise<number> {
    if (offset === 0) return 0;
    const [{ count }]: { count: number }[] = await this.db.query(
      `SELECT count(*)::int AS count FROM products p WHERE p.status = 'listed' AND p.search_vector @@ $1::tsquery`,
      [tsquery],
    );
    return count;
  }
}
