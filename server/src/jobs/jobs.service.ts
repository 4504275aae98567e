import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { ClockService } from '../clock/clock.service';
import { APP_CONFIG, AppConfig } from '../config/config';
import { isTransientDbError, runInTransaction } from '../database/run-in-transaction';
import { withDeferred } from '../database/before-commit';
import { prepared } from '../database/prepared';
import { Job } from './job.entity';

export type JobHandler = (tx: EntityManager, payload: Record<string, unknown>) => Promise<void>;
/** A job that calls out (a payment provider): it runs outside any transaction. */
export type OutsideJobHandler = (payload: Record<string, unknown>) => Promise<void>;

export interface NewJob {
  kind: string;
  runAt: Date;
  payload?: Record<string, unknown>;
  /** At most one job exists per unique key (e.g. one unpaid timeout per order). */
  uniqueKey?: string;
  maxAttempts?: number;
}

const BATCH = 20;
const MAX_BACKOFF_MS = 60 * 60_000;
/**
 * How long an outside job is held by the process that took it. A process that dies mid-call
 * leaves it to be taken again after this, so outside handlers must be idempotent by their
 * payload (a provider's idempotency key), and their calls must time out well within it.
 */
export const OUTSIDE_LEASE_MS = 60_000;

interface OutsideJobRow {
  id: number;
  kind: string;
  payload: Record<string, unknown>;
  attempts: number;
  max_attempts: number;
}

/** 1 s, 2 s, 4 s … capped at an hour, after the attempt that failed. */
export function backoffMs(attempts: number): number {
  return Math.min(1000 * 2 ** Math.max(0, attempts - 1), MAX_BACKOFF_MS);
}

/**
 * Durable jobs in PostgreSQL. A job is claimed, run and marked done in one transaction, holding
 * its row with FOR UPDATE SKIP LOCKED: two processes on one database never run the same job, a
 * crash before commit leaves it pending for the next poll, and the handler's writes commit with
 * the mark. A handler that throws is rolled back to a savepoint and retried with backoff.
 *
 * Outside jobs (`registerOutside`) call other systems, so no transaction is held while they run:
 * one statement takes the job for a lease, the handler runs, another statement marks it done.
 * A crash between the two runs the handler again after the lease: at least once, never lost.
 *
 * Each job has its own transaction, so a handler's locks follow the lock order of its own
 * domain (GiftsService.lock) and are not held while the next job takes others. A deadlock or
 * serialization failure re-runs the whole job transaction at once (runInTransaction); only when
 * those retries run out does it count as a failed attempt.
 */
@Injectable()
export class JobsService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Jobs');
  private readonly handlers = new Map<string, JobHandler>();
  private readonly outsideHandlers = new Map<string, OutsideJobHandler>();
  private readonly recurring = new Map<string, { everyMs: number; period: number }>();
  private readonly instanceId = randomUUID().slice(0, 8);
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;
  private polling: Promise<void> = Promise.resolve();

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly clock: ClockService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  register(kind: string, handler: JobHandler): void {
    if (this.handlers.has(kind) || this.outsideHandlers.has(kind))
      throw new Error(`job kind ${kind} is registered twice`);
    this.handlers.set(kind, handler);
  }

  /**
   * A job that runs once in every period of `everyMs` (of the clock), whoever polls: each poll
   * (and each test clock move) makes sure the current period's run exists, keyed by the period so
   * that processes polling together create one. Nothing chains runs, so a reset, a crash or a
   * failed run cannot stop the next period's.
   */
  registerRecurring(kind: string, everyMs: number, handler: JobHandler): void {
    this.register(kind, handler);
    this.recurring.set(kind, { everyMs, period: -1 });
  }

  registerOutside(kind: string, handler: OutsideJobHandler): void {
    if (this.handlers.has(kind) || this.outsideHandlers.has(kind))
      throw new Error(`job kind ${kind} is registered twice`);
    this.outsideHandlers.set(kind, handler);
  }

  /** Schedules a job in the caller's transaction, so it exists only if the cause commits. */
  async enqueue(tx: EntityManager, job: NewJob): Promise<void> {
    await prepared(
      tx,
      'jobs.enqueue',
      `INSERT INTO jobs (kind, payload, run_at, unique_key, max_attempts, state, attempts, created_at)
       VALUES ($1, $2, $3, $4, $5, 'pending', 0, $6) ON CONFLICT DO NOTHING`,
      [
        job.kind,
        JSON.stringify(job.payload ?? {}),
        job.runAt,
        job.uniqueKey ?? null,
        job.maxAttempts ?? 5,
        this.clock.now(),
      ],
    );
  }

  /** Runs every job due by the clock's now, batch after batch, until none is left. */
  async runDue(maxBatches = 1000): Promise<number> {
    await this.scheduleRecurring();
    let total = 0;
    for (let i = 0; i < maxBatches; i++) {
      const ran = (await this.runBatch()) + (await this.runOutsideBatch());
      total += ran;
      if (ran === 0) break;
    }
    return total;
  }

  onApplicationBootstrap(): void {
    if (this.config.jobsPollMs > 0) this.schedule();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.polling;
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      // Another process may have moved the test clock since the last poll.
      this.polling = this.clock
        .refresh()
        .then(() => this.runDue(10))
        .then(() => undefined)
        .catch((err: unknown) => this.logger.error(`poll failed: ${String(err)}`))
        .finally(() => this.schedule());
    }, this.config.jobsPollMs);
    this.timer.unref();
  }

  /** The current period's run of each recurring job, once per period and process. */
  private async scheduleRecurring(): Promise<void> {
    const now = this.clock.now().getTime();
    for (const [kind, r] of this.recurring) {
      const period = Math.floor(now / r.everyMs);
      if (period === r.period) continue;
      await this.enqueue(this.db.manager, {
        kind,
        runAt: new Date(period * r.everyMs),
        uniqueKey: `${kind}:${period}`,
      });
      r.period = period;
    }
  }

  /** Runs up to BATCH due jobs, one transaction each; answers how many ran. */
  private async runBatch(): Promise<number> {
    let ran = 0;
    while (ran < BATCH && (await this.runNext())) ran++;
    return ran;
  }

  private runNext(): Promise<boolean> {
    return runInTransaction(this.db, async (tx, attempt) => {
      const now = this.clock.now();
      const job = await tx
        .getRepository(Job)
        .createQueryBuilder('j')
        .where("j.state = 'pending' AND j.run_at <= :now AND NOT (j.kind = ANY(:outside))", {
          now,
          outside: [...this.outsideHandlers.keys()],
        })
        .orderBy('j.run_at', 'ASC')
        .addOrderBy('j.id', 'ASC')
        .limit(1)
        .setLock('pessimistic_write')
        .setOnLocked('skip_locked')
        .getOne();
      if (!job) return false;
      await this.runOne(tx, job, now, attempt.last);
      return true;
    });
  }

  /** Takes due outside jobs one at a time, each for a lease, and runs them with no transaction open. */
  private async runOutsideBatch(): Promise<number> {
    if (this.outsideHandlers.size === 0) return 0;
    let ran = 0;
    for (; ran < BATCH; ran++) {
      const now = this.clock.now();
      // An UPDATE … RETURNING answers [rows, count] through TypeORM.
      const [[job]]: [OutsideJobRow[], number] = await this.db.query(
        `UPDATE jobs SET attempts = attempts + 1, run_at = $2
            WHERE id = (SELECT id FROM jobs
                         WHERE state = 'pending' AND run_at <= $1 AND kind = ANY($3)
                         ORDER BY run_at, id LIMIT 1 FOR UPDATE SKIP LOCKED)
           RETURNING id, kind, payload, attempts, max_attempts`,
        [now, new Date(now.getTime() + OUTSIDE_LEASE_MS), [...this.outsideHandlers.keys()]],
      );
      if (!job) break;
      try {
        await this.outsideHandlers.get(job.kind)!(job.payload);
        await this.db.query(`UPDATE jobs SET state = 'done', finished_at = $2, finished_by = $3 WHERE id = $1`, [
          job.id,
          this.clock.now(),
          this.instanceId,
        ]);
      } catch (err) {
        const message = err instanceof Error ? err.message : String(err);
        const failed = job.attempts >= job.max_attempts;
        this.logger.warn(`job ${job.id} ${job.kind} attempt ${job.attempts} failed: ${message}`);
        const at = this.clock.now();
        await this.db.query(
          `UPDATE jobs SET last_error = $2, state = $3, run_at = $4, finished_at = $5 WHERE id = $1`,
          [
            job.id,
            message,
            failed ? 'failed' : 'pending',
            new Date(at.getTime() + backoffMs(job.attempts)),
            failed ? at : null,
          ],
        );
      }
    }
    return ran;
  }

  private async runOne(tx: EntityManager, job: Job, now: Date, lastTry: boolean): Promise<void> {
    const handler = this.handlers.get(job.kind);
    const attempts = job.attempts + 1;
    try {
      if (!handler) throw new Error(`no handler for job kind ${job.kind}`);
      await tx.transaction((savepoint) => withDeferred(savepoint, (scoped) => handler(scoped, job.payload)));
      await tx.update(Job, { id: job.id }, { state: 'done', attempts, finishedAt: now, finishedBy: this.instanceId });
    } catch (err) {
      // Met another transaction: re-run the whole job transaction (runNext) without using an attempt.
      if (isTransientDbError(err) && !lastTry) throw err;
      const failed = attempts >= job.maxAttempts;
      const message = err instanceof Error ? err.message : String(err);
      this.logger.warn(`job ${job.id} ${job.kind} attempt ${attempts} failed: ${message}`);
      await tx.update(
        Job,
        { id: job.id },
        {
          attempts,
          lastError: message,
          state: failed ? 'failed' : 'pending',
          runAt: failed ? job.runAt : new Date(now.getTime() + backoffMs(attempts)),
          finishedAt: failed ? now : null,
        },
      );
    }
  }
}
