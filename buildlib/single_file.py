"""`--single-file`: an app's site as one HTML page that runs when opened from disk (file://):
our JS bundled into it, the CSS, its fonts and KaTeX inline, and every file the page loads
(Pyodide, the wheels, the app) as base64 assets served from the page itself
(inline-assets.js)."""
from __future__ import annotations

import base64
import html
import json
import re
import tempfile
from pathlib import Path

from . import pyodide_lock
from . import requirements as app_requirements
from .checkout import DIST, WEB
from .errors import BadInput
from .fonts import inline_fonts
from .lazy_chunks import SINGLE_FILE_BUNDLE
from .site import APP_DIR, FILES_NAME, SECRETS_NAME, SITE_MARKER, build_site
from .static_server import MIME_TYPES
from .wasmlit_wheel import CORE_ARCHIVE

INLINE_ASSETS_JS = WEB / "vendor-entry" / "inline-assets.js"
SOURCE_MAP_COMMENT = re.compile(r"//# sourceMappingURL=\S+\s*$")
MODULE_PRELOAD = re.compile(r'\n<link rel="modulepreload" href="[^"]*">')  # the site's chunks: none here
# Which chart library a one-file page carries: the app's code names one of these commands.
CHART_LIBRARIES = {"vega.js": ("line_chart", "bar_chart", "area_chart", "scatter_chart",
                               "vega_lite_chart", "altair_chart", ".map("),
                   "plotly.js": ("plotly_chart",),
                   "deckgl.js": ("pydeck_chart",),
                   "graphviz.js": ("graphviz_chart",),
                   # st.pdf: pdf.js and its worker (the standard fonts, CMaps and image
                   # decoders under pdfjs/ stay out: the page fetches them only for the rare
                   # PDF that names Symbol, a CJK encoding or a JPEG 2000 image)
                   "pdf.js": (".pdf(",), "pdfjs/pdf.worker.min.mjs": (".pdf(",)}


def app_sources(site: Path) -> list[Path]:
    """The app's Python in a site: a one-file app's file (the only .py at the top) or a
    folder app's files."""
    return sorted(site.glob("*.py")) + sorted((site / APP_DIR).rglob("*.py"))


def chart_libraries(site: Path) -> list[str]:
    """The chart bundles a one-file page needs: those whose commands the app's Python uses
    (vega.js is 0.9 MB and plotly.js 4.8 MB, too much to carry for nothing)."""
    sources = app_sources(site)
    code = "\n".join(p.read_text("utf-8", errors="replace") for p in sources if p.is_file())
    return [name for name, commands in CHART_LIBRARIES.items() if any(c in code for c in commands)]


def asset_names(site: Path) -> list[str]:
    """What a one-file page serves from itself, as paths relative to the site: Pyodide, our
    wheels and the distribution packages shipped beside them (pyodide/), packages.json,
    markdown.js, python-worker.js (the worker starts from its blob: URL), the app's files and
    the chart bundles it uses."""
    names = [f"pyodide/{p.name}" for p in sorted((site / "pyodide").iterdir())
             if p.name != CORE_ARCHIVE] + ["markdown.js", "python-worker.js"]  # it installs the wheel
    names += [p.relative_to(site).as_posix() for p in [*site.glob("*.py"), site / SECRETS_NAME, site / FILES_NAME,
                                                       site / pyodide_lock.PACKAGES_NAME] if p.is_file()]
    for folder in (site / APP_DIR, site / app_requirements.WHEELS_DIR):
        if folder.is_dir():
            names += [p.relative_to(site).as_posix() for p in sorted(folder.rglob("*")) if p.is_file()]
    return names + chart_libraries(site)


def uses_material_icons(site: Path) -> bool:
    """Whether the app's Python names a ":material/" icon (a one-file page then carries the
    icon font)."""
    sources = app_sources(site)
    return any(":material/" in p.read_text("utf-8", errors="replace") for p in sources if p.is_file())


def uses_serif_theme(site: Path) -> bool:
    """Whether the site's theme (index.html's data-wasmlit-theme) sets a font to "serif"."""
    found = re.search(r'data-wasmlit-theme="([^"]*)"', (site / "index.html").read_text("utf-8"))
    return bool(found) and '"serif"' in html.unescape(found[1])


def single_file_assets(site: Path) -> dict[str, list[str]]:
    """{relative path: [MIME type, base64]} of the assets (asset_names) of a site built in site."""
    return {name: [MIME_TYPES.get(Path(name).suffix, "application/octet-stream"),
                   base64.b64encode((site / name).read_bytes()).decode()] for name in asset_names(site)}


def inline_script(code: str) -> str:
    """code made safe to sit inside a <script> element."""
    return code.replace("</script", "<\\/script").replace("<!--", "<\\!--")


def inline_katex_css(site: Path) -> str:
    """KaTeX's stylesheet with each font as its woff2 only, in a data: URL."""
    def font(match):
        data = base64.b64encode((site / "katex" / "fonts" / match[1]).read_bytes()).decode()
        return f'url(data:font/woff2;base64,{data}) format("woff2")'
    css = (site / "katex" / "katex.min.css").read_text("utf-8")
    return re.sub(r'url\(fonts/([\w-]+\.woff2)\) format\("woff2"\)(,url\([^)]*\) format\("\w+"\))*', font, css)


def single_file_page(site: Path) -> str:
    """The one-file page for a site: its index.html with wasmlit.css, dist/'s one-bundle
    wasmlit.js (SINGLE_FILE_BUNDLE: esbuild's bundle of web/ with no chunks to import,
    without a source map's comment: the page has no .map beside it) and the inline assets
    (with their server, inline-assets.js) inside it. No esbuild runs, so an installed
    wasmlit needs no Node for it either."""
    bundle = SOURCE_MAP_COMMENT.sub("", (DIST / SINGLE_FILE_BUNDLE).read_text("utf-8"))
    assets = json.dumps(single_file_assets(site)).replace("<", "\\u003c")
    page = MODULE_PRELOAD.sub("", (site / "index.html").read_text("utf-8"))
    css = inline_fonts((site / "wasmlit.css").read_text("utf-8"), site, uses_material_icons(site),
                       uses_serif_theme(site))
    css = css.replace("</style", "<\\/style")
    katex = inline_katex_css(site).replace("</style", "<\\/style")
    page = page.replace('<link rel="stylesheet" href="wasmlit.css">',
                        f"<style>\n{css}</style>\n<style data-wasmlit-katex>{katex}</style>")
    scripts = (f'<script type="application/json" id="wasmlit-assets">{assets}</script>\n'
               f"<script>{inline_script(INLINE_ASSETS_JS.read_text('utf-8'))}</script>\n"
               f'<script type="module">{inline_script(bundle)}</script>')
    return page.replace('<script type="module" src="wasmlit.js"></script>', scripts)


def build_single_file(app: Path, out: Path, entry: str | None = None, packages_url: str | None = None,
                      pyodide_packages: str | None = None, prerender_first_run: bool = True,
                      persist: str | None = None) -> None:
    """Build the app's site in a temp dir, then write it as one HTML page to out."""
    if out.is_dir():
        raise BadInput(f"--single-file {out} is a directory")
    if out.exists() and SITE_MARKER not in out.read_text("utf-8", "replace"):
        raise BadInput(f"--single-file {out} exists and is not a wasmlit page; refusing to replace it")
    out.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=out.parent, prefix=f".{out.name}.tmp-") as tmp:
        build_site(app, Path(tmp) / "site", entry, packages_url, pyodide_packages, prerender_first_run,
                   persist=persist, hashed=False)  # one page: no files for a host to cache
        page = Path(tmp) / "page.html"
        page.write_text(single_file_page(Path(tmp) / "site"), "utf-8")
        page.replace(out)
