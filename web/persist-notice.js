// The notice an app with a persistent folder shows when the browser will not keep its files
// (storage refused, or full): in the page's toast corner, as a warning that stays until
// closed, so it never covers or blocks the app. The console has the browser's reason
// (persistent-folder.js).
import { h } from "./dom.js";

const WHY = {
  refused: "This browser refused to store this app's files",
  full: "The browser's storage for this site is full",
  failed: "The browser could not store this app's files",
};

/**
 * @param {HTMLElement} toasts  the app's toast area (AppView.toasts)
 * @param {{kind: "refused" | "full" | "failed", dir: string}} trouble
 */
export function showPersistNotice(toasts, { kind, dir }) {
  const message = `${WHY[kind]}, so files it saves in ${dir}/ last only until this page is closed.`;
  const close = h("button", { type: "button", class: "wl-toast-close", "aria-label": "Close" });
  const notice = h("div", { testid: "stPersistNotice", role: "status", class: "wl-toast wl-persist-notice" },
    h("span", { class: "wl-icon", "aria-hidden": "true" }, "⚠️"), h("div", { class: "wl-persist-notice-text" }, message), close);
  close.addEventListener("click", () => notice.remove());
  toasts.append(notice);
  return notice;
}
