#!/usr/bin/env bash
# Makes sure a PostgreSQL server from Debian's packages runs on 127.0.0.1:5432 with a `giftshop`
# role that may create databases. Works as root without systemd (pg_ctlcluster). Idempotent.
set -euo pipefail

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

if ! command -v pg_ctlcluster >/dev/null 2>&1 || ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
  echo "== installing PostgreSQL from Debian's packages"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
fi

version=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
if ! pg_lsclusters -h 2>/dev/null | awk '{print $1" "$2}' | grep -q "^$version main$"; then
  as_root pg_createcluster "$version" main >/dev/null
fi
if ! pg_lsclusters -h | awk -v v="$version" '$1==v && $2=="main" {print $4}' | grep -q online; then
  echo "== starting PostgreSQL $version"
  as_root pg_ctlcluster "$version" main start
fi

psql_admin() { as_root su postgres -c "psql -v ON_ERROR_STOP=1 -qAt -c \"$1\""; }
if [ "$(psql_admin "SELECT 1 FROM pg_roles WHERE rolname='giftshop'")" != "1" ]; then
  psql_admin "CREATE ROLE giftshop LOGIN CREATEDB PASSWORD 'giftshop'"
fi
# DROP DATABASE … WITH (FORCE) (the suites' clean-up) also ends an autovacuum worker that happens to
# be in the database, and only a member of pg_signal_backend may end one.
psql_admin "GRANT pg_signal_backend TO giftshop"
if [ "$(psql_admin "SELECT 1 FROM pg_database WHERE datname='giftshop'")" != "1" ]; then
  psql_admin "CREATE DATABASE giftshop OWNER giftshop"
fi
# The read-replica suite pauses and resumes the replica's replay. A function's grant lives in each
# database (a replica has them too): template1's reaches every database made after it.
for db in template1 giftshop; do
  as_root su postgres -s /bin/sh -c "psql -v ON_ERROR_STOP=1 -qAt -d $db -c 'GRANT EXECUTE ON FUNCTION pg_wal_replay_pause(), pg_wal_replay_resume() TO giftshop'"
done
echo "== PostgreSQL $version ready: postgres://giftshop:giftshop@127.0.0.1:5432/giftshop"
