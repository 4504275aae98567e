import cluster, { Worker } from 'node:cluster';
import { Logger } from '@nestjs/common';
import { AppConfig } from './config/config';

/** A worker that lived at least this long was healthy: its death starts the back-off afresh. */
const HEALTHY_AFTER_MS = 60_000;
const MAX_BACKOFF_MS = 30_000;
/** How long the workers get to finish their requests and jobs after SIGTERM before they are killed. */
const SHUTDOWN_GRACE_MS = 30_000;

/**
 * V8 heap sizes for the workers, so each stays near 150 MB under load (docs/BENCHMARKS.md): a
 * young generation of 2 × 4 MB instead of up to 2 × 16 MB, and an old-generation limit that
 * makes V8 collect before the heap grows far past what is live (~50 MB under the checkout load).
 * Flags given to node or in NODE_OPTIONS for either size win.
 */
const WORKER_HEAP_FLAGS = ['--max-semi-space-size=4', '--max-old-space-size=128'];

export function workerExecArgv(execArgv: string[], nodeOptions = ''): string[] {
  const given = `${execArgv.join(' ')} ${nodeOptions}`;
  const defaults = WORKER_HEAP_FLAGS.filter((flag) => !given.includes(flag.slice(0, flag.indexOf('='))));
  return [...defaults, ...execArgv];
}

/** 1 s, 2 s, 4 s … up to 30 s between restarts of a worker that keeps dying. */
export function restartDelayMs(failures: number): number {
  return Math.min(1000 * 2 ** Math.max(0, failures - 1), MAX_BACKOFF_MS);
}

/**
 * The cluster primary: forks `config.processes` workers that share the port (node:cluster hands
 * connections round-robin), restarts a worker that dies unexpectedly after a growing delay, and on
 * SIGTERM/SIGINT passes SIGTERM on so each worker closes gracefully (Nest shutdown hooks). If no
 * worker ever started, the primary stops with exit code 1, as a single process would.
 * The primary never builds the app: migrations and the demo seed run in the workers under one
 * PostgreSQL advisory lock (MigrationService), so they run once whichever worker comes first.
 */
export function runPrimary(config: AppConfig): void {
  const logger = new Logger('Cluster');
  if (config.jwtSecretGenerated) {
    logger.warn('JWT_SECRET is not set: using a random secret for this run (tokens end with the process)');
  }
  // Secrets generated for this run must be the same in every worker, or a token signed by one
  // would be refused by the next.
  process.env.JWT_SECRET = config.jwtSecret;
  process.env.PAYMENT_NOTIFY_SECRET = config.paymentNotifySecret;
  cluster.setupPrimary({ execArgv: workerExecArgv(process.execArgv, process.env.NODE_OPTIONS) });
  let stopping = false;
  let exitCode = 0;
  let failures = 0;
  let served = false;
  const startedAt = new Map<Worker, number>();

  const fork = (): void => {
    const worker = cluster.fork();
    startedAt.set(worker, Date.now());
  };

  const stop = (reason: string): void => {
    if (stopping) return;
    stopping = true;
    logger.log(`${reason}: stopping ${startedAt.size} workers`);
    if (startedAt.size === 0) process.exit(exitCode);
    for (const worker of startedAt.keys()) worker.process.kill('SIGTERM');
    setTimeout(() => {
      for (const worker of startedAt.keys()) worker.process.kill('SIGKILL');
      process.exit(1);
    }, SHUTDOWN_GRACE_MS).unref();
  };

  cluster.on('listening', () => (served = true));
  cluster.on('exit', (worker, code, signal) => {
    const lived = Date.now() - (startedAt.get(worker) ?? Date.now());
    startedAt.delete(worker);
    if (stopping) {
      if (startedAt.size === 0) process.exit(exitCode);
      return;
    }
    const how = signal ?? `exit code ${code}`;
    if (!served) {
      // No worker ever started (a bad setting, no database): the next would fail the same way.
      // Stop, as one process would, and let the supervisor say so.
      logger.error(`worker ${worker.process.pid} failed to start (${how})`);
      exitCode = 1;
      stop('no worker could start');
      return;
    }
    failures = lived >= HEALTHY_AFTER_MS ? 1 : failures + 1;
    const delay = restartDelayMs(failures);
    logger.error(`worker ${worker.process.pid} died (${how}); restarting in ${delay} ms`);
    setTimeout(() => !stopping && fork(), delay);
  });

  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));

  logger.log(`starting ${config.processes} server processes (WEB_CONCURRENCY)`);
  for (let i = 0; i < config.processes; i++) fork();
}

export const isClusterWorker = (): boolean => cluster.isWorker;
