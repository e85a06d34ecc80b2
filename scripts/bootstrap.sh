#!/usr/bin/env bash
# Idempotent set-up for orderhub: installs what is missing and nothing else on a second run.
#   - Debian packages: chromium (the bots' browser) and a CJK font (PDF rendering, screenshots)
#   - a .venv with the project installed editable, re-installed only when pyproject.toml changed
#   - environment: PREFECT_HOME inside the project, telemetry off, a generous server start timeout
# Source it (". scripts/bootstrap.sh") to get the environment, or run it to only install.
# Sourced, it gives the caller's shell options back at the end (an interactive shell left with `set -e`
# closes at the first command that fails, e.g. a worker stopped with Ctrl-C).
if [ "${BASH_SOURCE[0]}" != "$0" ]; then
  _orderhub_caller_flags="$-"
  if shopt -qo pipefail; then _orderhub_caller_pipefail=1; else _orderhub_caller_pipefail=0; fi
fi
set -euo pipefail

ORDERHUB_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export ORDERHUB_ROOT

_say() { printf '\033[1;34m[bootstrap]\033[0m %s\n' "$*" >&2; }

. "$ORDERHUB_ROOT/scripts/setup-common.sh"

# chromium: Debian's build, driven by Playwright (never `playwright install`).
# fonts-wqy-microhei: a TrueType CJK font reportlab can embed in PDFs and chromium can render.
# fonts-dejavu-core: the Latin fonts the generator's international invoice families print with.
_apt_install chromium fonts-wqy-microhei fonts-dejavu-core

_ensure_venv "$ORDERHUB_ROOT/.venv"
stamp="$ORDERHUB_ROOT/.venv/.orderhub-deps"
want="$(_deps_hash)"
if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
  _say "installing Python dependencies (pyproject.toml changed or first run)"
  "$ORDERHUB_ROOT/.venv/bin/python" -m pip install -q --upgrade pip >/dev/null
  "$ORDERHUB_ROOT/.venv/bin/python" -m pip install -q -e "$ORDERHUB_ROOT[dev]"
  echo "$want" > "$stamp"
fi

export PATH="$ORDERHUB_ROOT/.venv/bin:$PATH"
export VIRTUAL_ENV="$ORDERHUB_ROOT/.venv"
export PREFECT_HOME="${PREFECT_HOME:-$ORDERHUB_ROOT/.prefect}"
export PREFECT_SERVER_ANALYTICS_ENABLED=false
export PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS=120
export ORDERHUB_CHROMIUM="${ORDERHUB_CHROMIUM:-/usr/bin/chromium}"
if [ -n "${_orderhub_caller_flags+set}" ]; then
  case "$_orderhub_caller_flags" in *e*) ;; *) set +e ;; esac
  case "$_orderhub_caller_flags" in *u*) ;; *) set +u ;; esac
  [ "$_orderhub_caller_pipefail" = 1 ] || set +o pipefail
  unset _orderhub_caller_flags _orderhub_caller_pipefail
fi
