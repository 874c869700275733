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
python3 -m pip install -q --disable-pip-version-check "pytest>=8" "pytest-playwright>=0.5" "playwright>=1.45" \
  "pytest-xdist>=3.5"
echo "== installing the data stack the data tests use (pandas 3 as in the browser's Pyodide)"
python3 -m pip install -q --disable-pip-version-check "pandas>=3" numpy jinja2 altair plotly matplotlib \
  pyarrow pydeck graphviz "sqlalchemy==2.0.48" "bokeh==3.9.0"
echo "== installing wasmlit itself (editable: activates its pytest plugin)"
python3 -m pip install -q --disable-pip-version-check --no-deps -e .

echo "== building dist/"
python3 build.py

# Two workers (WASMLIT_TEST_WORKERS), each with its own Chromium; --dist loadfile keeps a
# module's tests on one worker, so its shared page (one Pyodide start) and its module-scoped
# site stay one. Builds are safe in parallel (build.py's lock, per-worker tmp_path_factory).
# Tests marked `serial` (timing thresholds) run alone afterwards, on an unloaded machine.
echo "== running tests (${WASMLIT_TEST_WORKERS:-2} workers)"
status=0
python3 -m pytest -q -p no:cacheprovider -n "${WASMLIT_TEST_WORKERS:-2}" --dist loadfile \
  -m "not serial and not wheel" tests examples "$@" || status=$?
echo "== running timing-sensitive tests alone"
python3 -m pytest -q -p no:cacheprovider -m serial tests examples "$@" || {
  rc=$?; [ "$rc" -eq 5 ] || status=$rc; }  # 5: none selected (a narrower run's arguments)
# Once: pip builds the wheel, installs it in a fresh venv (no npm, no Node), which builds
# examples/todo's site; the test opens it in Chromium (tests/test_wheel.py, ~30 s).
echo "== the wheel: built, installed in a fresh venv, building a site that runs"
python3 -m pytest -q -p no:cacheprovider -m wheel tests "$@" || {
  rc=$?; [ "$rc" -eq 5 ] || status=$rc; }
[ "$status" -eq 0 ] || exit "$status"

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
