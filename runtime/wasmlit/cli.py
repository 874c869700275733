"""The `wasmlit` command (also `python -m wasmlit`):

  wasmlit run APP [--server.port N] [--server.headless true|false]
      serve APP (a .py file, or a folder with app.py or streamlit_app.py) and open it in the
      browser; edits to its files rerun it in the page, with its session state
  wasmlit build APP [-o DIR | --single-file FILE.html] [--no-prerender] [--offline-cache]
                [--no-snapshot]
      write a static site for APP into DIR (default: site), or one self-contained HTML page;
      the app's first run is performed at build time and drawn before Python loads, unless
      --no-prerender; --offline-cache (a site only) adds a service worker that keeps the
      whole site in the browser, for instant repeat visits and use offline
  wasmlit hello [--server.port N] [--server.headless true|false]
      serve the gallery of what wasmlit draws (examples/hello, shipped with wasmlit) and
      open it in the browser
  wasmlit version
      print wasmlit's version and the Streamlit release it is compatible with

run and build also take --entry NAME.py, --packages-url URL, --pyodide-packages SOURCE and
--persist DIR (the files the app writes in DIR are kept in the browser across visits), as
build.py does (see `wasmlit build --help`). Exit codes: 0 ok, 1 build failure, 2 bad
input. The build code is the package wasmlit_build (the checkout's buildlib/, the code
build.py runs); installed from the wheel it builds from the dist/ the wheel ships, with no
npm or Node.
"""
from __future__ import annotations

import argparse
import importlib
import sys
import webbrowser
from pathlib import Path
from types import ModuleType

PROG = "wasmlit"
DEFAULT_PORT = 8501  # Streamlit's
DEFAULT_OUT = Path("site")
TRUE, FALSE = ("true", "1", "yes", "on"), ("false", "0", "no", "off")


def build_code(name: str) -> ModuleType:
    """The build module `name` of wasmlit_build (in a checkout without it installed as such:
    the checkout's buildlib, beside runtime/)."""
    try:
        return importlib.import_module(f"wasmlit_build.{name}")
    except ModuleNotFoundError as e:
        if e.name not in ("wasmlit_build", f"wasmlit_build.{name}"):
            raise
    root = Path(__file__).resolve().parents[2]
    if not (root / "buildlib" / "__init__.py").is_file():
        sys.exit(f"{PROG}: error: wasmlit's build code (wasmlit_build) is not installed; reinstall wasmlit")
    if str(root) not in sys.path:
        sys.path.insert(0, str(root))
    return importlib.import_module(f"buildlib.{name}")


def boolean(text: str) -> bool:
    if text.lower() in TRUE + FALSE:
        return text.lower() in TRUE
    raise argparse.ArgumentTypeError(f"expected true or false, got {text!r}")


def port_number(text: str) -> int:
    try:
        port = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a port number: {text!r}") from None
    if not 0 <= port <= 65535:
        raise argparse.ArgumentTypeError(f"not a port number (0-65535): {text}")
    return port


def add_app_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("app", type=Path, metavar="APP",
                        help="the app: a .py file, or a folder with app.py or streamlit_app.py")
    parser.add_argument("--entry", metavar="NAME.py",
                        help="with a folder APP: its entry file (default app.py, else streamlit_app.py)")
    parser.add_argument("--packages-url", metavar="URL",
                        help="where the page loads Pyodide's packages (numpy, pandas, ...) from: an "
                             "http(s) URL or a path relative to the site (default: Pyodide's CDN)")
    parser.add_argument("--pyodide-packages", metavar="SOURCE",
                        help="ship the Pyodide packages the app needs in the site, copied from SOURCE: "
                             "the pinned Pyodide's distribution as a folder, .tar.bz2 or .zip, or a URL")
    parser.add_argument("--persist", metavar="DIR",
                        help="keep the files the app writes in DIR (a folder relative to its working "
                             "directory, e.g. data) in the browser, so they are there on the next visit")


def add_server_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--server.port", dest="port", type=port_number, default=DEFAULT_PORT,
                        metavar="N", help=f"port to serve on (default {DEFAULT_PORT}; a free one if taken)")
    parser.add_argument("--server.headless", dest="headless", type=boolean, default=False,
                        metavar="true|false", help="do not open a browser (default false)")


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(prog=PROG, description=__doc__,
                                  formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = top.add_subparsers(dest="command", required=True, metavar="COMMAND")
    run = commands.add_parser("run", help="serve an app and open it; edits rerun it in the page")
    add_app_options(run)
    add_server_options(run)
    build = commands.add_parser("build", help="write a static site (or one HTML page) for an app")
    add_app_options(build)
    output = build.add_mutually_exclusive_group()
    output.add_argument("-o", "--out", type=Path, metavar="DIR",
                        help=f"the site's folder (default: {DEFAULT_OUT}; replaced if it is a previous site)")
    output.add_argument("--single-file", type=Path, metavar="FILE.html",
                        help="write one self-contained HTML page instead of a site")
    build.add_argument("--no-prerender", action="store_true",
                       help="do not run the app at build time to put its first run in the page "
                            "(the page then draws nothing before Python has loaded)")
    build.add_argument("--no-snapshot", action="store_true",
                       help="(a site) leave out the Pyodide memory snapshot (6 MB) that repeat "
                            "visits restore instead of starting Python")
    build.add_argument("--offline-cache", action="store_true",
                       help="(a site, not --single-file) add a service worker that keeps the whole "
                            "site in the browser, for instant repeat visits and use offline")
    hello = commands.add_parser("hello", help="serve the gallery of what wasmlit draws and open it")
    add_server_options(hello)
    commands.add_parser("version", help="print wasmlit's version and the Streamlit release it follows")
    return top


def parse_args(argv=None) -> argparse.Namespace:
    """The command line; exits with code 2 when it is not one wasmlit understands."""
    arguments = parser()
    args = arguments.parse_args(argv)
    if args.command == "build" and args.offline_cache and args.single_file is not None:
        arguments.error("--offline-cache goes with a site (-o DIR), not --single-file")
    if args.command == "build" and args.no_snapshot and args.single_file is not None:
        arguments.error("--no-snapshot goes with a site (-o DIR): a one-file page has no snapshot")
    if args.command in ("run", "build"):
        try:
            args.packages = build_code("commands").checked_package_options(
                args.packages_url, args.pyodide_packages)
            if args.persist is not None:
                args.persist = build_code("commands").checked_persist_dir(args.persist)
        except ValueError as e:
            arguments.error(str(e))
    return args


def opener(headless: bool):
    """What to do with the served URL: open it in the browser, unless headless."""
    if headless:
        return None
    return lambda url: webbrowser.open(url)


def version_text() -> str:
    import wasmlit
    return f"wasmlit {wasmlit.WASMLIT_VERSION} (Streamlit {wasmlit.__version__} compatible)"


def main(argv=None) -> int:
    args = parse_args(argv)
    if args.command == "version":
        print(version_text())
        return 0
    commands = build_code("commands")
    if args.command == "build":
        if args.single_file is not None:
            def action():
                commands.build_single_file(args.app, args.single_file, args.entry,
                                           prerender=not args.no_prerender, persist=args.persist,
                                           **args.packages)
                print(f"{PROG}: wrote {args.single_file} for {args.app}", file=sys.stderr)
        else:
            out = args.out if args.out is not None else DEFAULT_OUT
            def action():
                commands.build_site(args.app, out, args.entry, prerender=not args.no_prerender,
                                    offline_cache=args.offline_cache, persist=args.persist,
                                    snapshot=not args.no_snapshot, **args.packages)
                print(f"{PROG}: wrote site for {args.app} to {out}", file=sys.stderr)
    elif args.command == "run":
        def action():
            commands.dev(args.app, args.entry, args.port, opener(args.headless), persist=args.persist,
                         **args.packages)
    else:  # hello
        def action():
            commands.hello(args.port, opener(args.headless))
    return commands.exit_code(PROG, action)
