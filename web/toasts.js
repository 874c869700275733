// st.toast: a note in the page's corner, closed by its × or after its seconds.
import { h } from "./dom.js";
import { materialName, materialSpan } from "./icons.js";

/**
 * @param {HTMLElement} toasts  the page's toast area
 * @param {import("./protocol").ToastChange} change
 * @param {(el: Element, body: string) => void} renderMarkdown
 */
export function showToast(toasts, { body, icon, seconds }, renderMarkdown) {
  const text = h("div", { testid: "stToastText" });
  renderMarkdown(text, body);
  // The × is drawn by CSS (Streamlit's is an SVG), so it adds no text to the toast.
  const close = h("button", { type: "button", class: "wl-toast-close", "aria-label": "Close" });
  const el = h("div", { testid: "stToast", role: "status", class: "wl-toast" });
  const material = materialName(icon);
  if (material) el.append(materialSpan(material, "stToastDynamicIcon"));
  else if (icon) el.append(h("span", { testid: "stToastDynamicIcon", class: "wl-icon", "aria-hidden": "true" }, icon));
  el.append(text, close);
  close.addEventListener("click", () => el.remove());
  toasts.append(el);
  if (seconds) setTimeout(() => el.remove(), seconds * 1000);
}
