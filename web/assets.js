// Where the site's files are: BASE is the site's folder (this module sits at its top, and
// so does a one-file page's bundle). assetURL(rel) is the URL to import() a file the site
// ships; a one-file page (build.py --single-file) serves the files it carries inline as
// blob: URLs through globalThis.wasmlitAssetURL.
// In the Python worker (python-worker.js), started from a blob: URL on a one-file page or
// for a page of another origin, the page tells both (useBase): there import.meta.url is no
// site URL, and there is no document.
// (The worker is a classic script, where import.meta has no url, and may start from a blob:
// URL, which has no folder: the page tells it.)
export let BASE = folderOf(import.meta.url || globalThis.location?.href);
// What relative URLs an app names (a packages URL, a snippet's src) are relative to.
export let PAGE_BASE = globalThis.document ? globalThis.document.baseURI : BASE.href;

/** @param {string} base  the site's folder  @param {string} pageBase  the page's base URL */
export function useBase(base, pageBase) {
  BASE = new URL(base);
  PAGE_BASE = pageBase;
}

function folderOf(url) {
  try {
    return new URL(".", url);
  } catch {
    return new URL("about:blank");
  }
}

export function assetURL(rel) {
  const url = new URL(rel, BASE).href;
  return globalThis.wasmlitAssetURL?.(url) ?? url;
}
