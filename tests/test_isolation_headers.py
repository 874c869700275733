"""The headers that make a page cross-origin isolated (buildlib.static_server.ISOLATION;
README "Cross-origin isolation"): `build.py --dev` and `wasmlit run` (buildlib/dev_server.py)
send them with every response, the version the page polls too; the tests' StaticServer
sends them only when asked (isolated=True), as a plain static host sends none.
`build.py --serve` is checked end to end in test_build.py; a browser's view of the
headers in tests/browser/test_cross_origin_isolation.py."""
import sys
import threading
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from buildlib import dev_server, static_server  # noqa: E402

ISOLATING = {"Cross-Origin-Opener-Policy": "same-origin",
             "Cross-Origin-Embedder-Policy": "credentialless",
             "Cross-Origin-Resource-Policy": "same-origin"}


def make_site(tmp_path: Path) -> Path:
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("<p>index</p>")
    (site / "wasmlit.js").write_text("// js")
    return site


def headers_of(url: str) -> dict[str, str]:
    with urllib.request.urlopen(url, timeout=10) as response:
        response.read()
        return dict(response.headers.items())


def isolation_of(headers: dict[str, str]) -> dict[str, str]:
    return {name: headers[name] for name in ISOLATING if name in headers}


def test_the_isolating_headers_are_coop_coep_credentialless_and_corp():
    assert static_server.ISOLATION == ISOLATING
    assert static_server.SERVED == {**static_server.REVALIDATE, **ISOLATING}


def test_the_test_server_is_not_isolated_unless_asked(tmp_path):
    server = static_server.StaticServer(make_site(tmp_path))
    try:
        headers = headers_of(server.url + "index.html")
        assert isolation_of(headers) == {} and headers["Cache-Control"] == "no-store"
    finally:
        server.close()


def test_the_test_server_isolated_sends_them_with_every_response(tmp_path):
    server = static_server.StaticServer(make_site(tmp_path), isolated=True,
                                        headers={"X-Extra": "kept"})
    try:
        for path in ["", "index.html", "wasmlit.js", "a_page"]:  # a_page: the multipage fallback
            headers = headers_of(server.url + path)
            assert isolation_of(headers) == ISOLATING, path
            assert headers["Cache-Control"] == "no-store" and headers["X-Extra"] == "kept"
    finally:
        server.close()


def test_the_dev_server_sends_them_on_files_and_on_the_version(tmp_path, monkeypatch):
    """dev_server.serve, as `build.py --dev` and `wasmlit run` start it (its site ready)."""
    seen = {}

    def fetch_then_stop(server):
        threading.Thread(target=server.serve_forever, daemon=True).start()
        try:
            base = f"http://127.0.0.1:{static_server.port_of(server)}/"
            for path in ["", "wasmlit.js", dev_server.VERSION_PATH]:
                seen[path] = headers_of(base + path)
        finally:
            server.shutdown()
            server.server_close()

    monkeypatch.setattr(static_server, "serve_until_interrupted", fetch_then_stop)
    dev_server.serve(make_site(tmp_path), 0, dev_server.Watch(list), lambda: None)
    assert sorted(seen) == sorted(["", "wasmlit.js", dev_server.VERSION_PATH])
    for path, headers in seen.items():
        assert isolation_of(headers) == ISOLATING, path
        assert headers["Cache-Control"] == "no-cache", path
