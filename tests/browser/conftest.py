"""Browser tests: pytest-playwright driving Debian's Chromium, and built sites served
from a local static server (one build per test module)."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from sites import StaticServer

CHROMIUM_FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--disable-quic",
                  "--no-first-run"]


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """Use the system Chromium (Debian's), never a downloaded one, when it is there."""
    executable = os.environ.get("WASMLIT_CHROMIUM") or shutil.which("chromium")
    args = dict(browser_type_launch_args, args=CHROMIUM_FLAGS)
    if executable:
        args["executable_path"] = executable
    return args


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return dict(browser_context_args, viewport={"width": 1280, "height": 900})


@pytest.fixture(scope="module")
def serve():
    servers: list[StaticServer] = []

    def start(directory: Path, route=None) -> StaticServer:
        server = StaticServer(directory, route)
        servers.append(server)
        return server

    yield start
    for server in servers:
        server.close()


@pytest.fixture(scope="module")
def module_page(browser, browser_context_args):
    """One page for a whole test module (one Pyodide start); tests get a fresh app in it
    with sites.fresh_app."""
    context = browser.new_context(**browser_context_args)
    page = context.new_page()
    yield page
    context.close()
