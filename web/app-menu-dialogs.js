// The dialogs the app menu opens (app-menu.js), drawn as Streamlit 1.50 draws its own:
// Settings (Wide mode, the theme choice, the version line) and About. Each is a modal in
// the app's root (so the app's theme colours it) with 1.50's hooks: stDialog >
// role=dialog (aria-label "dialog") with a "Close" button; the theme choice is an
// stSelectbox, the version line stVersionInfo. Escape, the close button or a click
// outside closes it; focus comes back to where it was.
import { h } from "./dom.js";
import { assetURL } from "./assets.js";
import { buildSelect } from "./widgets/choice-select.js";

/** The Streamlit release wasmlit follows (runtime/wasmlit/version.py's; a test keeps them equal). */
export const STREAMLIT_RELEASE = "1.50.0";

let wasmlitVersion = null;  // a promise of wasmlit's version (the site's lock names its wheel's)

/** wasmlit's version, as the site ships it (the wasmlit wheel in pyodide-lock.json); "" when
 * the lock cannot be read. */
export function loadWasmlitVersion() {
  wasmlitVersion ??= fetch(assetURL("pyodide/pyodide-lock.json"))
    .then((response) => (response.ok ? response.json() : null))
    .then((lock) => String(lock?.packages?.wasmlit?.version ?? ""))
    .catch(() => "");
  return wasmlitVersion;
}

/** "Made with wasmlit 0.1.0 (Streamlit 1.50.0 compatible)", as `wasmlit --version` says it. */
function versionLine(version) {
  return `Made with wasmlit${version ? ` ${version}` : ""} (Streamlit ${STREAMLIT_RELEASE} compatible)`;
}

/** Closes the open menu dialog, if any. @param {HTMLElement} app */
export function closeMenuDialog(app) {
  const open = app.querySelector(":scope > .wl-menu-dialog");
  if (open) open.dispatchEvent(new Event("wl-close"));
}

/**
 * A modal with `title` and `content`, in the app's root; one at a time.
 * @param {HTMLElement} app @param {string} title @param {Node[]} content
 * @returns {HTMLElement} the modal
 */
function openModal(app, title, content) {
  closeMenuDialog(app);
  const heading = h("div", { class: "wl-dialog-title" });
  heading.textContent = title;
  const close = h("button", { type: "button", class: "wl-dialog-close", "aria-label": "Close" }, "×");
  const box = h("div", { role: "dialog", "aria-modal": "true", "aria-label": "dialog", tabindex: "-1",
    class: "wl-dialog-box wl-menu-dialog-box" }, h("div", { class: "wl-dialog-head" }, heading, close),
  h("div", { class: "wl-dialog-body wl-menu-dialog-body" }, ...content));
  const modal = h("div", { testid: "stDialog", class: "wl-dialog wl-menu-dialog" }, box);
  const returnFocus = document.activeElement;
  const hide = () => {
    if (!modal.isConnected) return;
    modal.remove();
    if (returnFocus instanceof HTMLElement && returnFocus.isConnected) returnFocus.focus();
  };
  // Keys bubble here: a select inside that closes its own list on Escape keeps the dialog.
  modal.addEventListener("keydown", (ev) => {
    if (ev.key === "Escape") { ev.preventDefault(); hide(); }
    else if (ev.key === "Tab") keepFocusInside(box, ev);
  });
  modal.addEventListener("mousedown", (ev) => { if (ev.target === modal) hide(); });
  modal.addEventListener("wl-close", hide);
  close.addEventListener("click", hide);
  app.append(modal);
  box.focus();
  return modal;
}

// Tab and Shift+Tab cycle through the dialog's controls.
function keepFocusInside(box, ev) {
  const focusable = [...box.querySelectorAll("button, input, [tabindex]:not([tabindex='-1'])")]
    .filter((el) => !(/** @type {HTMLInputElement} */ (el).disabled) && /** @type {HTMLElement} */ (el).offsetParent !== null);
  if (!focusable.length) return;
  const first = /** @type {HTMLElement} */ (focusable[0]);
  const last = /** @type {HTMLElement} */ (focusable[focusable.length - 1]);
  if (ev.shiftKey && (document.activeElement === first || document.activeElement === box)) {
    ev.preventDefault(); last.focus();
  } else if (!ev.shiftKey && document.activeElement === last) {
    ev.preventDefault(); first.focus();
  }
}

function caption(text) {
  const p = h("p");
  p.textContent = text;
  return h("div", { testid: "stCaptionContainer", class: "wl-caption wl-menu-dialog-caption" }, p);
}

function heading(text) {
  const el = h("h2", { class: "wl-menu-dialog-heading" });
  el.textContent = text;
  return el;
}

/**
 * 1.50's Settings dialog as a viewer of a deployed app sees it: Appearance (Wide mode, the
 * theme) and the version line. Its Development section (Run on save) and "Edit active
 * theme" are for a developer with a server; a static site has neither.
 * @param {import("./render.js").AppView} view
 * @param {{wide: boolean, setWide: (wide: boolean) => void, themes: string[], theme: string,
 *   setTheme: (name: string) => void}} settings
 */
export function openSettingsDialog(view, { wide, setWide, themes, theme, setTheme }) {
  const wideBox = h("input", { type: "checkbox", name: "wideMode", class: "wl-menu-dialog-checkbox" });
  wideBox.checked = wide;
  wideBox.addEventListener("change", () => setWide(wideBox.checked));
  const wideText = h("span");
  wideText.textContent = "Wide mode";
  const wideLabel = h("label", { class: "wl-menu-dialog-check" }, wideBox, wideText);

  // Streamlit's selectbox (choice-select.js), its choice going to setTheme, not to Python.
  const asks = Object.create(view, { sendWidget: { value: (_id, name) => { if (name) setTheme(name); } } });
  const select = buildSelect({ id: "wl-theme-choice", label: "Choose app theme, colors and fonts",
    options: themes, value: theme, placeholder: null, clearable: false, accept_new_options: false,
    disabled: false, form: null, width: "stretch", label_visibility: "visible" }, asks, false);
  const version = h("div", { testid: "stVersionInfo", class: "wl-menu-dialog-version" }, caption(versionLine("")));
  const modal = openModal(view.app, "Settings", [
    h("div", { class: "wl-menu-dialog-section" }, heading("Appearance"), wideLabel,
      caption("Turn on to make this app occupy the entire width of the screen.")),
    h("div", { class: "wl-menu-dialog-section" }, select.el),
    version,
  ]);
  modal.addEventListener("wl-close", () => select.dispose?.());
  loadWasmlitVersion().then((v) => { version.querySelector("p").textContent = versionLine(v); });
  return modal;
}

/** About: what runs this app (wasmlit, its version, the Streamlit release it follows). */
export function openAboutDialog(view) {
  const name = h("strong");
  name.textContent = "wasmlit";
  const first = h("p", {}, "This app runs on ", name, ": its Python runs in your browser, with Pyodide, and no server.");
  const version = h("p");
  version.textContent = versionLine("");
  const body = h("div", { testid: "stMarkdownContainer", class: "wl-md" }, first, version);
  const modal = openModal(view.app, "About", [body]);
  loadWasmlitVersion().then((v) => { version.textContent = versionLine(v); });
  return modal;
}
