#!/usr/bin/env bash
# The read replica of docker-compose.yml's `cluster` profile: a streaming standby of `db`, made
# with pg_basebackup on first start. The service shares db's network namespace
# (`network_mode: service:db`), so it reaches the primary at 127.0.0.1:5432, where initdb's
# pg_hba.conf admits replication without a password, and the default `db` service needs no
# change; it listens on 5433, which the app processes reach as db:5433 (DATABASE_READ_URL).
# The role `replicator` comes from deploy/cluster-init.sh.
set -euo pipefail

data=/var/lib/postgresql/data
if [ ! -s "$data/PG_VERSION" ]; then
  echo "replica: copying the primary with pg_basebackup"
  chown postgres:postgres "$data"
  chmod 0700 "$data"
  # -R writes standby.signal and primary_conninfo: the copy starts as a standby and streams.
  gosu postgres pg_basebackup -h 127.0.0.1 -p 5432 -U replicator -D "$data" -R -X stream -c fast
fi
exec gosu postgres postgres -D "$data" -c port=5433 -c hot_standby=on
