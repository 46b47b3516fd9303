#!/usr/bin/env bash
# Set up everything the test suite needs on a fresh Debian / Python 3.11 machine, then run it:
# a virtualenv with wartrace and its test extras, Debian's chromium and a PostgreSQL server
# (scripts/services.sh). The suite runs twice, once per store backend: SQLite, then PostgreSQL.
# Extra arguments go to pytest. Exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
fi
.venv/bin/pip install --quiet --disable-pip-version-check -e '.[test,web,plot,postgres,cluster]'
pg_url=$(bash scripts/services.sh | tail -n 1)
export WARTRACE_TEST_PG="$pg_url"
echo "== tests on SQLite"
WARTRACE_TEST_BACKEND=sqlite .venv/bin/python -m pytest -q "$@"
echo "== tests on PostgreSQL ($pg_url)"
WARTRACE_TEST_BACKEND=postgresql .venv/bin/python -m pytest -q "$@"
