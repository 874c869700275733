// A folder of an app's that outlasts the page (build.py --persist DIR, mount(el, {persist})):
// its files live in Pyodide's file system as any others do, and are kept in the browser's
// IndexedDB, one database per folder. Before the app's first run the folder is filled from
// the database; after each run the files that changed since the last sync are written back.
//
// Why not Emscripten's IDBFS: it stores absolute paths in a database named by the mount
// point (/home/pyodide/app-2/data), and which app-N an app gets depends on mount order;
// here the database is named by the page's key for the app and holds paths relative to the
// folder, so an app finds its files wherever its folder is.
//
// Failure never stops the app: storage refused (no IndexedDB, or it will not open) leaves
// an ordinary in-memory folder; a write the browser refuses (quota full) keeps the files in
// memory and is tried again after the next run. Each kind of trouble is told once
// (onTrouble: the page's notice and console).

const STORE = "entries";  // key: the path relative to the folder; value: Entry
const DB_PREFIX = "wasmlit-files ";

/**
 * What the database holds for one path.
 * @typedef {{dir: boolean, mode: number, mtime: number, contents?: Uint8Array}} Entry
 * What the folder holds now, path by path (no contents).
 * @typedef {Map<string, {dir: boolean, mode: number, mtime: number, size: number}>} Listing
 * @typedef {{kind: "refused" | "full" | "failed", dir: string, reason: string, message: string}} Trouble
 *   (message: what the console says)
 */

/** The database name a persistent folder's key gives. @param {string} key */
export const databaseName = (key) => DB_PREFIX + key;

export class PersistentFolder {
  /**
   * @param {any} FS  Pyodide's file system
   * @param {string} path  the folder's absolute path
   * @param {{dir: string, key: string}} persist  the folder relative to the app's, and its key
   * @param {(trouble: Trouble) => void} onTrouble
   */
  constructor(FS, path, { dir, key }, onTrouble) {
    this.FS = FS;
    this.path = path;
    this.dir = dir;
    this.name = databaseName(key);
    this.onTrouble = onTrouble;
    /** @type {IDBDatabase | null} null: storage refused, the folder is memory only */
    this.db = null;
    /** @type {Listing} what the database holds, as of the last sync */
    this.synced = new Map();
    this.syncedAt = 0;  // Date.now() when `synced` was listed
    this.told = new Set();
    this.dirty = false;
    /** @type {Promise<void> | null} */
    this.syncing = null;
  }

  /** Make the folder and fill it from the database (before the app's first run). Files the
   * app ships there stay unless the database holds a newer copy. */
  async open() {
    let stored = [];
    try {
      this.FS.mkdirTree(this.path);  // fails where the app ships a file of that name
    } catch (err) {
      this.trouble("failed", new Error(`${this.dir} cannot be a folder (${err.message ?? err})`));
      return;
    }
    try {
      this.db = await openDatabase(this.name);
      stored = await readAll(this.db);
    } catch (err) {
      this.db?.close();
      this.db = null;
      this.trouble("refused", err);
      return;
    }
    const unrestored = this.restore(stored);
    this.syncedAt = Date.now();
    // (An entry that could not be restored is left alone in the database: not "deleted".)
    this.synced = new Map(stored.filter(([rel]) => !unrestored.has(rel)).map(([rel, { dir, mode, mtime, contents }]) =>
      [rel, { dir, mode, mtime, size: dir ? 0 : contents?.length ?? 0 }]));
    // Files the app ships in the folder that the database lacks are stored from now on.
    this.sync();
  }

  /** After a run: write what changed back, coalesced (one write at a time; runs that end
   * meanwhile are folded into the next). */
  sync() {
    if (!this.db) return;
    this.dirty = true;
    this.syncing ??= this.drain();
  }

  /** Every change so far written (or failed): before the folder goes away. */
  async flush() {
    this.sync();
    await this.syncing;
  }

  close() {
    this.db?.close();
    this.db = null;
  }

  async drain() {
    try {
      while (this.dirty && this.db) {
        this.dirty = false;
        try {
          await this.writeChanges();
        } catch (err) {  // the file system could not be read (Python's runtime failed)
          this.trouble("failed", err);
        }
      }
    } finally {
      this.syncing = null;
    }
  }

  async writeChanges() {
    const listedAt = Date.now();
    const now = this.list();
    const put = [];
    for (const [rel, item] of now) {
      const before = this.synced.get(rel);
      // A file written in the millisecond the last listing was made may show the mtime it
      // had then: written again to be sure.
      const changed = !before || before.dir !== item.dir || before.mtime !== item.mtime || before.size !== item.size
        || before.mode !== item.mode || (!item.dir && item.mtime >= this.syncedAt);
      if (changed) put.push(rel);
    }
    const gone = [...this.synced.keys()].filter((rel) => !now.has(rel));
    if (!put.length && !gone.length) return;
    // Read now, in one go: the app's next run may change the files while the write is out.
    const entries = put.map((rel) => /** @type {[string, Entry]} */ ([rel, this.entry(rel, now.get(rel))]));
    try {
      await writeEntries(/** @type {IDBDatabase} */ (this.db), entries, gone);
    } catch (err) {
      this.trouble(isQuotaError(err) ? "full" : "failed", err);
      return;  // `synced` unchanged: the next sync tries these again
    }
    this.synced = now;
    this.syncedAt = listedAt;
  }

  /** Every file and folder under the folder (symbolic links are not kept). @returns {Listing} */
  list() {
    /** @type {Listing} */
    const listing = new Map();
    const walk = (rel) => {
      const full = rel ? `${this.path}/${rel}` : this.path;
      for (const name of this.FS.readdir(full)) {
        if (name === "." || name === "..") continue;
        const child = rel ? `${rel}/${name}` : name;
        const stat = this.FS.lstat(`${this.path}/${child}`);
        const dir = this.FS.isDir(stat.mode);
        if (!dir && !this.FS.isFile(stat.mode)) continue;
        listing.set(child, { dir, mode: stat.mode, mtime: +stat.mtime, size: dir ? 0 : stat.size });
        if (dir) walk(child);
      }
    };
    if (this.FS.analyzePath(this.path).exists) walk("");
    return listing;
  }

  /** @returns {Entry} */
  entry(rel, { dir, mode, mtime }) {
    if (dir) return { dir, mode, mtime };
    return { dir, mode, mtime, contents: this.FS.readFile(`${this.path}/${rel}`).slice() };
  }

  /** Put the stored entries into the folder (parents first: the keys sort so); the paths
   * that could not be. @param {[string, Entry][]} stored @returns {Set<string>} */
  restore(stored) {
    const failed = new Set();
    stored.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    for (const [rel, entry] of stored) {
      if (rel.split("/").some((part) => !part || part === "." || part === "..")) {
        failed.add(rel);
        continue;
      }
      const full = `${this.path}/${rel}`;
      try {
        if (entry.dir) {
          this.FS.mkdirTree(full);
        } else {
          this.FS.mkdirTree(full.slice(0, full.lastIndexOf("/")));
          this.FS.writeFile(full, entry.contents ?? new Uint8Array());
        }
        this.FS.chmod(full, entry.mode & 0o7777);
        this.FS.utime(full, entry.mtime, entry.mtime);
      } catch (err) {
        failed.add(rel);
        console.warn(`wasmlit: ${this.dir}/${rel} could not be restored from the browser's storage`, err);
      }
    }
    return failed;
  }

  /** Tell the page (once per kind) and the console (why). */
  trouble(kind, err) {
    const reason = err && err.name ? `${err.name}: ${err.message}` : String(err);
    if (this.told.has(kind)) return;
    this.told.add(kind);
    const what = { refused: "the browser refused to store them", full: "the browser's storage for this site is full",
      failed: "the browser could not store them" }[kind];
    this.onTrouble({ kind, dir: this.dir, reason,
      message: `wasmlit: files in ${this.dir}/ are kept in memory only (${what}; IndexedDB: ${reason})` });
  }
}

/** @param {string} name @returns {Promise<IDBDatabase>} */
function openDatabase(name) {
  const idb = globalThis.indexedDB;
  if (!idb) return Promise.reject(new Error("IndexedDB is not available here"));
  return new Promise((resolve, reject) => {
    const request = idb.open(name, 1);  // may throw (SecurityError): the caller's catch
    request.onupgradeneeded = () => request.result.createObjectStore(STORE);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
    request.onblocked = () => reject(new Error("the database is blocked by another tab's older version"));
  });
}

/** @param {IDBDatabase} db @returns {Promise<[string, Entry][]>} */
function readAll(db) {
  return new Promise((resolve, reject) => {
    const store = db.transaction(STORE, "readonly").objectStore(STORE);
    const keys = store.getAllKeys();
    const values = store.getAll();
    values.onsuccess = () => resolve(keys.result.map((key, i) => [String(key), values.result[i]]));
    values.onerror = () => reject(values.error);
    keys.onerror = () => reject(keys.error);
  });
}

/** One transaction: all of it is stored, or none. @param {IDBDatabase} db
 * @param {[string, Entry][]} entries @param {string[]} gone */
function writeEntries(db, entries, gone) {
  return new Promise((resolve, reject) => {
    let tx;
    try {
      tx = db.transaction(STORE, "readwrite", { durability: "strict" });
      const store = tx.objectStore(STORE);
      for (const rel of gone) store.delete(rel);
      for (const [rel, entry] of entries) store.put(entry, rel);
    } catch (err) {
      tx?.abort();
      reject(err);
      return;
    }
    tx.oncomplete = () => resolve(undefined);
    tx.onabort = () => reject(tx.error ?? new Error("the write was aborted"));
    tx.onerror = (event) => event.preventDefault();  // the abort that follows says why
  });
}

function isQuotaError(err) {
  return Boolean(err) && (err.name === "QuotaExceededError" || /quota/i.test(String(err.message)));
}
