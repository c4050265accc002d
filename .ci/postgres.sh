# Sourced by .ci/run: install PostgreSQL (Debian), start a server on 127.0.0.1 as the
# `postgres` user (it refuses to run as root), create a database and export its URL as
# TRACKER_TEST_POSTGRES. The server is stopped when the calling script exits.
if [ "$(id -u)" = 0 ] && ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
fi
PG_BIN="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"
PG_PORT="${PG_PORT:-55432}"
PG_DIR="$(mktemp -d /tmp/tracker-pg.XXXXXX)"
chown postgres "$PG_DIR"
as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
as_postgres "$PG_BIN/initdb" -D "$PG_DIR/data" -U postgres --auth=trust --locale=C.UTF-8 --encoding=UTF8 >/dev/null
as_postgres "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w \
    -o "-h 127.0.0.1 -p $PG_PORT -k $PG_DIR -c fsync=off -c max_connections=200" start >/dev/null
trap 'as_postgres "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m fast stop >/dev/null 2>&1 || true' EXIT
as_postgres "$PG_BIN/createdb" -h 127.0.0.1 -p "$PG_PORT" -U postgres tracker
export TRACKER_TEST_POSTGRES="postgresql://postgres@127.0.0.1:$PG_PORT/tracker"
echo "PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') for the ledger tests: $TRACKER_TEST_POSTGRES"
