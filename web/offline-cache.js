// The offline cache of a site built with --offline-cache (buildlib/offline_cache.py): the
// app's element names the site's service worker (data-wasmlit-offline-cache="sw.js"), which
// keeps every file of the site for instant repeat visits and use with no network. The
// service worker also answers the Python worker's requests (a dedicated worker of the same
// origin is controlled by its page's service worker).
import { BASE } from "./assets.js";

const MARKER = "data-wasmlit-offline-cache";

/**
 * Register the site's service worker, when the page asks for one and can have one (a secure
 * context with navigator.serviceWorker: https or localhost, not file:// nor a one-file page).
 * After the page's load event, so that caching the site does not slow its first start.
 * Never throws.
 * @returns {Promise<ServiceWorkerRegistration | null>}
 */
export async function registerOfflineCache() {
  try {
    if (!offlineCacheKeepsSite()) return null;
    const element = /** @type {Element} */ (document.querySelector(`[${MARKER}]`));
    if (document.readyState !== "complete") {
      await new Promise((resolve) => addEventListener("load", resolve, { once: true }));
    }
    // The worker sits at the site's root (where wasmlit.js is); its scope is the site's folder.
    const script = new URL(element.getAttribute(MARKER), BASE);
    return await navigator.serviceWorker.register(script.href, { scope: BASE.href });
  } catch (err) {
    console.warn("wasmlit: the offline cache could not be set up", err);
    return null;
  }
}

/** Whether this page has the site's service worker keep every file of the site (then the
 * Python worker leaves keeping the snapshot for the next visit to it: python-start.js). */
export function offlineCacheKeepsSite() {
  return Boolean(globalThis.document?.querySelector(`[${MARKER}]`) && globalThis.isSecureContext &&
    globalThis.navigator?.serviceWorker);
}
