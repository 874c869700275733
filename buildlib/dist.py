"""dist/, what every site copies: Pyodide's runtime (npm), micropip and the wasmlit wheel,
the pinned lock with them, packages.json, the vendor bundles (markdown, vega, plotly), KaTeX,
the fonts (fonts/) and our JS and CSS. Skipped when its inputs have not changed (STAMP)."""
from __future__ import annotations

import hashlib
import html
import re
import shutil
import sys
import urllib.parse
import urllib.request
from pathlib import Path

from . import lazy_builders, lazy_chunks, pyodide_lock
from .checkout import (CACHE, DIST, IS_SHIPPED, NODE_MODULES, PYODIDE_NPM, ROOT, WEB, WHEEL_CACHE, build_into,
                       default_packages_url, ensure_node_modules, esbuild, pinned_lock, run_quietly,
                       sha256_file)
from .errors import BuildError
from .fonts import FONTS_DIR, copy_fonts
from .pdfjs_files import PDFJS_DIR, copy_pdfjs
from .snapshot import NAME as SNAPSHOT_NAME, enabled as snapshot_enabled, write_manifest, write_snapshot
from .wasmlit_wheel import build_wasmlit_wheel, runtime_files, wasmlit_version

STAMP = ".build-stamp"  # in dist/: fingerprint of the inputs it was built from
# buildlib modules whose code decides what dist/ holds (with build.py itself)
DIST_MODULES = ("checkout.", "dist.", "wasmlit_wheel.", "wasmlit_split.", "pycompile.", "snapshot.",
               "pyodide_lock.", "fonts.", "pdfjs_files.", "lazy_builders.", "lazy_chunks.")
VENDOR_ENTRIES = WEB / "vendor-entry"
MARKDOWN_ENTRY = VENDOR_ENTRIES / "markdown.mjs"
PRISM_INJECT = VENDOR_ENTRIES / "prism-inject.mjs"  # binds Prism's components to our Prism
VEGA_ENTRY = VENDOR_ENTRIES / "vega.mjs"
PLOTLY_ENTRY = VENDOR_ENTRIES / "plotly.mjs"
KATEX_DIST = NODE_MODULES / "katex" / "dist"
PYODIDE_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip")
MICROPIP_VERSION = "0.11.1"
# sha256 of micropip-0.11.1-py3-none-any.whl as published on PyPI. Pyodide's
# own lock lists a different hash: it ships a wheel it rebuilt itself.
MICROPIP_SHA256 = "768de165adb8e66906039d8fec4127a57f522dfdf8e6fbff877a4616941ecfd3"


def web_files() -> list[Path]:
    """Our JS modules (web/ and web/widgets/) and stylesheets (web/wasmlit.css, web/styles/)."""
    return sorted(p for p in WEB.rglob("*") if p.is_file() and p.suffix in (".js", ".css")
                  and "vendor-entry" not in p.relative_to(WEB).parts)


def write_web_files(tmp: Path) -> None:
    """Our JS, minified: wasmlit.js (the page's) with chunks/ (the element builders it loads
    on first need and the code they share, lazy_chunks.py), and python-worker.js (the Web
    Worker that runs Python); .map files map them back to web/ for the browser's devtools.
    Every stylesheet, the theme first, minified into one wasmlit.css."""
    metafile = tmp / ".wasmlit.meta.json"
    run_quietly([NODE_MODULES / ".bin" / "esbuild", WEB / "wasmlit.js", *lazy_chunks.ESBUILD_OPTIONS,
                 "--sourcemap", "--minify", "--log-level=warning", f"--outdir={tmp}", f"--metafile={metafile}"],
                "esbuild")
    lazy_chunks.write_manifest(metafile, tmp, ROOT)
    metafile.unlink()
    # A one-file page has no chunk beside it to import: it carries the JS as one bundle.
    esbuild(WEB / "wasmlit.js", tmp / lazy_chunks.SINGLE_FILE_BUNDLE, "--bundle", "--format=esm")
    # A classic worker script: a one-file page opened from file:// can start only a classic
    # worker from a blob: URL (Chromium refuses a module worker there).
    esbuild(WEB / "python-worker.js", tmp / "python-worker.js", "--bundle", "--format=iife", "--sourcemap")
    styles = sorted((p for p in web_files() if p.suffix == ".css"),
                    key=lambda p: (p.name != "wasmlit.css", str(p)))
    joined = tmp / ".wasmlit.src.css"
    joined.write_text("".join(p.read_text("utf-8") + "\n" for p in styles), "utf-8")
    esbuild(joined, tmp / "wasmlit.css")
    joined.unlink()


def input_fingerprint() -> str:
    """Hash of every input of dist/, to skip rebuilding an up-to-date one."""
    inputs = [ROOT / "build.py", ROOT / "pyproject.toml", ROOT / "package-lock.json",
              *sorted(VENDOR_ENTRIES.glob("*.mjs")), *runtime_files(), *web_files(),
              *sorted(p for p in (ROOT / "buildlib").iterdir() if p.name.startswith(DIST_MODULES))]
    digest = hashlib.sha256(f"snapshot={snapshot_enabled()}\n".encode())
    for path in inputs:
        digest.update(f"{path.relative_to(ROOT)}:{sha256_file(path)}\n".encode())
    return digest.hexdigest()


def download_from_pypi(wheel: Path) -> None:
    """wheel (a file name of micropip's release) from PyPI, over HTTPS: for a Python without
    pip, such as the isolated environment pip builds the wasmlit wheel in from the sdist."""
    index = "https://pypi.org/simple/micropip/"  # the simple repository API (PEP 503)
    try:
        with urllib.request.urlopen(index, timeout=60) as answer:
            page = answer.read().decode("utf-8")
        links = [urllib.parse.urljoin(index, html.unescape(href)) for href in re.findall(r'href="([^"]+)"', page)]
        url = next(link for link in links if urllib.parse.urlsplit(link).path.endswith("/" + wheel.name))
        with urllib.request.urlopen(url, timeout=120) as answer:
            data = answer.read()
    except StopIteration:
        raise BuildError(f"{index} does not list {wheel.name}") from None
    except (OSError, ValueError) as e:
        raise BuildError(f"downloading {wheel.name} from PyPI failed: {e}") from None
    wheel.parent.mkdir(parents=True, exist_ok=True)
    wheel.write_bytes(data)


def fetch_micropip() -> Path:
    """Path of the micropip wheel in .cache/wheels, downloading it if needed (with pip,
    else straight from PyPI)."""
    wheel = WHEEL_CACHE / f"micropip-{MICROPIP_VERSION}-py3-none-any.whl"
    if not wheel.is_file():
        try:
            run_quietly([sys.executable, "-m", "pip", "download", "-q", "--no-deps", "--only-binary=:all:",
                         "--python-version", "3.14", f"micropip=={MICROPIP_VERSION}", "-d", WHEEL_CACHE],
                        "downloading micropip")
        except BuildError as e:
            if "No module named pip" not in str(e):
                raise
            download_from_pypi(wheel)
    if sha256_file(wheel) != MICROPIP_SHA256:
        raise BuildError(f"{wheel} has an unexpected sha256; delete it and rebuild")
    return wheel


def lock_entry(name: str, version: str, wheel: Path) -> dict:
    return {"name": name, "version": version, "file_name": wheel.name, "install_dir": "site",
            "sha256": sha256_file(wheel), "package_type": "package", "imports": [name],
            "depends": []}


def write_lock(pyodide_dir: Path, micropip_wheel: Path, wasmlit_wheel: Path, version: str) -> None:
    """pyodide-lock.json: Pyodide's "info" and all its packages (so the page can map any
    import to a package), compact, with our micropip and wasmlit in place of Pyodide's."""
    upstream = pinned_lock()
    pinned = upstream["packages"]["micropip"]["version"]
    if pinned != MICROPIP_VERSION:
        raise BuildError(f"Pyodide expects micropip {pinned}, build.py ships {MICROPIP_VERSION}")
    lock = pyodide_lock.dist_lock(upstream, {
        "micropip": lock_entry("micropip", MICROPIP_VERSION, micropip_wheel),
        "wasmlit": lock_entry("wasmlit", version, wasmlit_wheel)})
    pyodide_lock.write_json_compact(pyodide_dir / pyodide_lock.LOCK_NAME, lock)


def bundle_module(out_file: Path, entry: Path = MARKDOWN_ENTRY) -> None:
    """One web/vendor-entry/*.mjs and what it imports from node_modules, as one ES module."""
    extra = [f"--inject:{PRISM_INJECT}"] if entry == MARKDOWN_ENTRY else []
    esbuild(entry, out_file, "--bundle", "--format=esm", *extra)


def copy_katex(out_dir: Path) -> None:
    """KaTeX's stylesheet and its woff2 fonts (the first format its @font-face lists)."""
    (out_dir / "fonts").mkdir(parents=True)
    shutil.copy2(KATEX_DIST / "katex.min.css", out_dir / "katex.min.css")
    for font in sorted((KATEX_DIST / "fonts").glob("*.woff2")):
        shutil.copy2(font, out_dir / "fonts" / font.name)


def write_pyodide(tmp: Path) -> Path:
    """pyodide/: Pyodide's runtime, micropip, the wasmlit wheel and the lock naming them;
    returns the wasmlit wheel."""
    pyodide_dir = tmp / "pyodide"
    pyodide_dir.mkdir()
    for name in PYODIDE_FILES:
        shutil.copy2(PYODIDE_NPM / name, pyodide_dir / name)
    micropip = shutil.copy2(fetch_micropip(), pyodide_dir)
    version = wasmlit_version()
    wheel = build_wasmlit_wheel(pyodide_dir, version)
    write_lock(pyodide_dir, Path(micropip), wheel, version)
    return wheel


def fill_dist(tmp: Path, fingerprint: str) -> None:
    wheel = write_pyodide(tmp)
    # packages.json: where snippets and mount() load distribution packages from
    pyodide_lock.write_packages_manifest(tmp, pyodide_lock.packages_manifest(default_packages_url()))
    # WASMLIT_SNAPSHOT=1: Python with wasmlit imported, restored by the page (buildlib/snapshot.py)
    write_manifest(tmp, snapshot_enabled() and write_snapshot(
        tmp / SNAPSHOT_NAME, PYODIDE_NPM, wheel, CACHE / "snapshot"), PYODIDE_NPM)
    bundle_module(tmp / "markdown.js")
    bundle_module(tmp / "vega.js", VEGA_ENTRY)  # loaded only when a page draws a chart
    bundle_module(tmp / "plotly.js", PLOTLY_ENTRY)  # loaded only by pages with a plotly chart
    bundle_module(tmp / "deckgl.js", VENDOR_ENTRIES / "deckgl.mjs")  # only by st.pydeck_chart
    bundle_module(tmp / "graphviz.js", VENDOR_ENTRIES / "graphviz.mjs")  # only by st.graphviz_chart
    bundle_module(tmp / "pdf.js", VENDOR_ENTRIES / "pdf.mjs")  # only by st.pdf, with pdfjs/:
    copy_pdfjs(tmp / PDFJS_DIR)  # its worker, fonts, CMaps and decoders
    copy_katex(tmp / "katex")
    copy_fonts(tmp / FONTS_DIR)  # Streamlit's text fonts and the Material Symbols icon font
    write_web_files(tmp)
    (tmp / STAMP).write_text(fingerprint + "\n")


def build_dist() -> None:
    """Build dist/ unless it is already up to date (installed from the wheel: check that the
    shipped one is there)."""
    if IS_SHIPPED:
        if not (DIST / "pyodide" / "pyodide-lock.json").is_file():
            raise BuildError(f"{DIST} is incomplete: reinstall wasmlit")
        return
    ensure_node_modules()
    lazy_builders.refresh()  # web/lazy-builders.js: the kinds of each lazily loaded family
    fingerprint = input_fingerprint()
    stamp = DIST / STAMP
    if stamp.is_file() and stamp.read_text().strip() == fingerprint:
        return
    build_into(DIST, lambda tmp: fill_dist(tmp, fingerprint))
    print(f"build.py: wrote {DIST.relative_to(ROOT)}/", file=sys.stderr)
