"""pytest plugin (entry point `pytest11: wasmlit`): test a wasmlit app in a real browser.

Built on pytest-playwright. A test module names its app, and its tests get a Playwright
page with the app loaded and idle:

    # test_app_page.py
    wasmlit_app = "app.py"            # relative to this test file (or absolute)

    def test_title(app_page):
        assert app_page.get_by_role("heading", name="Todo").is_visible()

    def test_add(app_page, wait_for_run):
        app_page.get_by_label("New task").fill("milk")
        app_page.get_by_label("New task").press("Enter")
        wait_for_run(app_page)

Where the app comes from, first found: a `@pytest.mark.wasmlit_app("app.py")` marker on the
module (`pytestmark`), a module-level `wasmlit_app = "app.py"`, the `--wasmlit-app` option,
the `wasmlit_app` ini setting (relative to the rootdir). The site is built once per test
module with wasmlit's `build.py --app` (found beside the installed `wasmlit` package, in
the rootdir or above the app; or set `--wasmlit-root` / ini `wasmlit_root` / $WASMLIT_ROOT
to the wasmlit checkout), and served from 127.0.0.1 on a free port by the same checkout's
static server (`buildlib/static_server.py`, the one `build.py --serve` uses). Installed
from the wheel (no checkout chosen or beside the package), the installed build code
does both: `python -m wasmlit build APP -o SITE` and `wasmlit_build.static_server`.

Browsers: whatever pytest-playwright runs (`--browser`, `--browser-channel`). For Chromium
with no browser installed by `playwright install`, the system's Chromium is used
(`$WASMLIT_CHROMIUM`, else `chromium` on PATH, e.g. Debian's /usr/bin/chromium) with the
flags it needs in a container (--no-sandbox, --disable-gpu).

Fixtures: `wasmlit_site` (the built site's folder), `wasmlit_url` (its served address),
`app_page` (a loaded, idle page), `wait_for_run` (the helper below, as a fixture).
"""
from __future__ import annotations

import importlib
import importlib.util
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any, Iterator

import pytest

IDLE = "[data-testid='stApp'][data-test-script-state='notRunning']"
CHROMIUM_FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--disable-quic",
                  "--no-first-run"]

# Counts the runs the page finished (stApp's script state going back to notRunning), from
# the document's start, so `wait_for_run` cannot miss a run that ended before it looked.
_RUN_COUNTER = """
(() => {
  if (window.__wasmlitRunsDone !== undefined) return;
  window.__wasmlitRunsDone = 0;
  new MutationObserver((records) => {
    for (const r of records) {
      const now = r.target.getAttribute("data-test-script-state");
      if (r.target.dataset.testid === "stApp" && now === "notRunning" && r.oldValue !== now)
        window.__wasmlitRunsDone += 1;
    }
  }).observe(document, { subtree: true, attributes: true, attributeOldValue: true,
                         attributeFilter: ["data-test-script-state"] });
})();
"""


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("wasmlit", "wasmlit app pages (Playwright)")
    group.addoption("--wasmlit-app", default=None, help="app file for the app_page fixture")
    group.addoption("--wasmlit-root", default=None,
                    help="wasmlit checkout whose build.py builds the site")
    parser.addini("wasmlit_app", "app file for the app_page fixture (relative to rootdir)",
                  default="")
    parser.addini("wasmlit_root", "wasmlit checkout whose build.py builds sites", default="")


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "wasmlit_app(path): the app file a test module's app_page serves")
    # Registered now, after every entry-point plugin, so this override of
    # pytest-playwright's launch arguments comes after (and builds on) its own.
    if not config.pluginmanager.has_plugin("wasmlit-browser"):
        config.pluginmanager.register(_BrowserChoice(), "wasmlit-browser")


def _playwright_has_chromium() -> bool:
    """Whether `playwright install` put a Chromium where Playwright looks for it."""
    where = os.environ.get("PLAYWRIGHT_BROWSERS_PATH")
    base = Path(where) if where and where != "0" else Path.home() / ".cache" / "ms-playwright"
    if where == "0":
        import playwright
        base = Path(playwright.__file__).parent / "driver" / "package" / ".local-browsers"
    return base.is_dir() and any(p.name.startswith("chromium") for p in base.iterdir())


class _BrowserChoice:
    @pytest.fixture(scope="session")
    def browser_type_launch_args(self, browser_type_launch_args: dict, browser_name: str) -> dict:
        """pytest-playwright's launch arguments; for Chromium without a Playwright-installed
        one (or with $WASMLIT_CHROMIUM set), the system Chromium and its container flags."""
        args = dict(browser_type_launch_args)
        if browser_name != "chromium" or "executable_path" in args or args.get("channel"):
            return args
        executable = os.environ.get("WASMLIT_CHROMIUM")
        if not executable and not _playwright_has_chromium():
            executable = shutil.which("chromium") or shutil.which("chromium-browser")
        if executable:
            args["executable_path"] = executable
            args["args"] = list(args.get("args") or []) + [
                f for f in CHROMIUM_FLAGS if f not in (args.get("args") or [])]
        return args


# --- the helper -------------------------------------------------------------------------
def wait_for_run(page: Any, timeout: float = 30_000) -> None:
    """Wait until the app has finished a run that started after the previous
    `wait_for_run` on this page (or after it loaded): call it after an interaction.
    `timeout` in milliseconds, as Playwright's."""
    counted = page.evaluate("window.__wasmlitRunsDone !== undefined")
    if counted:  # a page from app_page (else: only wait until the app is idle)
        seen = page.evaluate("window.__wasmlitRunsSeen || 0")
        page.wait_for_function(f"window.__wasmlitRunsDone > {seen}", timeout=timeout)
    page.wait_for_selector(IDLE, timeout=timeout)
    page.evaluate("window.__wasmlitRunsSeen = window.__wasmlitRunsDone")


# --- finding the app and build.py ---------------------------------------------------------
def _ini(config: pytest.Config, name: str) -> str:
    try:
        return config.getini(name) or ""
    except ValueError:  # the plugin's options are not registered (loaded from a conftest)
        return ""


def _app_path(request: pytest.FixtureRequest, required: bool = True) -> Path | None:
    module = request.module
    here = Path(module.__file__).resolve().parent
    marks = getattr(module, "pytestmark", [])
    for mark in marks if isinstance(marks, list) else [marks]:
        if mark.name == "wasmlit_app" and mark.args:
            return (here / mark.args[0]).resolve()
    if getattr(module, "wasmlit_app", None):
        return (here / module.wasmlit_app).resolve()
    config = request.config
    option = config.getoption("--wasmlit-app", default=None)
    if option:
        return Path(option).resolve()
    if _ini(config, "wasmlit_app"):
        return (Path(config.rootpath) / _ini(config, "wasmlit_app")).resolve()
    if not required:
        return None
    pytest.fail("app_page needs an app: set `wasmlit_app = \"app.py\"` in the test module, "
                "mark it with pytest.mark.wasmlit_app(...), or pass --wasmlit-app", pytrace=False)


def _is_checkout(path: Path) -> bool:
    return (path / "build.py").is_file() and (path / "runtime" / "wasmlit").is_dir()


def _installed_build() -> bool:
    """Whether wasmlit was installed from its wheel: wasmlit_build with its shipped dist/."""
    spec = importlib.util.find_spec("wasmlit_build")
    return bool(spec and spec.submodule_search_locations and any(
        (Path(p) / "shipped" / "dist").is_dir() for p in spec.submodule_search_locations))


def _checkout(config: pytest.Config, app: Path | None) -> Path | None:
    """The wasmlit checkout whose build.py builds sites and whose buildlib serves them;
    None for the build code installed with the wheel."""
    chosen = (config.getoption("--wasmlit-root", default=None)
              or _ini(config, "wasmlit_root")
              or os.environ.get("WASMLIT_ROOT"))
    candidates = [Path(chosen)] if chosen else []
    candidates.append(Path(__file__).resolve().parents[3])  # runtime/wasmlit/testing/ -> root
    for root in candidates:
        if _is_checkout(root):
            return root
    if _installed_build():
        return None
    for root in [Path(config.rootpath), *Path(config.rootpath).parents, *(app.parents if app else [])]:
        if _is_checkout(root):
            return root
    pytest.fail("cannot find wasmlit's build.py: set --wasmlit-root or $WASMLIT_ROOT to the "
                "wasmlit checkout", pytrace=False)


def _static_server(checkout: Path | None) -> Any:
    """The checkout's buildlib.static_server. buildlib is imported under a private name (not
    from sys.path), so that a `buildlib` or `build` of the tested project is never shadowed
    and the server always comes from the checkout that built the site."""
    if checkout is None:
        return importlib.import_module("wasmlit_build.static_server")
    package = f"_wasmlit_buildlib_{abs(hash(str(checkout)))}"
    if package not in sys.modules:
        if not (checkout / "buildlib" / "static_server.py").is_file():
            pytest.fail(f"{checkout} has no buildlib/static_server.py: update that wasmlit checkout",
                        pytrace=False)
        spec = importlib.util.spec_from_file_location(
            package, checkout / "buildlib" / "__init__.py",
            submodule_search_locations=[str(checkout / "buildlib")])
        module = importlib.util.module_from_spec(spec)
        sys.modules[package] = module
        spec.loader.exec_module(module)
    return importlib.import_module(f"{package}.static_server")


# --- fixtures ---------------------------------------------------------------------------
@pytest.fixture(scope="module")
def wasmlit_site(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The app's static site, built once per test module (build.py --app)."""
    app = _app_path(request)
    checkout = _checkout(request.config, app)
    out = tmp_path_factory.mktemp("wasmlit-site") / "site"
    if checkout is None:  # the installed wheel's build code
        command = [sys.executable, "-m", "wasmlit", "build", str(app), "-o", str(out)]
    else:
        command = [sys.executable, str(checkout / "build.py"), "--app", str(app), "--out", str(out)]
    result = subprocess.run(command, cwd=checkout, capture_output=True, text=True)
    if result.returncode != 0:
        pytest.fail(f"building the site for {app} failed:\n{result.stdout}{result.stderr}", pytrace=False)
    return out


@pytest.fixture(scope="module")
def wasmlit_url(request: pytest.FixtureRequest, wasmlit_site: Path) -> Iterator[str]:
    """The site served on 127.0.0.1 at a free port, for the test module."""
    checkout = _checkout(request.config, _app_path(request, required=False))
    server = _static_server(checkout).StaticServer(wasmlit_site)
    try:
        yield server.url
    finally:
        server.close()


@pytest.fixture
def app_page(page: Any, wasmlit_url: str) -> Any:
    """pytest-playwright's `page` with the app loaded and its first run finished."""
    page.add_init_script(_RUN_COUNTER)
    page.goto(wasmlit_url)
    page.wait_for_selector(IDLE, timeout=120_000)
    page.wait_for_function("window.__wasmlitRunsDone > 0", timeout=120_000)
    page.evaluate("window.__wasmlitRunsSeen = window.__wasmlitRunsDone")
    return page


@pytest.fixture(name="wait_for_run")
def _wait_for_run_fixture() -> Any:
    """`wait_for_run(page)` as a fixture, so tests need no import."""
    return wait_for_run
