# Sourced by scripts/bootstrap.sh and scripts/paddle-env.sh (which define `_say`):
# `_apt_install PKG...` installs the Debian packages that are missing, with sudo when not root.
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
