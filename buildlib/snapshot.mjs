// A Pyodide memory snapshot with wasmlit imported, for the page to restore instead of
// starting Python and importing wasmlit itself (web/wasmlit.js loadRuntime).
//   node buildlib/snapshot.mjs PYODIDE_DIR WHEEL OUT.gz
// The wheel is unpacked with zipfile (loadPackage would leave JS references behind, which a
// snapshot cannot hold) and `import wasmlit` runs, with the modules the page imports next
// (not wasmlit.bridge: it holds JS objects).
// Hash seed 0, so the same inputs give the same snapshot. Written gzip-compressed.
import { readFileSync, writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";
import path from "node:path";

const [pyodideDir, wheel, out] = process.argv.slice(2);
// Emscripten names the program after this script's path (sys.executable, $_): without
// arguments it keeps the name a browser gets, and the build machine's paths stay out.
process.argv.length = 1;
// Python's start-up records whether the runtime has JSPI (WebAssembly.Suspending), which
// browsers do and Node 20 does not: pretend it exists so the snapshot matches a browser
// (nothing suspends while the snapshot is made). The other thing Node 20 gets wrong, the
// wasm call trampoline (it cannot compile it), the page repairs after restoring.
if (!("Suspending" in WebAssembly)) {
  WebAssembly.Suspending = class { constructor(fn) { return fn; } };
  WebAssembly.promising ??= (fn) => fn;
}
const { loadPyodide } = await import(pathToFileURL(path.join(pyodideDir, "pyodide.mjs")).href);
const pyodide = await loadPyodide({ indexURL: pyodideDir + path.sep, _makeSnapshot: true,
  env: { PYTHONHASHSEED: "0" }, stdout: () => {}, stderr: () => {} });
pyodide.FS.writeFile("/tmp/wasmlit.whl", readFileSync(wheel));
pyodide.runPython(`
import os, site, zipfile
with zipfile.ZipFile("/tmp/wasmlit.whl") as whl:
    whl.extractall(site.getsitepackages()[0])
os.remove("/tmp/wasmlit.whl")
del os.environ["PYTHONHASHSEED"]  # read at start-up only: a restored Python need not show it
import wasmlit
# What the page imports next, with nothing of JS in it (wasmlit.bridge has): restored, not
# imported again (web/python-start.js: wasmlit.restored, then wasmlit.bridge's imports).
import wasmlit.lazy_modules, wasmlit.package_hook, wasmlit.restored
`);
writeFileSync(out, gzipSync(pyodide.makeMemorySnapshot(), { level: 9 }));
