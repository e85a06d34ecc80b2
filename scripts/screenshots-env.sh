#!/usr/bin/env bash
# The tools the workbook screenshots need (tests/reports/test_screenshots.py, docs/screenshots/):
#   libreoffice-calc-nogui  headless LibreOffice Calc, to print each workbook to PDF
#   poppler-utils           pdftoppm, to turn the PDF's pages into PNGs
# Idempotent: installs only what is missing. Run: bash scripts/screenshots-env.sh
set -euo pipefail

ORDERHUB_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export ORDERHUB_ROOT

_say() { printf '\033[1;34m[screenshots-env]\033[0m %s\n' "$*" >&2; }

. "$ORDERHUB_ROOT/scripts/setup-common.sh"

_apt_install libreoffice-calc-nogui poppler-utils fonts-wqy-microhei
