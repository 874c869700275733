"""dist/pdfjs/: what pdf.js loads beside its bundle (dist/pdf.js) to open a PDF offline:
its worker, the standard fonts (for PDFs that name, not embed, Symbol or ZapfDingbats),
the CMaps (for CJK text that names a predefined encoding) and the WebAssembly image and
colour decoders (JPEG 2000, JBIG2, ICC). Each is fetched only when a PDF needs it."""
from __future__ import annotations

import shutil
from pathlib import Path

from .checkout import NODE_MODULES

PDFJS_NPM = NODE_MODULES / "pdfjs-dist"
PDFJS_DIR = "pdfjs"  # in dist/
WORKER = "pdf.worker.min.mjs"
# pdf.js's decoders; the JS fallbacks (for pages without WebAssembly) and QuickJS (PDF
# scripting, which st.pdf leaves off) are not shipped.
WASM_FILES = ("jbig2.wasm", "openjpeg.wasm", "qcms_bg.wasm")


def copy_pdfjs(out_dir: Path) -> None:
    """pdf.js's worker, standard fonts, CMaps and decoders (with their licences) in out_dir."""
    out_dir.mkdir(parents=True)
    shutil.copy2(PDFJS_NPM / "build" / WORKER, out_dir / WORKER)
    shutil.copy2(PDFJS_NPM / "LICENSE", out_dir / "LICENSE")
    for folder in ("standard_fonts", "cmaps"):
        shutil.copytree(PDFJS_NPM / folder, out_dir / folder)
    (out_dir / "wasm").mkdir()
    for path in sorted((PDFJS_NPM / "wasm").iterdir()):
        if path.name in WASM_FILES or path.name.startswith("LICENSE_") and "QUICKJS" not in path.name:
            shutil.copy2(path, out_dir / "wasm" / path.name)
