#!/usr/bin/env bash
# The peers the reconciliation benches compare with (the `bench` extra: splink on DuckDB, recordlinkage),
# installed into .venv so that their tests (tests/bench/test_splink_compare.py) run instead of skipping.
# CI runs it (scripts/test.sh); a user's `./run test` does not need it. Idempotent: pip runs only when
# pyproject.toml changed since the last install. Run: bash scripts/bench-env.sh
set -euo pipefail

ORDERHUB_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export ORDERHUB_ROOT

_say() { printf '\033[1;34m[bench-env]\033[0m %s\n' "$*" >&2; }

. "$ORDERHUB_ROOT/scripts/setup-common.sh"

stamp="$ORDERHUB_ROOT/.venv/.orderhub-bench-deps"
want="$(_deps_hash)"
if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
  _say "installing the bench extra (splink, duckdb, recordlinkage) into .venv"
  "$ORDERHUB_ROOT/.venv/bin/python" -m pip install -q -e "$ORDERHUB_ROOT[dev,bench]"
  echo "$want" > "$stamp"
fi
