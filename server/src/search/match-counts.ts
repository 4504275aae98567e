import { EntityManager } from 'typeorm';
import { MATCH_SQL } from './search-ranking-sql';

/** How many listed products match ($1): every match counts, not only those read for the page. */
const COUNT_SQL = `SELECT count(*)::int AS total FROM products p WHERE p.status = 'listed' AND ${MATCH_SQL}`;
const MAX_ENTRIES = 5_000;

/**
 * The number of matches of a query, remembered per catalogue version (search_catalog, bumped in
 * the transaction of every listing, delisting and edit of a text), so it is exact in any snapshot
 * of that version. Counting reads every match (33,000 for 茶), the one cost of a search that grows
 * with the catalogue; sales do not change it. Per process, the oldest entries go first.
 */
export class MatchCounts {
  private readonly counts = new Map<string, number>();

  /** The count of the query's matches at this catalogue version, if this process has counted it. */
  known(version: string, tsquery: string): number | undefined {
    return this.counts.get(`${version} ${tsquery}`);
  }

  /** In the caller's transaction, whose snapshot is of `version` (read in the same transaction). */
  async count(tx: EntityManager, version: string, tsquery: string): Promise<number> {
    const known = this.known(version, tsquery);
    if (known !== undefined) return known;
    const [{ total }]: { total: number }[] = await tx.query(COUNT_SQL, [tsquery]);
    this.counts.set(`${version} ${tsquery}`, total);
    if (this.counts.size > MAX_ENTRIES) this.counts.delete(this.counts.keys().next().value!);
    return total;
  }
}
