"""Content hashes in a built site's file names, so a host may cache those files for good.

`hash_names(site, shipped)` runs on a finished site (build.py --app --out, `wasmlit build`),
before its offline cache list and its .gz/.br copies, which must see the final names:

- the files dist/ puts at the top (`shipped`: wasmlit.css, python-worker.js, the vendor
  bundles, packages.json, startup.json, ...) become NAME.<hash>.EXT;
- folders whose files name each other (fonts/, katex/, pdfjs/) become NAME-<hash>/, the
  hash of all their files; wasmlit.css names fonts/ and is rewritten to match;
- pyodide/ becomes pyodide-<hash>/, the hash of Pyodide's core files only (Pyodide finds
  those beside its indexURL by their fixed names): the files in it that change with a
  wasmlit build get their own hash (the lock, the lazy archive, and our wheel, whose new
  name the lock gives: a build tag, `wasmlit-0.1.0-0.<hash>-py3-none-any.whl`, so Pyodide's
  loadPackage still reads it as wasmlit's). Its other wheels (micropip, shipped packages)
  are releases: a name is always the same bytes (the lock holds their sha256);
- the page's bundle gets the map {plain name: hashed name} (web/assets.js NAMES, which
  passes it on to the worker) and becomes wasmlit.<hash>.js, which index.html loads. The
  plain wasmlit.js stays as a one-line module re-exporting it: the stable URL for pages
  that embed apps with <script type="module" src=".../wasmlit.js">.

The bundle's chunks (chunks/, buildlib/lazy_chunks.py) keep the names esbuild gave them from
their content: the bundle imports them by those names, and nothing is written into them.

What keeps its name (a host revalidates it): index.html, 404.html, sw.js, wasmlit.js, the
app's files (my_app.py, app/, files.json, secrets.toml), wheels/ (requirements.txt's),
component/ (custom components' frontends, component_frontends.py) and the source maps
(*.map, which only devtools fetch). Everything else is named by its content.
"""
from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

from . import pyodide_lock
from .errors import BuildError

HASH_CHARS = 8  # hex digits of sha256 in a name: enough to tell two builds apart
ENTRY = "wasmlit.js"  # the page's bundle; its plain name stays, as a stub for embedders
STYLESHEET = "wasmlit.css"
PLACEHOLDER = '"__WASMLIT_ASSET_NAMES__"'  # web/site-names.js BUILT_NAMES, as esbuild writes it
HASHED_FOLDERS = ("fonts", "katex", "pdfjs")  # hashed as a whole: their files name each other
PYODIDE = "pyodide"
PYODIDE_CORE = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip")  # dist.PYODIDE_FILES


def digest(data: bytes) -> str:
    """A file's hash in its name: the first hex digits of its sha256 (as `sha256sum` shows)."""
    return hashlib.sha256(data).hexdigest()[:HASH_CHARS]


def folder_digest(folder: Path, names=None) -> str:
    """A folder's hash in its name: the digest of a line "PATH SHA256" per file (its files,
    sorted, or those named), PATH relative to the folder."""
    files = sorted(p for p in folder.rglob("*") if p.is_file()) if names is None else [folder / n for n in names]
    lines = "".join(f"{p.relative_to(folder).as_posix()} {hashlib.sha256(p.read_bytes()).hexdigest()}\n" for p in files)
    return digest(lines.encode())


def file_hash_name(name: str, hash_: str) -> str:
    """name with hash_ in it: before the last suffix (wasmlit.css -> wasmlit.<hash>.css); a
    wheel's as its build tag (PEP 427), which keeps it a wheel's name."""
    if name.endswith(".whl"):
        tokens = name[:-len(".whl")].split("-")
        if len(tokens) != 5:
            raise BuildError(f"cannot put a hash in the wheel name {name}")
        return "-".join(tokens[:2] + [f"0.{hash_}"] + tokens[2:]) + ".whl"
    stem, dot, suffix = name.rpartition(".")
    return f"{stem}.{hash_}.{suffix}" if dot else f"{name}.{hash_}"


def rename_by_content(path: Path) -> str:
    """Rename the file at path to its hashed name; returns the new name."""
    new = file_hash_name(path.name, digest(path.read_bytes()))
    path.rename(path.with_name(new))
    return new


def hash_pyodide(site: Path, names: dict[str, str]) -> None:
    """pyodide/ -> pyodide-<hash of the core files>/, its build-made files hashed in it."""
    folder = site / PYODIDE
    lock_path = folder / pyodide_lock.LOCK_NAME
    lock = json.loads(lock_path.read_text("utf-8"))
    listed = {entry["file_name"] for entry in lock["packages"].values()}
    wheel = lock["packages"]["wasmlit"]
    new_folder = f"{PYODIDE}-{folder_digest(folder, PYODIDE_CORE)}"
    inner = {}
    for path in sorted(folder.iterdir()):
        made_here = path.name not in listed and path.name not in PYODIDE_CORE and path != lock_path
        if path.is_file() and (made_here or path.name == wheel["file_name"]):
            inner[path.name] = rename_by_content(path)
    wheel["file_name"] = inner[wheel["file_name"]]
    pyodide_lock.write_json_compact(lock_path, lock)
    inner[lock_path.name] = rename_by_content(lock_path)
    folder.rename(site / new_folder)
    names[f"{PYODIDE}/"] = f"{new_folder}/"
    names.update({f"{PYODIDE}/{old}": f"{new_folder}/{new}" for old, new in inner.items()})


def replace_once_or_more(text: str, old: str, new: str, where: str) -> str:
    if old not in text:
        raise BuildError(f"{where} does not contain {old}")
    return text.replace(old, new)


def hash_names(site: Path, shipped: list[str]) -> dict[str, str]:
    """Give the finished site's cacheable files hashed names (see the module's doc) and
    point index.html at them. shipped: the names of the files dist/ puts at the site's top.
    Returns the map {plain name: hashed name} (a folder's with a trailing slash)."""
    names: dict[str, str] = {}
    for folder in HASHED_FOLDERS:
        if (site / folder).is_dir():
            hashed = f"{folder}-{folder_digest(site / folder)}"
            (site / folder).rename(site / hashed)
            names[f"{folder}/"] = f"{hashed}/"
    if (site / PYODIDE).is_dir():
        hash_pyodide(site, names)
    css = site / STYLESHEET
    text = css.read_text("utf-8")
    for folder in HASHED_FOLDERS:
        if f"{folder}/" in names:  # url(fonts/x.woff2) -> url(fonts-<hash>/x.woff2)
            text = re.sub(rf"url\((['\"]?){folder}/", lambda m: f"url({m[1]}{names[folder + '/']}", text)
    css.write_text(text, "utf-8")
    for name in shipped:
        if name != ENTRY and not name.endswith(".map") and (site / name).is_file():
            names[name] = rename_by_content(site / name)
    bundle = site / ENTRY
    code = bundle.read_text("utf-8")
    code = replace_once_or_more(code, PLACEHOLDER, json.dumps(json.dumps(names, sort_keys=True)), ENTRY)
    bundle.write_text(code, "utf-8")
    names[ENTRY] = rename_by_content(bundle)
    bundle.write_text(f'export * from "./{names[ENTRY]}";\n', "utf-8")  # the stable URL for embedders
    index = site / "index.html"
    page = index.read_text("utf-8")
    page = replace_once_or_more(page, f'<link rel="stylesheet" href="{STYLESHEET}">',
                                f'<link rel="stylesheet" href="{names[STYLESHEET]}">', "index.html")
    page = replace_once_or_more(page, f'<script type="module" src="{ENTRY}"></script>',
                                f'<script type="module" src="{names[ENTRY]}"></script>', "index.html")
    index.write_text(page, "utf-8")
    return names


STUB = re.compile(r'export \* from "\./([^"/]+)";')
NAMES_LITERAL = re.compile(r'"\{\\"(?:[^"\\]|\\.)*\}"')  # a JSON string literal holding an object


def read_names(site: Path) -> dict[str, str]:
    """The map hash_names gave the site's bundle ({} for a site without hashed names)."""
    stub = STUB.fullmatch((site / ENTRY).read_text("utf-8").strip()) if (site / ENTRY).is_file() else None
    if stub is None:
        return {}
    code = (site / stub[1]).read_text("utf-8")
    for literal in NAMES_LITERAL.findall(code):
        names = json.loads(json.loads(literal))
        if isinstance(names, dict) and STYLESHEET in names:
            return {**names, ENTRY: stub[1]}
    raise BuildError(f"{stub[1]} holds no map of hashed names")


def site_path(site: Path, rel: str, names: dict[str, str] | None = None) -> Path:
    """Where the file rel (its plain name, as web/ asks for it) is in the site, as
    web/assets.js hashedName finds it."""
    names = read_names(site) if names is None else names
    folder = rel[:rel.find("/") + 1]
    if rel in names:
        return site / names[rel]
    return site / (names[folder] + rel[len(folder):] if folder in names else rel)


__all__ = ["hash_names", "read_names", "site_path", "file_hash_name", "digest", "folder_digest", "HASH_CHARS"]
