"""`--serve`: a site per app in dist/sites/NAME/, an index.html linking them, all served on
127.0.0.1. An app is a file, or a folder with an entry file (a multi-file app); any other
folder stands for its *.py files and its subfolders that hold an entry file.
`serve_app` (`wasmlit hello`): one app's site, served at the server's root."""
from __future__ import annotations

import html
from pathlib import Path
from typing import Callable

from . import app_source, static_server
from .app_source import App
from .checkout import CACHE, EXAMPLES, SITES, build_into, build_lock
from .dist import build_dist
from .distribution import Distribution
from .errors import BadInput
from .precompress import precompress_site
from .site import PAGE, fill_site, opened_distribution, plan_packages

HELLO = EXAMPLES / "hello"  # the gallery `wasmlit hello` serves (shipped in the wheel too)
APP_SITES = CACHE / "served"  # serve_app's sites, one folder per app


def collect_apps(args: list[str] | None) -> list[Path]:
    """Apps named on the command line (default: examples/): a file, or a folder holding
    app.py/streamlit_app.py (a multi-file app); any other folder stands for its *.py files
    and the subfolders that hold an entry file."""
    apps = []
    for arg in args or [EXAMPLES]:
        path = Path(arg)
        if not path.is_dir() or app_source.has_entry(path):
            apps.append(path)
        else:
            apps += sorted(path.glob("*.py")) + sorted(d for d in path.iterdir()
                                                       if d.is_dir() and app_source.has_entry(d))
    if not apps:
        raise BadInput("no apps to serve")
    stems = [site_name(a) for a in apps]
    duplicates = sorted({s for s in stems if stems.count(s) > 1})
    if duplicates:
        raise BadInput(f"two apps named {duplicates[0]}; site names must be unique")
    return apps


def site_name(app: Path) -> str:
    """The site folder an app gets under --serve: a file's stem, a folder's name."""
    return app.name if app.is_dir() else app.stem


def sites_index(names: list[str]) -> str:
    links = "".join(f'<li><a href="{html.escape(s)}/">{html.escape(s)}</a></li>\n' for s in names)
    return PAGE.format(title="wasmlit examples", head='\n<link rel="icon" href="data:,">',
                       body=f"<h1>wasmlit examples</h1>\n<ul>\n{links}</ul>")


def fill_sites(tmp: Path, apps: dict[str, App], packages_url: str | None = None,
               distribution: Distribution | None = None, prerender_first_run: bool = True) -> None:
    """A site for each app under its name ({site name: app}), and index.html linking them."""
    for name, app in apps.items():
        fill_site(tmp / name, app, plan_packages(app), packages_url, distribution,
                  prerender_first_run=prerender_first_run)
    (tmp / "index.html").write_text(sites_index(list(apps)), "utf-8")
    precompress_site(tmp)  # .gz/.br beside the big files, which static_server sends


def serve(app_args: list[str], port: int, packages_url: str | None = None,
          pyodide_packages: str | None = None, on_serving: Callable[[str], None] | None = None,
          prerender_first_run: bool = True) -> None:
    """Build the sites into dist/sites (installed: the user's cache), then serve it on port (a
    free one if taken) until Ctrl+C. on_serving(url) is called once the server listens.
    prerender_first_run: each site's index.html carries its app's first run (prerender.py)."""
    apps = {site_name(path): app_source.load(path) for path in collect_apps(app_args)}
    with build_lock(), opened_distribution(pyodide_packages) as distribution:
        build_dist()
        sites = SITES
        build_into(sites, lambda tmp: fill_sites(tmp, apps, packages_url, distribution,
                                                 prerender_first_run))
    serve_folder(sites, port, "wasmlit examples", on_serving)


def serve_app(app_path: Path, port: int, packages_url: str | None = None,
              pyodide_packages: str | None = None, on_serving: Callable[[str], None] | None = None,
              prerender_first_run: bool = True, label: str | None = None) -> None:
    """One app's site, built into APP_SITES/NAME, served at the server's root (so a multipage
    app's pages are /PAGE) on port (a free one if taken) until Ctrl+C. on_serving(url) is
    called once the server listens. prerender_first_run: index.html carries the first run.
    label: what the "Serving ... at URL" line calls the app (default: its site name)."""
    app = app_source.load(app_path)
    packages = plan_packages(app)
    site = APP_SITES / site_name(app_path)
    with build_lock(), opened_distribution(pyodide_packages, packages.load) as distribution:
        build_dist()

        def fill(tmp: Path) -> None:
            fill_site(tmp, app, packages, packages_url, distribution,
                      prerender_first_run=prerender_first_run)
            precompress_site(tmp)

        build_into(site, fill)
    serve_folder(site, port, label or site_name(app_path), on_serving)


def serve_folder(folder: Path, port: int, label: str, on_serving: Callable[[str], None] | None) -> None:
    """Serve folder on port (a free one if taken) until Ctrl+C, saying what is served where;
    on_serving(url) once the server listens."""
    server = static_server.make_server(folder, port, static_server.handler_class(static_server.SERVED))
    url = f"http://127.0.0.1:{static_server.port_of(server)}/"
    print(f"Serving {label} at {url}", flush=True)
    if on_serving is not None:
        on_serving(url)
    static_server.serve_until_interrupted(server)
