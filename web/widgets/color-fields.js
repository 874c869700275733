// The text fields under st.color_picker's swatch, as Streamlit 1.50's picker has them: the
// color as hex, as r g b a, or as h s l a — the arrows beside the fields switch between the
// three, in that order. Typing a complete value sets the color; a field shows the color again
// once it loses focus. (Alpha is shown as 1: Streamlit's colors have none.)
import { h, uid } from "../dom.js";

const SVG = "http://www.w3.org/2000/svg";
const MODES = ["hex", "rgb", "hsl"];

/** @param {string} hex "#rrggbb" @returns {number[]} [r, g, b], 0-255 */
export function hexToRgb(hex) {
  const n = parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/** @param {number[]} rgb @returns {string} */
export function rgbToHex(rgb) {
  return "#" + rgb.map((c) => Math.round(Math.min(255, Math.max(0, c))).toString(16).padStart(2, "0")).join("");
}

/** @param {number[]} rgb @returns {number[]} [h 0-360, s 0-1, l 0-1] */
export function rgbToHsl([r, g, b]) {
  r /= 255; g /= 255; b /= 255;
  const max = Math.max(r, g, b), min = Math.min(r, g, b), d = max - min;
  const l = (max + min) / 2;
  const s = d ? d / (1 - Math.abs(2 * l - 1)) : 0;
  let hue = 0;
  if (d) {
    if (max === r) hue = ((g - b) / d) % 6;
    else if (max === g) hue = (b - r) / d + 2;
    else hue = (r - g) / d + 4;
    hue = (hue * 60 + 360) % 360;
  }
  return [hue, s, l];
}

/** @param {number[]} hsl @returns {number[]} */
export function hslToRgb([hue, s, l]) {
  const a = s * Math.min(l, 1 - l);
  const f = (/** @type {number} */ n) => {
    const k = (n + hue / 30) % 12;
    return 255 * (l - a * Math.max(-1, Math.min(k - 3, 9 - k, 1)));
  };
  return [f(0), f(8), f(4)];
}

// A number typed into a field: "50", "50%" (a percentage for s and l), kept within 0..max
// (as Streamlit's picker does: typing "255" before a "0" gives 2550, taken as 255), or null.
/** @param {string} text @param {number} max */
function readNumber(text, max) {
  const m = /^\s*(\d+(?:\.\d+)?)\s*%?\s*$/.exec(text);
  if (!m) return null;
  return Math.min(Number(m[1]), max);
}

// baseweb's "unfold" arrows (up over down), the mode toggle.
function toggleIcon() {
  const svg = document.createElementNS(SVG, "svg");
  svg.setAttribute("viewBox", "0 0 24 24");
  svg.setAttribute("class", "wl-color-mode-icon");
  const path = document.createElementNS(SVG, "path");
  path.setAttribute("d", "M12,18.17L8.83,15L7.42,16.41L12,21L16.59,16.41L15.17,15M12,5.83L15.17,9L16.58,7.59L12,3L7.41,7.59L8.83,9L12,5.83Z");
  svg.append(path);
  return svg;
}

/**
 * @param {{ get(): string, set(hex: string): void }} color  the picker's color, "#rrggbb"
 */
export function colorFields(color) {
  let mode = 0;
  /** @type {{ input: HTMLInputElement, show: () => string }[]} */
  let fields = [];
  let typing = false;  // a field is being typed in: leave its text alone
  const row = h("div", { class: "wl-color-fields" });
  const toggle = h("div", { class: "wl-color-mode", role: "button", "aria-label": "Change color format" }, toggleIcon());
  const el = h("div", { class: "wl-color-fields-row" }, row, toggle);

  /** @param {string} name @param {() => string} show @param {(text: string) => string | null} read */
  const field = (name, show, read) => {
    const id = uid("color-field");
    const input = /** @type {HTMLInputElement} */ (h("input", { id, class: "wl-hex-input", spellcheck: "false" }));
    input.value = show();
    input.addEventListener("input", () => {
      const hex = read(input.value);
      if (!hex) return;
      typing = true;
      color.set(hex);
      typing = false;
    });
    input.addEventListener("keydown", (ev) => {
      if (ev.key !== "Enter") return;
      ev.preventDefault();
      const hex = read(input.value);
      if (hex) color.set(hex);
    });
    input.addEventListener("blur", () => { input.value = show(); });
    fields.push({ input, show });
    return h("div", { class: "wl-color-field" }, input, h("label", { for: id, class: "wl-hex-label" }, name));
  };

  const build = () => {
    fields = [];
    const rgb = () => hexToRgb(color.get());
    const hsl = () => rgbToHsl(rgb());
    const alpha = () => field("a", () => "1", () => null);
    if (MODES[mode] === "hex") {
      row.replaceChildren(field("hex", () => color.get().toUpperCase(), readHexText));
    } else if (MODES[mode] === "rgb") {
      const part = (/** @type {number} */ i, /** @type {string} */ name) => field(name, () => String(rgb()[i]), (text) => {
        const n = readNumber(text, 255);
        if (n === null) return null;
        const next = rgb(); next[i] = n;
        return rgbToHex(next);
      });
      row.replaceChildren(part(0, "r"), part(1, "g"), part(2, "b"), alpha());
    } else {
      const shown = [() => String(Math.round(hsl()[0])), () => `${Math.round(hsl()[1] * 100)}%`,
        () => `${Math.round(hsl()[2] * 100)}%`];
      const part = (/** @type {number} */ i, /** @type {string} */ name) => field(name, shown[i], (text) => {
        const n = readNumber(text, i === 0 ? 360 : 100);
        if (n === null) return null;
        const next = hsl(); next[i] = i === 0 ? n : n / 100;
        return rgbToHex(hslToRgb(next));
      });
      row.replaceChildren(part(0, "h"), part(1, "s"), part(2, "l"), alpha());
    }
  };
  toggle.addEventListener("click", () => {
    mode = (mode + 1) % MODES.length;
    build();
  });
  build();

  return {
    el,
    /** The color changed elsewhere (the swatch, the hue bar, the script): show it. */
    paint() {
      if (typing) return;
      for (const { input, show } of fields) if (document.activeElement !== input) input.value = show();
    },
    /** The hex field while typing another field shows the typed color too. */
    focus() { fields[0]?.input.focus(); },
  };
}

/** "#rrggbb" for a 3- or 6-digit hex text with or without "#", else null. @param {string} text */
function readHexText(text) {
  const m = /^#?([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/.exec(text.trim());
  if (!m) return null;
  const hex = m[1].length === 3 ? m[1].split("").map((c) => c + c).join("") : m[1];
  return `#${hex.toLowerCase()}`;
}
