// h(tag, attrs, ...children): a small element factory (`testid` sets data-testid and a
// class). Attribute values are set with setAttribute and children appended as nodes or
// text, never parsed as HTML.
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === "class") el.className = v;
    else if (k === "testid") el.dataset.testid = v;
    else el.setAttribute(k, v === true ? "" : v);
  }
  // Streamlit's elements carry their test id as a class too (`stAlert` on stAlert), which
  // its e2e tests check and apps' custom CSS targets.
  if (attrs.testid) el.classList.add(attrs.testid);
  for (const c of children) if (c !== null && c !== undefined) el.append(c);
  return el;
}

/** Streamlit's `st-key-<key>` class for an element or container made with `key=`: apps'
 * CSS targets it, and Streamlit's tests find keyed elements by it. @param {string} key */
export function keyClass(key) {
  return `st-key-${key.trim().replace(/[^a-zA-Z0-9_-]/g, "-")}`;
}

/** A widget's user key, as Streamlit's page reads it from the widget id
 * ("$$ID-<hash>-<key>", "None" when the widget has no key). @param {unknown} id */
export function userKeyOf(id) {
  if (typeof id !== "string" || !id.startsWith("$$ID-")) return null;
  const key = id.slice(5).split("-").slice(1).join("-");
  return key && key !== "None" ? key : null;
}

/** Sets `el`'s classes to `classes`, keeping the class its test id gives it (h() adds it). */
export function setClasses(el, classes) {
  el.className = classes;
  if (el.dataset.testid) el.classList.add(el.dataset.testid);
}

/** In the sidebar, 1.50's headings have no id and no anchor link: drop them from `el`'s
 * headings once `el` is in the page (now, or right after the change being applied puts it
 * there). */
export function sidebarHeadingsPlain(el) {
  const strip = () => {
    if (!el.closest("[data-testid='stSidebar']")) return;
    for (const heading of el.querySelectorAll("h1[id], h2[id], h3[id], h4[id], h5[id], h6[id]")) heading.removeAttribute("id");
    for (const link of el.querySelectorAll("a.wl-anchor")) link.remove();
  };
  if (el.isConnected) strip(); else queueMicrotask(strip);
}

let counter = 0;
export function uid(prefix = "wl") {
  counter += 1;
  return `${prefix}-${counter}`;
}

const SVG_NS = "http://www.w3.org/2000/svg";

// A decorative icon: one path on a 24x24 grid, in the text's colour, hidden from
// assistive technology (the control around it carries the name).
export function svgIcon(pathData, { cls = null, size = null } = {}) {
  const svg = document.createElementNS(SVG_NS, "svg");
  svg.setAttribute("viewBox", "0 0 24 24");
  svg.setAttribute("aria-hidden", "true");
  svg.setAttribute("focusable", "false");
  svg.setAttribute("fill", "currentColor");
  if (cls) svg.setAttribute("class", cls);
  if (size) { svg.setAttribute("width", String(size)); svg.setAttribute("height", String(size)); }
  const path = document.createElementNS(SVG_NS, "path");
  path.setAttribute("d", pathData);
  svg.append(path);
  return svg;
}

const SAFE_SCHEMES = new Set(["http:", "https:", "mailto:", "tel:"]);
/** `url` when following it cannot run script in the page: an http(s), mailto or tel URL,
 * or a relative one (resolved against the page; "#anchor" and "/path" included); null for
 * anything else (javascript:, data:, vbscript:, file:, ... however spelled or padded). */
export function safeUrl(url) {
  if (typeof url !== "string") return null;
  try {
    return SAFE_SCHEMES.has(new URL(url, document.baseURI).protocol) ? url : null;
  } catch {
    return null;
  }
}

/** Attributes an <iframe> of another site needs on a cross-origin isolated page (COEP
 * credentialless, as build.py --serve sends): it loads without credentials instead of being
 * blocked. Nothing on a page that is not isolated. */
export function isolatedFrameAttrs() {
  return globalThis.crossOriginIsolated ? { credentialless: true } : {};
}
