#!/usr/bin/env bash
# Installs what the tests need (Chromium from Debian, Python test packages; build.py
# installs the npm packages itself) and runs every test: engine and build tests under
# CPython, browser tests in Chromium against built sites.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v chromium >/dev/null 2>&1; then
  echo "== installing Chromium (Debian package)"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
fi

echo "== installing Python test packages"
python3 -m pip install -q --disable-pip-version-check "pytest>=8" "pytest-playwright>=0.5" "playwright>=1.45"
echo "== installing wasmlit itself (editable: activates its pytest plugin)"
python3 -m pip install -q --disable-pip-version-check --no-deps -e .

echo "== building dist/"
python3 build.py

echo "== running tests"
python3 -m pytest -q -p no:cacheprovider tests examples "$@"
