"""The `wasmlit` command's argument handling (runtime/wasmlit/cli.py): bad input exits with
code 2 before anything is built; `version`; and the browser's wheel leaves the command out."""
from __future__ import annotations

import subprocess
import sys
import threading
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "runtime"))
from wasmlit import cli  # noqa: E402


@pytest.mark.parametrize("argv", [
    [],                                                   # no command
    ["serve"],                                            # not a command
    ["build"],                                            # no app
    ["run"],
    ["build", "app.py", "-o", "out", "--single-file", "x.html"],
    ["build", "app.py", "--packages-url", "ftp://x/"],
    ["build", "app.py", "--packages-url", "https://x/", "--pyodide-packages", "dist.tar.bz2"],
    ["run", "app.py", "--server.port", "70000"],
    ["run", "app.py", "--server.port", "eighty"],
    ["run", "app.py", "--server.headless", "maybe"],
    ["run", "app.py", "--port", "8000"],                  # build.py's name, not Streamlit's
    ["hello", "app.py"],
    ["version", "--now"],
])
def test_bad_arguments_exit_2(argv, capsys):
    with pytest.raises(SystemExit) as exit_info:
        cli.parse_args(argv)
    assert exit_info.value.code == 2
    assert "error:" in capsys.readouterr().err


def test_options_named_as_streamlits():
    args = cli.parse_args(["run", "app.py", "--server.port", "9000", "--server.headless", "true"])
    assert (args.app, args.port, args.headless) == (Path("app.py"), 9000, True)
    assert cli.opener(args.headless) is None
    args = cli.parse_args(["run", "app.py"])
    assert (args.port, args.headless) == (cli.DEFAULT_PORT, False) and cli.opener(False) is not None
    args = cli.parse_args(["build", "my_app/", "--entry", "main.py", "--packages-url", "pkgs"])
    assert (args.out, args.single_file, args.entry) == (None, None, "main.py")
    assert args.packages == {"packages_url": "pkgs/", "pyodide_packages": None}
    assert cli.parse_args(["build", "a.py", "--single-file", "a.html"]).single_file == Path("a.html")


def wasmlit(*args, cwd=ROOT):
    return subprocess.run([sys.executable, "-m", "wasmlit", *map(str, args)], capture_output=True,
                          text=True, cwd=cwd, env={"PYTHONPATH": str(ROOT / "runtime"), "PATH": "/usr/bin:/bin"})


def test_version_and_python_dash_m():
    result = wasmlit("version")
    assert result.returncode == 0
    assert result.stdout.strip() == "wasmlit 0.1.0 (Streamlit 1.50.0 compatible)"


def test_bad_input_found_by_the_build_exits_2_and_writes_nothing(tmp_path):
    result = wasmlit("build", tmp_path / "missing.py", "-o", tmp_path / "out")
    assert result.returncode == 2 and "missing.py" in result.stderr
    broken = tmp_path / "broken.py"
    broken.write_text("def (:\n")
    result = wasmlit("build", broken, "-o", tmp_path / "out")
    assert result.returncode == 2 and "broken.py" in result.stderr
    result = wasmlit("build", broken, "--single-file", tmp_path / "out.html")
    assert result.returncode == 2
    assert not (tmp_path / "out").exists() and not (tmp_path / "out.html").exists()


@pytest.mark.parametrize("flag, message", [("--offline-cache", "not --single-file"),
                                           ("--no-snapshot", "--no-snapshot goes with a site")])
def test_a_site_only_flag_is_refused_for_one_file(tmp_path, flag, message):
    app = tmp_path / "app.py"
    app.write_text("import streamlit as st\n")
    result = wasmlit("build", app, "--single-file", tmp_path / "x.html", flag)
    assert result.returncode == 2 and message in result.stderr, result.stderr
    assert not (tmp_path / "x.html").exists()


def test_the_browser_wheel_leaves_the_command_out():
    sys.path.insert(0, str(ROOT))
    from buildlib.pycompile import HOST_ONLY
    assert {"wasmlit/cli.py", "wasmlit/__main__.py", "wasmlit/testing/"} <= set(HOST_ONLY)


def test_run_and_hello_open_the_browser_unless_headless(monkeypatch):
    opened = []
    monkeypatch.setattr(cli.webbrowser, "open", opened.append)
    cli.opener(False)("http://127.0.0.1:8501/")
    assert opened == ["http://127.0.0.1:8501/"]
    hello = cli.parse_args(["hello", "--server.headless", "false", "--server.port", "0"])
    assert (hello.headless, hello.port) == (False, 0)


def test_hello_serves_the_gallery_and_opens_it_unless_headless(monkeypatch):
    commands = cli.build_code("commands")
    calls = []
    monkeypatch.setattr(commands, "hello", lambda port, on_serving: calls.append((port, on_serving)))
    assert cli.main(["hello", "--server.headless", "true", "--server.port", "9123"]) == 0
    assert calls == [(9123, None)]
    assert cli.main(["hello"]) == 0
    assert calls[1][0] == cli.DEFAULT_PORT and callable(calls[1][1])


def test_hello_serves_the_prerendered_gallery_at_the_root(tmp_path):
    """`python -m wasmlit hello` from the checkout: the gallery's site, built with its first
    run in index.html, served at / with its pages' URLs (the browser side:
    tests/browser/test_hello_gallery.py; installed from the wheel: tests/test_wheel.py)."""
    import urllib.request
    server = subprocess.Popen([sys.executable, "-m", "wasmlit", "hello", "--server.headless", "true",
                               "--server.port", "0"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                              text=True, cwd=tmp_path, env={"PYTHONPATH": str(ROOT / "runtime"),
                                                            "PATH": "/usr/bin:/bin"})
    watchdog = threading.Timer(300, server.kill)  # a build that never ends fails the test
    watchdog.start()
    try:
        said = []  # build.py's lines (dist/ rebuilt), then the address
        for line in server.stdout:
            said.append(line)
            if line.startswith("Serving "):
                break
        assert said and said[-1].startswith("Serving wasmlit hello at http://127.0.0.1:"), "".join(said)
        url = said[-1].split(" at ", 1)[1].strip()
        with urllib.request.urlopen(url, timeout=30) as answer:
            index = answer.read().decode()
        assert "Welcome to wasmlit!" in index and 'data-wasmlit-app="app/app.py"' in index
        with urllib.request.urlopen(url + "widgets", timeout=30) as answer:  # a page's URL
            assert answer.read().decode() == index
        with urllib.request.urlopen(url + "app/demos/charts.py", timeout=30) as answer:
            assert b"st.vega_lite_chart" in answer.read()
    finally:
        watchdog.cancel()
        server.terminate()
        server.wait(timeout=30)


def test_micropip_comes_straight_from_pypi_where_python_has_no_pip(monkeypatch, tmp_path):
    # pip builds the wheel from the sdist in an isolated environment whose Python has no pip.
    sys.path.insert(0, str(ROOT))
    from buildlib import dist
    from buildlib.errors import BuildError

    def no_pip(cmd, what):
        raise BuildError(f"{what} failed:\n/usr/bin/python3: No module named pip")
    fetched = []
    monkeypatch.setattr(dist, "WHEEL_CACHE", tmp_path)
    monkeypatch.setattr(dist, "run_quietly", no_pip)
    monkeypatch.setattr(dist, "download_from_pypi", lambda wheel: fetched.append(wheel) or
                        wheel.write_bytes(b"not micropip"))
    with pytest.raises(BuildError, match="unexpected sha256"):  # and its sha256 is checked
        dist.fetch_micropip()
    assert [w.name for w in fetched] == [f"micropip-{dist.MICROPIP_VERSION}-py3-none-any.whl"]
