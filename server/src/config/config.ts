import { randomBytes } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { plainToInstance, Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  MinLength,
  validateSync,
} from 'class-validator';

/** The repository root, so default paths do not depend on the working directory. */
export const REPO_ROOT = resolve(__dirname, '..', '..', '..');

/** A proxy address or subnet, or one of express's names for a range. */
const PROXY_ENTRY = '(?:loopback|linklocal|uniquelocal|[0-9a-fA-F]*[.:][0-9a-fA-F.:]*(?:/\\d{1,3})?)';
/** `true` (trust every hop) is refused: anyone could then choose their own address. */
const TRUST_PROXY_PATTERN = new RegExp(`^(?:off|[1-9]|${PROXY_ENTRY}(?:\\s*,\\s*${PROXY_ENTRY})*)$`);

const toBool = ({ value }: { value: unknown }): unknown =>
  value === undefined || value === '' ? undefined : ['1', 'true', 'yes'].includes(String(value).toLowerCase());
/** For switches that open something: a typo must fail the start, not silently mean "off" or "on". */
const toStrictBool = ({ value }: { value: unknown }): unknown => {
  if (value === undefined || value === '') return undefined;
  const text = String(value).toLowerCase();
  if (['1', 'true', 'yes'].includes(text)) return true;
  if (['0', 'false', 'no'].includes(text)) return false;
  return value;
};
const toInt = ({ value }: { value: unknown }): unknown =>
  value === undefined || value === '' ? undefined : Number(value);

export const SANDBOX_FAULTS = ['kill-after-refund'] as const;

/** Every environment variable the server reads. Documented in README.md. */
export class EnvironmentVariables {
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT?: number;

  /** PostgreSQL connection string. Unset: the embedded PGlite database in PGLITE_DIR. */
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\//, { message: 'DATABASE_URL must start with postgres:// or postgresql://' })
  DATABASE_URL?: string;

  /**
   * A connection straight to the primary for migrations and their session-level advisory lock,
   * when DATABASE_URL goes through a pooler in transaction mode (which cannot hold a session lock).
   */
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\//, { message: 'DATABASE_DIRECT_URL must start with postgres:// or postgresql://' })
  DATABASE_DIRECT_URL?: string;

  /**
   * A streaming replica for the reads that may lag (search, product pages, analytics). Unset: they
   * go to DATABASE_URL like every other read.
   */
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\//, { message: 'DATABASE_READ_URL must start with postgres:// or postgresql://' })
  DATABASE_READ_URL?: string;

  /** The most the replica may lag before those reads go to the primary instead (default 5000). */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(200)
  @Max(600_000)
  DATABASE_READ_MAX_LAG_MS?: number;

  @IsOptional()
  @IsString()
  PGLITE_DIR?: string;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(200)
  DB_POOL_SIZE?: number;

  /**
   * Hot-path statements as named prepared statements (default on). Off behind a pooler in
   * transaction mode that cannot keep them (PgBouncer before 1.21).
   */
  @IsOptional()
  @Transform(toStrictBool)
  @IsBoolean({ message: 'DB_PREPARED_STATEMENTS must be true or false' })
  DB_PREPARED_STATEMENTS?: boolean;

  /** How long a request waits for a free database connection before it is answered 503. */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(600_000)
  DB_ACQUIRE_TIMEOUT_MS?: number;

  /** PostgreSQL's statement_timeout for the app's sessions. */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(3_600_000)
  DB_STATEMENT_TIMEOUT_MS?: number;

  /** PostgreSQL's idle_in_transaction_session_timeout (and the PGlite pool's idle lease limit). */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(3_600_000)
  DB_IDLE_IN_TRANSACTION_TIMEOUT_MS?: number;

  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters' })
  JWT_SECRET?: string;

  @IsOptional()
  @IsIn(['development', 'production', 'test'])
  NODE_ENV?: string;

  @IsOptional()
  @Transform(toBool)
  @IsBoolean()
  TEST_HOOKS?: boolean;

  @IsOptional()
  @Transform(toBool)
  @IsBoolean()
  SEED_DEMO?: boolean;

  @IsOptional()
  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL?: string;

  @IsOptional()
  @IsString()
  CLIENT_DIST?: string;

  /** Where uploaded images are stored (served at /uploads). */
  @IsOptional()
  @IsString()
  @MinLength(1)
  UPLOAD_DIR?: string;

  /** How often the job worker looks for due jobs; 0 turns it off (tests drive the clock). */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(3_600_000)
  JOBS_POLL_MS?: number;

  /** The OpenAPI document and its UI at /api/docs: on by default except in production. */
  @IsOptional()
  @Transform(({ value }: { value: unknown }) =>
    value === undefined || value === ''
      ? undefined
      : ['on', '1', 'true', 'yes'].includes(String(value).toLowerCase())
        ? true
        : ['off', '0', 'false', 'no'].includes(String(value).toLowerCase())
          ? false
          : value,
  )
  @IsBoolean({ message: 'API_DOCS must be on or off' })
  API_DOCS?: boolean;

  /** The secret the sandbox payment provider signs its notifications with. */
  @IsOptional()
  @IsString()
  @MinLength(16, { message: 'PAYMENT_NOTIFY_SECRET must be at least 16 characters' })
  PAYMENT_NOTIFY_SECRET?: string;

  /** The payment provider new payments open with, by its code (PaymentProviders); `sandbox` by default. */
  @IsOptional()
  @Matches(/^[a-z][a-z0-9_-]{0,31}$/, { message: 'PAYMENT_PROVIDER must be a provider code such as sandbox' })
  PAYMENT_PROVIDER?: string;

  /** Crash tests only (with TEST_HOOKS): makes the sandbox provider fail on purpose. */
  @IsOptional()
  @IsIn(SANDBOX_FAULTS)
  SANDBOX_FAULT?: (typeof SANDBOX_FAULTS)[number];

  /** Serves the sandbox login (any openId, no proof) in production too. Never on a real deployment. */
  @IsOptional()
  @Transform(toStrictBool)
  @IsBoolean()
  ALLOW_DEV_LOGIN?: boolean;

  /** Where WeChat's code2session lives; a test points it at a local stand-in. */
  @IsOptional()
  @Matches(/^https?:\/\/[^\s/?#]+(:\d+)?(\/[^\s?#]*)?$/, {
    message: 'WECHAT_API_BASE must be an http(s) URL without query, e.g. https://api.weixin.qq.com',
  })
  WECHAT_API_BASE?: string;

  @IsOptional()
  @Matches(/^wx[0-9A-Za-z]{16}$/, { message: 'WECHAT_APPID must be wx followed by 16 letters or digits' })
  WECHAT_APPID?: string;

  @IsOptional()
  @Matches(/^[0-9A-Za-z]{16,64}$/, { message: 'WECHAT_SECRET must be 16-64 letters and digits' })
  WECHAT_SECRET?: string;

  /** How long a code2session call may take before the login answers 503. */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(30_000)
  WECHAT_TIMEOUT_MS?: number;
  /** `off` turns the request rate limits off (load tests); the cap on unpaid orders stays. */
  @IsOptional()
  @IsIn(['on', 'off'], { message: 'RATE_LIMITS must be on or off' })
  RATE_LIMITS?: string;

  /**
   * Which proxies may name the client in X-Forwarded-For (express `trust proxy`): a hop count, or
   * addresses/subnets such as `loopback` or `10.0.0.0/8`. Unset or `off`: the socket address.
   */
  /** Server processes (node:cluster workers sharing the port); default: the cores in production, else 1. */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(64)
  WEB_CONCURRENCY?: number;

  @IsOptional()
  @Matches(TRUST_PROXY_PATTERN, {
    message:
      'TRUST_PROXY must be off, a hop count (1-9), or comma-separated addresses, subnets or loopback/linklocal/uniquelocal',
  })
  TRUST_PROXY?: string;
}

/** The bounds that keep one request from holding the pool (see connection-guard.ts). */
export interface DatabaseBounds {
  acquireTimeoutMs: number;
  statementTimeoutMs: number;
  idleInTransactionTimeoutMs: number;
}

/** Where the data lives. */
export type DatabaseTarget =
  | {
      kind: 'postgres';
      url: string;
      poolSize: number;
      preparedStatements?: boolean;
      /** Straight to the primary, for migrations (DATABASE_DIRECT_URL); unset: `url`. */
      directUrl?: string;
      /** A replica for the reads that may lag (DATABASE_READ_URL), and how far it may lag. */
      read?: { url: string; maxLagMs: number };
    }
  | { kind: 'pglite'; dataDir: string };

export type DatabaseConfig = DatabaseTarget & DatabaseBounds;

export interface AppConfig {
  port: number;
  database: DatabaseConfig;
  jwtSecret: string;
  /** True when JWT_SECRET was not set and a random one was generated for this process. */
  jwtSecretGenerated: boolean;
  production: boolean;
  testHooks: boolean;
  /** Load the demo data when the database is empty (default: on for the embedded database). */
  seedDemoWhenEmpty: boolean;
  logLevel: string;
  clientDist: string;
  /** Uploaded images and their thumbnails (UPLOAD_DIR, default .data/uploads). */
  uploadDir: string;
  jobsPollMs: number;
  paymentNotifySecret: string;
  /** The code of the provider new payments open with (PAYMENT_PROVIDER). */
  paymentProvider: string;
  /** A fault the sandbox provider injects, for the crash tests; honoured only with test hooks. */
  sandboxFault?: (typeof SANDBOX_FAULTS)[number];

  /** The sandbox login `POST /api/auth/login` is routed (always outside production). */
  devLogin: boolean;
  wechat: { apiBase: string; appId: string | null; secret: string | null; timeoutMs: number };
  /** Per-user and per-address request rate limits (RATE_LIMITS, default on). */
  rateLimits: boolean;
  /** Express `trust proxy`: false (the socket address), a hop count, or trusted addresses. */
  trustProxy: false | number | string;
  /** Serve the OpenAPI document at /api/docs and /api/docs-json. */
  apiDocs: boolean;
  /** Server processes to run (always 1 on the embedded database: one process holds its folder). */
  processes: number;
  /** What WEB_CONCURRENCY asked for, when the embedded database forced 1 (for the warning). */
  processesRefused: number | null;
}

export class ConfigError extends Error {}

/** Reads and validates the environment; throws a ConfigError naming every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const vars = plainToInstance(EnvironmentVariables, env, { excludeExtraneousValues: false });
  const errors = validateSync(vars, { skipMissingProperties: false, forbidUnknownValues: false });
  if (errors.length > 0) {
    const lines = errors.flatMap((e) => Object.values(e.constraints ?? {}).map((m) => `  - ${m}`));
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const production = vars.NODE_ENV === 'production';
  if (production && !vars.JWT_SECRET) {
    throw new ConfigError('Invalid configuration:\n  - JWT_SECRET is required when NODE_ENV=production');
  }
  const bounds: DatabaseBounds = {
    acquireTimeoutMs: vars.DB_ACQUIRE_TIMEOUT_MS ?? 10_000,
    statementTimeoutMs: vars.DB_STATEMENT_TIMEOUT_MS ?? 30_000,
    idleInTransactionTimeoutMs: vars.DB_IDLE_IN_TRANSACTION_TIMEOUT_MS ?? 30_000,
  };
  const database: DatabaseConfig = vars.DATABASE_URL
    ? {
        kind: 'postgres',
        url: vars.DATABASE_URL,
        poolSize: vars.DB_POOL_SIZE ?? 10,
        preparedStatements: vars.DB_PREPARED_STATEMENTS ?? true,
        directUrl: vars.DATABASE_DIRECT_URL,
        read: vars.DATABASE_READ_URL
          ? { url: vars.DATABASE_READ_URL, maxLagMs: vars.DATABASE_READ_MAX_LAG_MS ?? 5000 }
          : undefined,
        ...bounds,
      }
    : { kind: 'pglite', dataDir: pgliteDir(vars.PGLITE_DIR), ...bounds };
  if (vars.DATABASE_READ_URL && !vars.DATABASE_URL) {
    throw new ConfigError(
      'Invalid configuration:\n  - DATABASE_READ_URL needs DATABASE_URL (the embedded database has no replica)',
    );
  }
  if (!vars.WECHAT_APPID !== !vars.WECHAT_SECRET) {
    throw new ConfigError('Invalid configuration:\n  - WECHAT_APPID and WECHAT_SECRET must be set together');
  }
  const processesAsked = vars.WEB_CONCURRENCY ?? (production ? availableParallelism() : 1);
  const processes = database.kind === 'pglite' ? 1 : processesAsked;
  return {
    port: vars.PORT ?? 3000,
    database,
    jwtSecret: vars.JWT_SECRET ?? randomBytes(32).toString('hex'),
    jwtSecretGenerated: !vars.JWT_SECRET,
    production,
    testHooks: vars.TEST_HOOKS ?? false,
    seedDemoWhenEmpty: vars.SEED_DEMO ?? database.kind === 'pglite',
    logLevel: vars.LOG_LEVEL ?? (vars.NODE_ENV === 'test' ? 'warn' : 'info'),
    clientDist: resolve(vars.CLIENT_DIST ?? resolve(REPO_ROOT, 'client', 'dist', 'h5')),
    uploadDir: resolve(vars.UPLOAD_DIR ?? resolve(REPO_ROOT, '.data', 'uploads')),
    jobsPollMs: vars.JOBS_POLL_MS ?? 1000,
    paymentNotifySecret: vars.PAYMENT_NOTIFY_SECRET ?? randomBytes(24).toString('hex'),
    paymentProvider: vars.PAYMENT_PROVIDER ?? 'sandbox',
    sandboxFault: vars.TEST_HOOKS ? vars.SANDBOX_FAULT : undefined,
    devLogin: !production || (vars.ALLOW_DEV_LOGIN ?? false),
    wechat: {
      apiBase: (vars.WECHAT_API_BASE ?? 'https://api.weixin.qq.com').replace(/\/+$/, ''),
      appId: vars.WECHAT_APPID ?? null,
      secret: vars.WECHAT_SECRET ?? null,
      timeoutMs: vars.WECHAT_TIMEOUT_MS ?? 5000,
    },
    rateLimits: vars.RATE_LIMITS !== 'off',
    trustProxy: trustProxy(vars.TRUST_PROXY),
    apiDocs: vars.API_DOCS ?? !production,
    processes,
    // Only a WEB_CONCURRENCY that was set is worth a warning; the default quietly follows the database.
    processesRefused: vars.WEB_CONCURRENCY !== undefined && processes < processesAsked ? processesAsked : null,
  };
}

function trustProxy(value: string | undefined): AppConfig['trustProxy'] {
  if (value === undefined || value === 'off') return false;
  return /^\d$/.test(value) ? Number(value) : value;
}

/** A folder, resolved; `memory://` (no database on disk) stays as it is. */
function pgliteDir(dir: string | undefined): string {
  if (dir?.startsWith('memory://')) return dir;
  return resolve(dir ?? resolve(REPO_ROOT, '.data', 'pglite'));
}

export const APP_CONFIG = Symbol('APP_CONFIG');
