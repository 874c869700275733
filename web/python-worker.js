// The Python worker: one Pyodide for every app on the page, in a dedicated Web Worker, so
// a run that computes for seconds never freezes the page. The page (python-client.js)
// talks to it in messages (WorkerRequest / WorkerMessage in protocol.d.ts):
//   init              start Python (base URLs, the shared mailbox when the page has one)
//   call              mount / unmount / replaceSource an app; a reply says how it went
//   events            page events for an app (when there is no mailbox, or one did not fit)
//   wake              the mailbox has events
//   asset             a file a one-file page carries, which this worker asked for
// and hears back: ready, progress, reply, changes (an app's change list, as JSON text),
// ran (a pump ended; the events it had taken), failed, package-loading, console, mark.
//
// One run at a time: while Python runs, this worker's message queue is not read. Events
// then reach the run through the mailbox (cross-origin isolated pages), else at the run's
// next yield: with JSPI, a run yields to the queue every YIELD_EVERY_MS at an st call, and
// while it sleeps.
import { assetURL, useBase } from "./assets.js";
import { Mailbox } from "./worker-mailbox.js";
import { normalizeName } from "./packages.js";
import { startPython } from "./python-start.js";
import { PersistentFolder } from "./persistent-folder.js";

const APP_HOME = "/home/pyodide/app";
const YIELD_EVERY_MS = 50;
const wasm = /** @type {any} */ (WebAssembly);
let JSPI = typeof wasm.Suspending === "function" || typeof wasm.promising === "function";

/** @type {Mailbox | null} */
let mailbox = null;
let python = null;      // Promise of {pyodide, distribution}
let singleFile = false;
// A first visit fetches the site's Pyodide snapshot for the next one (python-start.js
// keepSnapshot) this long after an app's first run has ended, off the start's way.
const KEEP_SNAPSHOT_AFTER_MS = 3000;
let keepSnapshot = null;
/** @type {Map<number, AppChannel>} */
const apps = new Map();
let pumping = false;

/** The worker's global scope (tsc types `self` as a Window). */
const scope = /** @type {any} */ (self);
/** @param {import("./protocol").WorkerMessage} message */
const send = (message) => scope.postMessage(message);

// --- one app's side of the worker ---------------------------------------------------------

/** What bridge.py's PageHost holds as "the view": one app's events in, its changes out. */
class AppChannel {
  constructor(id) {
    this.id = id;
    /** @type {{seq: number, event: any}[]} */
    this.queue = [];
    this.consumed = 0;  // the last seq Python has taken
    this.pump = null;   // the app's run_pending (a PyProxy)
    this.lastYield = 0;
    /** @type {string | null} a multi-file app's folder in Pyodide's file system */
    this.folder = null;
    /** @type {PersistentFolder | null} its folder kept in the browser (mount's persist) */
    this.persistent = null;
  }

  attach(pump) { this.pump = pump; }

  /** Python's poll: every event that reached this app, as JSON text ("" when none). */
  takeEvents() {
    readMailbox();
    if (!this.queue.length) return "";
    this.consumed = this.queue[this.queue.length - 1].seq;
    const taken = JSON.stringify(this.queue.map((item) => item.event));
    this.queue = [];
    return taken;
  }

  apply(json) { send({ type: "changes", app: this.id, json }); }
  showPackageLoading(message) { send({ type: "package-loading", app: this.id, message }); }
  hidePackageLoading() { send({ type: "package-loading", app: this.id, message: null }); }

  /** Whether a run should let this worker read its messages now (no mailbox: events and
   * Stop arrive as messages, read only when the run yields). */
  wantsYield() {
    return !mailbox && JSPI && performance.now() - this.lastYield >= YIELD_EVERY_MS;
  }

  /** A promise Python awaits (run_sync) so that queued messages are read meanwhile. */
  yieldToPage() {
    this.lastYield = performance.now();
    return new Promise((resolve) => setTimeout(resolve, 0));
  }

  /** time.sleep in a run: the mailbox's Atomics.wait, else null (Python's own sleep,
   * which JSPI suspends, so messages are read meanwhile). */
  sleeper() {
    return mailbox ? (seconds) => mailbox.sleep(seconds) : undefined;
  }
}

function readMailbox() {
  if (!mailbox) return;
  for (const { app, seq, event } of mailbox.take()) apps.get(app)?.queue.push({ seq, event });
}

// --- the pump: runs apps' queued events, one run at a time ------------------------------

async function pump() {
  if (pumping) return;
  pumping = true;
  try {
    for (;;) {
      readMailbox();
      const app = [...apps.values()].find((channel) => channel.queue.length && channel.pump);
      if (!app) break;
      await runOnce(app);
    }
  } finally {
    pumping = false;
  }
}

async function runOnce(app) {
  if (mailbox) mailbox.running = app.id;
  app.lastYield = performance.now();
  try {
    if (JSPI && app.pump.callPromising) await app.pump.callPromising();
    else app.pump();
  } catch (err) {
    // Pyodide itself failed (e.g. C code recursing through deeply nested data overflowed
    // the stack): nothing can run any more.
    const gone = Boolean(err && err.pyodide_fatal_error);
    console.error("wasmlit: the run loop failed", err);
    if (gone) for (const channel of apps.values()) channel.pump = null;
    send({ type: "failed", app: app.id, message: err && err.message ? err.message : String(err), gone });
  } finally {
    if (mailbox) {
      mailbox.running = 0;
      mailbox.clearInterrupt();  // a Stop that came as the run ended must not hit the next
    }
    send({ type: "ran", app: app.id, consumed: app.consumed });
    app.persistent?.sync();  // what the run wrote to its persistent folder, stored
    if (keepSnapshot) setTimeout(keepSnapshot, KEEP_SNAPSHOT_AFTER_MS);
    keepSnapshot = null;
  }
}

// --- calls from the page ------------------------------------------------------------------

const calls = {
  async mount({ app, code, filename, files, secrets, requirements, wheels, packagesUrl, firstPaint, persist }, progress) {
    const { pyodide, distribution } = await python;
    const split = distribution.splitRequirements(requirements);
    await installRequirements(pyodide, split.other, wheels, progress);
    if (packagesUrl) distribution.packagesUrl = packagesUrl;  // the page's from now on
    await loadPackages(distribution, code, files, split.distribution, progress);
    // An app with a persistent folder gets a folder of its own, which that one sits in.
    const folder = files || persist ? writeAppFiles(pyodide, app, files ?? {}) : null;
    const persistent = persist ? await openPersistentFolder(pyodide, app, folder, persist) : null;
    const channel = new AppChannel(app);
    channel.persistent = persistent;
    apps.set(app, channel);
    const bridge = pyodide.pyimport("wasmlit.bridge");
    try {
      bridge.start(String(app), channel, code, filename, folder, secrets ?? null,
        firstPaint ? JSON.stringify(firstPaint) : null);
    } finally {
      bridge.destroy();
    }
    channel.folder = folder;
    return null;
  },

  async unmount({ app }) {
    const { pyodide } = await python;
    const channel = apps.get(app);
    apps.delete(app);
    const bridge = pyodide.pyimport("wasmlit.bridge");
    try {
      bridge.stop(String(app));
    } finally {
      bridge.destroy();
    }
    if (channel?.persistent) {
      await channel.persistent.flush();
      channel.persistent.close();
    }
    if (channel?.folder) removeTree(pyodide, channel.folder);
    return null;
  },

  async replaceSource({ app, code, files }) {  // the dev server: new code, same session
    const { pyodide } = await python;
    const channel = apps.get(app);
    if (files && channel?.folder) writeFiles(pyodide, channel.folder, files);
    const bridge = pyodide.pyimport("wasmlit.bridge");
    try {
      bridge.replace_source(String(app), code);
    } finally {
      bridge.destroy();
    }
    return null;
  },
};

// The distribution packages the app needs, loaded: the site's (packages.json), those its
// requirements name and those its code imports. One that fails to load does not stop the
// app: importing it raises ModuleNotFoundError saying why, where the app shows errors.
async function loadPackages(distribution, code, files, required, progress) {
  const sources = [code];
  const local = [];
  for (const [rel, bytes] of Object.entries(files ?? {})) {
    local.push(rel.split("/")[0].replace(/\.py$/, ""));
    if (rel.endsWith(".py")) sources.push(new TextDecoder().decode(bytes));
  }
  const keys = [...distribution.notInstalled([...distribution.manifest.load, ...required]),
    ...distribution.neededBy(sources, local)];
  const failed = await distribution.load(keys, { progress });
  for (const message of Object.values(failed)) console.warn(`wasmlit: ${message}`);
}

// A multi-file app's folder in Pyodide's file system: /home/pyodide/app for the first app
// on the page, /home/pyodide/app-N for the Nth.
function writeAppFiles(pyodide, id, files) {
  const folder = id === 1 ? APP_HOME : `${APP_HOME}-${id}`;
  if (pyodide.FS.analyzePath(folder).exists) removeTree(pyodide, folder);
  pyodide.FS.mkdirTree(folder);
  writeFiles(pyodide, folder, files);
  return folder;
}

/** The app's persistent folder, filled from the browser's storage (or, refused, in memory). */
async function openPersistentFolder(pyodide, app, folder, persist) {
  const persistent = new PersistentFolder(pyodide.FS, `${folder}/${persist.dir}`, persist,
    ({ message, ...trouble }) => {
      send({ type: "console", method: "warn", text: message });  // the page's console says why
      send({ type: "persist-trouble", app, ...trouble });
    });
  await persistent.open();
  return persistent;
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

// --- a one-file page's files, fetched from the page ---------------------------------------

const assetWaiters = new Map();
let lastAssetRequest = 0;

/** fetch() for a one-file page: the files it carries come from the page (which holds them
 * inline), everything else from the network. */
function fetchThroughPage(realFetch, base) {
  return (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input), base).href;
    if (!url.startsWith(base)) return realFetch(input, init);
    const id = ++lastAssetRequest;
    send({ type: "asset-request", id, url, method: init?.method ?? "GET" });
    return new Promise((resolve, reject) => assetWaiters.set(id, { resolve, reject, input, init, realFetch }));
  };
}

/** @param {{id: number, found: boolean, bytes?: ArrayBuffer | null, contentType?: string, status?: number}} answer */
function assetArrived({ id, found, bytes, contentType, status }) {
  const waiter = assetWaiters.get(id);
  assetWaiters.delete(id);
  if (!waiter) return;
  if (!found) waiter.resolve(waiter.realFetch(waiter.input, waiter.init));  // not carried: the network's
  else waiter.resolve(new Response(bytes, { status, headers: { "Content-Type": contentType } }));
}

// --- messages -----------------------------------------------------------------------------

async function importAssetFrom(rel) {
  const url = assetURL(rel);
  if (!singleFile) return import(url);
  const blob = await (await fetch(url)).blob();
  const blobURL = URL.createObjectURL(new Blob([blob], { type: "text/javascript" }));
  return import(blobURL);
}

function init({ base, pageBase, names, mailboxMemory, oneFile, offlineCache, pageHasJSPI }) {
  useBase(base, pageBase, names);
  // The page and this worker are the same browser: JSPI is used where the page has it (a
  // test that takes it from the page takes it from here too, before Pyodide looks).
  if (!pageHasJSPI) {
    delete wasm.Suspending;
    delete wasm.Suspender;
    delete wasm.promising;
    JSPI = false;
  }
  // This worker is a classic script (see python-client.js), and Pyodide's ES module refuses
  // to load in a classic worker, which it detects by importScripts working. We load it with
  // import(), as in a module worker, and need importScripts no more.
  scope.importScripts = () => { throw new TypeError("wasmlit: importScripts is not used in the Python worker"); };
  singleFile = Boolean(oneFile);
  if (singleFile) scope.fetch = fetchThroughPage(scope.fetch.bind(scope), base);
  if (mailboxMemory) mailbox = new Mailbox(mailboxMemory);
  const mark = (name) => send({ type: "mark", name, time: performance.timeOrigin + performance.now() });
  python = startPython({
    progress: (message) => send({ type: "progress", message }),
    mark,
    importAsset: importAssetFrom,
    singleFile,
    offlineCache: Boolean(offlineCache),
  }).then((started) => {
    if (mailbox) started.pyodide.setInterruptBuffer(mailbox.interruptBuffer);
    const keep = started.keepSnapshot;
    if (keep) {
      keepSnapshot = () => keep().then(() => mark("wasmlit:snapshot-kept"),
        (err) => console.warn("wasmlit: the Pyodide snapshot could not be kept for the next visit", err));
    }
    scope.wasmlitConsole = (method, text) => send({ type: "console", method, text });
    // For benchmarks and memory tests (Playwright evaluates it in this worker): the bytes
    // of Python's Wasm memory.
    scope.wasmlitMemoryBytes = () => started.pyodide._module.HEAP8.buffer.byteLength;
    send({ type: "ready", isolated: Boolean(mailbox), jspi: JSPI });
    return started;
  }, (err) => {
    send({ type: "boot-failed", message: err && err.message ? err.message : String(err) });
    throw err;
  });
  python.catch(() => {});
}

async function call({ id, method, args }) {
  const progress = (message) => send({ type: "progress", call: id, message });
  try {
    const result = await calls[method](args, progress);
    send({ type: "reply", id, ok: true, result });
  } catch (err) {
    send({ type: "reply", id, ok: false, error: { message: err && err.message ? err.message : String(err),
      name: err && err.name ? err.name : "Error" } });
  }
  pump();
}

// What the page's Content-Security-Policy blocks here is said in the page's console, where
// a violation in the page itself shows.
scope.addEventListener("securitypolicyviolation", (event) => send({ type: "console", method: "error",
  text: `wasmlit: the Content-Security-Policy (${event.violatedDirective}) blocked ${event.blockedURI} in the Python worker` }));

scope.onmessage = (/** @type {{data: import("./protocol").WorkerRequest}} */ { data }) => {
  switch (data.type) {
    case "init": init(data); break;
    case "call": call(data); break;
    case "events": {
      const channel = apps.get(data.app);
      if (channel) channel.queue.push(...data.items);
      pump();
      break;
    }
    case "wake": pump(); break;
    case "asset": assetArrived(data); break;
    default: console.error("wasmlit worker: unknown message", data);
  }
};
