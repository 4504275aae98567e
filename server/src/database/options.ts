import 'reflect-metadata';
import { MIGRATIONS } from '@giftshop/migrations';
import { types } from 'pg';
import { DataSourceOptions } from 'typeorm';
import type { DatabaseBounds, DatabaseTarget } from '../config/config';
import { ENTITIES } from './entities';
import { pgliteDriver } from './pglite-pool';
import { SnakeNamingStrategy } from './snake-naming.strategy';

// bigint (int8) sums of fen come back as numbers, as PGlite already returns them. Fen totals stay
// far below 2^53.
types.setTypeParser(types.builtins.INT8, (value) => Number(value));

/**
 * The one DataSource definition, used by the app and by the TypeORM migration CLI.
 * PostgreSQL when DATABASE_URL is set; otherwise embedded PGlite behind a one-holder pool.
 * The schema changes only through migrations: `synchronize` is always off.
 */
export function dataSourceOptions(database: DatabaseTarget & Partial<DatabaseBounds>): DataSourceOptions {
  const common = {
    type: 'postgres' as const,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    migrationsRun: false,
    migrationsTableName: 'typeorm_migrations',
    installExtensions: false,
  };
  if (database.kind === 'postgres') {
    return {
      ...common,
      url: database.url,
      extra: {
        max: database.poolSize,
        // Waiting for a connection is bounded (answered 503), and so is what PostgreSQL lets a
        // session hold: a runaway statement or a transaction left idle is ended by the server.
        connectionTimeoutMillis: database.acquireTimeoutMs ?? 10_000,
        statement_timeout: database.statementTimeoutMs ?? 30_000,
        idle_in_transaction_session_timeout: database.idleInTransactionTimeoutMs ?? 30_000,
      },
    };
  }
  return {
    ...common,
    database: 'postgres',
    driver: pgliteDriver({
      dataDir: database.dataDir,
      acquireTimeoutMs: database.acquireTimeoutMs,
      idleLeaseMs: database.idleInTransactionTimeoutMs,
    }),
  };
}
