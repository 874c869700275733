// The page's side of the Python worker (python-worker.js): one worker, one Pyodide, for
// every app on the page. It starts the worker, calls it (mount, unmount, replaceSource),
// hands it each app's events (through the shared mailbox when the page is cross-origin
// isolated, else as messages) and routes what comes back to the app it is for.
//
// Stop: the app's run ends at its next st call (a "stop" event). A run still going after
// a grace has no st call to end at: on an isolated page (INTERRUPT_AFTER_MS) Pyodide's
// interrupt buffer raises KeyboardInterrupt in it, which ends it as Stop does; otherwise
// (RESTART_AFTER_MS, longer: a restart loses the session), or if that did not end it within
// INTERRUPT_GRACE_MS, the worker is ended and a fresh one started, every app on the page is
// mounted again, its widgets keep what they show, and the page says what was lost.
import { BASE, NAMES, assetURL } from "./assets.js";
import { Mailbox, createMailboxMemory } from "./worker-mailbox.js";
import { showPersistNotice } from "./persist-notice.js";
import { offlineCacheKeepsSite } from "./offline-cache.js";

const INTERRUPT_AFTER_MS = 150;
const RESTART_AFTER_MS = 400;
const INTERRUPT_GRACE_MS = 800;
export const RESTART_NOTICE = "Python was restarted to stop a run that would not end. " +
  "This app's session state and cached data were reset; its widgets kept their values.";

/**
 * One app, as the client knows it.
 * @typedef {object} AppLink
 * @property {number} id
 * @property {object} mountArgs     what mount() sends the worker (sent again after a restart)
 * @property {import("./render.js").AppView | null} view  set once the app's view exists
 * @property {(message: string) => void} [progress]
 * @property {{kind: "refused" | "full" | "failed", dir: string} | null} [persistTrouble]  to show
 *   once the view exists
 * @property {boolean} [persistTold]  the persistent folder's notice was shown (once a page load)
 */

class PythonClient {
  constructor() {
    /** @type {Map<number, AppLink>} */
    this.apps = new Map();
    /** @type {Map<number, {resolve: Function, reject: Function, progress?: Function}>} */
    this.calls = new Map();
    this.lastCall = 0;
    /** @type {Set<(message: string) => void>} told of start-up progress */
    this.bootListeners = new Set();
    this.worker = null;
    this.ready = null;    // a promise: the worker's Python is ready
    this.mailbox = null;
    this.restarts = 0;
    this.restarting = false;
  }

  /** Start the worker (once) and resolve when its Python is ready. */
  start(progress) {
    if (progress) this.bootListeners.add(progress);
    if (!this.ready) this.ready = this.spawn();
    return this.ready;
  }

  spawn() {
    const memory = createMailboxMemory();
    this.mailbox = memory ? new Mailbox(memory) : null;
    const worker = new Worker(workerURL(), { name: "wasmlit-python" });
    this.worker = worker;
    const ready = new Promise((resolve, reject) => {
      this.onReady = resolve;
      this.onBootFailed = reject;
    });
    worker.onmessage = ({ data }) => { if (this.worker === worker) this.receive(data); };
    worker.onerror = (event) => {
      event.preventDefault?.();
      if (this.worker !== worker) return;
      const message = `the Python worker could not start (${event.message || "its script failed to load"})`;
      this.onBootFailed(new Error(message));
    };
    worker.postMessage({ type: "init", base: BASE.href, pageBase: document.baseURI, names: NAMES,
      mailboxMemory: memory, oneFile: Boolean(globalThis.wasmlitAssetURL), offlineCache: offlineCacheKeepsSite(),
      pageHasJSPI: typeof (/** @type {any} */ (WebAssembly)).Suspending === "function" });
    return ready;
  }

  /** Call the worker: a promise of its reply. @param {string} method @param {object} args */
  async call(method, args, progress) {
    await this.ready;
    const id = ++this.lastCall;
    return new Promise((resolve, reject) => {
      this.calls.set(id, { resolve, reject, progress });
      this.worker.postMessage({ type: "call", id, method, args });
    });
  }

  /** Mount an app in the worker; events flow once `attach` gives it its view. */
  async mount(id, mountArgs, progress) {
    const link = { id, mountArgs, view: null, progress };
    this.apps.set(id, link);
    await this.call("mount", mountArgs, progress);
    return link;
  }

  /** The app's view takes its events and changes from now on. */
  attach(id, view, values) {
    const link = this.apps.get(id);
    link.view = view;
    if (link.persistTrouble) this.tellPersistTrouble(link, link.persistTrouble);
    view.attach({ send: (seq, event) => this.send(id, seq, event) }, values);
  }

  unmount(id) {
    if (!this.apps.delete(id)) return;
    this.call("unmount", { app: id }).catch((err) => console.warn("wasmlit: unmount failed", err));
  }

  replaceSource(id, code, files) {
    const link = this.apps.get(id);
    if (link) link.mountArgs = { ...link.mountArgs, code, ...(files ? { files } : {}) };
    return this.call("replaceSource", { app: id, code, files });
  }

  send(id, seq, event) {
    if (this.mailbox && this.mailbox.send(id, seq, event)) {
      this.worker.postMessage({ type: "wake" });
      return;
    }
    this.worker.postMessage({ type: "events", app: id, items: [{ seq, event }] });
  }

  /** Stop the app's run (its Stop button). */
  stop(id) {
    const link = this.apps.get(id);
    const view = link?.view;
    if (!view || !view.runs.busy) return;
    view.runs.postStop();
    const stopSeq = view.runs.posted;
    // Until a run that took the stop event has ended.
    const stillRunning = () => this.apps.get(id) === link && view.runs.consumed < stopSeq;
    setTimeout(() => {
      if (!stillRunning()) return;
      if (this.mailbox && this.mailbox.running === id) {
        this.mailbox.interrupt();
        setTimeout(() => { if (stillRunning()) this.restart(); }, INTERRUPT_GRACE_MS);
      } else {
        this.restart();
      }
    }, this.mailbox ? INTERRUPT_AFTER_MS : RESTART_AFTER_MS);
  }

  /** End the worker and start a fresh one: every app mounted again, widgets restored. */
  async restart() {
    if (this.restarting) return;
    this.restarting = true;
    try {
      await this.respawn();
    } finally {
      this.restarting = false;
    }
  }

  async respawn() {
    this.restarts += 1;
    this.worker?.terminate();
    for (const pending of this.calls.values()) pending.reject(new Error("Python was restarted"));
    this.calls.clear();
    const links = [...this.apps.values()];
    const values = new Map();
    for (const link of links) {
      if (!link.view) continue;
      values.set(link.id, link.view.widgetValues());
      link.view.restarting(RESTART_NOTICE);
    }
    this.ready = this.spawn();
    await this.ready;
    for (const link of links) {
      if (this.apps.get(link.id) !== link) continue;  // unmounted meanwhile
      try {
        // The page's first paint is gone (restarting cleared the view): start from nothing.
        await this.call("mount", { ...link.mountArgs, firstPaint: null });
      } catch (err) {
        link.view?.showFatal(`wasmlit could not restart this app: ${err.message}`);
        continue;
      }
      if (link.view && this.apps.get(link.id) === link) this.attach(link.id, link.view, values.get(link.id));
    }
  }

  /** @param {import("./protocol").WorkerMessage} data */
  receive(data) {
    switch (data.type) {
      case "ready": this.onReady(data); break;
      case "boot-failed": this.onBootFailed(new Error(data.message)); break;
      case "progress": {
        if (data.call === undefined) for (const listener of this.bootListeners) listener(data.message);
        else this.calls.get(data.call)?.progress?.(data.message);
        break;
      }
      case "reply": {
        const pending = this.calls.get(data.id);
        this.calls.delete(data.id);
        if (!pending) break;
        if (data.ok) pending.resolve(data.result);
        else pending.reject(Object.assign(new Error(data.error.message), { name: data.error.name }));
        break;
      }
      case "changes": this.apps.get(data.app)?.view?.apply(data.json); break;
      case "ran": this.apps.get(data.app)?.view?.ran(data.consumed); break;
      case "failed": this.apps.get(data.app)?.view?.loopFailed(data.message, data.gone); break;
      case "package-loading": {
        const view = this.apps.get(data.app)?.view;
        if (data.message === null) view?.hidePackageLoading();
        else view?.showPackageLoading(data.message);
        break;
      }
      case "console": (console[data.method] ?? console.log)(data.text); break;
      case "mark": performance.mark(data.name, { startTime: data.time - performance.timeOrigin }); break;
      case "asset-request": this.serveAsset(data); break;
      case "persist-trouble": {
        const link = this.apps.get(data.app);
        if (link) this.tellPersistTrouble(link, data);
        break;
      }
      default: console.error("wasmlit: unknown message from the Python worker", data);
    }
  }

  /** The app's persistent folder is memory only: said once in the app (a restart's mount
   * says it again, unheard). */
  tellPersistTrouble(link, trouble) {
    if (link.persistTold) return;
    if (!link.view) {
      link.persistTrouble = trouble;
      return;
    }
    link.persistTold = true;
    link.persistTrouble = null;
    showPersistNotice(link.view.toasts, trouble);
  }

  // A one-file page: the worker asks for the files the page carries inline.
  async serveAsset({ id, url, method }) {
    try {
      const response = await fetch(url, { method });
      const bytes = method === "HEAD" ? null : await response.arrayBuffer();
      this.worker.postMessage({ type: "asset", id, found: true, bytes, status: response.status,
        contentType: response.headers.get("Content-Type") ?? "application/octet-stream" }, bytes ? [bytes] : []);
    } catch {
      this.worker.postMessage({ type: "asset", id, found: false });
    }
  }
}

// The worker's script: the site's python-worker.js, a classic script (a one-file page starts
// it from a blob: URL, and Chromium starts no module worker from one on file://). A worker
// must come from the page's own origin, so for a page of another origin (an embedded
// snippet) it starts from a blob: that loads it with importScripts.
function workerURL() {
  const url = assetURL("python-worker.js");
  if (url.startsWith("blob:") || new URL(url).origin === location.origin) return url;
  return URL.createObjectURL(new Blob([`importScripts(${JSON.stringify(url)});`], { type: "text/javascript" }));
}

let client = null;

/** The page's one PythonClient. */
export function pythonClient() {
  client ??= new PythonClient();
  return client;
}
