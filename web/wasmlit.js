// wasmlit loader: starts one Pyodide from ./pyodide/ for the page, loads the wasmlit wheel
// offline, and mounts apps into it, each isolated (its own session, files, modules,
// secrets, timers and errors). Apps come from:
//   <script type="text/x-wasmlit">...</script> or src="app.py" (snippets.js);
//   elements build.py writes: <div data-wasmlit-app="app.py"> with data-wasmlit-secrets,
//     -files (files.json: a multi-file app), -theme, -requirements (wheels the site ships),
//     -dev (the dev server's version URL: the app reruns when its files change);
//   mount(element, {code | files, entrypoint, requirements, secrets, theme, packagesUrl})
//     by hand, which returns an AppHandle (app-handle.js).
// Packages of Pyodide's distribution (numpy, pandas, ...) that an app imports load before
// its first run, and on first import later (packages.js, wasmlit.package_hook).
// A one-file page (build.py --single-file) defines globalThis.wasmlitAssetURL, which
// turns the URL of a file it carries inline into a blob: URL for import().
import { AppView } from "./render.js";
import { AppHandle } from "./app-handle.js";
import { SNIPPET_TYPE, snippetHost, snippetOptions, splitRequirements } from "./snippets.js";
import { watchForChanges } from "./dev-reload.js";
import { BASE, assetURL } from "./assets.js";
import { Distribution, fetchManifest, fetchRemoteLock, hookApi, needsRemote, normalizeName } from "./packages.js";

const APP_HOME = "/home/pyodide/app";
let pyodideReady = null;
let distribution = null;  // the page's Distribution (packages.js), once Python runs
let markdownReady = null;

function loadMarkdown() {
  // Streamlit's Markdown (markdown.js), plus Prism, KaTeX and DOMPurify for st.code,
  // math and st.html: an AppView calls this when it first draws text that needs more than
  // plain text. KaTeX's stylesheet (with its fonts, from the site's katex/) is linked when
  // math is first drawn.
  markdownReady ??= import(assetURL("markdown.js")).then((lib) => {
    const math = (render) => (...args) => {
      const html = render(...args);
      if (html.includes('class="katex')) linkKatexStylesheet();
      return html;
    };
    const renderer = (md) => ({ render: math((text) => md.render(text)),
      renderInline: math((text) => md.renderInline(text)) });
    return { safe: renderer(lib.createMarkdown(false)), html: renderer(lib.createMarkdown(true)),
      highlight: lib.highlight, latex: math(lib.renderLatex), sanitize: lib.sanitizeHtml,
      sanitizeMarkdown: lib.sanitizeMarkdownHtml };
  });
  return markdownReady;
}

function linkKatexStylesheet() {
  if (document.querySelector("[data-wasmlit-katex]")) return;
  const link = Object.assign(document.createElement("link"),
    { rel: "stylesheet", href: new URL("katex/katex.min.css", BASE).href });
  link.dataset.wasmlitKatex = "";
  document.head.append(link);
}

function loadRuntime(progress) {
  pyodideReady ??= (async () => {
    progress("Loading Python…");
    performance.mark("wasmlit:pyodide-start");  // start-up phases, for benchmarks/startup.py
    // Which packages the site loads, read while Python starts (and the lock of the URL
    // they come from, when some do not ship with the site).
    const manifest = fetchManifest().then((found) => {
      if (needsRemote(found)) fetchRemoteLock(new URL(found.packages_url, document.baseURI).href);
      return found;
    });
    const { loadPyodide } = await import(assetURL("pyodide/pyodide.mjs"));
    const options = { indexURL: new URL("pyodide/", BASE).href };
    if (globalThis.wasmlitAssetURL) options.createPyodideModule = (await import(assetURL("pyodide/pyodide.asm.mjs"))).default;
    // Pyodide never settles when its .wasm cannot be fetched, so check that file beside it.
    const wasm = new URL("pyodide/pyodide.asm.wasm", BASE).href;
    const wasmMissing = fetch(wasm, { method: "HEAD" }).then((r) => {
      if (!r.ok) throw new Error(`${wasm}: HTTP ${r.status}`);
      return new Promise(() => {});
    });
    // A site may have a memory snapshot of Python with wasmlit imported (buildlib/snapshot.py):
    // restoring it skips Python's start-up and our imports.
    const snapshot = globalThis.wasmlitAssetURL ? null : fetchSnapshot();
    // Our wheel downloads while Python starts; unpacked with zipfile, it is quicker than
    // loadPackage (which stays the fallback).
    // The site lock is fetched once, here: Pyodide reads it from this promise, and our
    // wheel's file name comes from it.
    const lock = globalThis.wasmlitAssetURL ? null : fetchLock();
    lock?.catch(() => {});  // reported by loadPyodide, which awaits it
    if (lock) Object.assign(options, { lockFileContents: lock, packageBaseUrl: options.indexURL });
    const wheel = lock && fetchWheel(lock);
    let pyodide = snapshot && await Promise.race([restoreSnapshot(loadPyodide, options, snapshot), wasmMissing]);
    const restored = Boolean(pyodide);
    if (!restored) pyodide = await Promise.race([loadPyodide(options), wasmMissing]);
    performance.mark("wasmlit:pyodide-ready");
    progress("Loading wasmlit…");
    if (!(await unpackWheel(pyodide, wheel))) {
      await pyodide.loadPackage("wasmlit", { messageCallback: () => {} });
    }
    if (restored) pyodide.runPython("import random; random.seed()");  // not the snapshot's numbers
    performance.mark("wasmlit:wheel-loaded");
    const bridge = pyodide.pyimport("wasmlit.bridge");  // timed as its own phase
    performance.mark("wasmlit:imported");
    distribution = new Distribution(pyodide, await manifest);
    bridge.install_package_finder(hookApi(distribution));
    bridge.destroy();
    return pyodide;
  })();
  return pyodideReady;
}

// The site's snapshot (startup.json names it: build.py with WASMLIT_SNAPSHOT=1) as
// {bytes, trampoline}, or null when it has none.
async function fetchSnapshot() {
  if (!("Suspending" in WebAssembly)) return null;  // made for browsers with JSPI (as Chromium)
  try {
    const { snapshot, trampoline } = await (await fetch(new URL("startup.json", BASE).href)).json();
    if (!snapshot || !trampoline) return null;
    const response = await fetch(new URL(snapshot, BASE).href);
    if (!response.ok) return null;
    const data = new Uint8Array(await response.arrayBuffer());
    if (data[0] !== 0x1f || data[1] !== 0x8b) return { bytes: data, trampoline };  // the server unpacked it
    const bytes = new Uint8Array(await new Response(new Blob([data]).stream()
      .pipeThrough(new DecompressionStream("gzip"))).arrayBuffer());
    return { bytes, trampoline };
  } catch {
    return null;
  }
}

// Pyodide restored from the snapshot, or null (none, or it does not fit this Pyodide).
async function restoreSnapshot(loadPyodide, options, snapshot) {
  const found = await snapshot;
  if (!found) return null;
  try {
    const pyodide = await loadPyodide({ ...options, _loadSnapshot: found.bytes });
    installTrampoline(pyodide._module, found.trampoline);
    performance.mark("wasmlit:snapshot-restored");
    return pyodide;
  } catch (err) {
    console.warn("wasmlit: the Pyodide snapshot could not be restored; starting Python instead", err);
    return null;
  }
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
  const url = new URL("pyodide/pyodide-lock.json", BASE).href;
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response.json();
}

// The bytes of the wasmlit wheel the site lock names, or null.
async function fetchWheel(lockReady) {
  try {
    const lock = await lockReady;
    const response = await fetch(new URL(`pyodide/${lock.packages.wasmlit.file_name}`, BASE).href);
    return response.ok ? new Uint8Array(await response.arrayBuffer()) : null;
  } catch {
    return null;
  }
}

// Put the wheel's files into site-packages with zipfile. False when the wheel is missing
// or does not unpack (then loadPackage installs it).
async function unpackWheel(pyodide, wheel) {
  const bytes = await wheel;
  if (!bytes) return false;
  try {
    pyodide.FS.writeFile("/tmp/wasmlit.whl", bytes);
    pyodide.runPython(`
import os, site, zipfile
with zipfile.ZipFile("/tmp/wasmlit.whl") as whl:
    whl.extractall(site.getsitepackages()[0])
os.remove("/tmp/wasmlit.whl")
`);
    return true;
  } catch (err) {
    console.warn("wasmlit: unpacking the wheel failed; installing it with loadPackage", err);
    return false;
  }
}

function showLoading(element) {
  const box = document.createElement("div");
  box.className = "wl-loading";
  box.setAttribute("role", "progressbar");
  box.setAttribute("aria-busy", "true");
  const spinner = document.createElement("i");
  spinner.className = "wl-spinner-icon";
  const text = document.createElement("span");
  box.append(spinner, text);
  element.replaceChildren(box);
  return {
    progress(message) { text.textContent = message; box.setAttribute("aria-label", message); },
    fail(message) {
      box.className = "wl-load-error";
      box.setAttribute("role", "alert");
      box.removeAttribute("aria-busy");
      spinner.remove();
      text.textContent = message;
    },
  };
}

const mountedApps = new Set();
let lastAppId = 0;

// Mount an app in `element`. Options: `code` (the script's text) or `files` ({relative
// path: string | Uint8Array | ArrayBuffer}, a multi-file app) with `entrypoint` (default
// app.py, else streamlit_app.py); `requirements` (package names for micropip, or a string
// of them; names of Pyodide's distribution packages load from it, the rest with
// micropip); `secrets` (a secrets.toml's text); `theme` (config.toml's [theme] as an
// object); `filename` (shown in tracebacks); `url: true` makes the page URL the app's
// (st.query_params and the page of a multipage app show in it; for one app per page);
// `packagesUrl` (where Pyodide's packages come from, instead of packages.json's URL).
// Returns an AppHandle at once: listen for
// "ready", "error" and "scriptstate"; `await handle.ready` (the first run has ended);
// `handle.unmount()`.
export function mount(element, options = {}) {
  const handle = new AppHandle(element, String(++lastAppId));
  mountedApps.add(handle);
  handle.ready = startApp(handle, options);
  handle.ready.catch(() => {});  // reported by the "error" event and in the page
  return handle;
}

// The apps mounted on this page (by snippets, data-wasmlit-app elements or mount()).
export function mounted() {
  return [...mountedApps].filter((app) => app.state !== "unmounted");
}

async function startApp(handle, options) {
  const { element } = handle;
  const loading = showLoading(element);
  ensureStylesheet();
  try {
    const app = resolveApp(options, handle.id);
    const requirements = [].concat(options.requirements ?? []).flatMap(splitRequirements);
    const pyodide = await loadRuntime(loading.progress);
    if (handle.state === "unmounted") return handle;
    const split = distribution.splitRequirements(requirements);
    await installRequirements(pyodide, split.other, options.wheels ?? [], loading.progress);
    await loadPackages(app, split.distribution, options.packagesUrl, loading.progress);
    loading.progress("Starting app…");
    const folder = app.files ? writeAppFiles(pyodide, handle.id, app.files) : null;
    const view = new AppView(element, { markdown: loadMarkdown, theme: options.theme,  // loaded when needed
      ownsURL: Boolean(options.url) });
    view.onScriptState = (state) => handle.setScriptState(state);
    view.onScriptError = (error) => handle.fail(error.message, error.type, "run");
    const bridge = pyodide.pyimport("wasmlit.bridge");
    handle.stop = () => {
      bridge.stop(handle.id);
      view.unmount();
      if (folder) removeTree(pyodide, folder);
      mountedApps.delete(handle);
    };
    handle.replaceSource = (code, files) => {  // the dev server: new code, same session
      if (files && folder) writeFiles(pyodide, folder, files);
      bridge.replace_source(handle.id, code);
      view.post({ kind: "rerun" });
    };
    handle.state = "starting";
    const firstRun = new Promise((resolve) => handle.addEventListener("ready", resolve, { once: true }));
    bridge.start(handle.id, view, app.code, app.filename, folder, options.secrets ?? null);
    await firstRun;
    return handle;
  } catch (err) {
    const message = err && err.message ? err.message : String(err);
    console.error("wasmlit: loading failed", err);
    loading.fail(`This app could not be loaded: ${message}`);
    handle.fail(message, err && err.name ? err.name : "Error", "load");
    throw err;
  }
}

// The distribution packages the app needs, loaded: the site's (packages.json), those its
// requirements name and those its code imports. One that fails to load does not stop the
// app: importing it raises ModuleNotFoundError saying why, where the app shows errors.
// A packagesUrl given to mount() becomes the page's (one Pyodide: packages first imported
// later, by any app, load from there too).
async function loadPackages(app, required, packagesUrl, progress) {
  if (packagesUrl) distribution.packagesUrl = new URL(packagesUrl, document.baseURI).href;
  const sources = [app.code];
  const local = [];
  for (const [rel, bytes] of Object.entries(app.files ?? {})) {
    local.push(rel.split("/")[0].replace(/\.py$/, ""));
    if (rel.endsWith(".py")) sources.push(new TextDecoder().decode(bytes));
  }
  const keys = [...distribution.notInstalled([...distribution.manifest.load, ...required]),
    ...distribution.neededBy(sources, local)];
  const failed = await distribution.load(keys, { progress });
  for (const message of Object.values(failed)) console.warn(`wasmlit: ${message}`);
}

// {code, filename, files}: the entry's code and name; files (as bytes) for a multi-file app.
function resolveApp({ code, files, entrypoint, filename }, id) {
  if (files === undefined || files === null) {
    if (typeof code !== "string") throw new Error("mount() needs `code` (the app's text) or `files`");
    // Tracebacks show lines by file name: each app's code gets its own.
    return { code, filename: filename || (id === "1" ? "app.py" : `app-${id}.py`), files: null };
  }
  const bytes = {};
  for (const [rel, data] of Object.entries(files)) {
    if (rel.split("/").some((part) => part === ".." || part === "")) throw new Error(`bad file path: ${rel}`);
    bytes[rel] = typeof data === "string" ? new TextEncoder().encode(data) : new Uint8Array(data);
  }
  const entry = entrypoint || ["app.py", "streamlit_app.py"].find((name) => name in bytes);
  if (!entry || !(entry in bytes)) {
    throw new Error(`the app's files have no ${entrypoint || "app.py or streamlit_app.py"} (name the entry with entrypoint)`);
  }
  return { code: code ?? new TextDecoder().decode(bytes[entry]), filename: filename || entry.split("/").pop(), files: bytes };
}

// A multi-file app's folder in Pyodide's file system: /home/pyodide/app for the first app
// on the page, /home/pyodide/app-N for the Nth.
function writeAppFiles(pyodide, id, files) {
  const folder = id === "1" ? APP_HOME : `${APP_HOME}-${id}`;
  if (pyodide.FS.analyzePath(folder).exists) removeTree(pyodide, folder);
  pyodide.FS.mkdirTree(folder);
  writeFiles(pyodide, folder, files);
  return folder;
}

function writeFiles(pyodide, folder, files) {
  for (const [rel, data] of Object.entries(files)) {
    const path = `${folder}/${rel}`;
    pyodide.FS.mkdirTree(path.slice(0, path.lastIndexOf("/")));
    pyodide.FS.writeFile(path, typeof data === "string" ? new TextEncoder().encode(data) : data);
  }
}

function removeTree(pyodide, path) {
  const { FS } = pyodide;
  for (const name of FS.readdir(path)) {
    if (name === "." || name === "..") continue;
    const child = `${path}/${name}`;
    if (FS.isDir(FS.stat(child).mode)) removeTree(pyodide, child);
    else FS.unlink(child);
  }
  FS.rmdir(path);
}

// Requirements: wheels the site ships (build.py downloads them; installed from their URLs,
// with their dependencies already among them) and package names micropip looks up.
async function installRequirements(pyodide, requirements, wheels, progress) {
  if (!requirements.length && !wheels.length) return;
  progress("Installing requirements…");
  await pyodide.loadPackage("micropip", { messageCallback: () => {} });
  const shipped = new Set(wheels.map((url) => normalizeName(decodeURIComponent(url.split("/").pop()).split("-")[0])));
  const fromIndex = requirements.filter((req) => !shipped.has(normalizeName(req.split(/[<>=!~;\[ @]/)[0])));
  const namespace = pyodide.toPy({ wheels, requirements: fromIndex });
  let failure;
  try {
    failure = await pyodide.runPythonAsync(INSTALL_REQUIREMENTS, { globals: namespace });
  } finally {
    namespace.destroy();
  }
  if (failure) {
    const names = [...wheels.map((url) => decodeURIComponent(url.split("/").pop())), ...fromIndex];
    throw new Error(`could not install the requirements (${names.join(", ")}): ${failure}`);
  }
}

// Python that installs `wheels` (URLs, their dependencies among them) and `requirements`
// (names micropip looks up); evaluates to None, or to the error's text.
const INSTALL_REQUIREMENTS = `
import micropip
try:
    if wheels:
        await micropip.install(wheels, deps=False)
    if requirements:
        await micropip.install(requirements)
    failure = None
except Exception as exc:
    failure = f"{type(exc).__name__}: {exc}"
failure
`;

// wasmlit.css, unless the page links it already (a snippet page may not).
function ensureStylesheet() {
  const href = new URL("wasmlit.css", BASE).href;
  const linked = [...document.querySelectorAll("link[rel~='stylesheet']")]
    .some((link) => /** @type {HTMLLinkElement} */ (link).href === href);
  if (linked || document.querySelector("[data-wasmlit-css]") || globalThis.wasmlitAssetURL) return;
  const link = Object.assign(document.createElement("link"), { rel: "stylesheet", href });
  link.dataset.wasmlitCss = "";
  document.head.append(link);
}

// --- apps declared in the page ----------------------------------------------------------

// <div data-wasmlit-app="app.py" [data-wasmlit-secrets] [data-wasmlit-files]
// [data-wasmlit-theme] [data-wasmlit-requirements] [data-wasmlit-dev]>: what build.py writes.
async function mountFromAttribute(element) {
  const src = element.getAttribute("data-wasmlit-app");
  let theme;  // the [theme] of .streamlit/config.toml, as JSON (build.py writes it)
  try { theme = JSON.parse(element.getAttribute("data-wasmlit-theme") || "null") || undefined; } catch { theme = undefined; }
  await mountDeclared(element, {
    src, theme,
    secrets: element.getAttribute("data-wasmlit-secrets"),
    files: element.getAttribute("data-wasmlit-files"),
    wheels: element.getAttribute("data-wasmlit-requirements"),
    dev: element.getAttribute("data-wasmlit-dev"),
    url: true,  // a built site's app: the page URL is its own
  });
}

// <script type="text/x-wasmlit" ...>: see snippets.js.
async function mountSnippet(script) {
  const options = snippetOptions(script);
  const element = snippetHost(script, options.target);
  await mountDeclared(element, { ...options, code: options.src ? undefined : options.inline });
}

/**
 * @param {HTMLElement} element
 * @param {{src?: string, code?: string, theme?: object, secrets?: string, files?: string, wheels?: string,
 *   entrypoint?: string, requirements?: string, dev?: string, url?: boolean, packagesUrl?: string}} declared
 */
async function mountDeclared(element, { src, code, theme, secrets, files, wheels, entrypoint, requirements, dev, url, packagesUrl }) {
  let loaded;
  try {
    loaded = await fetchDeclared({ src, code, secrets, files, wheels, entrypoint });
  } catch (err) {
    showLoading(element).fail(`This app could not be loaded: ${err.message}`);
    const handle = new AppHandle(element, "");
    handle.fail(err.message, "Error", "load");
    return;
  }
  const handle = mount(element, { ...loaded, theme, requirements, url, packagesUrl });
  if (dev) handle.ready.then(() => watchForChanges(handle, dev, () => fetchDeclared({ src, code, files, entrypoint })), () => {});
}

// Everything a declared app names, fetched: {code, filename, files?, entrypoint?, secrets?, wheels?}.
/** @param {{src?: string, code?: string, secrets?: string, files?: string, wheels?: string, entrypoint?: string}} declared */
async function fetchDeclared({ src, code, secrets, files, wheels, entrypoint }) {
  const loaded = {};
  if (files) {
    const { entry, files: fetched } = await fetchFiles(files, src);
    Object.assign(loaded, { files: fetched, entrypoint: entrypoint || entry });
  } else if (src) {
    loaded.code = await fetchText(src);
    loaded.filename = decodeURIComponent(new URL(src, document.baseURI).pathname.split("/").pop());
  } else {
    loaded.code = code ?? "";
  }
  if (secrets) loaded.secrets = await fetchText(secrets);
  if (wheels) {  // the wheels build.py downloaded for the app's requirements.txt
    const manifestURL = new URL(wheels, document.baseURI);
    const manifest = JSON.parse(await fetchText(wheels));
    loaded.wheels = manifest.wheels.map((name) => new URL(name, manifestURL).href);
  }
  return loaded;
}

async function fetchFiles(manifestSrc, entrySrc) {
  // Every file files.json lists (paths relative to the app's folder, which holds the entry
  // or the subfolder it sits in; without an entry URL, the folder holding files.json's app/),
  // fetched: {entry, files: {relative path: Uint8Array}}.
  const manifestURL = new URL(manifestSrc, document.baseURI);
  const { entry, files, folder: folderName = "app" } = JSON.parse(await fetchText(manifestSrc));
  let folder;
  if (entrySrc) {
    const up = "../".repeat(entry.split("/").length - 1);  // the entry may sit in a subfolder
    folder = new URL(`./${up}`, new URL(entrySrc, document.baseURI));
  } else {
    folder = new URL(`${folderName}/`, manifestURL);
  }
  const fetched = await Promise.all(files.map(async (rel) => {
    const response = await fetch(new URL(rel.split("/").map(encodeURIComponent).join("/"), folder));
    if (!response.ok) throw new Error(`${rel}: HTTP ${response.status}`);
    return [rel, new Uint8Array(await response.arrayBuffer())];
  }));
  return { entry, files: Object.fromEntries(fetched) };
}

async function fetchText(src) {
  const response = await fetch(new URL(src, document.baseURI), { cache: "no-store" });
  if (!response.ok) throw new Error(`${src}: HTTP ${response.status}`);
  return response.text();
}

for (const element of document.querySelectorAll("[data-wasmlit-app]")) mountFromAttribute(element);
for (const script of document.querySelectorAll(`script[type="${SNIPPET_TYPE}"]`)) mountSnippet(script);
