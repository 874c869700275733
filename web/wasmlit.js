// wasmlit loader: starts one Python worker for the page (python-client.js: Pyodide from
// ./pyodide/ in a Web Worker, with the wasmlit wheel, offline) and mounts apps into it, each
// isolated (its own session, files, modules, secrets, timers and errors), each drawn into
// the page by its AppView (render.js). Apps come from:
//   <script type="text/x-wasmlit">...</script> or src="app.py" (snippets.js);
//   elements build.py writes: <div data-wasmlit-app="app.py"> with data-wasmlit-secrets,
//     -files (files.json: a multi-file app), -theme, -requirements (wheels the site ships),
//     -dev (the dev server's version URL: the app reruns when its files change),
//     -persist (a folder kept in the browser across visits: persist-keys.js);
//   mount(element, {code | files, entrypoint, requirements, secrets, theme, packagesUrl, persist})
//     by hand, which returns an AppHandle (app-handle.js).
// Packages of Pyodide's distribution (numpy, pandas, ...) that an app imports load before
// its first run, and on first import later (packages.js, wasmlit.package_hook).
// A one-file page (build.py --single-file) defines globalThis.wasmlitAssetURL, which
// turns the URL of a file it carries inline into a blob: URL for import().
import "./site-names.js";  // first: where the site's files are, before anything asks
import { AppView } from "./render.js";
import { AppHandle } from "./app-handle.js";
import { SNIPPET_TYPE, snippetHost, snippetOptions, splitRequirements } from "./snippets.js";
import { watchForChanges } from "./dev-reload.js";
import { BASE, assetURL } from "./assets.js";
import { pythonClient } from "./python-client.js";
import { pageSegment } from "./display/navigation.js";
import { registerOfflineCache } from "./offline-cache.js";
import { setupAppMenu } from "./app-menu.js";
import { persistArgs, releasePersistKey } from "./persist-keys.js";

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
    { rel: "stylesheet", href: assetURL("katex/katex.min.css") });
  link.dataset.wasmlitKatex = "";
  document.head.append(link);
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
// object); `client` (its [client]: toolbarMode); `filename` (shown in tracebacks); `url:
// true` makes the page URL the app's (st.query_params and the page of a multipage app show
// in it, and the app gets the page's app menu and "r" key; for one app per page);
// `packagesUrl` (where Pyodide's packages come from, instead of packages.json's URL);
// `persist` (a folder, relative to the app's working directory, e.g. "data", whose files are
// kept in the browser across visits: persist-keys.js).
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
  // A first paint (drawn before Python loads) is the app's view already; else a loading box.
  const loading = options.view ? null : showLoading(element);
  const progress = loading ? loading.progress : () => {};
  ensureStylesheet();
  try {
    const app = resolveApp(options, handle.id);
    const requirements = [].concat(options.requirements ?? []).flatMap(splitRequirements);
    const persist = options.persist
      ? persistArgs(options.persist, options.persistName ?? app.filename, options.persistScope) : null;
    const python = pythonClient();
    await python.start(progress);
    if (handle.state === "unmounted") return handle;
    const id = Number(handle.id);
    await python.mount(id, {
      app: id, code: app.code, filename: app.filename, files: app.files, secrets: options.secrets ?? null,
      requirements, wheels: options.wheels ?? [],
      packagesUrl: options.packagesUrl ? new URL(options.packagesUrl, document.baseURI).href : null,
      firstPaint: options.firstPaint ?? null, persist,
    }, progress);
    progress("Starting app…");
    const view = options.view ?? createView(element, options.theme, options.client, Boolean(options.url));
    view.onStop = () => python.stop(id);
    view.onScriptState = (state) => handle.setScriptState(state);
    view.onScriptError = (error) => handle.fail(error.message, error.type, "run");
    handle.stop = () => {
      python.unmount(id);
      if (persist) releasePersistKey(persist.key);
      view.unmount();
      mountedApps.delete(handle);
    };
    handle.replaceSource = (code, files) => {  // the dev server: new code, same session
      python.replaceSource(id, code, files).then(() => view.post({ kind: "rerun" }));
    };
    handle.state = "starting";
    const firstRun = new Promise((resolve) => handle.addEventListener("ready", resolve, { once: true }));
    if (handle.state === "unmounted") return handle;
    python.attach(id, view);
    await firstRun;
    return handle;
  } catch (err) {
    const message = err && err.message ? err.message : String(err);
    console.error("wasmlit: loading failed", err);
    if (loading) loading.fail(`This app could not be loaded: ${message}`);
    else options.view.showFatal(`This app could not be loaded: ${message}`);
    handle.fail(message, err && err.name ? err.name : "Error", "load");
    throw err;
  }
}

// --- the first paint: the app's first run, made at build time -----------------------------

// build.py --app ran the app's first run at build time and put its changes beside the app's
// element (<script type="application/json" id="wasmlit-first-paint">). They are drawn at
// once, as Streamlit's page looks while it connects (the widgets there, the app running);
// what the user does meanwhile waits for Python, which then runs the app from that tree, so
// only what differs changes. Not for a URL asking for another page or query string (the
// build-time run had neither).
function drawFirstPaint(element, theme, client) {
  const data = element.nextElementSibling;
  if (!data || data.id !== "wasmlit-first-paint" || location.search || pageSegment()) return null;
  let changes;
  try {
    ({ changes } = JSON.parse(data.textContent));
  } catch (err) {
    console.warn("wasmlit: the first paint could not be read", err);
    return null;
  }
  ensureStylesheet();
  const view = createView(element, theme, client, true);
  view.applyChanges(changes);
  view.runs.markBusy();  // running, as the first run is, until Python has done it
  return { view, changes };
}

// An app's view (Markdown loaded when first needed), with the page's app menu when the app
// owns the page (app-menu.js: Rerun, Settings, Print, About, the "r" key, the stored theme).
function createView(element, theme, client, ownsURL) {
  const view = new AppView(element, { markdown: loadMarkdown, theme, ownsURL });
  setupAppMenu(view, { theme, client });
  return view;
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

// wasmlit.css, unless the page links it already (a snippet page may not).
function ensureStylesheet() {
  const href = assetURL("wasmlit.css");
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
  // The [theme] and [client] tables of .streamlit/config.toml, as JSON (build.py writes them).
  const theme = jsonAttribute(element, "data-wasmlit-theme");
  const client = jsonAttribute(element, "data-wasmlit-client");
  const first = drawFirstPaint(element, theme, client);
  await mountDeclared(element, {
    src, theme, client, view: first?.view, firstPaint: first?.changes,
    secrets: element.getAttribute("data-wasmlit-secrets"),
    files: element.getAttribute("data-wasmlit-files"),
    wheels: element.getAttribute("data-wasmlit-requirements"),
    dev: element.getAttribute("data-wasmlit-dev"),
    url: true,  // a built site's app: the page URL is its own
    persist: element.getAttribute("data-wasmlit-persist"),
    persistScope: BASE.pathname,  // the site's folder, whichever of its pages is open
    // The app's files were kept under "app.py" when every one-file app was app.py in its
    // site: still so, so that no kept file is lost when a site is built again.
    persistName: element.hasAttribute("data-wasmlit-files") ? undefined : "app.py",
  });
}

function jsonAttribute(element, name) {
  try { return JSON.parse(element.getAttribute(name) || "null") || undefined; } catch { return undefined; }
}

// <script type="text/x-wasmlit" ...>: see snippets.js.
async function mountSnippet(script) {
  const options = snippetOptions(script);
  const element = snippetHost(script, options.target);
  await mountDeclared(element, { ...options, code: options.src ? undefined : options.inline });
}

/**
 * @param {HTMLElement} element
 * @param {{src?: string, code?: string, theme?: object, client?: object, secrets?: string, files?: string, wheels?: string,
 *   entrypoint?: string, requirements?: string, dev?: string, url?: boolean, packagesUrl?: string,
 *   view?: AppView, firstPaint?: object[], persist?: string | null, persistScope?: string, persistName?: string}} declared
 */
async function mountDeclared(element, { src, code, theme, client, secrets, files, wheels, entrypoint, requirements, dev, url, packagesUrl,
  view, firstPaint, persist, persistScope, persistName }) {
  let loaded;
  try {
    loaded = await fetchDeclared({ src, code, secrets, files, wheels, entrypoint });
  } catch (err) {
    showLoading(element).fail(`This app could not be loaded: ${err.message}`);
    const handle = new AppHandle(element, "");
    handle.fail(err.message, "Error", "load");
    return;
  }
  const handle = mount(element, { ...loaded, theme, client, requirements, url, packagesUrl, view, firstPaint, persist, persistScope, persistName });
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

// Python starts at once when the page declares apps, while their files are fetched.
if (document.querySelector(`[data-wasmlit-app], script[type="${SNIPPET_TYPE}"]`)) pythonClient().start();
for (const element of document.querySelectorAll("[data-wasmlit-app]")) mountFromAttribute(element);
for (const script of document.querySelectorAll(`script[type="${SNIPPET_TYPE}"]`)) mountSnippet(script);
registerOfflineCache();  // a site built with --offline-cache keeps itself for offline visits
