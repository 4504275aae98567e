import { Global, Inject, Injectable, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../config/config';
import { guardPool } from './connection-guard';
import { dataSourceOptions } from './options';
import { usePreparedStatements } from './prepared';
import { LaggingReads } from './lagging-reads';
import { MigrationService } from './migration.service';

/** Puts the connection guards on the pool as soon as the DataSource exists. */
@Injectable()
class PoolGuard {
  constructor(dataSource: DataSource, @Inject(APP_CONFIG) config: AppConfig) {
    // Outside production a transaction that asks for a second connection fails loudly; in
    // production it is logged and the acquire timeout bounds the wait.
    guardPool(dataSource, { strict: !config.production });
    usePreparedStatements(
      dataSource,
      config.database.kind !== 'postgres' || config.database.preparedStatements !== false,
    );
  }
}

@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => dataSourceOptions(config.database),
    }),
  ],
  providers: [PoolGuard, MigrationService, LaggingReads],
  exports: [MigrationService, LaggingReads],
})
export class DatabaseModule {}
