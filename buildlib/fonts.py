"""The fonts a page draws with (Streamlit's text fonts and the Material Symbols icon font):
web/styles/fonts.css names each file as url(fonts/<file>); dist/fonts/ holds exactly those,
copied from the npm packages that ship them. A one-file page carries them inline."""
from __future__ import annotations

import base64
import re
import shutil
from pathlib import Path

from .checkout import NODE_MODULES, WEB
from .errors import BuildError

FONTS_CSS = WEB / "styles" / "fonts.css"
FONTS_DIR = "fonts"  # in dist/ and every site, beside wasmlit.css
ICON_FONT = "material-symbols-rounded.woff2"
SERIF_PREFIX = "source-serif-4-"  # the serif theme's files
# Where the npm packages keep their woff2 files.
FONT_SOURCES = (NODE_MODULES / "material-symbols",
                *(NODE_MODULES / "@fontsource" / pkg / "files"
                  for pkg in ("source-sans-3", "source-code-pro", "source-serif-4")))
FONT_URL = re.compile(r"url\(fonts/([\w.-]+\.woff2)\)")


def font_files() -> list[str]:
    """The woff2 files web/styles/fonts.css names, in order, each once."""
    return list(dict.fromkeys(FONT_URL.findall(FONTS_CSS.read_text("utf-8"))))


def font_source(name: str) -> Path:
    for folder in FONT_SOURCES:
        if (folder / name).is_file():
            return folder / name
    raise BuildError(f"web/styles/fonts.css names fonts/{name}, which no installed npm package ships")


def copy_fonts(out_dir: Path) -> None:
    """dist/fonts/: every font web/styles/fonts.css names."""
    out_dir.mkdir(parents=True)
    for name in font_files():
        shutil.copy2(font_source(name), out_dir / name)


def inline_fonts(css: str, site: Path, icons: bool, serif: bool) -> str:
    """css with each url(fonts/x.woff2) as a data: URL of the site's file, for a one-file page.
    Two stay out unless needed: the 5 MB icon font without icons (the app names no
    ":material/" icon; our own few icons then show as their names) and Source Serif
    without a serif theme. Their @font-face then names an empty file, and the browser draws
    with the next font of the stack."""
    def data_url(match: re.Match) -> str:
        if (match[1] == ICON_FONT and not icons) or (match[1].startswith(SERIF_PREFIX) and not serif):
            return "url(data:font/woff2;base64,)"
        data = base64.b64encode((site / FONTS_DIR / match[1]).read_bytes()).decode()
        return f"url(data:font/woff2;base64,{data})"
    return FONT_URL.sub(data_url, css)
