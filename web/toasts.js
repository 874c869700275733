// st.toast: a note in the page's corner, as Streamlit 1.50 shows it: the newest first in the
// stack, a long text cut after about 104 characters with "view more" / "view less"
// (stToastViewButton), a close button, and gone after its seconds — but not while the
// pointer is over it (the countdown starts again when the pointer leaves).
import { h } from "./dom.js";
import { materialName, materialSpan } from "./icons.js";

const CUT = 104;  // characters a collapsed toast shows (1.50's limit)
const SVG = "http://www.w3.org/2000/svg";

/** The text a long toast shows collapsed: up to the end of the word at CUT characters,
 * or, when that word runs on, the whole words before CUT. Short texts are kept whole.
 * @param {string} body */
export function collapsedText(body) {
  if (body.length <= CUT) return body;
  let cut = body.slice(0, CUT) + (body.slice(CUT).match(/^\S*/)?.[0] ?? "");
  if (cut.length > CUT) cut = body.slice(0, CUT).split(" ").slice(0, -1).join(" ");
  return cut.trim();
}

// The close button's × (an SVG whose title names it, as baseweb's toast close icon).
function closeIcon() {
  const svg = document.createElementNS(SVG, "svg");
  svg.setAttribute("viewBox", "0 0 24 24");
  svg.setAttribute("class", "wl-toast-close-icon");
  const title = document.createElementNS(SVG, "title");
  title.textContent = "Close";
  const path = document.createElementNS(SVG, "path");
  path.setAttribute("d", "M7 7l10 10M17 7L7 17");
  svg.append(title, path);
  return svg;
}

/**
 * @param {HTMLElement} toasts  the page's toast area
 * @param {{ body: string, icon?: string | null, seconds?: number | null }} toast
 * @param {(el: Element, body: string) => void} renderMarkdown
 * @returns {HTMLElement} the toast
 */
export function showToast(toasts, { body, icon, seconds }, renderMarkdown) {
  const short = collapsedText(body);
  const text = h("div", { testid: "stToastText", class: "wl-toast-text" });
  const column = h("div", { class: "wl-toast-body" }, text);
  let expanded = short === body;
  const draw = () => {
    text.replaceChildren();
    renderMarkdown(text, expanded ? body : short);
  };
  if (short !== body) {
    const view = h("button", { type: "button", testid: "stToastViewButton", class: "wl-toast-view" }, "view more");
    view.addEventListener("click", () => {
      expanded = !expanded;
      view.textContent = expanded ? "view less" : "view more";
      draw();
    });
    column.append(view);
  }
  draw();
  const close = h("button", { type: "button", class: "wl-toast-close", "aria-label": "Close" }, closeIcon());
  const row = h("div", { class: "wl-toast-row" });
  const material = materialName(icon);
  if (material) row.append(materialSpan(material, "stToastDynamicIcon"));
  else if (icon) row.append(h("span", { testid: "stToastDynamicIcon", class: "wl-icon wl-toast-icon", "aria-hidden": "true" }, icon));
  row.append(column);
  const el = h("div", { testid: "stToast", role: "status", class: "wl-toast" }, row, close);
  close.addEventListener("click", () => el.remove());
  toasts.prepend(el);
  if (!seconds) return el;
  let timer = 0;
  const countdown = () => { timer = window.setTimeout(() => el.remove(), seconds * 1000); };
  el.addEventListener("pointerenter", () => clearTimeout(timer));
  el.addEventListener("pointerleave", countdown);
  countdown();
  return el;
}
