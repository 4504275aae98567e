/**
 * Test databases on a real PostgreSQL server. TEST_DATABASE_URL names the server (any database
 * on it the role may connect to); each jest worker gets `giftshop_test_<worker id>`, cloned from a
 * migrated template so every test file starts from the current schema.
 */
export const DEFAULT_TEST_DATABASE_URL = 'postgres://giftshop:giftshop@127.0.0.1:5432/giftshop';
export const MAX_WORKERS = 8;

/**
 * Names are unique per jest run (the global setup sets GIFTSHOP_TEST_RUN for the workers), so two
 * runs on one server never drop each other's databases.
 */
function runId(): string {
  const id = process.env.GIFTSHOP_TEST_RUN;
  if (!id) throw new Error('GIFTSHOP_TEST_RUN is not set: the api project global setup did not run');
  return id;
}

export function templateDatabase(): string {
  return `giftshop_t${runId()}_template`;
}

export function workerDatabaseName(worker: number | string): string {
  return `giftshop_t${runId()}_w${worker}`;
}

export function serverUrl(): string {
  return process.env.TEST_DATABASE_URL ?? DEFAULT_TEST_DATABASE_URL;
}

export function databaseUrl(name: string): string {
  const url = new URL(serverUrl());
  url.pathname = `/${name}`;
  return url.toString();
}

export function workerDatabase(): string {
  return workerDatabaseName(process.env.JEST_WORKER_ID ?? '1');
}
