#!/usr/bin/env bash
# Install and start what the tests use beyond Python: Debian's chromium (browser tests)
# and a PostgreSQL server (the store's second backend). Safe to run again.
# Prints the admin URL of the PostgreSQL server on its last line.
set -euo pipefail
need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
command -v pg_ctlcluster >/dev/null 2>&1 || need+=(postgresql)
if [ ${#need[@]} -gt 0 ]; then
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}" >&2
fi
SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
as_postgres() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else sudo -u postgres "$@"; fi; }
cluster=$(pg_lsclusters -h 2>/dev/null | head -n 1 || true)
if [ -z "$cluster" ]; then
  version=$(ls /usr/lib/postgresql | sort -n | tail -n 1)
  $SUDO pg_createcluster "$version" main >&2
  cluster=$(pg_lsclusters -h | head -n 1)
fi
read -r version name port _ <<<"$cluster"
$SUDO pg_ctlcluster "$version" "$name" start >/dev/null 2>&1 || true
for _ in $(seq 1 30); do
  as_postgres psql -p "$port" -Atqc "SELECT 1" >/dev/null 2>&1 && break
  sleep 1
done
if ! as_postgres psql -p "$port" -Atqc "SELECT 1 FROM pg_roles WHERE rolname = 'wartrace'" | grep -q 1; then
  as_postgres psql -p "$port" -qc "CREATE ROLE wartrace LOGIN SUPERUSER PASSWORD 'wartrace'" >&2
fi
echo "postgresql+psycopg://wartrace:wartrace@127.0.0.1:${port}/postgres"
