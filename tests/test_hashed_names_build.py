"""Content hashes in a built site's file names (buildlib/hashed_names.py): every file a host
may cache for good is named by its content, index.html names only files that exist, and a
change in one file renames only that file (and the page's bundle, which holds the map)."""
from __future__ import annotations

import hashlib
import html.parser
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from buildlib import hashed_names, pyodide_lock  # noqa: E402
from buildlib.checkout import DIST  # noqa: E402
from buildlib.site import index_html  # noqa: E402

HEX = r"[0-9a-f]{8}"
# The names a host revalidates (hashed_names.py's doc); everything else is named by its hash.
FIXED = re.compile(r"(index\.html|404\.html|wasmlit\.js|app\.py|[^/]+\.map)")
# The bundle's chunks, named by esbuild from their content (buildlib/lazy_chunks.py).
ESBUILD_CHUNK = re.compile(r"chunks/[\w-]+-[A-Z0-9]{8}\.js(\.map)?")


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def folder_sha(folder: Path, files) -> str:
    return sha("".join(f"{p.relative_to(folder).as_posix()} {sha(p.read_bytes())}\n" for p in files).encode())[:8]


def build(app: Path, out: Path) -> Path:
    proc = subprocess.run([sys.executable, str(ROOT / "build.py"), "--app", str(app), "--out", str(out),
                           "--no-prerender"], cwd=ROOT, capture_output=True, text=True, timeout=900)
    assert proc.returncode == 0, proc.stderr
    return out


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    work = tmp_path_factory.mktemp("hashed")
    (work / "app.py").write_text("import streamlit as st\nst.write('hello')\n")
    return build(work / "app.py", work / "site")


class Urls(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.urls = []

    def handle_starttag(self, tag, attrs):
        self.urls += [value for name, value in attrs if name in ("src", "href") and value]


def test_cacheable_files_carry_the_hash_of_their_content(site):
    names = hashed_names.read_names(site)
    assert {"wasmlit.js", "wasmlit.css", "python-worker.js", "markdown.js", "vega.js", "plotly.js",
            "packages.json", "pyodide/", "fonts/", "katex/", "pdfjs/", "pyodide/pyodide-lock.json"} <= set(names)
    for plain, hashed in names.items():
        if plain.endswith("/"):
            continue
        path = site / hashed
        digest = sha(path.read_bytes())[:8]
        assert digest in path.name and path.name != Path(plain).name, (plain, hashed)
    for folder in ("fonts", "katex", "pdfjs"):
        hashed = site / names[f"{folder}/"]
        files = sorted(p for p in hashed.rglob("*") if p.is_file() and not p.name.endswith((".gz", ".br")))
        assert hashed.name == f"{folder}-{folder_sha(hashed, files)}"
    pyodide = site / names["pyodide/"]  # named by Pyodide's own files, which keep their names in it
    core = [pyodide / n for n in ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip")]
    assert pyodide.name == f"pyodide-{folder_sha(pyodide, core)}"
    assert not (site / "pyodide").exists() and not (site / "fonts").exists()


def test_every_file_a_host_may_cache_for_good_is_named_by_its_content(site):
    for path in site.rglob("*"):
        rel = path.relative_to(site).as_posix()
        if not path.is_file() or rel.endswith((".gz", ".br")):  # a precompressed copy: its file's name
            continue
        hashed = re.search(rf"(^[\w-]+-{HEX}/)|(\.{HEX}\.\w+$)|(-0\.{HEX}-)", rel)
        assert hashed or FIXED.fullmatch(rel) or ESBUILD_CHUNK.fullmatch(rel), rel


def test_the_lock_names_the_hashed_wheel_and_pages_name_only_files_that_exist(site):
    names = hashed_names.read_names(site)
    lock = json.loads((site / names["pyodide/pyodide-lock.json"]).read_text())
    wheel = lock["packages"]["wasmlit"]["file_name"]
    assert re.fullmatch(rf"wasmlit-[\d.]+-0\.{HEX}-py3-none-any\.whl", wheel)
    assert sha((site / names["pyodide/"] / wheel).read_bytes()) == lock["packages"]["wasmlit"]["sha256"]
    for page in ("index.html", "404.html"):
        parser = Urls()
        parser.feed((site / page).read_text("utf-8"))
        local = [u for u in parser.urls if not u.startswith("data:")]
        chunks = [u for u in local if ESBUILD_CHUNK.fullmatch(u)]  # modulepreload (lazy_chunks.py)
        assert sorted(set(local) - set(chunks)) == sorted([names["wasmlit.css"], names["wasmlit.js"]])
        assert all((site / u).is_file() for u in local)
    assert all((site / v).exists() for v in names.values())
    css = (site / names["wasmlit.css"]).read_text("utf-8")
    fonts = [u for u in re.findall(r"url\(['\"]?([^)'\"]+)", css) if not u.startswith("data:")]
    assert fonts and all((site / f).is_file() for f in fonts), fonts
    # the plain wasmlit.js, for pages that embed apps: the bundle under its stable name
    assert (site / "wasmlit.js").read_text() == f'export * from "./{names["wasmlit.js"]}";\n'


def dist_copy(tmp: Path) -> Path:
    """A site as fill_site lays it out before hashing: dist/ and an index.html."""
    shutil.copytree(DIST, tmp, ignore=lambda d, n: [x for x in n if Path(d) == DIST and (x == "sites" or x.startswith("."))])
    (tmp / "index.html").write_text(index_html("t"), "utf-8")
    return tmp


def hashed(tmp: Path, change=None) -> dict[str, str]:
    site = dist_copy(tmp)
    if change:
        change(site)
    return hashed_names.hash_names(site, sorted(p.name for p in DIST.iterdir() if p.is_file()))


def edit_css(site):  # as a change in web/styles/ would
    with (site / "wasmlit.css").open("a") as f:
        f.write(".wl-new{color:red}\n")


def edit_wheel(site):  # as a change in runtime/ would (the lock's sha256 is not what is hashed)
    lock = json.loads((site / "pyodide" / pyodide_lock.LOCK_NAME).read_text())
    with (site / "pyodide" / lock["packages"]["wasmlit"]["file_name"]).open("ab") as f:
        f.write(b"\0")


def test_a_change_renames_only_the_changed_file_and_the_bundle(tmp_path):
    before = hashed(tmp_path / "a")
    assert hashed(tmp_path / "b") == before  # the same files, the same names
    wheel = next(k for k in before if k.startswith("pyodide/wasmlit-") and k.endswith(".whl"))
    for change, renamed in [(edit_css, {"wasmlit.css"}), (edit_wheel, {wheel, "pyodide/pyodide-lock.json"})]:
        after = hashed(tmp_path / change.__name__, change)
        assert after.keys() == before.keys()
        # the bundle holds the map, so it is renamed too; pyodide-<hash>/ (10 MB) keeps its name
        assert {k for k in before if before[k] != after[k]} == renamed | {"wasmlit.js"}, change.__name__
