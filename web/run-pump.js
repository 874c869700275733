// The run pump: page events (clicks, edits, timer ticks) wait in a queue; while any wait,
// the Python pump runs (it takes them with takeEvents() and sends changes back), one run
// at a time. With JSPI the pump can suspend (time.sleep), so the page paints meanwhile.

/**
 * @typedef {object} PumpHooks
 * @property {() => void} started  a run (of one or more events) begins
 * @property {(err: any, gone: boolean) => void} failed  the pump threw; `gone`: Pyodide died
 * @property {() => Promise<void> | void} finished  the queue is empty again
 * @property {() => void} idle  finished, and no new run began meanwhile
 */

/** @typedef {(() => void) & { callPromising?: () => Promise<void> }} PythonPump */

export class RunPump {
  /** @param {PumpHooks} hooks */
  constructor(hooks) {
    this.hooks = hooks;
    /** @type {import("./protocol").PageEvent[]} */
    this.events = [];
    this.busy = false;
    /** @type {PythonPump | null} */
    this.pump = null;
    const wasm = /** @type {any} */ (WebAssembly);
    this.jspi = typeof wasm.Suspending === "function" || typeof wasm.promising === "function";
  }

  /** @param {PythonPump} pump */
  attach(pump) {
    this.pump = pump;
    if (!this.jspi) {
      console.warn("wasmlit: this browser has no JSPI (WebAssembly stack switching): " +
        "time.sleep() in an app blocks the page and nothing repaints until the run ends.");
    }
  }

  /** @param {import("./protocol").PageEvent} event */
  post(event) {
    this.events.push(event);
    this.kick();
  }

  /** The queued events as JSON text ("" when none), for Python's poll. */
  takeEvents() {
    if (!this.events.length) return "";
    const taken = JSON.stringify(this.events);
    this.events = [];
    return taken;
  }

  async kick() {
    if (this.busy || !this.pump || !this.events.length) return;
    this.busy = true;
    this.hooks.started();
    try {
      while (this.events.length) {
        if (this.jspi && this.pump.callPromising) await this.pump.callPromising();
        else this.pump();
      }
    } catch (err) {
      console.error("wasmlit: the run loop failed", err);
      // Pyodide itself failed (e.g. C code recursing through deeply nested data overflowed
      // the stack): nothing can run any more, so stop posting to it.
      const gone = Boolean(err && err.pyodide_fatal_error);
      if (gone) this.pump = null;
      this.hooks.failed(err, gone);
    } finally {
      this.busy = false;
      await this.hooks.finished();
      if (!this.busy) this.hooks.idle();
    }
  }

  stop() {
    this.events = [];
    this.pump = null;
  }
}
