import { randomBytes } from 'node:crypto';
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

const toBool = ({ value }: { value: unknown }): unknown =>
  value === undefined || value === '' ? undefined : ['1', 'true', 'yes'].includes(String(value).toLowerCase());
const toInt = ({ value }: { value: unknown }): unknown =>
  value === undefined || value === '' ? undefined : Number(value);

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

  @IsOptional()
  @IsString()
  PGLITE_DIR?: string;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(200)
  DB_POOL_SIZE?: number;

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
}

export interface AppConfig {
  port: number;
  database: { kind: 'postgres'; url: string; poolSize: number } | { kind: 'pglite'; dataDir: string };
  jwtSecret: string;
  /** True when JWT_SECRET was not set and a random one was generated for this process. */
  jwtSecretGenerated: boolean;
  production: boolean;
  testHooks: boolean;
  /** Load the demo data when the database is empty (default: on for the embedded database). */
  seedDemoWhenEmpty: boolean;
  logLevel: string;
  clientDist: string;
  jobsPollMs: number;
  paymentNotifySecret: string;
  /** Serve the OpenAPI document at /api/docs and /api/docs-json. */
  apiDocs: boolean;
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
  const database: AppConfig['database'] = vars.DATABASE_URL
    ? { kind: 'postgres', url: vars.DATABASE_URL, poolSize: vars.DB_POOL_SIZE ?? 10 }
    : { kind: 'pglite', dataDir: resolve(vars.PGLITE_DIR ?? resolve(REPO_ROOT, '.data', 'pglite')) };
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
    jobsPollMs: vars.JOBS_POLL_MS ?? 1000,
    paymentNotifySecret: vars.PAYMENT_NOTIFY_SECRET ?? randomBytes(24).toString('hex'),
    apiDocs: vars.API_DOCS ?? !production,
  };
}

export const APP_CONFIG = Symbol('APP_CONFIG');
