// What mount() returns: a handle on one app on the page. It is an EventTarget:
//   "ready"        the app's first run has ended (detail: {app})
//   "error"        the app could not be loaded, or a run showed an uncaught exception
//                  (detail: {message, type, during: "load" | "run"})
//   "scriptstate"  a run started or ended (detail: {state: "running" | "notRunning"})
// `ready` is also a promise (resolves with the handle, rejects when loading fails);
// `state` is the latest script state ("loading", "running", "notRunning" or "failed").
export class AppHandle extends EventTarget {
  constructor(element, id) {
    super();
    this.element = element;
    this.id = id;
    this.state = "loading";
    this.ready = null;
    this.hasRun = false;  // "ready" fires once, when the first run ends
    this.stop = null;  // set once the app runs: forgets it in Python and the page
  }

  emit(type, detail) {
    this.dispatchEvent(new CustomEvent(type, { detail }));
  }

  setScriptState(state) {
    if (this.state === state) return;
    this.state = state;
    this.emit("scriptstate", { state });
    if (state === "notRunning" && !this.hasRun) {
      this.hasRun = true;
      this.emit("ready", { app: this });
    }
  }

  fail(message, type = "Error", during = "run") {
    if (during === "load") this.state = "failed";
    this.emit("error", { message, type, during });
  }

  // Stop the app: its timers, listeners, Python session and files go; the element is emptied.
  unmount() {
    if (this.state === "unmounted") return;
    if (this.stop) this.stop();
    this.stop = null;
    this.state = "unmounted";
    this.element.replaceChildren();
    this.emit("unmount", {});
  }
}
