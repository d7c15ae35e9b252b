#!/usr/bin/env bash
# Start a throw-away PostgreSQL on 127.0.0.1 for the tests (installed from Debian's `postgresql` package)
# and print its SQLAlchemy URL on stdout: the tests read it from KENESH_TEST_POSTGRES_URL.
#   export KENESH_TEST_POSTGRES_URL="$(bash .ci/postgres.sh)"
# Idempotent: a cluster this script started before is reused. Its own data directory and port, so a
# Debian cluster (which wants a password on 127.0.0.1) is left alone. Stop it with `bash .ci/postgres.sh stop`.
set -euo pipefail

DATA="${KENESH_PG_DIR:-/tmp/kenesh-postgres}"
DB="${KENESH_PG_DB:-kenesh_test}"
BIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
if [[ -z "$BIN" ]]; then
  echo "postgres.sh: PostgreSQL is not installed (apt-get install -y postgresql)" >&2
  exit 1
fi

# initdb and the server refuse to run as root: as root, act as the `postgres` user the package creates.
as_pg() {
  if [[ "$(id -u)" == 0 ]]; then
    su -s /bin/sh postgres -c "$(printf '%q ' "$@")"
  else
    "$@"
  fi
}

if [[ "${1:-}" == stop ]]; then
  as_pg "$BIN/pg_ctl" -D "$DATA/data" -m fast stop >&2 || true
  exit 0
fi

mkdir -p "$DATA"
[[ "$(id -u)" == 0 ]] && chown postgres:postgres "$DATA"
if [[ ! -f "$DATA/data/PG_VERSION" ]]; then
  as_pg "$BIN/initdb" -D "$DATA/data" --username=postgres --auth=trust --encoding=UTF8 --no-locale >/dev/null
fi

if as_pg "$BIN/pg_ctl" -D "$DATA/data" status >/dev/null 2>&1; then
  port="$(sed -n 4p "$DATA/data/postmaster.pid")"
else
  port="${KENESH_PG_PORT:-5432}"
  while (echo >"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do  # taken by another server: take the next port
    port=$((port + 1))
  done
  # Durability settings off: a test database is rebuilt on every run, speed matters more.
  as_pg "$BIN/pg_ctl" -D "$DATA/data" -l "$DATA/server.log" -w -t 60 start \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $DATA -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
    >/dev/null
fi

exists="$(as_pg "$BIN/psql" -h 127.0.0.1 -p "$port" -U postgres -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$DB'")"
if [[ "$exists" != 1 ]]; then
  as_pg "$BIN/createdb" -h 127.0.0.1 -p "$port" -U postgres "$DB"
fi
echo "PostgreSQL $("$BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$port, database $DB" >&2
echo "postgresql+psycopg://postgres@127.0.0.1:$port/$DB"
