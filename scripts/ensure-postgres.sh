#!/usr/bin/env bash
# Make sure the PostgreSQL named by TALENTBRIDGE_TEST_POSTGRES_URL answers. Starts the local
# Debian cluster when it is down. With CI=true a missing PostgreSQL is an error, never a skip.
set -euo pipefail
url="${TALENTBRIDGE_TEST_POSTGRES_URL:-postgresql://postgres@127.0.0.1:5432/postgres}"
hostport="${url#*@}"; hostport="${hostport%%/*}"
host="${hostport%%:*}"; port="${hostport##*:}"; [ "$port" = "$host" ] && port=5432
ready() { pg_isready -q -h "$host" -p "$port" 2>/dev/null; }
if ! command -v pg_isready >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "installing PostgreSQL client and server from Debian"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  fi
fi
if ready; then exit 0; fi
if [ -d /etc/postgresql ] && command -v pg_ctlcluster >/dev/null; then
  echo "starting the local PostgreSQL cluster"
  pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -1)" main start || true
fi
for _ in $(seq 1 30); do ready && exit 0; sleep 1; done
echo "PostgreSQL at $host:$port is not reachable; set TALENTBRIDGE_TEST_POSTGRES_URL" >&2
exit 1
