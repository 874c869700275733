"""Build wasmlit's static, serverless distribution. Standard library only.

  python3 build.py                         build dist/ (skipped when up to date)
  python3 build.py --app APP.py --out DIR  build dist/, then a site for APP.py in DIR
  python3 build.py --serve [--port N] [APP_OR_DIR ...]
      build a site per app (default: examples/; a folder with app.py or
      streamlit_app.py is one multi-file app, another folder means its *.py
      and its subfolders that hold such an entry)
      in dist/sites/NAME/, plus dist/sites/index.html linking them, and serve
      dist/sites at http://127.0.0.1:N/ (default 8000, or a free port if taken)

dist/ (first runs `npm ci` if node_modules is missing or package-lock.json changed):
  pyodide/pyodide.mjs, pyodide.asm.mjs,   Pyodide's runtime, from node_modules/pyodide
    pyodide.asm.wasm, python_stdlib.zip
  pyodide/micropip-0.11.1-py3-none-any.whl  from PyPI, cached in .cache/wheels/
  pyodide/wasmlit-VERSION-py3-none-any.whl  runtime/wasmlit packed as a wheel
  pyodide/pyodide-lock.json               the pinned Pyodide's lock, compact: its "info" and every
                                          package of its distribution (so the page can map any
                                          import to one), with our micropip and wasmlit wheels
    (the wasmlit wheel holds no testing/ and ships its modules as .pyc compiled by
    Pyodide under Node: buildlib/pycompile.py)
  packages.json                           {"packages_url": Pyodide's CDN for the pinned version,
                                          "load": [], "shipped": [], "bytes": {}}: where snippets
                                          load distribution packages from (buildlib/pyodide_lock.py)
  startup.json, snapshot.bin.gz           a Pyodide memory snapshot with wasmlit imported, which
                                          repeat visits restore (buildlib/snapshot.py; made with
                                          Node; WASMLIT_SNAPSHOT=0 builds dist/ without it, and
                                          --app --out --no-snapshot leaves it out of a site)
  vega.js                                 vega + vega-lite + vega-embed (esbuild), loaded on first chart
  markdown.js                             markdown-it (+ emoji, KaTeX, Prism, DOMPurify) as one ES module (esbuild)
  plotly.js                               plotly.js as one ES module (esbuild), for st.plotly_chart
  katex/katex.min.css, katex/fonts/*.woff2  KaTeX's stylesheet and fonts, from node_modules/katex
  wasmlit.js, wasmlit.js.map              web/wasmlit.js and every module it imports, one minified
                                          ES module (esbuild), with a source map for devtools
  wasmlit.css                             web/wasmlit.css then web/styles/*.css, minified

A site is dist/ plus the app (my_app.py, under its own name) and an index.html that mounts it with wasmlit.js, and its
own packages.json (and pyodide-lock.json): the Pyodide packages the app needs (numpy,
pandas, ...), found from its imports and its requirements.txt, are loaded from
--packages-url (default: Pyodide's CDN) or, with --pyodide-packages, shipped in pyodide/
so that the site loads nothing from outside its folder (buildlib/site_packages.py). An app with a .streamlit/secrets.toml
(or a secrets.toml) beside it gets it as the site's secrets.toml (st.secrets):
every visitor can read it, so it must hold nothing secret. The [theme] table of a
.streamlit/config.toml beside it goes into index.html (data-wasmlit-theme, as JSON). --app first checks that APP.py is a
readable UTF-8 file that compiles, and that DIR is neither a file nor a
non-empty directory other than a previous site. Each output directory is built
in a temp directory beside it, then renamed into place: a failed build leaves
nothing half-written. Exit codes: 0 ok, 1 build failure, 2 bad input.

Multi-file apps: `--app DIR` runs DIR/app.py (else DIR/streamlit_app.py; or the
file `--entry NAME.py` names inside DIR). The site
gets DIR's files under app/ (no __pycache__, *.pyc or dotfiles, except .streamlit/)
and files.json listing them; wasmlit.js writes them into Pyodide's file system, where
the app runs with that folder as working directory and first on sys.path.

One-file output: `--app APP --single-file OUT.html` writes one HTML page holding
everything (our JS bundled by esbuild, CSS, the app, Pyodide and the wheels as
base64) that runs when opened from disk (file://). It carries vega.js or plotly.js
only when the app's code uses their chart commands, and the wheels of the app's
requirements.txt. KaTeX's stylesheet and fonts are inlined.

Packages: a site's packages.json is {"packages_url": URL ending in / or null when every
needed package is shipped, "load": [lock keys loaded before the first run: what the app's
files import and its requirements.txt names from Pyodide's distribution, with their
dependencies], "shipped": [lock keys whose files are in pyodide/], "bytes": {key: size of
each shipped file}}. An app needing nothing from the distribution has "load": [].

Requirements: a requirements.txt beside the app (in DIR for a folder app; UTF-8 or UTF-16,
with -r, markers evaluated for Pyodide) is split at build time: packages in Pyodide's lock
join "load" (a pin the lock's version misses gives a warning), `streamlit` is skipped
(wasmlit provides it), and the rest are downloaded from PyPI with their dependencies as
wheels for the browser (pure Python, or built for Pyodide's platform), shipped in wheels/
with wheels/requirements.json (buildlib/requirements.py) and installed by micropip before
the first run.

Offline: `--pyodide-packages SOURCE` (a folder, .tar.bz2 or .zip of the pinned Pyodide's
distribution, e.g. its release asset pyodide-VERSION.tar.bz2, or an http(s)/file URL of
either) copies the needed packages into pyodide/, each checked against the lock's sha256
(buildlib/distribution.py); a missing package, a wrong sha256 or another version exits 2.

Dev server: `--app APP --dev [--port N]` serves the app and reruns it in the open
page, with its session state, whenever its files change (buildlib/dev_server.py).

First paint: a site's (and --serve's, and a one-file page's) index.html carries the
app's first run, performed at build time by this Python with wasmlit's engine, as
<script type="application/json" id="wasmlit-first-paint">{"changes":[...]}</script>,
drawn before Pyodide has loaded. An app whose first run fails, reads st.secrets, sleeps,
takes more than 5 s or differs between two runs gets none (a build note says why);
--no-prerender turns it off (buildlib/prerender.py).

Files that last: `--app APP --persist DIR` (with --out, --single-file or --dev) keeps the
files the app writes under DIR (relative to its working directory, e.g. data) in the
browser's IndexedDB: they are there on the next visit. index.html says so in
data-wasmlit-persist; web/persistent-folder.js does it. An empty DIR, an absolute one or one
with .. exits 2.

Offline cache: `--app APP --out DIR --offline-cache` adds sw.js, a service worker that the
page registers and that caches every file of the site (listed in it with a sha256 each):
repeat visits load nothing from the network, and the app runs offline. A rebuilt site
takes over once no tab of it is open any more (buildlib/offline_cache.py).
"""
import argparse
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from buildlib import commands
from buildlib.commands import checked_packages_url  # noqa: F401  (build.checked_packages_url)

DEFAULT_PORT = 8000


# --- what each mode does ---------------------------------------------------------------------
def package_options(args: argparse.Namespace) -> dict:
    return {"packages_url": args.packages_url, "pyodide_packages": args.pyodide_packages}


def port(args: argparse.Namespace) -> int:
    return DEFAULT_PORT if args.port is None else args.port


def run_dist(args: argparse.Namespace) -> None:
    commands.build_dist_only()


def run_site(args: argparse.Namespace) -> None:
    commands.build_site(args.app, args.out, args.entry, prerender=not args.no_prerender,
                        offline_cache=args.offline_cache, persist=args.persist,
                        snapshot=not args.no_snapshot, **package_options(args))
    print(f"build.py: wrote site for {args.app} to {args.out}", file=sys.stderr)


def run_single_file(args: argparse.Namespace) -> None:
    commands.build_single_file(args.app, args.single_file, args.entry, prerender=not args.no_prerender,
                               persist=args.persist, **package_options(args))
    print(f"build.py: wrote {args.single_file} for {args.app}", file=sys.stderr)


def run_serve(args: argparse.Namespace) -> None:
    commands.serve_apps(args.apps, port(args), prerender=not args.no_prerender, **package_options(args))


def run_dev(args: argparse.Namespace) -> None:
    commands.dev(args.app, args.entry, port(args), persist=args.persist, **package_options(args))


# --- which flags choose a mode, and what else it takes -------------------------------------
@dataclass(frozen=True)
class Mode:
    name: str
    chosen_by: frozenset[str]  # argparse dests of MODE_FLAGS: these given, and no other
    takes: frozenset[str]  # the options of NEEDS it accepts
    run: Callable[[argparse.Namespace], None]


APP_OPTIONS = frozenset({"entry", "packages_url", "pyodide_packages", "persist"})
MODES = (
    Mode("dist", frozenset(), frozenset(), run_dist),
    Mode("site", frozenset({"app", "out"}), APP_OPTIONS | {"no_prerender", "offline_cache", "no_snapshot"},
         run_site),
    Mode("single-file", frozenset({"app", "single_file"}), APP_OPTIONS | {"no_prerender"}, run_single_file),
    Mode("dev", frozenset({"app", "dev"}), APP_OPTIONS | {"port"}, run_dev),
    Mode("serve", frozenset({"serve"}),
         frozenset({"apps", "port", "packages_url", "pyodide_packages", "no_prerender"}), run_serve),
)
MODE_FLAGS = ("app", "out", "single_file", "serve", "dev")
# Why a set of MODE_FLAGS chooses no mode: the first of these pairs it holds, else DEV_ALONE
# when it holds --dev, else APP_NEEDS_OUTPUT.
CONFLICTS = ((frozenset({"app", "serve"}), "--app and --serve cannot be combined"),
             (frozenset({"out", "single_file"}), "--out and --single-file cannot be combined"))
DEV_ALONE = "--dev goes with --app alone"
APP_NEEDS_OUTPUT = "--app goes with --out, --single-file or --dev"
# An option given to a mode that does not take it: what it needs (checked in this order).
NEEDS = {"entry": "--entry needs --app",
         "apps": "APP_OR_DIR needs --serve",
         "port": "--port needs --serve or --dev",
         "packages_url": "--packages-url and --pyodide-packages need --app or --serve",
         "pyodide_packages": "--packages-url and --pyodide-packages need --app or --serve",
         "no_prerender": "--no-prerender needs --out, --single-file or --serve",
         "offline_cache": "--offline-cache needs --app and --out",
         "no_snapshot": "--no-snapshot needs --app and --out",
         "persist": "--persist needs --app"}


def given(args: argparse.Namespace, dest: str) -> bool:
    """Whether the option was given (a --port of 0 is; an empty string or list is not)."""
    value = getattr(args, dest)
    return value is not None and value is not False and value not in ("", [])


def chosen_mode(args: argparse.Namespace) -> Mode:
    """The mode the flags choose; ValueError saying why when they choose none, or give an
    option it does not take."""
    flags = frozenset(dest for dest in MODE_FLAGS if given(args, dest))
    mode = next((m for m in MODES if m.chosen_by == flags), None)
    if mode is None:
        raise ValueError(next((message for pair, message in CONFLICTS if pair <= flags),
                              DEV_ALONE if "dev" in flags else APP_NEEDS_OUTPUT))
    for dest, message in NEEDS.items():
        if given(args, dest) and dest not in mode.takes:
            raise ValueError(message)
    return mode


# --- the command line --------------------------------------------------------------------
def parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="build.py", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--app", type=Path, metavar="FILE.py|DIR",
                        help="build a static site for this app (a folder: a multi-file app)")
    parser.add_argument("--out", type=Path, metavar="DIR",
                        help="where --app writes its site (replaced if it is a previous site)")
    parser.add_argument("--entry", metavar="NAME.py",
                        help="with --app DIR: the app file inside DIR (default app.py, else streamlit_app.py)")
    parser.add_argument("--single-file", type=Path, metavar="FILE.html",
                        help="with --app: write one self-contained HTML page instead of a site")
    parser.add_argument("--serve", action="store_true",
                        help="build sites for APP_OR_DIR (default: examples/) into dist/sites/ "
                             "and serve them on 127.0.0.1")
    parser.add_argument("--dev", action="store_true",
                        help="with --app: serve the app and rerun it in the page when its files change")
    parser.add_argument("--port", type=int,
                        help="port for --serve or --dev (default 8000; a free one if taken)")
    parser.add_argument("--packages-url", metavar="URL",
                        help="where the page loads Pyodide's packages (numpy, pandas, ...) from: an "
                             "http(s) URL or a path relative to the site (default: Pyodide's CDN, "
                             "https://cdn.jsdelivr.net/pyodide/vVERSION/full/)")
    parser.add_argument("--pyodide-packages", metavar="SOURCE",
                        help="ship the Pyodide packages the app needs in the site (fully offline), "
                             "copied from SOURCE: a Pyodide distribution of the pinned version, as a "
                             "folder, a .tar.bz2 or .zip archive (e.g. the release asset "
                             "pyodide-VERSION.tar.bz2), or an http(s)/file URL of either")
    parser.add_argument("--no-prerender", action="store_true",
                        help="do not run the app at build time to put its first run in index.html "
                             "(the page then draws nothing before Python has loaded)")
    parser.add_argument("--offline-cache", action="store_true",
                        help="with --app and --out: add a service worker that keeps the whole site "
                             "in the browser, for instant repeat visits and use offline")
    parser.add_argument("--no-snapshot", action="store_true",
                        help="with --app and --out: leave out the Pyodide memory snapshot (6 MB) that "
                             "repeat visits restore instead of starting Python")
    parser.add_argument("--persist", metavar="DIR",
                        help="with --app: keep the files the app writes in DIR (a folder relative to its "
                             "working directory, e.g. data) in the browser, so they are there on the next visit")
    parser.add_argument("apps", nargs="*", metavar="APP_OR_DIR", help="apps for --serve")
    return parser


def parse_args(argv=None) -> argparse.Namespace:
    """The command line, with `mode` (the Mode it chooses); exits with code 2 when the
    options do not go together."""
    arguments = parser()
    args = arguments.parse_args(argv)
    try:
        args.mode = chosen_mode(args)
        args.packages_url = commands.checked_package_options(
            args.packages_url, args.pyodide_packages)["packages_url"]
        if args.persist is not None:
            args.persist = commands.checked_persist_dir(args.persist)
    except ValueError as e:
        arguments.error(str(e))
    return args


def main(argv=None) -> int:
    args = parse_args(argv)
    return commands.exit_code("build.py", lambda: args.mode.run(args))


if __name__ == "__main__":
    sys.exit(main())
