import { Client } from 'pg';
import { MAX_WORKERS, serverUrl, templateDatabase, workerDatabaseName } from './databases';

/** Drops this run's databases. */
export default async function globalTeardown(): Promise<void> {
  const admin = new Client({ connectionString: serverUrl() });
  await admin.connect();
  try {
    const names = [templateDatabase(), ...Array.from({ length: MAX_WORKERS }, (_, i) => workerDatabaseName(i + 1))];
    for (const name of names) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}
