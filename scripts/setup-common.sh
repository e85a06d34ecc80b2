# Sourced by scripts/bootstrap.sh and scripts/paddle-env.sh (which define `_say` and ORDERHUB_ROOT):
#   _apt_install PKG...   install the Debian packages that are missing, with sudo when not root
#   _ensure_venv DIR      create a virtualenv in DIR with Python 3.11 (ORDERHUB_PYTHON), unless it exists
#   _deps_hash            the hash of pyproject.toml a venv's install stamp is compared with
_apt_install() {
  local missing=()
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null 2>&1 || { _say "need root or sudo to install: ${missing[*]}"; return 1; }
    sudo="sudo"
  fi
  _say "installing Debian packages: ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

_ensure_venv() {
  local dir="$1" py="${ORDERHUB_PYTHON:-python3.11}"
  command -v "$py" >/dev/null 2>&1 || py=python3
  if [ ! -x "$dir/bin/python" ]; then
    _say "creating $(basename "$dir") with $($py --version)"
    "$py" -m venv "$dir"
  fi
}

_deps_hash() {
  sha256sum < "$ORDERHUB_ROOT/pyproject.toml" | cut -d' ' -f1
}
