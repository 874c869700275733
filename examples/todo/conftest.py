"""For running the examples' tests from a wasmlit checkout where wasmlit is not
pip-installed (`pip install -e .` makes this file unnecessary: the package is importable
and its pytest plugin, with the app_page fixtures, is active through its entry point)."""
import importlib.util
import sys
from pathlib import Path

if importlib.util.find_spec("wasmlit") is None:
    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "runtime"))

from wasmlit.testing import pytest_plugin as _plugin  # noqa: E402


def pytest_configure(config):
    # Without the entry point: register the plugin now (its fixtures and browser choice).
    if not config.pluginmanager.has_plugin("wasmlit"):
        config.pluginmanager.register(_plugin, "wasmlit")
        _plugin.pytest_configure(config)
