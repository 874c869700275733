// What the Python worker tells one app (change lists, "a run ended", "the run loop failed")
// takes effect in the order it came. Almost always at once; but a change list that draws a
// kind whose builders are still loading (elements.js loadBuilders) waits for them, and
// everything after it waits behind it: a run is never said to have ended before what it
// drew is in the page.

export class InOrder {
  constructor() {
    /** @type {Promise<void> | null} settles once the last task queued has run */
    this.tail = null;
    this.generation = 0;  // drop() ends every task queued before it
  }

  /** Run `task` now when nothing waits and `needs` is null; else once `needs` (a promise
   * that never rejects) has settled and every task queued before it has run.
   * @param {() => unknown} task @param {Promise<unknown> | null} [needs] */
  run(task, needs = null) {
    if (!this.tail && !needs) {
      task();
      return;
    }
    const generation = this.generation;
    const tail = Promise.all([this.tail, needs]).then(() => {
      if (this.generation === generation) task();  // not awaited: as when it runs at once
    }).catch((err) => console.error("wasmlit: applying what the Python worker sent failed", err));
    this.tail = tail;
    tail.then(() => { if (this.tail === tail) this.tail = null; });  // nothing queued after it
  }

  /** Forget what waits (Python restarted: what its old session sent no longer counts). */
  drop() {
    this.generation += 1;
    this.tail = null;
  }
}
