// wasmlit loader: starts Pyodide from ./pyodide/, loads the wasmlit wheel offline, and
// mounts apps. Every element with a `data-wasmlit-app="app.py"` attribute on the page is
// mounted automatically; `mount(element, {code, filename})` does it by hand. An app whose
// site has a secrets.toml says so with `data-wasmlit-secrets="secrets.toml"` (build.py
// writes it); its text becomes st.secrets (`mount(element, {..., secrets})` by hand).
// A multi-file app has `data-wasmlit-files="files.json"` (its files, beside the entry):
// they are written into Pyodide's file system under APP_HOME, where the app runs.
// A one-file page (build.py --single-file) defines globalThis.wasmlitAssetURL, which
// turns the URL of a file it carries inline into a blob: URL for import().
import { AppView } from "./render.js";

const BASE = new URL(".", import.meta.url);
const APP_HOME = "/home/pyodide/app";
const assetURL = (rel) => globalThis.wasmlitAssetURL?.(new URL(rel, BASE).href) ?? new URL(rel, BASE).href;
let pyodideReady = null;
let markdownReady = null;

function loadMarkdown() {
  // Streamlit's Markdown (markdown.js), plus Prism, KaTeX and DOMPurify for st.code,
  // math and st.html; KaTeX's stylesheet (with its fonts) comes from the site's katex/.
  markdownReady ??= import(assetURL("markdown.js")).then((lib) => {
    if (!document.querySelector("[data-wasmlit-katex]")) {
      const link = Object.assign(document.createElement("link"),
        { rel: "stylesheet", href: new URL("katex/katex.min.css", BASE).href });
      link.dataset.wasmlitKatex = "";
      document.head.append(link);
    }
    return { safe: lib.createMarkdown(false), html: lib.createMarkdown(true),
      highlight: lib.highlight, latex: lib.renderLatex, sanitize: lib.sanitizeHtml,
      sanitizeMarkdown: lib.sanitizeMarkdownHtml };
  });
  return markdownReady;
}

function loadRuntime(progress) {
  pyodideReady ??= (async () => {
    progress("Loading Python…");
    const { loadPyodide } = await import(assetURL("pyodide/pyodide.mjs"));
    const options = { indexURL: new URL("pyodide/", BASE).href };
    if (globalThis.wasmlitAssetURL) options.createPyodideModule = (await import(assetURL("pyodide/pyodide.asm.mjs"))).default;
    // Pyodide never settles when its .wasm cannot be fetched, so check that file beside it.
    const wasm = new URL("pyodide/pyodide.asm.wasm", BASE).href;
    const wasmMissing = fetch(wasm, { method: "HEAD" }).then((r) => {
      if (!r.ok) throw new Error(`${wasm}: HTTP ${r.status}`);
      return new Promise(() => {});
    });
    const pyodide = await Promise.race([loadPyodide(options), wasmMissing]);
    progress("Loading wasmlit…");
    await pyodide.loadPackage("wasmlit", { messageCallback: () => {} });
    return pyodide;
  })();
  return pyodideReady;
}

function showLoading(element) {
  const box = document.createElement("div");
  box.className = "wl-loading";
  box.setAttribute("role", "progressbar");
  box.setAttribute("aria-busy", "true");
  const spinner = document.createElement("i");
  spinner.className = "wl-spinner-icon";
  const text = document.createElement("span");
  box.append(spinner, text);
  element.replaceChildren(box);
  return {
    progress(message) { text.textContent = message; box.setAttribute("aria-label", message); },
    fail(message) {
      box.className = "wl-load-error";
      box.setAttribute("role", "alert");
      box.removeAttribute("aria-busy");
      spinner.remove();
      text.textContent = message;
    },
  };
}

export async function mount(element, { code, filename = "app.py", secrets, theme, files } = {}) {
  const loading = showLoading(element);
  try {
    const [pyodide, markdown] = await Promise.all([loadRuntime(loading.progress), loadMarkdown()]);
    loading.progress("Starting app…");
    const view = new AppView(element, { markdown, theme });
    if (secrets !== undefined) pyodide.pyimport("wasmlit").secrets.load_text(secrets);  // st.secrets
    const bridge = pyodide.pyimport("wasmlit.bridge");
    if (files) {  // {relative path: Uint8Array}: the app's folder
      for (const [rel, data] of Object.entries(files)) {
        const path = `${APP_HOME}/${rel}`;
        pyodide.FS.mkdirTree(path.slice(0, path.lastIndexOf("/")));
        pyodide.FS.writeFile(path, data);
      }
    }
    bridge.start(view, code, filename, files ? APP_HOME : null);
    return view;
  } catch (err) {
    console.error("wasmlit: loading failed", err);
    loading.fail(`This app could not be loaded: ${err && err.message ? err.message : err}`);
    throw err;
  }
}

async function mountFromAttribute(element) {
  const src = element.getAttribute("data-wasmlit-app");
  const secretsSrc = element.getAttribute("data-wasmlit-secrets");
  let theme;  // the [theme] of .streamlit/config.toml, as JSON (build.py writes it)
  try { theme = JSON.parse(element.getAttribute("data-wasmlit-theme") || "null") || undefined; } catch { theme = undefined; }
  const filesSrc = element.getAttribute("data-wasmlit-files");
  let code;
  let secrets;
  let files;
  try {
    code = await fetchText(src);
    if (secretsSrc) secrets = await fetchText(secretsSrc);
    if (filesSrc) files = await fetchFiles(filesSrc, src);
  } catch (err) {
    showLoading(element).fail(`This app could not be loaded: ${err.message}`);
    return;
  }
  await mount(element, { code, filename: src.split("/").pop(), secrets, theme, files }).catch(() => {});
}

async function fetchFiles(manifestSrc, entrySrc) {
  // Every file files.json lists (paths relative to the app's folder, which holds the entry
  // or the subfolder it sits in), fetched: {relative path: Uint8Array}.
  const { entry, files } = JSON.parse(await fetchText(manifestSrc));
  const up = "../".repeat(entry.split("/").length - 1);  // the entry may sit in a subfolder
  const folder = new URL(`./${up}`, new URL(entrySrc, document.baseURI));
  const fetched = await Promise.all(files.map(async (rel) => {
    const response = await fetch(new URL(rel.split("/").map(encodeURIComponent).join("/"), folder));
    if (!response.ok) throw new Error(`${rel}: HTTP ${response.status}`);
    return [rel, new Uint8Array(await response.arrayBuffer())];
  }));
  return Object.fromEntries(fetched);
}

async function fetchText(src) {
  const response = await fetch(new URL(src, document.baseURI));
  if (!response.ok) throw new Error(`${src}: HTTP ${response.status}`);
  return response.text();
}

for (const element of document.querySelectorAll("[data-wasmlit-app]")) mountFromAttribute(element);
