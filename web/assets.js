// Where the site's files are: BASE is the site's folder, the folder of the page's entry
// module (site-names.js tells it: this module may sit in a shared chunk under chunks/; a
// one-file page's bundle is the page). assetURL(rel) is the URL to import() a file the site
// ships; a one-file page (build.py --single-file) serves the files it carries inline as
// blob: URLs through globalThis.wasmlitAssetURL.
// In the Python worker (python-worker.js), started from a blob: URL on a one-file page or
// for a page of another origin, the page tells both (useBase): there import.meta.url is no
// site URL, and there is no document.
// (The worker is a classic script, where import.meta has no url, and may start from a blob:
// URL, which has no folder: the page tells it.)
export let BASE = folderOf(import.meta.url || globalThis.location?.href);
// A built site's files carry a hash of their content in their names, so hosts may cache them
// for good (buildlib/hashed_names.py): the build writes {rel: hashed rel} over a placeholder
// in the page's entry module (site-names.js), a folder's files through the folder's entry
// ("pyodide/": "pyodide-1a2b3c4d/"). The worker gets the page's (useBase). Without one (dist/
// as built, the dev server, a one-file page) every file has its plain name.
/** @type {Record<string, string>} */
export let NAMES = {};
// What relative URLs an app names (a packages URL, a snippet's src) are relative to.
export let PAGE_BASE = globalThis.document ? globalThis.document.baseURI : BASE.href;

/** @param {string} base  the site's folder  @param {string} pageBase  the page's base URL
 * @param {Record<string, string>} [names]  the page's hashed names (NAMES) */
export function useBase(base, pageBase, names) {
  BASE = new URL(base);
  PAGE_BASE = pageBase;
  if (names) NAMES = names;
}

/** The page's entry module is at entryURL; the build named the site's files `names`.
 * @param {string} entryURL @param {Record<string, string>} names */
export function useSite(entryURL, names) {
  BASE = folderOf(entryURL || globalThis.location?.href);
  NAMES = names;
}

function folderOf(url) {
  try {
    return new URL(".", url);
  } catch {
    return new URL("about:blank");
  }
}

/** The name the site gives the file rel (a path relative to the site's folder). */
function hashedName(rel) {
  if (Object.hasOwn(NAMES, rel)) return NAMES[rel];
  const folder = rel.slice(0, rel.indexOf("/") + 1);
  return folder && Object.hasOwn(NAMES, folder) ? NAMES[folder] + rel.slice(folder.length) : rel;
}

export function assetURL(rel) {
  const url = new URL(hashedName(rel), BASE).href;
  return globalThis.wasmlitAssetURL?.(url) ?? url;
}
