// Icons as apps name them: ":material/name:" is a Material Symbols icon, anything else an
// emoji. There is no icon font offline, so a material icon shows its name in a span the
// stylesheet (and Streamlit's own font, where present) draws.
import { h } from "./dom.js";

const MATERIAL = /^:material\/(.+):$/;

/** The name of a ":material/name:" icon; null for an emoji, empty or missing icon. */
export function materialName(icon) {
  const m = MATERIAL.exec(icon || "");
  return m ? m[1] : null;
}

/** A material icon's name in the span Streamlit draws its glyph in. */
export function materialSpan(name, testid = null, cls = "wl-material-icon") {
  return h("span", { testid, class: cls, translate: "no" }, name);
}
