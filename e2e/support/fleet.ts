import { execFile } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, resolve } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { databaseUrl, serverUrl, templateDatabase } from './databases';
import { freePort } from './second-process';

const ROOT = resolve(__dirname, '..', '..');
const CLUSTER = resolve(ROOT, 'scripts', 'cluster.sh');
const run = promisify(execFile);

/**
 * A fleet of the built server started by scripts/cluster.sh, for one test file: HAProxy in front of
 * three app processes on PgBouncer (transaction pooling) on this run's PostgreSQL, no replica, on
 * free ports, with its own directory (`scratch()`) and its own database (cloned from the migrated
 * template of the api project). `stop()` ends every process and drops the database.
 */
export interface Fleet {
  /** HAProxy. */
  url: string;
  /** The fleet's database through PgBouncer, as the app processes reach it. */
  pooledUrl: string;
  appPorts: number[];
  dir: string;
  /** Runs a query on the fleet's database on the primary (not through PgBouncer). */
  sql<T = Record<string, unknown>>(query: string, params?: unknown[]): Promise<T[]>;
  /** The pid of the app process on `port`, from its pid file. */
  pidOf(port: number): number;
  alive(pid: number): boolean;
  /** Starts what is not running (an app process that was killed). */
  start(): Promise<void>;
  stopBouncer(): Promise<void>;
  startBouncer(): Promise<void>;
  /** Anything the cluster script says, with each app's log, for a failure's message. */
  logs(): string;
  stop(): Promise<void>;
}

export async function startFleet(name: string, env: Record<string, string> = {}): Promise<Fleet> {
  const database = `${templateDatabase()}_${name}`.replace('_template', '');
  const dir = resolve(scratch(), database);
  const [lb, bouncer, ...appPorts] = await distinctFreePorts(5);
  const clusterEnv = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: process.env.HOME ?? '/root',
    CLUSTER_DIR: dir,
    CLUSTER_PORT: String(lb),
    CLUSTER_APP_PORTS: appPorts.join(' '),
    CLUSTER_BOUNCER_PORT: String(bouncer),
    CLUSTER_DATABASE: database,
    CLUSTER_REPLICA: '0',
    NODE_ENV: 'test',
    SEED_DEMO: '0',
    // Many logins from one address.
    RATE_LIMITS: 'off',
    LOG_LEVEL: 'warn',
    ...env,
  };
  const cluster = async (command: string): Promise<void> => {
    try {
      await run('bash', [CLUSTER, command], { cwd: ROOT, env: clusterEnv, timeout: 120_000 });
    } catch (err) {
      const e = err as { stdout?: string; stderr?: string; message: string };
      throw new Error(`cluster.sh ${command} failed: ${e.message}\n${e.stdout ?? ''}${e.stderr ?? ''}`);
    }
  };
  const admin = new Client({ connectionString: serverUrl() });
  await admin.connect();
  let db: Client | undefined;
  const stop = async (): Promise<void> => {
    try {
      await cluster('stop');
    } finally {
      try {
        await db?.end();
        await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
      } finally {
        await admin.end();
        rmSync(dir, { recursive: true, force: true });
      }
    }
  };
  try {
    await admin.query(`CREATE DATABASE ${database} TEMPLATE ${templateDatabase()}`);
    await cluster('start');
    db = new Client({ connectionString: databaseUrl(database) });
    await db.connect();
  } catch (err) {
    await stop().catch(() => undefined);
    throw err;
  }
  const pidOf = (port: number): number => Number(readFileSync(resolve(dir, `app-${port}.pid`), 'utf8').trim());
  return {
    url: `http://127.0.0.1:${lb}`,
    pooledUrl: (() => {
      const pooled = new URL(databaseUrl(database));
      pooled.port = String(bouncer);
      return pooled.toString();
    })(),
    appPorts,
    dir,
    sql: async <T>(query: string, params: unknown[] = []) => (await db!.query(query, params)).rows as T[],
    pidOf,
    alive(pid: number) {
      // A killed process nobody has reaped yet is a zombie: gone, though its pid answers.
      try {
        return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
      } catch {
        return false;
      }
    },
    start: () => cluster('start'),
    stopBouncer: () => cluster('stop-bouncer'),
    startBouncer: () => cluster('start-bouncer'),
    logs() {
      // The last few errors each process logged (the apps log JSON lines; level 50 is an error).
      const tail = (file: string) => {
        try {
          const lines = readFileSync(resolve(dir, file), 'utf8').split('\n');
          return lines
            .filter((l) => l.includes('"level":50') || l.includes(' ERROR ') || l.includes(' FATAL '))
            .slice(-5)
            .map((l) => l.slice(0, 400))
            .join('\n');
        } catch {
          return '(none)';
        }
      };
      return [...appPorts.map((p) => `app-${p}.log`), 'pgbouncer.log']
        .map((file) => `--- ${file}\n${tail(file)}`)
        .join('\n');
    },
    stop,
  };
}

/**
 * Where the fleet's directory goes: .tmp/ in the repository, unless the postgres user cannot reach
 * it (PgBouncer runs as postgres; a clone in a private home, as on a CI machine, is out of its
 * reach), then the system's temporary directory.
 */
function scratch(): string {
  const repoTmp = resolve(ROOT, '.tmp');
  mkdirSync(repoTmp, { recursive: true });
  chmodSync(repoTmp, 0o755);
  for (let p = ROOT; ; p = dirname(p)) {
    if ((statSync(p).mode & 0o001) === 0) return tmpdir();
    if (p === dirname(p)) return repoTmp;
  }
}

async function distinctFreePorts(n: number): Promise<number[]> {
  const ports = new Set<number>();
  while (ports.size < n) ports.add(await freePort());
  return [...ports];
}
