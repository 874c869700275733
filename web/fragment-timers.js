// run_every: one interval per fragment, each posting a "tick" page event. Every full run
// sends the whole set (a "timers" change).

export class FragmentTimers {
  /** @param {(event: import("./protocol").TickEvent) => void} post */
  constructor(post) {
    this.post = post;
    /** @type {Map<string, ReturnType<typeof setInterval>>} fragment id -> interval */
    this.intervals = new Map();
  }

  /** @param {Record<string, number>} timers  fragment id -> seconds */
  set(timers) {
    for (const [fid, handle] of this.intervals) {
      if (!(fid in timers)) { clearInterval(handle); this.intervals.delete(fid); }
    }
    for (const [fid, seconds] of Object.entries(timers)) {
      if (this.intervals.has(fid)) clearInterval(this.intervals.get(fid));
      this.intervals.set(fid, setInterval(() => this.post({ kind: "tick", fragment: fid }),
        Math.max(1, seconds * 1000)));
    }
  }

  clear() {
    for (const handle of this.intervals.values()) clearInterval(handle);
    this.intervals.clear();
  }
}
