// st.pdf: pdf.js (dist/pdf.js, imported the first time a page shows a PDF) draws each page
// on a canvas in a scrollable box of the element's height. As Streamlit 1.50 (whose
// streamlit-pdf component runs pdf.js in an iframe), the viewer sits in an
// <iframe data-testid="stCustomComponentV1" title="streamlit_pdf.pdf_viewer"> holding
// pdf-container > pdf-content > pdf-document-container > [data-page-number] > canvas, so
// tests written against Streamlit find it. Here the iframe is an empty same-origin document
// the page draws into: nothing runs inside it (sandboxed without scripts), and pdf.js's
// worker, fonts, CMaps and decoders come from the site (dist/pdfjs/), never a CDN.
import { h } from "../dom.js";
import { assetURL } from "../assets.js";

/** @type {Promise<any> | null} */
let pdfjsReady = null;
function loadPdfjs() {
  pdfjsReady ??= import(assetURL("pdf.js")).then((lib) => {
    lib.GlobalWorkerOptions.workerSrc = assetURL("pdfjs/pdf.worker.min.mjs");
    return lib;
  });
  return pdfjsReady;
}

const ZOOM_MIN = 0.5;
const ZOOM_MAX = 3;
const ZOOM_STEP = 0.25;
const PAGE_GAP = 12;     // px between pages
const RENDER_MARGIN = 600;  // px beyond the visible part of the box whose pages are drawn

const VIEWER_CSS = `
html, body { margin: 0; padding: 0; background: transparent; }
body { font-family: var(--font, sans-serif); color: var(--text, #31333f); }
.container { position: relative; }
.content { overflow: auto; box-sizing: border-box; border-radius: 0.5rem; background: #f0f2f6; }
.document { display: flex; flex-direction: column; align-items: center; gap: ${PAGE_GAP}px;
  padding: ${PAGE_GAP}px 16px; }
.page { position: relative; background: white; box-shadow: 0 1px 4px rgba(0, 0, 0, 0.2); flex: none; }
.page canvas { display: block; user-select: none; }
.zoom { position: absolute; top: 8px; right: 20px; z-index: 1; display: flex; flex-direction: column;
  gap: 4px; opacity: 0; transition: opacity 0.2s; }
.container:hover .zoom, .zoom:focus-within { opacity: 1; }
.zoom button { width: 32px; height: 32px; padding: 6px; border: 1px solid rgba(49, 51, 63, 0.2);
  border-radius: 0.5rem; background: white; color: inherit; cursor: pointer; }
.zoom button:disabled { opacity: 0.4; cursor: default; }
.zoom svg { width: 100%; height: 100%; display: block; }
.message { display: flex; align-items: center; justify-content: center; text-align: center;
  height: 100%; min-height: 120px; padding: 1rem; box-sizing: border-box; }
.message h3 { margin: 0 0 0.5rem; font-size: 1rem; }
.message p { margin: 0; font-size: 0.875rem; opacity: 0.8; }
`;

const ZOOM_IN_PATH = "M14.5 8.5c-.8 0-1.5.7-1.5 1.5v3h-3c-.8 0-1.5.7-1.5 1.5S9.2 16 10 16h3v3c0 .8.7 " +
  "1.5 1.5 1.5S16 19.8 16 19v-3h3c.8 0 1.5-.7 1.5-1.5S19.8 13 19 13h-3v-3c0-.8-.7-1.5-1.5-1.5z";
const ZOOM_OUT_PATH = "M10 13c-.8 0-1.5.7-1.5 1.5S9.2 16 10 16h9c.8 0 1.5-.7 1.5-1.5S19.8 13 19 13z";

function bytesOf(base64) {
  const text = atob(base64);
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return bytes;
}

// What went wrong, in words a reader can act on (as the streamlit-pdf viewer words them).
function explain(err) {
  const message = String((err && err.message) || err);
  const lower = message.toLowerCase();
  const has = (...words) => words.some((w) => lower.includes(w));
  if (has("cors", "cross-origin")) {
    return ["Unable to load PDF from external source", "The PDF is hosted on a different domain " +
      "that doesn't allow cross-origin requests. Try downloading the PDF and uploading it " +
      "directly, or ask the website owner to enable CORS."];
  }
  if (has("invalid pdf", "pdf header", "not a pdf")) {
    return ["Invalid PDF file", "The file doesn't appear to be a valid PDF. Please check that the " +
      "file is not corrupted and is actually a PDF document."];
  }
  if (has("network", "fetch", "load")) {
    return ["Network error loading PDF", "Unable to download the PDF. This could be due to network " +
      "issues or CORS restrictions. Please check your internet connection."];
  }
  if (has("not found", "404")) {
    return ["PDF not found", "The PDF file could not be found at the specified location. Please " +
      "check the URL or file path."];
  }
  if (has("unauthorized", "401", "403")) {
    return ["Access denied", "You don't have permission to access this PDF."];
  }
  return ["Unable to load PDF", `Error details: ${message}`];
}

// One document's viewer, drawn into the iframe's (empty, same-origin) document `doc`.
function pdfViewer(doc, props, frame) {
  const make = (tag, attrs = {}, ...children) => {
    const el = doc.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) {
      if (k === "testid") el.dataset.testid = v;
      else el.setAttribute(k, v);
    }
    el.append(...children);
    return el;
  };
  const icon = (d) => {
    const svg = doc.createElementNS("http://www.w3.org/2000/svg", "svg");
    svg.setAttribute("viewBox", "0 0 29 29");
    svg.setAttribute("fill", "currentColor");
    svg.setAttribute("aria-hidden", "true");
    const path = doc.createElementNS("http://www.w3.org/2000/svg", "path");
    path.setAttribute("d", d);
    svg.append(path);
    return svg;
  };
  const style = getComputedStyle(frame);
  doc.documentElement.style.setProperty("--font", style.fontFamily);
  doc.documentElement.style.setProperty("--text", style.color);
  doc.head.append(make("style", {}, VIEWER_CSS));

  const stretch = typeof props.height !== "number";
  const content = make("div", { class: "content", testid: "pdf-content" });
  if (!stretch) content.style.height = `${props.height}px`;
  const loading = make("div", { class: "message", testid: "pdf-loading" }, make("p", {}, "Loading PDF..."));
  const zoomIn = make("button", { type: "button", title: "Zoom In", "aria-label": "Zoom In" }, icon(ZOOM_IN_PATH));
  const zoomOut = make("button", { type: "button", title: "Zoom Out", "aria-label": "Zoom Out" }, icon(ZOOM_OUT_PATH));
  const zoomBar = make("div", { class: "zoom" }, zoomIn, zoomOut);
  const documentBox = make("div", { class: "document", testid: "pdf-document-container" });
  content.append(loading, documentBox);
  const container = make("div", { class: "container", testid: "pdf-container" }, content);
  doc.body.replaceChildren(container);

  // The frame is as tall as the viewer (a stretch viewer shows every page, unscrolled).
  const fitFrame = () => {
    frame.height = String(container.offsetHeight);
    frame.style.height = `${container.offsetHeight}px`;
  };
  fitFrame();

  let zoom = 1;
  let pdf = null;
  let destroyed = false;
  /** @type {{page: any, box: HTMLElement, drawn: number, task: any}[]} */
  let pages = [];

  const layOut = () => {
    for (const item of pages) {
      const viewport = item.page.getViewport({ scale: zoom });
      item.box.style.width = `${Math.floor(viewport.width)}px`;
      item.box.style.height = `${Math.floor(viewport.height)}px`;
    }
    zoomIn.disabled = zoom >= ZOOM_MAX;
    zoomOut.disabled = zoom <= ZOOM_MIN;
    fitFrame();
  };

  const drawPage = (item) => {
    if (item.drawn === zoom || destroyed) return;
    if (item.task) item.task.cancel();
    const scale = zoom;
    const ratio = frame.ownerDocument.defaultView?.devicePixelRatio || 1;
    const viewport = item.page.getViewport({ scale });
    const canvas = make("canvas");
    canvas.width = Math.floor(viewport.width * ratio);
    canvas.height = Math.floor(viewport.height * ratio);
    canvas.style.width = `${Math.floor(viewport.width)}px`;
    canvas.style.height = `${Math.floor(viewport.height)}px`;
    item.drawn = scale;
    item.task = item.page.render({ canvas, viewport, transform: ratio === 1 ? undefined : [ratio, 0, 0, ratio, 0, 0] });
    item.task.promise.then(() => {
      if (item.drawn === scale) item.box.replaceChildren(canvas);
    }, (err) => {
      if (err && err.name !== "RenderingCancelledException") console.error("st.pdf: a page could not be drawn:", err);
      if (item.drawn === scale) item.drawn = 0;
    });
  };

  // Draw the pages in (or near) view of the scrollable box; the rest wait for a scroll.
  const drawVisible = () => {
    const top = (stretch ? 0 : content.scrollTop) - RENDER_MARGIN;
    const bottom = (stretch ? Infinity : content.scrollTop + content.clientHeight) + RENDER_MARGIN;
    for (const item of pages) {
      const start = item.box.offsetTop - content.offsetTop;
      if (start + item.box.offsetHeight >= top && start <= bottom) drawPage(item);
    }
  };

  const setZoom = (value) => {
    zoom = Math.min(ZOOM_MAX, Math.max(ZOOM_MIN, value));
    layOut();
    drawVisible();
  };
  zoomIn.addEventListener("click", () => setZoom(zoom + ZOOM_STEP));
  zoomOut.addEventListener("click", () => setZoom(zoom - ZOOM_STEP));
  content.addEventListener("scroll", drawVisible, { passive: true });

  const showError = (err) => {
    const [main, help] = explain(err);
    loading.remove();
    documentBox.remove();
    content.append(make("div", { class: "message", testid: "pdf-error" },
      make("div", {}, make("h3", {}, main), make("p", {}, help))));
    fitFrame();
  };

  const open = async () => {
    const lib = await loadPdfjs();
    const source = props.url ? { url: props.url } : { data: bytesOf(props.data || "") };
    const task = lib.getDocument({
      ...source, ownerDocument: doc, disableWorkerRendering: true, useWorkerFetch: false,
      cMapUrl: assetURL("pdfjs/cmaps/"), cMapPacked: true,
      standardFontDataUrl: assetURL("pdfjs/standard_fonts/"), wasmUrl: assetURL("pdfjs/wasm/"),
    });
    pdf = await task.promise;
    if (destroyed) { pdf.destroy(); return; }
    const all = [];
    for (let n = 1; n <= pdf.numPages; n++) all.push(pdf.getPage(n));
    const loaded = await Promise.all(all);
    if (destroyed) return;
    pages = loaded.map((page, i) => ({
      page, box: make("div", { class: "page", "data-page-number": String(i + 1) }), drawn: 0, task: null }));
    loading.remove();
    documentBox.replaceChildren(...pages.map((item) => item.box));
    container.prepend(zoomBar);
    layOut();
    drawVisible();
  };
  open().catch(showError);

  return {
    destroy() {
      destroyed = true;
      for (const item of pages) if (item.task) item.task.cancel();
      if (pdf) pdf.destroy();
    },
  };
}

/** @satisfies {import("../protocol").SomeElementBuilders} */
export const BUILDERS = {
  pdf(props) {
    const frame = /** @type {HTMLIFrameElement} */ (h("iframe", {
      testid: "stCustomComponentV1", class: "stCustomComponentV1 wl-pdf-frame",
      title: "streamlit_pdf.pdf_viewer", sandbox: "allow-same-origin", scrolling: "no",
    }));
    frame.height = String(typeof props.height === "number" ? props.height : 500);
    frame.style.height = `${frame.height}px`;
    /** @type {{destroy(): void} | null} */
    let viewer = null;
    // The iframe's empty document is made (and `load` fires) each time the iframe enters
    // the page, so the viewer is drawn afresh then.
    frame.addEventListener("load", () => {
      if (viewer) viewer.destroy();
      const doc = frame.contentDocument;
      viewer = doc ? pdfViewer(doc, props, frame) : null;
    });
    return {
      el: frame,
      dispose() {
        if (viewer) viewer.destroy();
        viewer = null;
      },
    };
  },
};
