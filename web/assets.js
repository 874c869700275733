// Where the site's files are: BASE is the site's folder (this module sits at its top, and
// so does a one-file page's bundle). assetURL(rel) is the URL to import() a file the site
// ships; a one-file page (build.py --single-file) serves the files it carries inline as
// blob: URLs through globalThis.wasmlitAssetURL.
export const BASE = new URL(".", import.meta.url);

export function assetURL(rel) {
  const url = new URL(rel, BASE).href;
  return globalThis.wasmlitAssetURL?.(url) ?? url;
}
