"""requirements.txt for the browser: reading the file as pip does (encodings, -r, markers,
options) and routing each requirement to Pyodide's distribution, to PyPI (a pure-Python
wheel or one built for Pyodide), or to wasmlit itself. CPython, no browser; PyPI downloads
are cached in .cache/wheels/requirements/ after the first run."""
import copy
import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from buildlib import requirements, requirements_file  # noqa: E402
from buildlib.pyodide_lock import read_lock  # noqa: E402
from buildlib.hashed_names import site_path  # noqa: E402

LOCK = read_lock(ROOT / "node_modules" / "pyodide" / "pyodide-lock.json")
CACHE = ROOT / ".cache" / "wheels" / "requirements"
ENV = requirements.environment(LOCK)
APP = "import streamlit as st\nst.write('hi')\n"
# A typical Streamlit gallery app's requirements.txt.
GALLERY = "streamlit\npandas\nnumpy\naltair\nplotly\n"


def listed(path):
    return [str(item) for item in requirements_file.parse(path, ENV).requirements]


def write(path, text, encoding="utf-8"):
    path.write_bytes(text.encode(encoding))
    return path


def run_build(*args):
    return subprocess.run([sys.executable, str(ROOT / "build.py"), *map(str, args)],
                          capture_output=True, text=True, timeout=600)


# -- reading the file ----------------------------------------------------------

@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-8-sig"])
def test_utf16_and_bom_files_are_read(tmp_path, encoding):
    bom = {"utf-16-le": "\ufeff", "utf-16-be": "\ufeff"}.get(encoding, "")
    path = write(tmp_path / "requirements.txt", bom + "pandas==3.0.2\r\naltair\r\n", encoding)
    assert listed(path) == ["pandas==3.0.2", "altair"]


def test_a_file_in_another_encoding_is_refused_with_its_name(tmp_path):
    path = write(tmp_path / "requirements.txt", "caf\xe9\n", "latin-1")
    with pytest.raises(requirements_file.RequirementsFileError, match="requirements.txt is not UTF-8 or UTF-16"):
        listed(path)


def test_comments_blanks_and_continuations(tmp_path):
    path = write(tmp_path / "requirements.txt",
                 "# data\n\npandas>=2 \\\n  ,<4  # pinned\nsix\t# six\n   \n")
    assert listed(path) == ["pandas<4,>=2", "six"]


def test_included_files_are_read_relative_to_the_including_file_once(tmp_path):
    (tmp_path / "reqs").mkdir()
    write(tmp_path / "requirements.txt", "-r reqs/base.txt\naltair\n")
    write(tmp_path / "reqs" / "base.txt", "pandas\n--requirement=more.txt\n")
    write(tmp_path / "reqs" / "more.txt", "numpy\n-r base.txt\n-r ../requirements.txt\n")  # cycles
    assert listed(tmp_path / "requirements.txt") == ["pandas", "numpy", "altair"]


def test_an_include_that_does_not_exist_names_the_line(tmp_path):
    path = write(tmp_path / "requirements.txt", "six\n-r missing.txt\n")
    with pytest.raises(requirements_file.RequirementsFileError, match=r"requirements.txt:2: -r missing.txt: no such file"):
        listed(path)


def test_markers_are_evaluated_for_pyodide(tmp_path):
    path = write(tmp_path / "requirements.txt", "\n".join([
        'a; sys_platform == "emscripten"', 'b; sys_platform == "win32"', 'c; platform_system == "Emscripten"',
        'd; platform_machine == "wasm32"', 'e; python_version >= "3.14"', 'f; python_version < "3.12"',
        'g; implementation_name == "cpython" and os_name == "posix"', 'h; platform_system == "Linux"']))
    assert [r.split(";")[0] for r in listed(path)] == ["a", "c", "d", "e", "g"]


def test_harmless_options_are_passed_to_pip(tmp_path):
    (tmp_path / "local-wheels").mkdir()
    path = write(tmp_path / "requirements.txt",
                 "--index-url https://pypi.org/simple\n--extra-index-url=https://example.org/simple\n"
                 "-f local-wheels\n--pre\n--trusted-host example.org\n--prefer-binary\n"
                 "--only-binary :all:\nsix==1.17.0 --hash=sha256:abc\n")
    parsed = requirements_file.parse(path, ENV)
    assert parsed.pip_options == ["--index-url", "https://pypi.org/simple",
                                  "--extra-index-url", "https://example.org/simple",
                                  "-f", str(tmp_path / "local-wheels"), "--pre", "--trusted-host", "example.org"]
    assert [(str(r), r.hashes) for r in parsed.requirements] == [("six==1.17.0", ("--hash=sha256:abc",))]


@pytest.mark.parametrize("line, reason", [
    ("-e .", "-e is not supported: editable installs"),
    ("--editable git+https://github.com/a/b", "--editable is not supported"),
    ("-c constraints.txt", "-c is not supported: constraints files"),
    ("--no-binary :all:", "--no-binary is not supported"),
    ("--use-pep517", "unknown option --use-pep517"),
    ("git+https://github.com/a/b.git", "URL and path requirements are not supported"),
    ("pkg @ https://example.org/pkg-1.0-py3-none-any.whl", "URL and path requirements are not supported"),
    ("./vendored/pkg-1.0-py3-none-any.whl", "URL and path requirements are not supported"),
    ("six --global-option=x", "--global-option on a requirement line is not supported"),
    ("six >> 1", "not a valid requirement"),
])
def test_options_the_browser_cannot_honour_are_refused_with_file_and_line(tmp_path, line, reason):
    path = write(tmp_path / "requirements.txt", f"six\n{line}\n")
    with pytest.raises(requirements_file.RequirementsFileError) as error:
        listed(path)
    assert str(error.value).startswith(f"{path}:2: ") and reason in str(error.value)


# -- routing: wasmlit, the distribution, PyPI --------------------------------------

def test_streamlit_is_skipped_with_a_note(tmp_path, capsys):
    path = write(tmp_path / "requirements.txt", "streamlit[charts]>=1.28\npandas\n")
    resolution = requirements.resolve(path, LOCK, CACHE)
    assert resolution.load == {"pandas"} and resolution.wheels == [] and resolution.requirements == []
    assert "requirements.txt:1: streamlit[charts]>=1.28 skipped: wasmlit provides streamlit" in capsys.readouterr().err


def test_a_pin_the_distribution_does_not_satisfy_warns_naming_both_versions(tmp_path, capsys):
    path = write(tmp_path / "requirements.txt", "pandas==2.2.3\nnumpy>=2\n")
    resolution = requirements.resolve(path, LOCK, CACHE)
    assert resolution.load == {"pandas", "numpy"}
    err = capsys.readouterr().err
    assert "warning: " in err and "pandas==2.2.3" in err and "3.0.2" in err and "numpy" not in err


def test_a_pypi_package_built_for_pyodide_is_shipped(tmp_path):
    """msgpack publishes pyemscripten_2026_0_wasm32 wheels; here it stands for a compiled
    package the distribution lacks (the real lock has msgpack, so it is taken out)."""
    lock = copy.deepcopy(LOCK)
    del lock["packages"]["msgpack"]
    path = write(tmp_path / "requirements.txt", "msgpack>=1.1\n")
    resolution = requirements.resolve(path, lock, CACHE)
    [wheel] = resolution.wheels
    assert wheel.path.name.endswith("-cp314-cp314-pyemscripten_2026_0_wasm32.whl") and wheel.top_level == ("msgpack",)
    assert resolution.requirements == ["msgpack>=1.1"] and resolution.load == set()


def test_dependencies_of_pypi_packages_in_the_lock_come_from_the_distribution(tmp_path):
    path = write(tmp_path / "requirements.txt", GALLERY)
    resolution = requirements.resolve(path, LOCK, CACHE)
    assert [w.name for w in resolution.wheels] == ["plotly"]  # narwhals, packaging: the lock's
    assert {"pandas", "numpy", "altair", "narwhals", "packaging"} <= resolution.load
    assert resolution.requirements == ["plotly"]


def test_a_gallery_app_builds_with_plotly_from_pypi_and_the_rest_from_the_distribution(tmp_path):
    (tmp_path / "app").mkdir()
    write(tmp_path / "app" / "streamlit_app.py", "import streamlit as st\nimport pandas as pd\nimport plotly.express as px\n")
    write(tmp_path / "app" / "requirements.txt", GALLERY.replace("\n", "\r\n"), "utf-16")  # as PowerShell writes it
    proc = run_build("--app", tmp_path / "app", "--out", tmp_path / "site")
    assert proc.returncode == 0, proc.stderr
    assert "wasmlit provides streamlit" in proc.stderr and "imports plotly" not in proc.stderr
    manifest = json.loads((tmp_path / "site" / "wheels" / "requirements.json").read_text())
    assert manifest["requirements"] == ["plotly"] and [n.split("-")[0] for n in manifest["wheels"]] == ["plotly"]
    load = json.loads(site_path(tmp_path / "site", "packages.json").read_text())["load"]
    assert {"altair", "numpy", "pandas", "narwhals", "python-dateutil"} <= set(load)


def test_a_package_with_no_wheel_for_the_browser_exits_2_naming_it(tmp_path):
    write(tmp_path / "app.py", APP)
    write(tmp_path / "requirements.txt", "pandas\npsycopg2-binary==2.9.10\n")  # manylinux wheels only
    proc = run_build("--app", tmp_path / "app.py", "--out", tmp_path / "site")
    assert proc.returncode == 2
    assert "requirements.txt:2: cannot ship psycopg2-binary==2.9.10 in the browser" in proc.stderr
    assert "pyemscripten_2026_0_wasm32" in proc.stderr
    assert not (tmp_path / "site").exists()


def test_a_bad_option_line_exits_2_naming_the_file_and_line(tmp_path):
    write(tmp_path / "app.py", APP)
    write(tmp_path / "requirements.txt", "pandas\n-e ./mylib\n")
    proc = run_build("--app", tmp_path / "app.py", "--out", tmp_path / "site")
    assert proc.returncode == 2 and "requirements.txt:2: -e is not supported" in proc.stderr
    assert not (tmp_path / "site").exists()
