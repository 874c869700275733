// The page's side of an app's runs: page events (clicks, edits, timer ticks) go to the
// Python worker numbered in order; the app is running from the first event posted until
// the worker says a run ended having taken the last one (ran). Python runs in the worker
// (python-worker.js), so the page never waits for it.

/**
 * @typedef {object} PumpHooks
 * @property {() => void} started  a run (of one or more events) begins
 * @property {(err: any, gone: boolean) => void} failed  the run loop threw; `gone`: Pyodide died
 * @property {() => Promise<void> | void} finished  every event posted has been taken and run
 * @property {() => void} idle  finished, and no new event came meanwhile
 */

/** @typedef {{ send(seq: number, event: import("./protocol").PageEvent): void }} EventPort */

export class RunPump {
  /** @param {PumpHooks} hooks */
  constructor(hooks) {
    this.hooks = hooks;
    /** @type {EventPort | null} */
    this.port = null;
    /** @type {{seq: number, event: import("./protocol").PageEvent}[]} posted before attach */
    this.waiting = [];
    this.posted = 0;     // the seq of the last event posted
    this.consumed = 0;   // the seq of the last event a run that ended had taken
    this.busy = false;
    this.stopped = false;
  }

  /** @param {EventPort} port */
  attach(port) {
    this.port = port;
    for (const { seq, event } of this.waiting) port.send(seq, event);
    this.waiting = [];
  }

  /** @param {import("./protocol").PageEvent} event */
  post(event) {
    if (this.stopped) return;
    const seq = ++this.posted;
    if (this.port) this.port.send(seq, event);
    else this.waiting.push({ seq, event });
    if (!this.busy) {
      this.busy = true;
      this.hooks.started();
    }
  }

  /** The worker ended a run having taken the events up to `consumed`. */
  async ran(consumed) {
    this.consumed = Math.max(this.consumed, consumed);
    if (!this.busy || consumed < this.posted) return;  // more are on their way to it
    this.busy = false;
    await this.hooks.finished();
    if (!this.busy) this.hooks.idle();
  }

  /** The worker's run loop threw. */
  failed(message, gone) {
    console.error("wasmlit: the run loop failed", message);
    if (gone) this.port = null;
    this.hooks.failed({ message }, gone);
    if (gone) this.ran(this.posted);
  }

  /** Python restarted: nothing posted before reaches it; events wait for attach. */
  detach() {
    this.port = null;
    this.waiting = [];
  }

  stop() {
    this.stopped = true;
    this.waiting = [];
    this.port = null;
  }
}
