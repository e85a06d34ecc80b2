#!/usr/bin/env bash
# Start a throwaway PostgreSQL on loopback for the store tests and print its URL.
# Installs Debian's postgresql when missing. Idempotent: a running instance is reused.
set -euo pipefail
PORT="${ORDERHUB_PG_PORT:-54329}"
DATA="${ORDERHUB_PG_DIR:-/tmp/orderhub-pg-$PORT}"
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq postgresql >/dev/null
fi
BIN="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"
as_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
if ! as_pg "$BIN/pg_isready" -q -h 127.0.0.1 -p "$PORT" 2>/dev/null; then
  if [ ! -f "$DATA/PG_VERSION" ]; then
    mkdir -p "$DATA"; [ "$(id -u)" -eq 0 ] && chown postgres "$DATA"
    as_pg "$BIN/initdb" -D "$DATA" -U postgres --auth=trust >/dev/null
  fi
  as_pg "$BIN/pg_ctl" -D "$DATA" -l "$DATA/log" -w -o "-p $PORT -k /tmp -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null
fi
echo "postgresql+psycopg://postgres@127.0.0.1:$PORT/postgres"
