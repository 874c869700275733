"""wasmlit's modules stand in layers: a module imports only from its own layer or lower ones,
and no import cycle remains (issue 17). The graph is read from the source with `ast`, so
imports inside functions and under `if TYPE_CHECKING:` count as much as those at the top:
an import that only dodges a cycle at run time still ties the two modules together.

`wasmlit.testing` is a public surface built on the package (AppTest); it is left out.
"""
from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "runtime" / "wasmlit"

# Lowest first. A name covers that module and, for a package, every module below it that
# no longer name lists (longest name wins: "caching.errors" sits far below "caching").
LAYERS: list[tuple[str, set[str]]] = [
    # Plain definitions with no wasmlit imports, or only from each other: every exception
    # class, the Python<->JS protocol's names, shared prop rules, and process-wide hooks.
    ("foundations", {"errors", "protocol", "props", "version", "alias", "package_hook",
                     "lazy_names"}),
    # Values and records that know nothing of a running app; what a session talks to.
    ("values", {"per_session", "durations", "tree", "run_queue", "state", "uploaded_file",
                "column_config",
                "context", "hosts", "nav_state", "context_info",
                "caching.errors",
                "caching.hashing", "caching.storage"}),
    # The session of the run in progress (a context variable) and the command registry.
    ("current", {"current", "registry"}),
    # What a session holds besides its tree, read through `current_session()`; the `st`
    # functions that only call registered commands; the script compiler.
    ("per-session", {"config", "secrets", "workspace", "query_params", "user_info",
                     "commands", "echo", "magic", "runtime.scriptrunner.magic_funcs"}),
    # A place to write elements.
    ("writer", {"delta_generator"}),
    # The `st` commands, each family registering itself in `registry.COMMANDS`.
    ("commands", {"elements", "widgets", "caching", "dialogs", "fragments", "navigation",
                  "components", "connections"}),
    # One run of the script or of a fragment.
    ("run", {"script_run"}),
    # One app: its state, tree, queue and run loop.
    ("session", {"session"}),
    # What the outside world imports: `streamlit` itself, the browser bridge, and the
    # `streamlit.runtime` modules libraries import; the host's `wasmlit` command, the
    # first run the build performs (prerender), and what the page redoes after restoring
    # Python from its snapshot (restored).
    ("surfaces", {"wasmlit", "bridge", "lazy_modules", "prerender", "runtime", "cli",
                  "__main__", "restored"}),
]


def module_names() -> dict[str, tuple[Path, bool]]:
    """Dotted name below wasmlit ("" for the package itself) -> (file, is a package)."""
    found = {}
    for path in PACKAGE.rglob("*.py"):
        parts = path.relative_to(PACKAGE).with_suffix("").parts
        is_package = parts[-1] == "__init__"
        name = ".".join(parts[:-1] if is_package else parts)
        if name.split(".")[0] != "testing":
            found[name] = (path, is_package)
    return found


def imports_of(name: str, path: Path, is_package: bool, modules: dict) -> set[str]:
    """The wasmlit modules `name` imports, anywhere in its source."""
    here = ["wasmlit"] + (name.split(".") if name else [])
    if not is_package:
        here = here[:-1]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = here[:len(here) - node.level + 1] if node.level else []
            target = ".".join(base + ([node.module] if node.module else []))
            # `from pkg import sub` names the submodule; any other name needs pkg itself.
            subs = [f"{target}.{alias.name}" for alias in node.names]
            targets = [sub for sub in subs if _local(sub, modules) is not None]
            if len(targets) < len(subs):
                targets.append(target)
        else:
            continue
        for target in targets:
            local = _local(target, modules)
            if local is not None and local != name:
                found.add(local)
    return found


def _local(target: str, modules: dict) -> str | None:
    """"wasmlit.tree" -> "tree", "wasmlit" -> ""; None for other packages and testing."""
    if target != "wasmlit" and not target.startswith("wasmlit."):
        return None
    name = target[len("wasmlit."):]
    return name if name in modules else None


def import_graph() -> dict[str, set[str]]:
    modules = module_names()
    return {name: imports_of(name, path, is_package, modules)
            for name, (path, is_package) in modules.items()}


def layer_of(name: str) -> int | None:
    best, best_length = None, -1
    for index, (_title, names) in enumerate(LAYERS):
        for entry in names:
            covers = name == entry or name.startswith(entry + ".") or \
                (entry == "wasmlit" and name == "")
            if covers and len(entry) > best_length:
                best, best_length = index, len(entry)
    return best


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One import cycle, as the modules along it (first == last), or None."""
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        path.append(node)
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                return path[path.index(nxt):] + [nxt]
            if nxt not in state:
                cycle = visit(nxt)
                if cycle:
                    return cycle
        path.pop()
        state[node] = 2
        return None

    for start in sorted(graph):
        if start not in state:
            cycle = visit(start)
            if cycle:
                return cycle
    return None


def _shown(name: str) -> str:
    return f"wasmlit.{name}" if name else "wasmlit"


def test_the_graph_sees_imports_inside_functions_and_type_checking_blocks(tmp_path):
    source = tmp_path / "probe.py"
    source.write_text("from typing import TYPE_CHECKING\n"
                      "from .errors import StreamlitAPIException\n"
                      "if TYPE_CHECKING:\n    from .session import AppSession\n"
                      "def later():\n    from .elements import status\n    import wasmlit.tree\n")
    modules = module_names()
    assert imports_of("probe", source, False, modules) == \
        {"errors", "session", "elements.status", "tree"}
    graph = import_graph()
    assert "runtime.scriptrunner.magic_funcs" in graph["magic"]  # `from pkg import submodule`
    assert not any(target.startswith("testing") for targets in graph.values() for target in targets)


def test_every_module_has_a_layer():
    missing = sorted(_shown(name) for name in module_names() if layer_of(name) is None)
    assert not missing, f"add these to LAYERS: {missing}"


def test_no_module_imports_from_a_higher_layer():
    upward = []
    for name, targets in sorted(import_graph().items()):
        for target in sorted(targets):
            if layer_of(target) > layer_of(name):
                upward.append(f"{_shown(name)} ({LAYERS[layer_of(name)][0]}) imports "
                              f"{_shown(target)} ({LAYERS[layer_of(target)][0]})")
    assert not upward, "\n".join(upward)


def test_no_import_cycle():
    cycle = find_cycle(import_graph())
    assert cycle is None, "import cycle: " + " -> ".join(map(_shown, cycle))


def test_a_cycle_is_named_along_its_modules():
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": set()}) is None
