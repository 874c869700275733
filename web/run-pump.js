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
    /** @type {import("./protocol").PageEvent[]} posted before Python could take them (a
     * first paint drawn before Python was ready, a restart): sent one per run, in order,
     * as a live page would have sent them */
    this.backlog = [];
    this.posted = 0;     // the seq of the last event sent
    this.consumed = 0;   // the seq of the last event a run that ended had taken
    this.busy = false;
    this.stopped = false;
  }

  /** Python is ready: `first` goes first (the app's first run), then the backlog.
   * @param {EventPort} port @param {import("./protocol").PageEvent} first */
  attach(port, first) {
    this.port = port;
    this.send(first);
    this.markBusy();
  }

  /** @param {import("./protocol").PageEvent} event */
  post(event) {
    if (this.stopped) return;
    if (this.port && !this.backlog.length) this.send(event);
    else this.backlog.push(event);
    this.markBusy();
  }

  /** Stop: sent at once, ahead of what waits (which Stop drops, as Streamlit's does). */
  postStop() {
    if (this.stopped || !this.port) return;
    this.backlog = [];
    this.send({ kind: "stop" });
  }

  /** @param {import("./protocol").PageEvent} event */
  send(event) {
    this.port.send(++this.posted, event);
  }

  markBusy() {
    if (this.busy) return;
    this.busy = true;
    this.hooks.started();
  }

  /** The worker ended a run having taken the events up to `consumed`. */
  async ran(consumed) {
    this.consumed = Math.max(this.consumed, consumed);
    if (!this.busy || consumed < this.posted) return;  // more are on their way to it
    if (this.backlog.length && this.port) {
      this.send(this.backlog.shift());
      return;
    }
    this.busy = false;
    await this.hooks.finished();
    if (!this.busy) this.hooks.idle();
  }

  /** The worker's run loop threw. */
  failed(message, gone) {
    console.error("wasmlit: the run loop failed", message);
    if (gone) this.port = null;
    this.hooks.failed({ message }, gone);
    if (gone) {
      this.backlog = [];
      this.ran(this.posted);
    }
  }

  /** Python restarted: what is posted from now on waits for attach. */
  detach() {
    this.port = null;
  }

  stop() {
    this.stopped = true;
    this.backlog = [];
    this.port = null;
  }
}
