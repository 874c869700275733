// Starting Python in the worker: Pyodide from the site's pyodide/ (or from its memory
// snapshot), our wheel unpacked into site-packages, wasmlit.bridge imported and the
// distribution's packages hooked to first imports. Runs inside python-worker.js.
import { PAGE_BASE, assetURL } from "./assets.js";
import { Distribution, fetchManifest, fetchRemoteLock, hookApi, needsRemote } from "./packages.js";

/**
 * @param {{ progress: (message: string) => void, mark: (name: string) => void,
 *   importAsset: (rel: string) => Promise<any>, singleFile: boolean, offlineCache: boolean }} hooks
 * @returns {Promise<{ pyodide: any, distribution: Distribution, restored: boolean,
 *   keepSnapshot: (() => Promise<void>) | null }>}
 */
export async function startPython({ progress, mark, importAsset, singleFile, offlineCache }) {
  progress("Loading Python…");
  mark("wasmlit:pyodide-start");  // start-up phases, for benchmarks/startup.py
  // Which packages the site loads, read while Python starts (and the lock of the URL
  // they come from, when some do not ship with the site).
  const manifest = fetchManifest().then((found) => {
    if (needsRemote(found)) fetchRemoteLock(new URL(found.packages_url, PAGE_BASE).href);
    return found;
  });
  // Everything Python needs is asked for at once (no waterfall): Pyodide's module, the lock
  // and our wheel, the snapshot; loadPyodide then fetches its .wasm and the stdlib.
  const pyodideModule = importAsset("pyodide/pyodide.mjs");
  pyodideModule.catch(() => {});  // awaited below
  const options = { indexURL: assetURL("pyodide/") };
  // Pyodide never settles when its .wasm cannot be fetched, so check that file beside it.
  const wasm = assetURL("pyodide/pyodide.asm.wasm");
  const wasmMissing = fetch(wasm, { method: "HEAD" }).then((r) => {
    if (!r.ok) throw new Error(`${wasm}: HTTP ${r.status}`);
    return new Promise(() => {});
  });
  // A site may have a memory snapshot of Python with wasmlit imported (buildlib/snapshot.py):
  // restoring it skips Python's start-up and our imports. Only one the browser already has
  // is restored; otherwise `keep` fetches it for the next visit, once the app is idle.
  const snapshot = singleFile ? null : fetchSnapshot(offlineCache);
  // Our wheel's files download while Python starts, as one gzip stream (wasmlit-core.zip.gz:
  // buildlib/wasmlit_wheel.py); unpacked with zipfile, that is quicker than loadPackage
  // (which stays the fallback, with the wheel the lock names). The site lock is fetched
  // once, here: Pyodide reads it from this promise.
  const lock = singleFile ? null : fetchLock();
  lock?.catch(() => {});  // reported by loadPyodide, which awaits it
  if (lock) Object.assign(options, { lockFileContents: lock, packageBaseUrl: options.indexURL });
  const wheel = singleFile ? null : fetchCore();
  const { loadPyodide } = await pyodideModule;
  if (singleFile) options.createPyodideModule = (await importAsset("pyodide/pyodide.asm.mjs")).default;
  let pyodide = snapshot && await Promise.race([restoreSnapshot(loadPyodide, options, snapshot, mark), wasmMissing]);
  const restored = Boolean(pyodide);
  if (!restored) pyodide = await Promise.race([loadPyodide(options), wasmMissing]);
  mark("wasmlit:pyodide-ready");
  progress("Loading wasmlit…");
  if (!(await unpackWheel(pyodide, wheel))) {
    await pyodide.loadPackage("wasmlit", { messageCallback: () => {} });
  }
  if (restored) redoForThisBrowser(pyodide);
  mark("wasmlit:wheel-loaded");
  const bridge = pyodide.pyimport("wasmlit.bridge");  // timed as its own phase
  mark("wasmlit:imported");
  await loadLazyModules(pyodide, bridge, singleFile);
  const distribution = new Distribution(pyodide, await manifest);
  bridge.install_package_finder(hookApi(distribution));
  bridge.destroy();
  const found = snapshot && await snapshot;  // settled: restoreSnapshot awaited it
  return { pyodide, distribution, restored, keepSnapshot: found?.keep ?? null };
}

// The site's snapshot (startup.json names it; buildlib/snapshot.py) as {bytes, trampoline},
// when the browser has it already (its HTTP cache, or the offline cache's service worker):
// `bytes` is a promise that loadPyodide awaits while it fetches its .wasm and the stdlib.
// Else {bytes: null, keep}: `keep()` fetches it into the HTTP cache for the next visit, or
// keep is null when that would be in vain (the host sends Cache-Control: no-store, the
// file is on another origin, where only-if-cached cannot look), unwanted (the browser
// asks to save data) or done already (offlineCache: the site's service worker keeps every
// file, this one too; a second download of 6 MB would only fill the HTTP cache). null when
// the site has none or this browser has no JSPI.
async function fetchSnapshot(offlineCache) {
  if (!("Suspending" in WebAssembly)) return null;  // made for browsers with JSPI (as Chromium)
  try {
    const response = await fetch(assetURL("startup.json"));
    const { snapshot, trampoline } = await response.json();
    if (!snapshot || !trampoline) return null;
    const url = assetURL(snapshot);
    if (new URL(url).origin !== self.location.origin) return null;
    const cached = await fetch(url, { cache: "only-if-cached", mode: "same-origin" }).catch(() => null);
    if (cached && cached.ok) {
      const bytes = cached.arrayBuffer().then((data) => gunzipped(new Uint8Array(data)));
      bytes.catch(() => {});  // loadPyodide awaits it (and fails over to a plain start)
      return { bytes, trampoline, keep: null };
    }
    const storable = !/no-store/i.test(response.headers.get("Cache-Control") || "");
    const saveData = Boolean(/** @type {any} */ (self.navigator).connection?.saveData);
    const keep = storable && !saveData && !offlineCache;
    return { bytes: null, trampoline, keep: keep ? () => keepSnapshot(url) : null };
  } catch {
    return null;
  }
}

// The snapshot fetched (at low priority) and read to its end, so the HTTP cache holds it.
async function keepSnapshot(url) {
  const response = await fetch(url, { priority: "low" });
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  await response.arrayBuffer();
}

// The bytes of a .gz file as fetched: unpacked here, unless the server sent it with
// Content-Encoding: gzip and the browser unpacked it already.
async function gunzipped(data) {
  if (data[0] !== 0x1f || data[1] !== 0x8b) return data;
  return new Uint8Array(await new Response(new Blob([data]).stream()
    .pipeThrough(new DecompressionStream("gzip"))).arrayBuffer());
}

// Pyodide restored from the snapshot, or null (none, or it does not fit this Pyodide).
async function restoreSnapshot(loadPyodide, options, snapshot, mark) {
  const found = await snapshot;
  if (!found || !found.bytes) return null;
  try {
    const pyodide = await loadPyodide({ ...options, _loadSnapshot: found.bytes });
    installTrampoline(pyodide._module, found.trampoline);
    mark("wasmlit:snapshot-restored");
    return pyodide;
  } catch (err) {
    console.warn("wasmlit: the Pyodide snapshot could not be restored; starting Python instead", err);
    return null;
  }
}

// A restored Python gets this browser's random numbers, time zone and language, not the build
// machine's (wasmlit/restored.py). Should that fail, the app still runs: said in the console.
function redoForThisBrowser(pyodide) {
  try {
    const year = new Date().getFullYear();
    const fixups = pyodide.pyimport("wasmlit.restored");
    const zone = fixups.after_restore(new Date(year, 0, 1).getTimezoneOffset(),
      new Date(year, 6, 1).getTimezoneOffset(), self.navigator?.language ?? null);
    setCZone(pyodide._module, zone.toJs({ dict_converter: Object.fromEntries }));
    zone.destroy();
    fixups.destroy();
  } catch (err) {
    console.warn("wasmlit: the restored Python keeps some of the build machine's settings", err);
  }
}

// The C library's time zone (its globals timezone and daylight, and the names tzname points
// at, which strftime's %Z and datetime's astimezone() read): the restored memory holds the
// build machine's. `zone` comes from wasmlit.restored.time_zone.
function setCZone(module, zone) {
  if (![module._timezone, module._daylight, module._tzname].every((address) => typeof address === "number")) {
    console.warn("wasmlit: this Pyodide does not export the C library's time zone; it stays the build machine's");
    return;
  }
  module.HEAP32[module._timezone >> 2] = zone.timezone;
  module.HEAP32[module._daylight >> 2] = zone.daylight;
  zone.tzname.forEach((name, i) => module.stringToUTF8(name, module.HEAPU32[(module._tzname >> 2) + i], 17));
}

// What Pyodide does at start-up and a snapshot made under Node 20 lacks: CPython's wasm
// call trampoline (without it calls go through JS frames, which JSPI cannot suspend, so
// time.sleep in a run would fail). `hex` is its module, from pyodide.asm.mjs (build time).
function installTrampoline(module, hex) {
  const bytes = new Uint8Array(hex.match(/../g).map((byte) => parseInt(byte, 16)));
  const instance = new WebAssembly.Instance(new WebAssembly.Module(bytes),
    { env: { __indirect_function_table: module.wasmTable, memory: module.memory } });
  const offset = module.HEAP32[module.__PyEM_EMSCRIPTEN_TRAMPOLINE_OFFSET / 4];
  module.HEAP32[(module.__PyRuntime + offset) / 4] = module.addFunction(instance.exports.trampoline_call);
}

async function fetchLock() {
  const url = assetURL("pyodide/pyodide-lock.json");
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response.json();
}

// Our wheel's files as a zip (from wasmlit-core.zip.gz), or null.
async function fetchCore() {
  try {
    const response = await fetch(assetURL("pyodide/wasmlit-core.zip.gz"));
    return response.ok ? await gunzipped(new Uint8Array(await response.arrayBuffer())) : null;
  } catch {
    return null;
  }
}

// The modules our wheel leaves out (buildlib/wasmlit_split.py) are in a second archive
// beside it, fetched only when an app first imports one of them: synchronously, from the
// import (wasmlit/lazy_modules.py; a worker may make a synchronous request). A one-file
// page carries the archive inline anyway, and its requests go through the page (async
// only), so it unpacks the archive now.
async function loadLazyModules(pyodide, bridge, singleFile) {
  const archive = bridge.lazy_archive();
  if (!archive) return;
  const url = assetURL(`pyodide/${archive}`);
  if (singleFile) {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
    unpackZip(pyodide, await gunzipped(new Uint8Array(await response.arrayBuffer())));
  } else {
    bridge.install_lazy_modules(() => fetchSync(url));
  }
}

/** @param {string} url */
function fetchSync(url) {
  const request = new XMLHttpRequest();
  request.open("GET", url, false);
  request.responseType = "arraybuffer";
  request.send();
  if (request.status !== 200) throw new Error(`${url}: HTTP ${request.status}`);
  return new Uint8Array(request.response);
}

// Put a zip's files (our wheel's, or the lazy archive's) into site-packages with zipfile,
// then refresh the path finders' caches as wasmlit.lazy_modules.refresh_path_caches does
// (importlib.invalidate_caches() would import importlib.metadata: 150 ms on a restored page).
function unpackZip(pyodide, bytes) {
  pyodide.FS.writeFile("/tmp/wasmlit.zip", bytes);
  pyodide.runPython(`
import os, site, sys, zipfile
with zipfile.ZipFile("/tmp/wasmlit.zip") as archive:
    archive.extractall(site.getsitepackages()[0])
os.remove("/tmp/wasmlit.zip")
for finder in list(sys.path_importer_cache.values()):
    if finder is not None and hasattr(finder, "invalidate_caches"):
        finder.invalidate_caches()
if "importlib.metadata" in sys.modules:
    sys.modules["importlib.metadata"].MetadataPathFinder.invalidate_caches()
`);
}

// Put the wheel's files into site-packages with zipfile. False when they are missing or
// do not unpack (then loadPackage installs the wheel).
async function unpackWheel(pyodide, wheel) {
  const bytes = await wheel;
  if (!bytes) return false;
  try {
    unpackZip(pyodide, bytes);
    return true;
  } catch (err) {
    console.warn("wasmlit: unpacking the wheel failed; installing it with loadPackage", err);
    return false;
  }
}
