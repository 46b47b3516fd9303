#!/usr/bin/env bash
# Set up everything the test suite needs on a fresh Debian / Python 3.11 machine, then run it.
# Used by the README's test command and by .ci/run. Exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
fi
.venv/bin/pip install --quiet --disable-pip-version-check -e '.[test]'
exec .venv/bin/python -m pytest -q "$@"
