import { performance } from 'node:perf_hooks';
import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { DataSource, QueryFailedError } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../config/config';
import { ServiceUnavailableError } from '../common/domain-errors';
import { guardPool, isConnectionLost } from './connection-guard';
import { dataSourceOptions } from './options';
import { usePreparedStatements } from './prepared';

/** Where the reads that may lag are served from at this moment. */
export type ReadsFrom = 'primary' | 'replica';

/** The replica could not answer (down, restarting, unreachable, or its pool is full). */
function replicaFailed(err: unknown): boolean {
  if (err instanceof ServiceUnavailableError || isConnectionLost(err)) return true;
  // A hot standby cancels a query that would hold back its replay ("conflict with recovery").
  const cause = err instanceof QueryFailedError ? (err.driverError as { code?: string }) : (err as { code?: string });
  return cause?.code === '40001' && /recovery/.test(String((err as Error).message));
}

/**
 * The reads that may show data a moment old (search, product pages, the shop's analytics) go to a
 * streaming replica when DATABASE_READ_URL is set, so they take no work from the primary; every
 * other read (a buyer's own order, stock, anything inside a money transaction) stays on the
 * primary. How old the replica's data is, is measured, not hoped: each process stamps one row on
 * the primary with the primary's clock and reads the stamp back from the replica, every quarter of
 * DATABASE_READ_MAX_LAG_MS (at most every second). A read goes to the replica only while the
 * last measured lag plus the time since that measure is within the bound, so what it shows is
 * never older than DATABASE_READ_MAX_LAG_MS; otherwise, and whenever the replica fails to answer,
 * it goes to the primary. Without DATABASE_READ_URL everything reads the primary.
 */
@Injectable()
export class LaggingReads implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('LaggingReads');
  private replica: DataSource | null = null;
  /** The last good measure: the lag then, and when (performance.now()). */
  private measured: { lagMs: number; at: number } | null = null;
  private timer: NodeJS.Timeout | null = null;
  private checking: Promise<void> | null = null;
  private reported: ReadsFrom = 'primary';

  constructor(
    private readonly primary: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private get bound(): { url: string; maxLagMs: number } | undefined {
    return this.config.database.kind === 'postgres' ? this.config.database.read : undefined;
  }

  /** How often the lag is measured. */
  get intervalMs(): number {
    return Math.min(1000, Math.floor((this.bound?.maxLagMs ?? 4000) / 4));
  }

  async onModuleInit(): Promise<void> {
    if (!this.bound) return;
    // Not awaited: an unreachable replica must not hold up the start (reads use the primary meanwhile).
    void this.check();
    this.timer = setInterval(() => void this.check(), this.intervalMs);
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.checking;
    await this.replica?.destroy().catch(() => undefined);
    this.replica = null;
  }

  /** Where such a read would go now. */
  from(): ReadsFrom {
    const bound = this.bound;
    if (!bound || !this.replica || !this.measured) return 'primary';
    const lagNow = this.measured.lagMs + (performance.now() - this.measured.at);
    return lagNow <= bound.maxLagMs ? 'replica' : 'primary';
  }

  /** Runs a read that may lag on the replica when it is fresh enough, otherwise on the primary. */
  async read<T>(work: (db: DataSource) => Promise<T>): Promise<T> {
    const replica = this.from() === 'replica' ? this.replica : null;
    if (!replica) return work(this.primary);
    try {
      return await work(replica);
    } catch (err) {
      if (!replicaFailed(err)) throw err;
      this.logger.warn(`the replica failed a read, served by the primary: ${String(err)}`);
      this.measured = null; // until the next measure finds it answering again
      return work(this.primary);
    }
  }

  /** One measure of the lag; never two at once, never throws. */
  check(): Promise<void> {
    this.checking ??= this.measure().finally(() => (this.checking = null));
    return this.checking;
  }

  private async measure(): Promise<void> {
    const bound = this.bound!;
    try {
      const replica = await this.connectReplica(bound.url);
      const [stamped]: [{ at: Date }[], number] = await this.primary.query(
        'UPDATE replica_heartbeat SET at = clock_timestamp() WHERE id = 1 RETURNING at',
      );
      const takenAt = performance.now();
      const [copy]: { at: Date }[] = await replica.query('SELECT at FROM replica_heartbeat WHERE id = 1');
      // Both stamps are the primary's clock: the copy is as old as the gap between them.
      this.measured = { lagMs: Math.max(0, stamped[0].at.getTime() - copy.at.getTime()), at: takenAt };
    } catch (err) {
      if (this.measured !== null || this.reported === 'replica') {
        this.logger.warn(`cannot measure the replica's lag, reads go to the primary: ${String(err)}`);
      }
      this.measured = null;
    }
    const now = this.from();
    if (now !== this.reported) {
      this.logger.log(`reads that may lag now go to the ${now}`);
      this.reported = now;
    }
  }

  private async connectReplica(url: string): Promise<DataSource> {
    if (this.replica) return this.replica;
    const database = this.config.database;
    if (database.kind !== 'postgres') throw new Error('a replica needs PostgreSQL');
    const replica = new DataSource(dataSourceOptions({ ...database, url }));
    await replica.initialize();
    guardPool(replica, { strict: !this.config.production });
    usePreparedStatements(replica, database.preparedStatements !== false);
    this.replica = replica;
    return replica;
  }
}
