#!/usr/bin/env bash
# Starts (once) a throwaway PostgreSQL on 127.0.0.1 for development and benchmarks, and prints its URL.
# Needs Debian's postgresql (and postgresql-contrib) and root (the server runs as the postgres user).
# PGPORT (default 54330) and DEV_PG_DIR (default /tmp/consortia-dev-pg) choose where it lives.
set -euo pipefail
PORT="${PGPORT:-54330}"
DIR="${DEV_PG_DIR:-/tmp/consortia-dev-pg}"
BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
if [ -z "$BIN" ]; then echo "PostgreSQL server binaries not found (apt-get install postgresql postgresql-contrib)" >&2; exit 1; fi
if ! "$BIN/pg_isready" -h 127.0.0.1 -p "$PORT" >/dev/null 2>&1; then
  if [ ! -d "$DIR/data" ]; then
    mkdir -p "$DIR" && chown postgres:postgres "$DIR"
    runuser -u postgres -- "$BIN/initdb" -D "$DIR/data" -A trust -U postgres >/dev/null
  fi
  runuser -u postgres -- "$BIN/pg_ctl" -D "$DIR/data" -l "$DIR/log" -w \
    -o "-p $PORT -k $DIR -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=300" start >/dev/null
fi
echo "postgres://postgres@127.0.0.1:$PORT/postgres"
