// Which theme the page shows, picked as Streamlit 1.50 picks it: the user's choice from the
// Settings dialog, kept in localStorage under 1.50's key; else the app's custom theme (any
// [theme] option in .streamlit/config.toml makes one, "Custom Theme"); else the browser's
// light or dark preference ("Use system setting").
//
// 1.50's rules, read from its frontend and checked in its page:
// - the key is `stActiveTheme-<location.pathname at load>-v1`, the value {"name": ...}
//   ({"name", "themeInput"} for a custom theme); "Use system setting" removes the key;
// - a stored Light or Dark wins over the app's custom theme; a stored custom theme does not
//   (the app's current one is shown, and stored in its place);
// - a custom theme shown because nothing was stored is stored at once, so choosing "Use
//   system setting" (which removes it) lasts only until the next load.

export const AUTO = "Use system setting";
export const LIGHT = "Light";
export const DARK = "Dark";
export const CUSTOM = "Custom Theme";

// 1.50 computes its key once, when its page loads.
const STORAGE_KEY = `stActiveTheme-${globalThis.location?.pathname ?? "/"}-v1`;
const PRESETS = [LIGHT, DARK];

/** The app's [theme] table when it sets anything (a custom theme), else null. */
export function customThemeOf(theme) {
  return theme && typeof theme === "object" && Object.keys(theme).length ? theme : null;
}

/** The names the Settings dialog offers, in 1.50's order. @param {object | null} custom */
export function themeNames(custom) {
  return custom ? [AUTO, LIGHT, DARK, CUSTOM] : [AUTO, LIGHT, DARK];
}

function stored() {
  try {
    const text = globalThis.localStorage?.getItem(STORAGE_KEY);
    const name = text ? JSON.parse(text)?.name : null;
    return typeof name === "string" ? name : null;
  } catch {
    return null;  // storage blocked (a sandboxed frame) or not JSON: as if nothing was stored
  }
}

/** The theme name the page starts with. @param {object | null} custom */
export function initialThemeName(custom) {
  const name = stored();
  if (name && PRESETS.includes(name)) return name;
  return custom ? CUSTOM : AUTO;
}

/** Keeps the choice as 1.50 does (AUTO forgets any). @param {string} name @param {object | null} custom */
export function storeThemeName(name, custom) {
  try {
    const storage = globalThis.localStorage;
    if (!storage) return;
    if (name === AUTO) { storage.removeItem(STORAGE_KEY); return; }
    const value = name === CUSTOM ? { name, themeInput: custom } : { name };
    storage.setItem(STORAGE_KEY, JSON.stringify(value));
  } catch {
    // storage full or blocked: the choice holds for this visit only
  }
}

const darkQuery = () => globalThis.matchMedia?.("(prefers-color-scheme: dark)");

/** The [theme]-shaped table applyTheme (page-layout.js) draws for a name.
 * @param {string} name @param {object | null} custom */
export function themeFor(name, custom) {
  if (name === CUSTOM && custom) return custom;
  if (name === DARK) return { base: "dark" };
  if (name === LIGHT) return { base: "light" };
  return { base: darkQuery()?.matches ? "dark" : "light" };
}

/** Calls `changed` when the browser's light/dark preference changes; returns the unsubscribe. */
export function watchSystemTheme(changed) {
  const query = darkQuery();
  if (!query) return () => {};
  query.addEventListener("change", changed);
  return () => query.removeEventListener("change", changed);
}
