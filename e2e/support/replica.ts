import { serverUrl } from './databases';

/**
 * The streaming replica of the test server (`scripts/cluster.sh replica` starts it on :5433):
 * TEST_REPLICA_URL names it, else the test server's URL on port 5433. The URL of `database` on it.
 */
export function replicaUrl(database: string): string {
  const url = new URL(process.env.TEST_REPLICA_URL ?? serverUrl());
  if (!process.env.TEST_REPLICA_URL) url.port = '5433';
  url.pathname = `/${database}`;
  return url.toString();
}
