import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../server/src/database/options';
import { databaseUrl, MAX_WORKERS, serverUrl, templateDatabase, workerDatabaseName } from './databases';

/** Migrates a template database once, then clones one database per jest worker from it. */
export default async function globalSetup(): Promise<void> {
  process.env.GIFTSHOP_TEST_RUN = randomBytes(4).toString('hex');
  const admin = new Client({ connectionString: serverUrl() });
  try {
    await admin.connect();
  } catch (err) {
    throw new Error(
      `API tests need PostgreSQL at ${serverUrl()} (set TEST_DATABASE_URL, or run scripts/postgres.sh): ${String(err)}`,
    );
  }
  try {
    const template = templateDatabase();
    await admin.query(`CREATE DATABASE ${template}`);
    const source = new DataSource(dataSourceOptions({ kind: 'postgres', url: databaseUrl(template), poolSize: 2 }));
    await source.initialize();
    await source.runMigrations({ transaction: 'each' });
    await source.destroy();
    for (let worker = 1; worker <= MAX_WORKERS; worker++) {
      await admin.query(`CREATE DATABASE ${workerDatabaseName(worker)} TEMPLATE ${template}`);
    }
  } finally {
    await admin.end();
  }
}
