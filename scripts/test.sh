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
echo "== installing the data stack the data tests use (pandas 3 as in the browser's Pyodide)"
python3 -m pip install -q --disable-pip-version-check "pandas>=3" numpy jinja2 altair plotly matplotlib
echo "== installing wasmlit itself (editable: activates its pytest plugin)"
python3 -m pip install -q --disable-pip-version-check --no-deps -e .

echo "== building dist/"
python3 build.py

echo "== running tests"
python3 -m pytest -q -p no:cacheprovider tests examples "$@"

# Users' machines still run pandas 2: the data tests again under pandas 2.x, in a
# throwaway venv over the packages installed above (only pandas differs; ~30 s).
echo "== data tests under pandas 2"
PANDAS2_VENV="$(mktemp -d)"
trap 'rm -rf "$PANDAS2_VENV"' EXIT
python3 -m venv --system-site-packages "$PANDAS2_VENV"
"$PANDAS2_VENV/bin/python" -m pip install -q --disable-pip-version-check "pandas<3"
"$PANDAS2_VENV/bin/python" -c "import pandas; assert pandas.__version__ < '3', pandas.__version__"
"$PANDAS2_VENV/bin/python" -m pytest -q -p no:cacheprovider tests/engine/test_pandas_data.py \
  tests/engine/test_pandas_apptest.py tests/engine/test_pandas_charts.py \
  tests/engine/test_data_editor.py tests/engine/test_data_elements.py
