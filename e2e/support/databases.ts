/**
 * Test databases on a real PostgreSQL server. TEST_DATABASE_URL names the server (any database
 * on it the role may connect to); each jest worker gets `giftshop_test_<worker id>`, cloned from a
 * migrated template so every test file starts from the current schema.
 */
export const DEFAULT_TEST_DATABASE_URL = 'postgres://giftshop:giftshop@127.0.0.1:5432/giftshop';
export const TEMPLATE_DB = 'giftshop_test_template';
export const MAX_WORKERS = 8;

export function serverUrl(): string {
  return process.env.TEST_DATABASE_URL ?? DEFAULT_TEST_DATABASE_URL;
}

export function databaseUrl(name: string): string {
  const url = new URL(serverUrl());
  url.pathname = `/${name}`;
  return url.toString();
}

export function workerDatabase(): string {
  return `giftshop_test_${process.env.JEST_WORKER_ID ?? '1'}`;
}
