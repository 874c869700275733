// Which stored folder an app's `persist` option names (the worker keeps it: persistent-folder.js).
// One IndexedDB database per key, and a key is
//   "<scope> <entry file name> <folder>"
// where scope is the site's folder (a built site, whichever of its pages is open), the
// page's own path (a one-file page: all file:// pages share one origin) or the page's
// folder (an app an embedder mounts). Two sites on one origin, and two apps with different
// entry files on one page, never share a folder; a second app on the page with the same
// entry name and folder gets its own key (" #2", in mount order; freed when it unmounts).
const used = new Set();

/** The folder `persist` names, made plain ("./data/" is "data"); an Error for a folder
 * outside the app's (absolute, with ..) or none at all. @param {unknown} dir */
export function checkedPersistDir(dir) {
  if (typeof dir !== "string" || !dir.trim()) throw new Error("persist needs a folder name, e.g. \"data\"");
  if (dir.startsWith("/") || /^[A-Za-z]:(\/|$)/.test(dir) || dir.includes("\\")) {
    throw new Error(`persist: ${JSON.stringify(dir)} must be a folder relative to the app's, with / between names`);
  }
  const parts = dir.split("/").filter((part) => part && part !== ".");
  if (parts.includes("..")) throw new Error(`persist: ${JSON.stringify(dir)} must not leave the app's folder (..)`);
  if (!parts.length) throw new Error(`persist: ${JSON.stringify(dir)} names the app's own folder; name a folder inside it`);
  return parts.join("/");
}

/**
 * @param {unknown} dir  the persist option
 * @param {string} filename  the app's entry file name
 * @param {string} [scope]  the site's folder (a built site's app); default: see above
 * @returns {import("./protocol").PersistArgs}
 */
export function persistArgs(dir, filename, scope) {
  const folder = checkedPersistDir(dir);
  if (globalThis.wasmlitAssetURL) scope = location.pathname;
  scope ??= new URL(".", document.baseURI).pathname;
  const base = `${scope} ${filename} ${folder}`;
  let key = base;
  for (let n = 2; used.has(key); n++) key = `${base} #${n}`;
  used.add(key);
  return { dir: folder, key };
}

/** The app that held `key` unmounted. @param {string} key */
export function releasePersistKey(key) {
  used.delete(key);
}
