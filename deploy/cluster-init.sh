#!/usr/bin/env bash
# What the `cluster` profile of docker-compose.yml needs from the primary, done against the running
# `db` service at every `up` (idempotent), so the default `db` service stays exactly as it is:
#   - the app's statement and idle-transaction bounds as the role's defaults: PgBouncer in
#     transaction mode does not pass them on as startup parameters (scripts/cluster.sh does the same);
#   - `replicator`, the role the replica streams WAL with. It has no password: the only pg_hba.conf
#     lines that admit it are the ones initdb writes for replication from 127.0.0.1 (trust), and
#     the replica connects from there (it shares db's network namespace, see deploy/replica.sh);
#   - the secret the app processes share for the sandbox's signed payment notifications, made once
#     in the `fleet-secrets` volume (one process may check what another signed).
# Connection: PGHOST, PGUSER, PGPASSWORD, PGDATABASE from the service's environment.
set -euo pipefail

psql -v ON_ERROR_STOP=1 -q <<'SQL'
ALTER ROLE giftshop IN DATABASE giftshop SET statement_timeout = '30s';
ALTER ROLE giftshop IN DATABASE giftshop SET idle_in_transaction_session_timeout = '30s';
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'replicator') THEN
    CREATE ROLE replicator REPLICATION LOGIN;
  END IF;
END
$$;
SQL

secret=/run/fleet/payment_notify_secret
if [ ! -s "$secret" ]; then
  head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n' >"$secret"
  # The app image runs as `node` (uid 1000).
  chown 1000:1000 "$secret"
  chmod 0400 "$secret"
fi
echo "cluster-init: role defaults, replicator and the shared notification secret are in place"
