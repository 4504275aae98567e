import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { refreshSearchVectors } from '../catalog/search-vector';
import { APP_CONFIG, AppConfig } from '../config/config';
import { dataSourceOptions } from './options';

/** An arbitrary constant naming the advisory lock that serialises migration runs. */
const MIGRATION_LOCK_KEY = 4_242_001;

@Injectable()
export class MigrationService {
  private readonly logger = new Logger('Migrations');

  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Brings the schema up to date, then runs `andThen` (the demo seed) under the same lock. On
   * PostgreSQL several app processes start at once (WEB_CONCURRENCY, or a fleet), so the run holds
   * an advisory lock on a session of its own: the first process migrates and seeds, the others
   * wait and find nothing left to do. Behind a pooler in transaction mode a session lock would not
   * stay on one server connection, so with DATABASE_DIRECT_URL the lock and the migrations take a
   * connection straight to the primary. PGlite has one session and one process.
   */
  async migrate(andThen?: () => Promise<unknown>): Promise<void> {
    const database = this.config.database;
    if (database.kind === 'pglite') {
      await this.run(this.dataSource);
      await andThen?.();
      return;
    }
    const direct = database.directUrl
      ? await new DataSource(dataSourceOptions({ ...database, url: database.directUrl, poolSize: 2 })).initialize()
      : this.dataSource;
    const lockHolder = direct.createQueryRunner();
    try {
      await lockHolder.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
      await this.run(direct);
      await andThen?.();
    } finally {
      await lockHolder.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
      await lockHolder.release();
      if (direct !== this.dataSource) await direct.destroy();
    }
  }

  private async run(db: DataSource): Promise<void> {
    const applied = await db.runMigrations({ transaction: 'each' });
    for (const m of applied) this.logger.log(`applied ${m.name}`);
    // Search vectors are built by the app's tokenizer, not in SQL: products without one get it now.
    const indexed = await refreshSearchVectors(db.manager);
    if (indexed > 0) this.logger.log(`search: indexed ${indexed} products`);
  }
}
