// Packages from Pyodide's distribution (numpy, pandas, ...): which an app needs, where each
// comes from and loading them, with progress and failures that name the package.
//
// The site's packages.json (beside wasmlit.js; build.py writes it) says
//   {packages_url: "<URL>/" | null, load: [lock keys], shipped: [lock keys], bytes: {key: size}}
// Shipped packages are in the site's pyodide/, listed by the site's lock (loaded with
// Pyodide). The others come from packages_url: the lock travels with them, so
// <packages_url>pyodide-lock.json is fetched (only when something must come from there), its
// `info` checked against the running Pyodide's, and the entries needed merged into the
// live lock (pyodide.lockfile.packages, which loadPackage reads) with absolute file names.
// A package that fails to load does not stop the app: the failure is kept, and importing the
// package raises ModuleNotFoundError with it (wasmlit.package_hook), where the app shows errors.
import { PAGE_BASE, assetURL } from "./assets.js";

const NO_MANIFEST = { packages_url: null, load: [], shipped: [], bytes: {} };

export const normalizeName = (name) => name.toLowerCase().replace(/[-_.]+/g, "-");

// The site's packages.json; a site without one (built before it existed) loads nothing.
export async function fetchManifest() {
  try {
    const response = await fetch(assetURL("packages.json"));
    if (!response.ok) return NO_MANIFEST;
    return { ...NO_MANIFEST, ...(await response.json()) };
  } catch {
    return NO_MANIFEST;
  }
}

// <url>pyodide-lock.json, fetched once per URL: {lock} or {error}.
const remoteLocks = new Map();
export function fetchRemoteLock(packagesUrl) {
  if (!remoteLocks.has(packagesUrl)) {
    const url = new URL("pyodide-lock.json", packagesUrl).href;
    remoteLocks.set(packagesUrl, fetch(url).then(async (response) => {
      if (!response.ok) return { error: `${url}, could not be fetched (HTTP ${response.status})` };
      return { lock: await response.json() };
    }).catch((err) => ({ error: `${url}, could not be fetched (${err.message})` })));
  }
  return remoteLocks.get(packagesUrl);
}

// Whether a site's packages.json names packages to load from its packages_url (its lock is
// then fetched while Python starts).
export function needsRemote(manifest) {
  const shipped = new Set(manifest.shipped);
  return Boolean(manifest.packages_url) && manifest.load.some((key) => !shipped.has(key));
}

const describeInfo = (info) => [info.version && `Pyodide ${info.version}`, `Python ${info.python}`,
  `ABI ${info.abi_version}`].filter(Boolean).join(", ");

const megabytes = (bytes) => `${(bytes / 1e6).toFixed(1)} MB`;

export class Distribution {
  constructor(pyodide, manifest) {
    this.pyodide = pyodide;
    this.manifest = manifest;
    this.packagesUrl = manifest.packages_url;  // mount({packagesUrl}) may name another
    this.shipped = new Set(manifest.shipped);
    this.failures = new Map();  // lock key -> why it could not be loaded
    this.sources = new Map();   // lock key -> the URL it was (to be) loaded from
  }

  get packages() { return this.pyodide.lockfile.packages; }

  // The lock key of a requirement's project name (any spelling), or null.
  keyOf(name) {
    const key = normalizeName(name);
    return key in this.packages ? key : null;
  }

  // The lock key providing a top-level import name, or null.
  packageForImport(name) {
    return this.pyodide._api._import_name_to_package_name.get(name) ?? null;
  }

  isLoaded(key) {
    const entry = this.packages[key];
    return Boolean(entry && this.pyodide.loadedPackages[entry.name] !== undefined);
  }

  failureOf(key) { return this.failures.get(key) ?? null; }

  // keys and what they depend on, not loaded yet: the requested first, then their dependencies.
  closure(keys) {
    const found = [];
    const pending = keys.map(normalizeName);
    while (pending.length) {
      const key = pending.shift();
      if (found.includes(key) || !(key in this.packages) || this.isLoaded(key)) continue;
      found.push(key);
      pending.push(...this.packages[key].depends.map(normalizeName));
    }
    return found;
  }

  // "Loading pandas, numpy (14.2 MB)…": the size when every file's is known (packages.json
  // has the sizes of the files the site ships).
  describe(keys) {
    const names = keys.map((key) => this.packages[key]?.name ?? key);
    const sizes = keys.map((key) => this.manifest.bytes[key]);
    const size = sizes.every((b) => typeof b === "number") ? ` (${megabytes(sizes.reduce((a, b) => a + b, 0))})` : "";
    return `Loading ${names.join(", ")}${size}…`;
  }

  // Load `keys` and their dependencies (from the site, or from packagesUrl). Never throws:
  // failures are kept per package (failureOf) and returned as {key: message}.
  /** @param {string[]} keys @param {{packagesUrl?: string, progress?: (text: string) => void}} [options] */
  async load(keys, { packagesUrl = this.packagesUrl, progress = (text) => {} } = {}) {
    const wanted = this.closure(keys).filter((key) => !this.failures.has(key));
    if (!wanted.length) return {};
    progress(this.describe(wanted));
    performance.mark("wasmlit:packages-start");  // the package phase, for benchmarks/packages_load.py
    const remote = wanted.filter((key) => !this.shipped.has(key) && !this.sources.has(key));
    if (remote.length) {
      await this.mergeRemote(remote, packagesUrl);
      performance.mark("wasmlit:packages-lock");  // the distribution's lock fetched and merged
    }
    this.failDependents(wanted);
    const loadable = wanted.filter((key) => !this.failures.has(key));
    const errors = [];
    if (loadable.length) {
      const names = loadable.map((key) => this.packages[key].name);
      try {
        await this.pyodide.loadPackage(names, { checkIntegrity: true, messageCallback: () => {},
          errorCallback: (message) => errors.push(message) });
      } catch (err) {
        errors.push(err.message);
      }
    }
    await Promise.all(loadable.filter((key) => !this.isLoaded(key)).map(async (key) => {
      this.fail(key, await this.diagnose(key, errors));
    }));
    performance.mark("wasmlit:packages-loaded");
    return Object.fromEntries(wanted.filter((key) => this.failures.has(key)).map((key) => [key, this.failures.get(key)]));
  }

  // A package whose dependency cannot be loaded is not loaded either.
  failDependents(keys) {
    for (let changed = true; changed;) {
      changed = false;
      for (const key of keys) {
        if (this.failures.has(key)) continue;
        const missing = this.packages[key].depends.map(normalizeName).find((dep) => this.failures.has(dep));
        if (missing) {
          this.fail(key, `it needs ${this.packages[missing]?.name ?? missing}, which could not be loaded`);
          changed = true;
        }
      }
    }
  }

  fail(key, reason, url = this.sourceOf(key)) {
    this.failures.set(key, `the package ${this.packages[key]?.name ?? key} could not be loaded` +
      (url ? ` from ${url}` : "") + `: ${reason}`);
  }

  sourceOf(key) {
    if (this.sources.has(key)) return this.sources.get(key);
    const entry = this.packages[key];
    return entry && this.shipped.has(key) ? new URL(entry.file_name, assetURL("pyodide/")).href : null;
  }

  // Put the entries of packagesUrl's lock for `keys` into the live lock, with absolute file
  // names; a package that cannot come from there gets its failure.
  async mergeRemote(keys, packagesUrl) {
    if (!packagesUrl) {
      for (const key of keys) {
        this.fail(key, "it is not shipped with this site, and the site names no URL to load packages from " +
          "(build it with --pyodide-packages holding this package, or with --packages-url)");
      }
      return;
    }
    const base = new URL(packagesUrl, PAGE_BASE).href;
    const { lock, error } = await fetchRemoteLock(base);
    const ours = this.pyodide.lockfile.info;
    let problem = error && `its lock, ${error}: the network may be offline, the host unreachable, ` +
      "or the page's Content-Security-Policy may not allow it (connect-src)";
    if (lock && (lock.info?.abi_version !== ours.abi_version || lock.info?.python !== ours.python)) {
      problem = `the distribution there is for ${describeInfo(lock.info ?? {})}, ` +
        `but this page runs Pyodide ${this.pyodide.version} (${describeInfo({ ...ours, version: undefined })})`;
    }
    for (const key of keys) {
      const entry = lock?.packages?.[key];
      if (problem) { this.fail(key, problem, base); continue; }
      if (!entry) { this.fail(key, "the distribution's pyodide-lock.json does not list it", base); continue; }
      const url = new URL(entry.file_name, base).href;
      this.packages[key] = { ...entry, file_name: url };
      this.sources.set(key, url);
      const imports = this.pyodide._api._import_name_to_package_name;
      for (const name of entry.imports ?? []) if (!imports.has(name)) imports.set(name, key);
    }
  }

  // Why loadPackage did not install `key`: its file is missing, unreachable or not what the
  // lock's sha256 says (loadPackage's fetch only says "Failed to fetch"), or installing failed.
  async diagnose(key, errors) {
    const url = this.sourceOf(key) ?? new URL(this.packages[key].file_name, assetURL("pyodide/")).href;
    const installError = errors.filter((e) => !/^The following error occurred/.test(e)).join(" ");
    let response;
    try {
      response = await fetch(url, { cache: "no-store" });
    } catch (err) {
      return `it could not be downloaded (${err.message}: the network may be offline or the host unreachable)`;
    }
    if (!response.ok) return `it could not be downloaded (HTTP ${response.status})`;
    const expected = this.packages[key].sha256;
    if (globalThis.crypto?.subtle && expected) {
      const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", await response.arrayBuffer()));
      const actual = [...digest].map((b) => b.toString(16).padStart(2, "0")).join("");
      if (actual !== expected) {
        return `its sha256 is ${actual}, not ${expected} as the lock says (integrity check failed: ` +
          "the file was changed, or is not the one the lock names)";
      }
    }
    return installError || "it could not be installed";
  }

  // Lock keys of what the app's code imports and is not importable yet (its own modules,
  // the standard library and installed packages left out). `sources`: the app's .py texts;
  // `local`: top-level names of the app's own modules.
  neededBy(sources, local = []) {
    const hook = this.pyodide.pyimport("wasmlit.package_hook");
    const found = hook.missing_imports(this.pyodide.toPy(sources), this.pyodide.toPy(local));
    try {
      const keys = found.toJs().map((name) => this.packageForImport(name)).filter(Boolean);
      return [...new Set(keys)];
    } finally {
      found.destroy();
      hook.destroy();
    }
  }

  // Those of `keys` not installed yet: not loaded, and some import of theirs not importable
  // (a PyPI wheel of the same project, installed by micropip, counts as installed).
  notInstalled(keys) {
    const pending = keys.map(normalizeName).filter((key) => key in this.packages && !this.isLoaded(key));
    if (!pending.length) return [];
    const hook = this.pyodide.pyimport("wasmlit.package_hook");
    const names = pending.flatMap((key) => this.packages[key].imports);
    const found = hook.not_importable(this.pyodide.toPy(names));
    try {
      const missing = new Set(found.toJs());
      return pending.filter((key) => !this.packages[key].imports.length ||
        this.packages[key].imports.some((name) => missing.has(name)));
    } finally {
      found.destroy();
      hook.destroy();
    }
  }

  // Requirement strings split into lock keys (loaded from the distribution) and the rest
  // (for micropip). A version pin other than the distribution's gets a console warning.
  splitRequirements(requirements) {
    const distribution = [];
    const other = [];
    for (const requirement of requirements) {
      const match = /^\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:\[[^\]]*\])?\s*(.*)$/.exec(requirement);
      const key = match && this.keyOf(match[1]);
      if (!key || /^@|;/.test(match[2])) { other.push(requirement); continue; }
      const pinned = /^==\s*([^\s,;]+)$/.exec(match[2]);
      if (pinned && pinned[1] !== this.packages[key].version) {
        console.warn(`wasmlit: ${requirement}: Pyodide's distribution has ${this.packages[key].name} ` +
          `${this.packages[key].version}; that version is used`);
      }
      distribution.push(key);
    }
    return { distribution, other };
  }
}

// The Python-facing side of a Distribution, for wasmlit.package_hook (lazy imports).
export function hookApi(distribution) {
  return {
    // undefined (None in Python), not null (pyodide.ffi.jsnull), when there is none
    packageFor: (name) => distribution.packageForImport(name) ?? undefined,
    isLoaded: (key) => distribution.isLoaded(key),
    failureOf: (key) => distribution.failureOf(key) ?? undefined,
    describe: (key) => distribution.describe(distribution.closure([key])),
    load: async (key) => (await distribution.load([key]))[key],
  };
}
