import type { ThrottlerStorage } from '@nestjs/throttler';
import type { DataSource } from 'typeorm';

type ThrottlerStorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

const SWEEP_MS = 60_000;

/**
 * One statement per counted request: the key's row keeps the expiry times (ms) of the requests
 * its window counts. Under the row lock of ON CONFLICT, expired hits are dropped and the new one is
 * appended only while fewer than the limit are live, so concurrent requests through any process
 * cannot count past it. `allowed` says which way this request went. Refused requests are not
 * counted (as in @nestjs/throttler's own storage), so the window slides and the 429's Retry-After
 * is when the oldest counted request leaves it.
 */
const INCREMENT = `
  INSERT INTO rate_limit_windows AS w (key, hits, allowed)
  VALUES ($1, ARRAY[$2::bigint + $3::bigint], $4::int >= 1)
  ON CONFLICT (key) DO UPDATE SET
    allowed = (SELECT count(*) FROM unnest(w.hits) h WHERE h > $2::bigint) < $4::int,
    hits = (SELECT coalesce(array_agg(h ORDER BY h), '{}') FROM unnest(w.hits) h WHERE h > $2::bigint)
      || CASE WHEN (SELECT count(*) FROM unnest(w.hits) h WHERE h > $2::bigint) < $4::int
              THEN ARRAY[$2::bigint + $3::bigint] ELSE '{}'::bigint[] END
  RETURNING allowed, cardinality(hits) AS counted, hits[1] AS oldest`;

interface IncrementRow {
  allowed: boolean;
  counted: number;
  oldest: string | null;
}

/**
 * Rate-limit counters in PostgreSQL (`rate_limit_windows`), so every server process
 * (WEB_CONCURRENCY) counts against the same windows: with in-memory counters, N processes would
 * let N times the limit through. Windows whose hits have all expired are swept once a minute.
 */
export class PostgresThrottlerStorage implements ThrottlerStorage {
  private readonly sweeper: NodeJS.Timeout;

  constructor(private readonly db: DataSource) {
    this.sweeper = setInterval(() => void this.sweep(), SWEEP_MS);
    this.sweeper.unref();
  }

  async increment(key: string, ttl: number, limit: number): Promise<ThrottlerStorageRecord> {
    const now = Date.now();
    const [row] = await this.db.query<IncrementRow[]>(INCREMENT, [key, now, ttl, limit]);
    const isBlocked = !row.allowed;
    return {
      totalHits: row.counted + (isBlocked ? 1 : 0),
      timeToExpire: Math.ceil(ttl / 1000),
      isBlocked,
      timeToBlockExpire: isBlocked && row.oldest !== null ? Math.ceil((Number(row.oldest) - now) / 1000) : 0,
    };
  }

  private async sweep(): Promise<void> {
    if (!this.db.isInitialized) return clearInterval(this.sweeper);
    await this.db
      .query('DELETE FROM rate_limit_windows WHERE coalesce(hits[cardinality(hits)], 0) <= $1', [Date.now()])
      .catch(() => undefined); // the next sweep tries again
  }
}
