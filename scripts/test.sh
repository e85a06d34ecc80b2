#!/usr/bin/env bash
# The whole test run: lint, import rules, the default suite, then the slow end-to-end tests.
set -euo pipefail
cd "$(dirname "$0")/.."
echo "== ruff"; ruff check .
echo "== import rules"; lint-imports
echo "== tests"; pytest -q "$@"
echo "== slow end-to-end tests"
set +e; pytest -q -m slow "$@"; rc=$?; set -e
# exit 5: no slow test collected; not a failure
[ "$rc" -eq 5 ] && rc=0
exit "$rc"
