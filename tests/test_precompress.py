"""Precompressed .gz/.br files beside a site's big files (buildlib/precompress.py) and the
static server sending them by Accept-Encoding (buildlib/static_server.py). CPython only."""
import gzip
import os
import shutil
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from buildlib import precompress  # noqa: E402
from buildlib.hashed_names import site_path  # noqa: E402
from buildlib.static_server import StaticServer, accepted_codings  # noqa: E402

TEXT = "".join(f"export const value{i} = {i * 7} + 'some repeated text';\n" for i in range(2000)).encode()


def unbrotli(path: Path) -> bytes:
    if precompress.brotli is not None:
        return precompress.brotli.decompress(path.read_bytes())
    script = "process.stdout.write(require('zlib').brotliDecompressSync(require('fs').readFileSync(process.argv[1])))"
    return subprocess.run(["node", "-e", script, str(path)], capture_output=True, check=True).stdout


def brotli_available() -> bool:
    return precompress.brotli is not None or shutil.which("node") is not None


@pytest.fixture
def site(tmp_path):
    site = tmp_path / "site"
    (site / "lib").mkdir(parents=True)
    (site / "big.js").write_bytes(TEXT)
    (site / "lib" / "module.wasm").write_bytes(TEXT * 2)
    (site / "small.js").write_bytes(TEXT[:4000])  # under 8 KB
    (site / "noise.json").write_bytes(os.urandom(40000))  # does not compress
    (site / "lib" / "wheel.whl").write_bytes(TEXT)  # a type that is compressed already
    (site / "index.html").write_bytes(b"<!doctype html>" + b"<p>hello</p>" * 2000)
    return site


def test_big_files_get_gz_and_br_that_decompress_to_them(site, tmp_path):
    precompress.precompress_site(site, tmp_path / "cache")
    for name in ("big.js", "lib/module.wasm", "index.html"):
        original = (site / name).read_bytes()
        gz = site / (name + ".gz")
        assert gzip.decompress(gz.read_bytes()) == original, name
        assert len(gz.read_bytes()) < len(original) / 2, name
        if brotli_available():
            br = site / (name + ".br")
            assert unbrotli(br) == original, name
            assert br.stat().st_size < gz.stat().st_size, name


def test_small_incompressible_and_compressed_types_get_none(site, tmp_path):
    precompress.precompress_site(site, tmp_path / "cache")
    for name in ("small.js", "noise.json", "lib/wheel.whl"):
        assert not (site / (name + ".gz")).exists() and not (site / (name + ".br")).exists(), name
    written = sorted(p.relative_to(site).as_posix() for p in site.rglob("*") if p.suffix in (".gz", ".br"))
    expected = ["big.js.gz", "index.html.gz", "lib/module.wasm.gz"]
    if brotli_available():
        expected = sorted(expected + ["big.js.br", "index.html.br", "lib/module.wasm.br"])
    assert written == expected


def test_gz_is_reproducible_and_the_cache_is_reused(site, tmp_path, monkeypatch):
    precompress.precompress_site(site, tmp_path / "cache1")
    first = (site / "big.js.gz").read_bytes()
    (site / "big.js.gz").unlink()
    precompress.precompress_site(site, tmp_path / "cache2")
    assert (site / "big.js.gz").read_bytes() == first  # no name, mtime 0
    (site / "big.js.gz").unlink()

    def fail(*args, **kwargs):
        raise AssertionError("compressed again although cached")
    monkeypatch.setattr(precompress, "gzipped", fail)
    monkeypatch.setattr(precompress, "_start_node_brotli", fail)
    monkeypatch.setattr(precompress, "brotli", None)
    precompress.precompress_site(site, tmp_path / "cache2")
    assert (site / "big.js.gz").read_bytes() == first


def test_without_brotli_or_node_sites_get_gz_alone(site, tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(precompress, "brotli", None)
    monkeypatch.setattr(precompress.shutil, "which", lambda name: None)
    precompress.precompress_site(site, tmp_path / "cache")
    assert (site / "big.js.gz").is_file() and not list(site.rglob("*.br"))
    assert "no .br" in capsys.readouterr().err


def test_accepted_codings():
    assert accepted_codings("gzip, deflate, br, zstd") == {"br", "gzip"}
    assert accepted_codings("gzip;q=0.5, br;q=0") == {"gzip"}
    assert accepted_codings("") == set()
    assert accepted_codings("identity") == set()
    assert accepted_codings("*") == {"br", "gzip"}
    assert accepted_codings("*;q=0.1, gzip;q=0") == {"br"}
    assert accepted_codings("GZIP ; Q=1") == {"gzip"}


def fetch(url: str, encoding: str | None = None, method: str = "GET"):
    request = urllib.request.Request(url, method=method)
    if encoding is not None:
        request.add_header("Accept-Encoding", encoding)
    with urllib.request.urlopen(request, timeout=10) as answer:
        return answer.headers, answer.read()


@pytest.fixture
def served(tmp_path):
    site = tmp_path / "served"
    site.mkdir()
    (site / "app.js").write_bytes(TEXT)
    (site / "app.js.gz").write_bytes(gzip.compress(TEXT))
    (site / "app.js.br").write_bytes(b"pretend brotli")
    (site / "only-gz.wasm").write_bytes(TEXT)
    (site / "only-gz.wasm.gz").write_bytes(gzip.compress(TEXT))
    (site / "plain.js").write_bytes(b"let x = 1;\n")
    (site / "index.html").write_bytes(b"<!doctype html><p>hi</p>")
    (site / "index.html.gz").write_bytes(gzip.compress(b"<!doctype html><p>hi</p>"))
    server = StaticServer(site, isolated=True)
    yield server.url
    server.close()


def test_server_sends_the_copy_the_client_accepts(served):
    headers, body = fetch(served + "app.js", "gzip, deflate, br")
    assert (headers["Content-Encoding"], body) == ("br", b"pretend brotli")
    assert headers["Content-Type"] == "text/javascript" and headers["Vary"] == "Accept-Encoding"
    assert headers["Content-Length"] == str(len(body))
    assert headers["Cross-Origin-Embedder-Policy"] == "credentialless"  # the usual headers too
    headers, body = fetch(served + "app.js", "gzip")
    assert headers["Content-Encoding"] == "gzip" and gzip.decompress(body) == TEXT
    headers, body = fetch(served + "only-gz.wasm?v=2", "br, gzip")
    assert headers["Content-Encoding"] == "gzip" and headers["Content-Type"] == "application/wasm"
    assert gzip.decompress(body) == TEXT
    headers, body = fetch(served, "gzip")  # the folder's index.html
    assert headers["Content-Encoding"] == "gzip" and headers["Content-Type"] == "text/html"
    assert gzip.decompress(body) == b"<!doctype html><p>hi</p>"


def test_server_sends_plain_bytes_without_accept_encoding(served):
    for encoding in (None, "identity", "br;q=0, gzip;q=0"):
        headers, body = fetch(served + "app.js", encoding)
        assert "Content-Encoding" not in headers and body == TEXT, encoding
        assert headers["Vary"] == "Accept-Encoding" and headers["Content-Type"] == "text/javascript"
    headers, body = fetch(served + "plain.js", "br, gzip")  # no copy: as before, no Vary
    assert "Content-Encoding" not in headers and "Vary" not in headers and body == b"let x = 1;\n"


def test_server_answers_head_with_the_copys_headers(served):
    headers, body = fetch(served + "app.js", "br", method="HEAD")
    assert headers["Content-Encoding"] == "br" and headers["Content-Length"] == str(len(b"pretend brotli"))
    assert body == b""


def test_built_site_carries_precompressed_runtime(tmp_path):
    out = tmp_path / "site"
    proc = subprocess.run([sys.executable, str(ROOT / "build.py"), "--app", str(ROOT / "examples" / "seed_counts.py"),
                           "--out", str(out), "--no-prerender"], capture_output=True, text=True, timeout=900)
    assert proc.returncode == 0, proc.stderr
    wasm = site_path(out, "pyodide/pyodide.asm.wasm")  # under its hashed name (hashed_names.py)
    assert gzip.decompress(wasm.with_name(wasm.name + ".gz").read_bytes()) == wasm.read_bytes()
    if brotli_available():
        assert unbrotli(wasm.with_name(wasm.name + ".br")) == wasm.read_bytes()
    assert site_path(out, "wasmlit.js").with_suffix(".js.gz").is_file()
    for name in ("app.py", "pyodide/python_stdlib.zip", "pyodide/micropip-0.11.1-py3-none-any.whl"):
        path = site_path(out, name)
        assert not path.with_name(path.name + ".gz").exists() and not path.with_name(path.name + ".br").exists(), name
