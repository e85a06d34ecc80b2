#!/usr/bin/env bash
# The whole test run: lint, import rules, then every test (the default suite and the slow ones).
set -euo pipefail
cd "$(dirname "$0")/.."
echo "== ruff"; ruff check .
echo "== import rules"; lint-imports
# The store tests also run on a real PostgreSQL: in CI (or when asked) start one on loopback.
if [ "${CI:-}" = "true" ] || [ "${ORDERHUB_TEST_POSTGRES:-}" = "1" ]; then
  ORDERHUB_TEST_PG_URL="$(bash scripts/postgres.sh)" && export ORDERHUB_TEST_PG_URL
fi
# One pytest run over everything: the default suite (`pytest`) plus the tests marked slow.
echo "== tests (default suite and slow end-to-end tests)"
exec pytest -q -m "slow or not slow" "$@"
