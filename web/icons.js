// Icons as apps name them: ":material/name:" is a Material Symbols icon, anything else an
// emoji. A material icon is its name in a span, as in Streamlit; the Material Symbols
// Rounded font the site ships (web/styles/fonts.css) draws the name as one glyph.
import { h } from "./dom.js";

const ICON_FONT = '1em "Material Symbols Rounded"';
let iconFontAsked = false;

const LOADING = "wl-icon-font-loading";  // on <html> while the icon font loads

/** Start fetching the icon font as soon as the page makes its first icon (it is 5 MB and
 * fetched only by pages that draw one), so it is there by the icon's first paint when it
 * can be. Until it has loaded (or failed: then the names show), icons stay hidden
 * (basic.css), past the 3 s that `font-display: block` alone would wait. */
function askForIconFont() {
  if (iconFontAsked) return;
  iconFontAsked = true;
  const doc = globalThis.document;
  if (!doc?.fonts) return;
  if (!doc.fonts.check(ICON_FONT, "home")) {
    const root = doc.documentElement;
    root.classList.add(LOADING);
    doc.fonts.load(ICON_FONT, "home").catch(() => []).finally(() => root.classList.remove(LOADING));
  }
}

const MATERIAL = /^:material\/(.+):$/;

/** The name of a ":material/name:" icon; null for an emoji, empty or missing icon. */
export function materialName(icon) {
  const m = MATERIAL.exec(icon || "");
  return m ? m[1] : null;
}

/** A material icon's name in the span Streamlit draws its glyph in. */
export function materialSpan(name, testid = null, cls = "wl-material-icon") {
  askForIconFont();
  return h("span", { testid, class: cls, translate: "no" }, name);
}

/** A material icon as a favicon (st.set_page_config / st.Page with ":material/name:"):
 * the icon font's glyph drawn on a canvas, as a PNG data: URL; null when the font is not
 * there to draw with (a one-file page without it). */
export async function materialFavicon(name) {
  const fonts = globalThis.document?.fonts;
  if (!fonts) return null;
  const loaded = await fonts.load('64px "Material Symbols Rounded"', name).catch(() => []);
  if (!loaded.length || loaded.some((face) => face.status !== "loaded")) return null;
  const canvas = document.createElement("canvas");
  canvas.width = canvas.height = 64;
  const g = canvas.getContext("2d");
  if (!g) return null;
  g.font = '64px "Material Symbols Rounded"';
  g.textAlign = "center";
  g.textBaseline = "middle";
  g.fillStyle = "#31333f";
  g.fillText(name, 32, 32);
  return canvas.toDataURL("image/png");
}
