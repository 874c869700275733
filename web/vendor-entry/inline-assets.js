// One-file pages (build.py --single-file): serves the files the page carries inline, in
// <script type="application/json" id="wasmlit-assets"> as {relative path: [type, base64]},
// to fetch() and to import() (wasmlit.js asks wasmlitAssetURL for a blob: URL), so the
// page runs from file:// where the browser fetches nothing beside it. Classic script,
// run before wasmlit.js.
(() => {
  const assets = JSON.parse(document.getElementById("wasmlit-assets").textContent);
  const base = new URL(".", document.baseURI).href;
  const blobs = new Map();

  function lookup(url) {
    // The asset's relative path if url names one of the inline files, else null.
    let href;
    try { href = new URL(url, document.baseURI).href; } catch { return null; }
    const rel = href.startsWith(base) ? decodeURIComponent(href.slice(base.length)) : null;
    return rel !== null && Object.hasOwn(assets, rel) ? rel : null;
  }

  function bytes(rel) {
    const text = atob(assets[rel][1]);
    const out = new Uint8Array(text.length);
    for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i);
    return out;
  }

  const realFetch = globalThis.fetch.bind(globalThis);
  globalThis.fetch = (input, init) => {
    const rel = lookup(input instanceof Request ? input.url : String(input));
    if (rel === null) return realFetch(input, init);
    const method = (init?.method ?? (input instanceof Request ? input.method : "GET")).toUpperCase();
    const body = method === "HEAD" ? null : bytes(rel);
    return Promise.resolve(new Response(body, { status: 200, headers: { "Content-Type": assets[rel][0] } }));
  };

  globalThis.wasmlitAssetURL = (url) => {
    const rel = lookup(url);
    if (rel === null) return undefined;
    if (!blobs.has(rel)) blobs.set(rel, URL.createObjectURL(new Blob([bytes(rel)], { type: assets[rel][0] })));
    return blobs.get(rel);
  };
})();
