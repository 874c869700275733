// The memory the page and the Python worker share when the page is cross-origin isolated
// (a SharedArrayBuffer exists): while Python runs, the worker's message queue is not read,
// so page events reach a run through this mailbox instead, and Stop reaches a loop with no
// st call through Pyodide's interrupt buffer. Without isolation there is no mailbox: events
// travel as messages, and a run sees them when it yields (python-worker.js).
//
// Layout: a header of Int32 slots, then the letters: [app, seq, byte length, UTF-8 JSON of
// one PageEvent] each, padded to 4 bytes. Either side holds LOCK while it touches them.

const LOCK = 0;      // 0 free, 1 held
const USED = 1;      // bytes of letters written
const RUNNING = 2;   // the app whose run the worker is performing (0: none)
const INTERRUPT = 3; // Pyodide's interrupt buffer: 2 (SIGINT) raises KeyboardInterrupt
const SLEEP = 4;     // never written: time.sleep waits on it
const HEADER_SLOTS = 8;
const HEADER_BYTES = HEADER_SLOTS * 4;
const LETTER_HEAD = 12;

/** The mailbox's memory, or null when the page cannot share memory with a worker. */
export function createMailboxMemory(bytes = 8 << 20) {
  if (!globalThis.crossOriginIsolated || typeof SharedArrayBuffer !== "function") return null;
  return new SharedArrayBuffer(HEADER_BYTES + bytes);
}

export class Mailbox {
  /** @param {SharedArrayBuffer} memory */
  constructor(memory) {
    this.memory = memory;
    this.slots = new Int32Array(memory, 0, HEADER_SLOTS);
    this.letters = new Uint8Array(memory, HEADER_BYTES);
    this.view = new DataView(memory, HEADER_BYTES);
    /** Pyodide's interrupt buffer (pyodide.setInterruptBuffer). */
    this.interruptBuffer = new Int32Array(memory, INTERRUPT * 4, 1);
  }

  lock() {
    while (Atomics.compareExchange(this.slots, LOCK, 0, 1) !== 0) { /* held for a copy's time */ }
  }

  unlock() {
    Atomics.store(this.slots, LOCK, 0);
  }

  /** The page: put one event in. False when it does not fit (it then goes as a message). */
  send(app, seq, event) {
    const bytes = new TextEncoder().encode(JSON.stringify(event));
    const size = LETTER_HEAD + ((bytes.length + 3) & ~3);
    this.lock();
    try {
      const used = this.slots[USED];
      if (used + size > this.letters.length) return false;
      // A shared buffer cannot be encoded into directly, so the bytes are copied in.
      this.view.setInt32(used, app, true);
      this.view.setInt32(used + 4, seq, true);
      this.view.setInt32(used + 8, bytes.length, true);
      this.letters.set(bytes, used + LETTER_HEAD);
      this.slots[USED] = used + size;
      return true;
    } finally {
      this.unlock();
    }
  }

  /** The worker: every letter waiting, in order, as {app, seq, event}; the mailbox empties. */
  take() {
    if (Atomics.load(this.slots, USED) === 0) return [];
    this.lock();
    let copy;
    try {
      copy = this.letters.slice(0, this.slots[USED]);
      this.slots[USED] = 0;
    } finally {
      this.unlock();
    }
    const view = new DataView(copy.buffer);
    const decoder = new TextDecoder();
    const taken = [];
    for (let at = 0; at < copy.length;) {
      const length = view.getInt32(at + 8, true);
      taken.push({ app: view.getInt32(at, true), seq: view.getInt32(at + 4, true),
        event: JSON.parse(decoder.decode(copy.subarray(at + LETTER_HEAD, at + LETTER_HEAD + length))) });
      at += LETTER_HEAD + ((length + 3) & ~3);
    }
    return taken;
  }

  /** The app whose run is in progress (0: none). */
  get running() { return Atomics.load(this.slots, RUNNING); }
  set running(app) { Atomics.store(this.slots, RUNNING, app); }

  /** The page: raise KeyboardInterrupt in the run in progress. */
  interrupt() { Atomics.store(this.slots, INTERRUPT, 2); }
  clearInterrupt() { Atomics.store(this.slots, INTERRUPT, 0); }

  /** The worker: block for `seconds` (time.sleep), the page painting meanwhile. */
  sleep(seconds) {
    Atomics.wait(this.slots, SLEEP, 0, Math.max(0, seconds * 1000));
  }
}
