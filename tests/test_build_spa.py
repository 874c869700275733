"""Page URLs of multipage apps on static hosts (buildlib/spa.py): unknown extension-less
paths are the site's index.html, and a site carries a 404.html copy for GitHub Pages."""
import sys
import threading
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from buildlib import spa, static_server  # noqa: E402


def make_site(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("<p>index</p>")
    (site / "wasmlit.js").write_text("// js")
    return site


def test_fallback_only_for_missing_extensionless_names(tmp_path):
    site = make_site(tmp_path)
    assert spa.fallback(str(site / "Plotting_demo")) == str(site / "index.html")
    assert spa.fallback(str(site / "missing.js")) is None       # a real 404 stays one
    assert spa.fallback(str(site / "wasmlit.js")) is None       # existing files as they are
    assert spa.fallback(str(site)) is None                      # folders too
    assert spa.fallback(str(tmp_path / "nosite" / "page")) is None  # no index.html there


def test_write_404_copies_index(tmp_path):
    site = make_site(tmp_path)
    spa.write_404(site)
    assert (site / "404.html").read_text() == "<p>index</p>"


def test_build_server_answers_a_page_url_with_index_html(tmp_path):
    site = make_site(tmp_path)
    server = static_server.make_server(tmp_path, 0, static_server.handler_class(static_server.REVALIDATE))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}/site/"
        assert urllib.request.urlopen(url + "Mapping_demo").read() == b"<p>index</p>"
        assert urllib.request.urlopen(url + "wasmlit.js").read() == b"// js"
        try:
            urllib.request.urlopen(url + "nope.css")
            raise AssertionError("expected a 404")
        except urllib.error.HTTPError as e:
            assert e.code == 404
    finally:
        server.shutdown()
        server.server_close()
