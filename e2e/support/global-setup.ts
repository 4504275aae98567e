import 'reflect-metadata';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../server/src/database/options';
import { databaseUrl, MAX_WORKERS, serverUrl, TEMPLATE_DB } from './databases';

/** Migrates a template database once, then clones one database per jest worker from it. */
export default async function globalSetup(): Promise<void> {
  const admin = new Client({ connectionString: serverUrl() });
  try {
    await admin.connect();
  } catch (err) {
    throw new Error(
      `API tests need PostgreSQL at ${serverUrl()} (set TEST_DATABASE_URL, or run scripts/postgres.sh): ${String(err)}`,
    );
  }
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DB} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${TEMPLATE_DB}`);
    const template = new DataSource(
      dataSourceOptions({ kind: 'postgres', url: databaseUrl(TEMPLATE_DB), poolSize: 2 }),
    );
    await template.initialize();
    await template.runMigrations({ transaction: 'each' });
    await template.destroy();
    for (let worker = 1; worker <= MAX_WORKERS; worker++) {
      const name = `giftshop_test_${worker}`;
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.query(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE_DB}`);
    }
  } finally {
    await admin.end();
  }
}
