// The app menu at the page's top right, as Streamlit 1.50 shows it to a viewer of a deployed
// app (stMainMenu: a ⋮ header button opening stMainMenuPopover > stMainMenuList, a listbox
// named "Menu" whose items are options): Rerun (its "r" shortcut shown), Settings, then
// Print, then About. Also 1.50's "r" key (a rerun), and the theme the page starts with
// (theme-choice.js: the user's stored choice, the app's custom theme, or the system's).
//
// What wasmlit leaves out, and why: Deploy and "Record a screencast" (a static page has
// nothing to deploy to; 1.50's recorder is a developer tool), and the developer section
// ("Clear cache", its "c" key), which 1.50 shows only to the app's developer: a wasmlit
// site is always a viewer's deployment. About is always there (1.50 shows it only when
// set_page_config(menu_items=) gives it text): it says what runs the app.
//
// client.toolbarMode (config.toml's [client]): "auto", "viewer" and "developer" show the menu
// above ("auto" is what 1.50 shows a viewer, which every wasmlit visitor is; "developer"
// would add only the developer section); "minimal" shows no menu, as 1.50 with no
// menu_items. The "r" key works in every mode, as in 1.50.
//
// Only the app that owns the page (a built site's, or mount(..., {url: true})) gets any of
// this: an app embedded in a host page's box leaves the host its keys and its header.
import { h, svgIcon, uid } from "./dom.js";
import { applyTheme, setWideLayout } from "./page-layout.js";
import { AUTO, CUSTOM, customThemeOf, initialThemeName, storeThemeName, themeFor, themeNames,
  watchSystemTheme } from "./theme-choice.js";

/** @typedef {typeof import("./app-menu-dialogs.js")} MenuDialogs */
/** @type {Promise<MenuDialogs> | null} */
let menuDialogs = null;
/** @type {MenuDialogs | null} once loaded (until then no menu dialog can be open) */
let loadedDialogs = null;

// Settings and About (app-menu-dialogs.js) load when the menu first opens, so that choosing
// one (later) opens it at once.
function loadDialogs() {
  menuDialogs ??= import("./app-menu-dialogs.js").then((dialogs) => (loadedDialogs = dialogs), (err) => {
    menuDialogs = null;  // the next try loads it again
    throw err;
  });
  return menuDialogs;
}

/** @param {(dialogs: MenuDialogs) => void} open */
function withDialogs(open) {
  if (loadedDialogs) {
    open(loadedDialogs);
    return;
  }
  loadDialogs().then(open, (err) => console.error("wasmlit: the app menu's dialogs could not be loaded", err));
}

// Material's more_vert.
const MORE_VERT = "M12 8c1.1 0 2-.9 2-2s-.9-2-2-2-2 .9-2 2 .9 2 2 2zm0 2c-1.1 0-2 .9-2 2s.9 2 2 2 2-.9 2-2-.9-2-2-2zm0 6c-1.1 0-2 .9-2 2s.9 2 2 2 2-.9 2-2-.9-2-2-2z";
const TOOLBAR_MODES = ["auto", "developer", "viewer", "minimal"];

/** @typedef {{label: string, shortcut?: string, dividerAbove?: boolean, disabled?: () => boolean,
 *   action: () => void}} MenuItem */

/**
 * The page's app menu, "r" key and theme for `view`, when its app owns the page.
 * @param {import("./render.js").AppView} view
 * @param {{theme?: object, client?: object}} [config]  config.toml's [theme] and [client]
 * @returns {{rerun: () => boolean} | null}
 */
export function setupAppMenu(view, { theme, client } = {}) {
  if (!view.ownsURL) return null;
  const themes = setupThemeChoice(view, theme);
  const rerun = () => rerunApp(view);
  bindRerunKey(view, rerun);
  const mode = TOOLBAR_MODES.includes(client?.toolbarMode) ? client.toolbarMode : "auto";
  const embed = embedding();
  // ?embed=true (a page showing the app in an iframe): 1.50's embedded look, less padding
  // and no app menu unless embed_options=show_toolbar.
  if (embed.embedded) view.app.classList.add("streamlit-embedded", "wl-embedded");
  if (mode !== "minimal" && (!embed.embedded || embed.showToolbar)) {
    /** @type {MenuItem[]} */
    const items = [
      { label: "Rerun", shortcut: "r", disabled: () => !isConnected(view), action: rerun },
      { label: "Settings", action: () => withDialogs((dialogs) => dialogs.openSettingsDialog(view, {
        wide: view.app.classList.contains("wl-layout-wide"), setWide: (wide) => setWideLayout(view, wide),
        themes: themes.names, theme: themes.current(), setTheme: themes.choose })) },
      { label: "Print", dividerAbove: true, action: printPage },
      { label: "About", dividerAbove: true, action: () => withDialogs((dialogs) => dialogs.openAboutDialog(view)) },
    ];
    const end = view.app.querySelector("[data-testid='stToolbar'] > .wl-toolbar-end");
    if (end) end.append(buildMenu(view, items));
  }
  return { rerun };
}

/** Whether the page's URL asks for Streamlit's embedded mode (?embed=true, any case) and
 * for the toolbar in it (?embed_options=show_toolbar). */
function embedding() {
  const params = new URLSearchParams(location.search);
  const embedded = params.getAll("embed").some((v) => v.toLowerCase() === "true");
  const showToolbar = params.getAll("embed_options").some((v) => v.toLowerCase() === "show_toolbar");
  return { embedded, showToolbar };
}

function isConnected(view) {
  return view.app.getAttribute("data-test-connection-state") === "CONNECTED";
}

/** 1.50's rerun: none while Python is not there yet or a run is going (it would only queue
 * another), and the menu's dialogs close. @returns {boolean} whether a rerun was asked for */
function rerunApp(view) {
  if (!isConnected(view) || view.app.getAttribute("data-test-script-state") === "running") return false;
  loadedDialogs?.closeMenuDialog(view.app);
  view.post({ kind: "rerun" });
  return true;
}

// The page's print dialog, once the menu has left the screen.
function printPage() {
  requestAnimationFrame(() => window.print());
}

// --- the theme -----------------------------------------------------------------------------

function setupThemeChoice(view, theme) {
  const custom = customThemeOf(theme);
  let name = initialThemeName(custom);
  const draw = () => applyTheme(view.app, themeFor(name, custom));
  draw();
  if (name === CUSTOM) storeThemeName(name, custom);  // 1.50 stores the custom theme it starts with
  const stopWatching = watchSystemTheme(() => {
    if (view.runs.stopped) stopWatching();  // the app was unmounted
    else if (name === AUTO) draw();
  });
  return {
    names: themeNames(custom),
    current: () => name,
    /** @param {string} next */
    choose(next) {
      name = next;
      storeThemeName(next, custom);
      draw();
    },
  };
}

// --- the "r" key ---------------------------------------------------------------------------

// 1.50 binds r (and c, Esc) on the document with hotkeys-js: a press with Shift, Alt, Ctrl or
// Meta held is another shortcut (Ctrl+R reloads), and keys typed into an input, select,
// textarea or contenteditable element are that element's; so is a key a control handled
// (1.50's data editor stops it: typing "r" in a cell edits the cell).
function bindRerunKey(view, rerun) {
  const onKey = (/** @type {KeyboardEvent} */ ev) => {
    if (view.runs.stopped) { document.removeEventListener("keydown", onKey); return; }  // unmounted
    if (ev.key !== "r" && ev.key !== "R") return;
    if (ev.shiftKey || ev.altKey || ev.ctrlKey || ev.metaKey || ev.repeat || ev.isComposing) return;
    if (ev.defaultPrevented || takesTyping(ev.target)) return;  // a control took the key (a data editor's cell)
    rerun();
  };
  document.addEventListener("keydown", onKey);
}

function takesTyping(target) {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ["INPUT", "SELECT", "TEXTAREA"].includes(target.tagName);
}

// --- the menu ------------------------------------------------------------------------------

/** stMainMenu: the header button and its popover. @param {MenuItem[]} items */
function buildMenu(view, items) {
  const button = h("button", { type: "button", kind: "headerNoPadding", testid: "stBaseButton-headerNoPadding",
    class: "wl-main-menu-button", "aria-label": "Main menu" }, svgIcon(MORE_VERT, { size: 20 }));
  const menu = h("span", { id: "MainMenu", testid: "stMainMenu", class: "wl-main-menu",
    "aria-haspopup": "true", "aria-expanded": "false" }, button);
  /** @type {{close: (refocus: boolean) => void} | null} */
  let open = null;
  button.addEventListener("click", () => {
    loadDialogs().catch(() => {});  // said when a dialog is chosen
    if (open) open.close(true);
    else open = openPopover(view, button, items, () => {
      open = null;
      menu.setAttribute("aria-expanded", "false");
    });
    if (open) menu.setAttribute("aria-expanded", "true");
  });
  return menu;
}

/**
 * The open menu: a listbox whose first item is highlighted, focused (arrows move, Enter or
 * Space chooses, Escape or Tab or a click elsewhere closes).
 * @param {MenuItem[]} items @param {() => void} closed
 */
function openPopover(view, button, items, closed) {
  const listId = uid("main-menu");
  let highlight = 0;
  const list = h("ul", { role: "listbox", "aria-label": "Menu", tabindex: "0", testid: "stMainMenuList",
    class: "wl-main-menu-list" });
  const options = items.map((item, i) => {
    const label = h("span", { class: "wl-main-menu-label" });
    label.textContent = item.label;
    const shortcut = item.shortcut ? h("span", { class: "wl-main-menu-shortcut" }, item.shortcut) : null;
    const disabled = item.disabled ? item.disabled() : false;
    const option = h("li", { role: "option", id: `${listId}-${i}`, class: "wl-main-menu-item",
      "aria-selected": "false", "aria-disabled": String(disabled) }, label, shortcut);
    option.addEventListener("mousemove", () => setHighlight(i));
    option.addEventListener("click", () => choose(i));
    if (item.dividerAbove) list.append(h("li", { role: "separator", testid: "stMainMenuDivider", class: "wl-main-menu-divider" }));
    list.append(option);
    return option;
  });
  const popover = h("div", { testid: "stMainMenuPopover", "data-baseweb": "popover", class: "wl-main-menu-popover" }, list);

  function setHighlight(i) {
    highlight = i;
    options.forEach((option, j) => option.setAttribute("aria-selected", String(j === i)));
    list.setAttribute("aria-activedescendant", options[i].id);
  }
  function choose(i) {
    if (options[i].getAttribute("aria-disabled") === "true") return;
    close(false);
    items[i].action();
  }
  function place() {
    const rect = button.getBoundingClientRect();
    popover.style.top = `${rect.bottom + 8}px`;
    popover.style.right = `${Math.max(0, document.documentElement.clientWidth - rect.right)}px`;
  }
  function onOutside(ev) {
    if (!popover.contains(ev.target) && !button.contains(ev.target)) close(false);
  }
  function close(refocus) {
    if (!popover.isConnected) return;
    popover.remove();
    document.removeEventListener("mousedown", onOutside, true);
    window.removeEventListener("resize", place);
    if (refocus) button.focus();
    closed();
  }
  list.addEventListener("keydown", (ev) => {
    const last = options.length - 1;
    if (ev.key === "ArrowDown") setHighlight(Math.min(highlight + 1, last));
    else if (ev.key === "ArrowUp") setHighlight(Math.max(highlight - 1, 0));
    else if (ev.key === "Home") setHighlight(0);
    else if (ev.key === "End") setHighlight(last);
    else if (ev.key === "Enter" || ev.key === " ") choose(highlight);
    else if (ev.key === "Escape") close(true);
    else if (ev.key === "Tab") { close(true); return; }
    else return;
    ev.preventDefault();
  });
  setHighlight(0);
  view.app.append(popover);
  place();
  document.addEventListener("mousedown", onOutside, true);
  window.addEventListener("resize", place);
  list.focus();
  return { close };
}
