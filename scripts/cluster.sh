#!/usr/bin/env bash
# The shop as a fleet on one machine, from Debian's packages:
#
#   HAProxy :3000 ──┬─ app :3101 ─┐
#                   ├─ app :3102 ─┼─ PgBouncer :6432 (transaction pooling) ── PostgreSQL :5432 (primary)
#                   └─ app :3103 ─┘                                              │ streaming
#                                                                       PostgreSQL :5433 (replica)
#
#   bash scripts/cluster.sh start    # builds nothing: run `npm run build` first
#   bash scripts/cluster.sh status
#   bash scripts/cluster.sh replica  # the primary and its replica only
#   bash scripts/cluster.sh stop
#   bash scripts/cluster.sh install        # only installs PgBouncer and HAProxy when missing
#   bash scripts/cluster.sh stop-bouncer   # PgBouncer down (the fault test), and back:
#   bash scripts/cluster.sh start-bouncer
#
# Each app process runs with WEB_CONCURRENCY=1 and DB_PREPARED_STATEMENTS=false (Debian's
# PgBouncer 1.18 keeps no prepared statement across transactions), its migrations and their
# advisory lock on DATABASE_DIRECT_URL (straight to the primary). The replica is made with
# pg_basebackup and follows the primary by streaming replication. State, logs and configuration
# live in CLUSTER_DIR (default .data/cluster). Extra environment (TEST_HOOKS, JOBS_POLL_MS, …) is
# passed to the app processes; JWT_SECRET and PAYMENT_NOTIFY_SECRET are shared by all of them.
# CLUSTER_REPLICA=0 starts no replica (the fault tests need none).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
RUN=${CLUSTER_DIR:-$ROOT/.data/cluster}
LB_PORT=${CLUSTER_PORT:-3000}
APP_PORTS=(${CLUSTER_APP_PORTS:-3101 3102 3103})
BOUNCER_PORT=${CLUSTER_BOUNCER_PORT:-6432}
REPLICA_PORT=${CLUSTER_REPLICA_PORT:-5433}
DB=${CLUSTER_DATABASE:-giftshop}
WITH_REPLICA=${CLUSTER_REPLICA:-1}
PRIMARY="postgres://giftshop:giftshop@127.0.0.1:5432/$DB"
POOLED="postgres://giftshop:giftshop@127.0.0.1:$BOUNCER_PORT/$DB"
REPLICA="postgres://giftshop:giftshop@127.0.0.1:$REPLICA_PORT/$DB"
PG_BIN=/usr/lib/postgresql/$( (ls /usr/lib/postgresql 2>/dev/null || true) | sort -V | tail -n 1)/bin

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
as_postgres() { as_root su postgres -s /bin/sh -c "$1"; }
psql_admin() { as_postgres "psql -v ON_ERROR_STOP=1 -qAt -c \"$1\""; }
# Whether a process runs: a killed one its parent has not reaped yet is a zombie, which `kill -0`
# still finds (an app killed with SIGKILL is reparented to init, which may reap it late).
running() { # pid
  local state
  state=$(ps -o stat= -p "$1" 2>/dev/null) || return 1
  [ -n "$state" ] && [ "${state#Z}" = "$state" ]
}

wait_for() { # what, command…
  local what=$1
  shift
  for _ in $(seq 1 100); do "$@" >/dev/null 2>&1 && return 0; sleep 0.2; done
  echo "cluster: $what did not come up (logs in $RUN)" >&2
  return 1
}

# PgBouncer and HAProxy, and what this script calls that a minimal Debian may lack (curl, pgrep).
install_packages() {
  local packages=()
  command -v pgbouncer >/dev/null || packages+=(pgbouncer)
  command -v haproxy >/dev/null || packages+=(haproxy)
  command -v curl >/dev/null || packages+=(curl)
  command -v pgrep >/dev/null || packages+=(procps)
  if [ ${#packages[@]} -gt 0 ]; then
    echo "== installing ${packages[*]} from Debian's packages"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${packages[@]}" >/dev/null
  fi
}

random_hex() { head -c "$1" /dev/urandom | od -An -v -tx1 | tr -d ' \n'; }

start_primary() {
  bash "$ROOT/scripts/postgres.sh" >/dev/null
  if [ "$(psql_admin "SELECT 1 FROM pg_database WHERE datname='$DB'")" != "1" ]; then
    psql_admin "CREATE DATABASE $DB OWNER giftshop"
  fi
  if [ "$(psql_admin "SELECT 1 FROM pg_roles WHERE rolname='replicator'")" != "1" ]; then
    psql_admin "CREATE ROLE replicator REPLICATION LOGIN PASSWORD 'replicator'"
  fi
  # PgBouncer cannot pass these as startup parameters (1.18 refuses unknown ones): the role's
  # defaults in the cluster's database give every pooled session the app's bounds (and nothing else).
  psql_admin "ALTER ROLE giftshop IN DATABASE $DB SET statement_timeout = '30s'"
  psql_admin "ALTER ROLE giftshop IN DATABASE $DB SET idle_in_transaction_session_timeout = '30s'"
}

start_replica() {
  local dir=$RUN/replica
  # Already streaming on its port (this folder's, or another checkout's): nothing to do.
  if [ "$(psql "$REPLICA" -qAtc 'SELECT pg_is_in_recovery()' 2>/dev/null)" = "t" ]; then return 0; fi
  # A replica holds nothing of its own: one that was stopped is made afresh, as the primary may have
  # recycled the WAL it would need to catch up (no replication slot keeps WAL for a stopped one).
  echo "== making the replica with pg_basebackup"
  as_root rm -rf "$dir"
  as_postgres "PGPASSWORD=replicator $PG_BIN/pg_basebackup -h 127.0.0.1 -p 5432 -U replicator -D '$dir' -R -X stream -c fast"
  # Debian keeps the configuration outside the data directory: the replica gets its own.
  as_postgres "cat > '$dir/postgresql.conf' <<EOF
port = $REPLICA_PORT
listen_addresses = '127.0.0.1'
unix_socket_directories = '$RUN'
hot_standby = on
hba_file = '$dir/pg_hba.conf'
ident_file = '$dir/pg_ident.conf'
EOF
printf 'local all all peer\nhost all all 127.0.0.1/32 scram-sha-256\n' > '$dir/pg_hba.conf'
: > '$dir/pg_ident.conf'"
  as_postgres "$PG_BIN/pg_ctl -D '$dir' -l '$RUN/replica.log' -w start" >/dev/null
  wait_for "the replica" psql "$REPLICA" -qAtc 'SELECT pg_is_in_recovery()'
}

start_bouncer() {
  cat >"$RUN/pgbouncer.ini" <<EOF
[databases]
$DB = host=127.0.0.1 port=5432 dbname=$DB

[pgbouncer]
listen_addr = 127.0.0.1
listen_port = $BOUNCER_PORT
unix_socket_dir = $RUN
auth_type = scram-sha-256
auth_file = $RUN/userlist.txt
pool_mode = transaction
max_client_conn = 1000
default_pool_size = ${CLUSTER_BOUNCER_POOL:-20}
ignore_startup_parameters = extra_float_digits,statement_timeout,idle_in_transaction_session_timeout
logfile = $RUN/pgbouncer.log
pidfile = $RUN/pgbouncer.pid
EOF
  echo '"giftshop" "giftshop"' >"$RUN/userlist.txt"
  as_root chown postgres "$RUN/pgbouncer.ini" "$RUN/userlist.txt"
  if ! pgrep -F "$RUN/pgbouncer.pid" >/dev/null 2>&1; then
    as_postgres "pgbouncer -d '$RUN/pgbouncer.ini'"
  fi
  wait_for "PgBouncer" psql "$POOLED" -qAtc 'SELECT 1'
}

start_apps() {
  [ -f "$ROOT/server/dist/main.js" ] || { echo "cluster: run \`npm run build\` first" >&2; exit 1; }
  [ -f "$RUN/secrets" ] || printf 'JWT_SECRET=%s\nPAYMENT_NOTIFY_SECRET=%s\n' "$(random_hex 32)" \
    "$(random_hex 24)" >"$RUN/secrets"
  # shellcheck disable=SC1091
  . "$RUN/secrets"
  for port in "${APP_PORTS[@]}"; do
    if [ -f "$RUN/app-$port.pid" ] && running "$(cat "$RUN/app-$port.pid")"; then continue; fi
    (
      cd "$ROOT"
      # Lag-tolerant reads go to the replica when there is one (issue 18).
      if [ "$WITH_REPLICA" = 1 ]; then export DATABASE_READ_URL=$REPLICA; fi
      PORT=$port WEB_CONCURRENCY=1 DATABASE_URL=$POOLED DATABASE_DIRECT_URL=$PRIMARY \
        DB_PREPARED_STATEMENTS=false JWT_SECRET=$JWT_SECRET PAYMENT_NOTIFY_SECRET=$PAYMENT_NOTIFY_SECRET \
        TRUST_PROXY=${TRUST_PROXY:-1} nohup node server/dist/main.js >"$RUN/app-$port.log" 2>&1 &
      echo $! >"$RUN/app-$port.pid"
    )
  done
  for port in "${APP_PORTS[@]}"; do wait_for "the app on :$port" curl -fsS "http://127.0.0.1:$port/api/health"; done
}

start_balancer() {
  {
    cat <<EOF
global
  daemon
  pidfile $RUN/haproxy.pid
  log stdout local0 warning

defaults
  mode http
  timeout connect 2s
  timeout client 60s
  timeout server 60s
  # A process busy with a storm may take a while to answer its check; a dead one refuses at once.
  timeout check 5s
  # The client's address for the per-address rate limits (the apps trust one proxy: TRUST_PROXY=1).
  option forwardfor
  # A request that could not reach a process goes to another (never one that reached it: a
  # client retries those with its Idempotency-Key).
  retries 3
  option redispatch

frontend shop
  bind 127.0.0.1:$LB_PORT
  default_backend apps

backend apps
  balance roundrobin
  option httpchk GET /api/health
  http-check expect status 200
EOF
    for port in "${APP_PORTS[@]}"; do echo "  server app$port 127.0.0.1:$port check inter 500 fall 2 rise 1"; done
  } >"$RUN/haproxy.cfg"
  haproxy -c -q -f "$RUN/haproxy.cfg"
  if [ -f "$RUN/haproxy.pid" ] && running "$(cat "$RUN/haproxy.pid")"; then
    haproxy -f "$RUN/haproxy.cfg" -sf "$(cat "$RUN/haproxy.pid")"
  else
    haproxy -f "$RUN/haproxy.cfg"
  fi
  wait_for "HAProxy" curl -fsS "http://127.0.0.1:$LB_PORT/api/health"
}

# Ends a process with SIGTERM and waits for it to be gone (SIGKILL after 10 s).
end_process() { # pid
  local pid=$1
  as_root kill "$pid" 2>/dev/null || return 0
  for _ in $(seq 1 100); do running "$pid" || return 0; sleep 0.1; done
  as_root kill -KILL "$pid" 2>/dev/null || true
}

stop_bouncer() {
  if [ -f "$RUN/pgbouncer.pid" ]; then
    end_process "$(cat "$RUN/pgbouncer.pid")"
    rm -f "$RUN/pgbouncer.pid"
  fi
}

stop_all() {
  for pidfile in "$RUN"/haproxy.pid "$RUN"/app-*.pid; do
    [ -f "$pidfile" ] && end_process "$(cat "$pidfile")"
    rm -f "$pidfile"
  done
  stop_bouncer
  [ -d "$RUN/replica" ] && as_postgres "$PG_BIN/pg_ctl -D '$RUN/replica' -m fast stop" >/dev/null 2>&1 || true
}

case "${1:-start}" in
  start)
    mkdir -p "$RUN"
    as_root chown postgres "$RUN"
    as_root chmod 0777 "$RUN"
    if ! as_postgres "test -w '$RUN'"; then
      echo "cluster: the postgres user cannot reach $RUN (PgBouncer and the replica run as postgres): set CLUSTER_DIR to a directory it can reach" >&2
      exit 1
    fi
    install_packages
    start_primary
    if [ "$WITH_REPLICA" = 1 ]; then start_replica; fi
    start_bouncer
    start_apps
    start_balancer
    replica="replica :$REPLICA_PORT"
    [ "$WITH_REPLICA" = 1 ] || replica="no replica"
    echo "== the shop runs at http://127.0.0.1:$LB_PORT (HAProxy → ${#APP_PORTS[@]} app processes → PgBouncer :$BOUNCER_PORT → primary :5432; $replica)"
    ;;
  replica)
    # The primary and its streaming replica only (the test command's read-replica suite). A
    # checkout the postgres user cannot reach (a private home) keeps the replica in /var/tmp.
    mkdir -p "$RUN"
    as_root chown postgres "$RUN"
    as_root chmod 0777 "$RUN"
    if ! as_postgres "test -w '$RUN'"; then
      RUN=/var/tmp/giftshop-replica
      as_root mkdir -p "$RUN"
      as_root chown postgres "$RUN"
    fi
    start_primary
    start_replica
    echo "== replica of :5432 streaming on :$REPLICA_PORT"
    ;;
  stop) stop_all ;;
  install) install_packages ;;
  stop-bouncer) stop_bouncer ;;
  start-bouncer) start_bouncer ;;
  status)
    for port in "${APP_PORTS[@]}"; do
      printf 'app :%s  ' "$port"
      curl -fsS "http://127.0.0.1:$port/api/health" 2>/dev/null || printf 'down'
      echo
    done
    printf 'haproxy :%s  ' "$LB_PORT"
    curl -fsS "http://127.0.0.1:$LB_PORT/api/health" 2>/dev/null || printf 'down'
    echo
    if [ "$WITH_REPLICA" = 1 ]; then
      psql "$REPLICA" -qAtc "SELECT 'replica :$REPLICA_PORT  in recovery: ' || pg_is_in_recovery()" 2>/dev/null ||
        echo "replica :$REPLICA_PORT  down"
    fi
    ;;
  *)
    echo "usage: $0 start|replica|stop|status|install|stop-bouncer|start-bouncer" >&2
    exit 2
    ;;
esac
