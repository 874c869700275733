"""The Python↔JS protocol is written once per side and both sides agree: the names in
runtime/wasmlit/protocol.py equal the string unions of web/protocol.d.ts (which tsc checks
the JS against: tests/test_typecheck.py), and the page has exactly one builder for every
element and block kind (web/elements.js and web/block-kinds.js merge the modules' maps
and refuse a kind two modules define)."""
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from wasmlit import protocol

ROOT = Path(__file__).resolve().parent.parent
DTS = (ROOT / "web" / "protocol.d.ts").read_text("utf-8")
ESBUILD = ROOT / "node_modules" / ".bin" / "esbuild"


def union(name: str) -> set[str]:
    """The string literals of `export type NAME = "a" | "b" ...;` in protocol.d.ts."""
    m = re.search(rf"export type {name} =([^;]*);", DTS)
    assert m, f"protocol.d.ts declares no type {name}"
    return set(re.findall(r'"([a-z_]+)"', m.group(1)))


def discriminants(union_name: str, field: str) -> set[str]:
    """The `field: "..."` literals of the interfaces/types making up a discriminated union."""
    m = re.search(rf"export type {union_name} =([^;]*);", DTS)
    assert m, f"protocol.d.ts declares no type {union_name}"
    members = re.findall(r"[A-Z]\w+", m.group(1))
    found = set()
    for member in members:
        decl = re.search(rf"export (?:interface {member}\b[^{{]*\{{|type {member} =)(.*?)(?:\n\}}|;\n)",
                         DTS, re.S)
        assert decl, f"protocol.d.ts declares no {member}"
        found |= set(re.findall(rf'\b{field}: "([a-z_]+)"', decl.group(1)))
    return found


def test_change_ops_agree():
    assert discriminants("Change", "op") == set(protocol.CHANGE_OPS)


def test_page_event_kinds_agree():
    assert discriminants("PageEvent", "kind") == set(protocol.PAGE_EVENT_KINDS)


def test_element_kinds_agree():
    assert union("ElementKind") == set(protocol.ELEMENT_KINDS)


def test_block_kinds_agree():
    assert union("BlockKind") == set(protocol.BLOCK_KINDS)


# Loads the page's builder maps in node: merging them throws on a kind defined twice.
BUILDER_KEYS = """
import { ELEMENT_BUILDERS } from "%s/web/elements.js";
import { BLOCK_BUILDERS } from "%s/web/block-kinds.js";
console.log(JSON.stringify({ elements: Object.keys(ELEMENT_BUILDERS), blocks: Object.keys(BLOCK_BUILDERS) }));
"""
# Just enough of a page for the modules' top-level code.
PAGE_STUB = 'globalThis.location={pathname:"/index.html",href:"http://localhost/index.html",search:""};' \
    'globalThis.document={};globalThis.window=globalThis;'


@pytest.fixture(scope="module")
def builder_keys(tmp_path_factory):
    if not ESBUILD.exists() or shutil.which("node") is None:
        pytest.skip("node and node_modules (npm ci) are needed")
    tmp = tmp_path_factory.mktemp("builders")
    entry = tmp / "entry.mjs"
    entry.write_text(BUILDER_KEYS % (ROOT, ROOT), "utf-8")
    bundle = tmp / "bundle.mjs"
    subprocess.run([str(ESBUILD), str(entry), "--bundle", "--format=esm", "--platform=node",
                    f"--outfile={bundle}", "--log-level=error", f"--banner:js={PAGE_STUB}"],
                   check=True, timeout=120)
    proc = subprocess.run(["node", str(bundle)], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, f"loading the builder maps failed:\n{proc.stderr}"
    return json.loads(proc.stdout.strip().splitlines()[-1])


def test_every_element_kind_has_one_builder(builder_keys):
    keys = builder_keys["elements"]
    assert len(keys) == len(set(keys))
    assert set(keys) == set(protocol.ELEMENT_KINDS)


def test_every_block_kind_has_one_builder(builder_keys):
    keys = builder_keys["blocks"]
    assert set(keys) == set(protocol.BLOCK_KINDS)
