import { Injectable } from '@nestjs/common';
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
import { LaggingReads } from '../database/lagging-reads';
import { MatchCounts } from './match-counts';
import { RELEVANCE_SQL, SIGNALS_SQL } from './search-ranking-sql';
import { SearchSignalsService } from './search-signals.service';
import { planSearch, topMatches } from './search-top';

/** Every matching listed product with its relevance and decayed signals ($1 query, $2 now). */
const MATCHES_SQL = `
  SELECT p.id, p.shop_id, p.title,
         ${RELEVANCE_SQL} AS relevance,
         ${SIGNALS_SQL},
         COALESCE(ps.orders, 0) AS orders, COALESCE(ps.views, 0) AS views
    FROM products p
    LEFT JOIN product_search_signals ps ON ps.product_id = p.id
    LEFT JOIN shop_search_signals ss ON ss.shop_id = p.shop_id
   WHERE p.status = 'listed' AND p.search_vector @@ $1::tsquery`;

/** What a page shows of its products ($1 ids). */
const PAGE_SQL = `
  SELECT p.id, p.shop_id, p.title, (SELECT min(s.price_fen) FROM skus s WHERE s.product_id = p.id) AS price_fen
    FROM products p WHERE p.id = ANY($1::uuid[])`;

type MatchRow = Record<SearchSignalName, number> & {
  id: string;
  shop_id: string;
  title: string;
  relevance: number;
  orders: number;
  views: number;
};

/**
 * 搜一搜. Score = relevance × (1 + boost); the boost reads the signals kept by
 * SearchSignalsService, decayed to the query's time. A page is exactly the page of the exhaustive
 * ranking (score desc, id asc) without scoring every match (search-top.ts); the total is counted
 * once per catalogue version (match-counts.ts).
 */
@Injectable()
export class SearchService {
  private readonly counts = new MatchCounts();

  constructor(
    private readonly clock: ClockService,
    private readonly signals: SearchSignalsService,
    private readonly laggingReads: LaggingReads,
  ) {}

  async search(q: string | undefined, limit: number, offset: number): Promise<SearchPage> {
    const query = this.parse(q);
    // The catch-up writes the signals, on the primary; the search itself may read the replica.
    await this.signals.catchUp();
    const now = this.clock.now();
    return this.laggingReads.read((db) => this.searchOn(db, query, limit, offset, now));
  }

  private searchOn(
    db: DataSource,
    query: { tsquery: string; tokens: string[] },
    limit: number,
    offset: number,
    now: Date,
  ): Promise<SearchPage> {
    return db.transaction('REPEATABLE READ', async (tx) => {
      const plan = await planSearch(tx, query.tokens);
      // A query known to match nothing in this catalogue version reads no band.
      const none = this.counts.known(plan.version, query.tsquery) === 0;
      const { top } = none ? { top: [] } : await topMatches(tx, query, plan, now, offset + limit);
      const page = top.slice(offset);
      const total = await this.counts.count(tx, plan.version, query.tsquery);
      const details: { id: string; shop_id: string; title: string; price_fen: number }[] =
        page.length === 0 ? [] : await tx.query(PAGE_SQL, [page.map((r) => r.id)]);
      const byId = new Map(details.map((d) => [d.id, d]));
      return {
        items: page.map((r) => {
          const d = byId.get(r.id)!;
          return { productId: r.id, shopId: d.shop_id, title: d.title, priceFen: d.price_fen, score: r.score };
        }),
        total,
      };
    });
  }

  /** Each factor of one product's score for a query; the factors recompute the score. */
  async explain(q: string | undefined, productId: string): Promise<SearchExplainView> {
    const query = this.parse(q);
    await this.signals.catchUp();
    return this.laggingReads.read((db) => this.explainOn(db, q, query, productId));
  }

  private async explainOn(
    db: DataSource,
    q: string | undefined,
    query: { tsquery: string; tokens: string[] },
    productId: string,
  ): Promise<SearchExplainView> {
    const [listed]: { id: string }[] = await db.query("SELECT id FROM products WHERE id = $1 AND status = 'listed'", [
      productId,
    ]);
    if (!listed) throw new NotFoundError('product');
    const [row]: MatchRow[] = await db.query(
      `SELECT * FROM (${MATCHES_SQL.replace('AND p.search_vector @@ $1::tsquery', '')}) m WHERE m.id = $3`,
      [query.tsquery, this.clock.now(), productId],
    );
    const [{ matches }]: { matches: boolean }[] = await db.query(
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
}
