// The id Streamlit 1.50 gives a heading (st.title/header/subheader and Markdown's # lines),
// so links to #anchors of a Streamlit app work here too: the text with accents dropped,
// camelCase split, lower case, every run of other characters one "-", none at the ends
// ("`code` - Title" -> "code-title"). A heading with no Latin letters or digits gets 1.50's
// hex of the XXH32 hash (seed 0xABCD) of its text's UTF-8 bytes.

/** The anchor link's icon (a chain link, as 1.50's), an SVG path in a 24 x 24 box. */
export const LINK_ICON_PATH = "M15 7h3a5 5 0 0 1 5 5 5 5 0 0 1-5 5h-3m-6 0H6a5 5 0 0 1-5-5 5 5 0 0 1 5-5h3M8 12h8";

/** @param {string} text */
export function anchorFromText(text) {
  if (!text) return "";
  let t = text.normalize("NFKD").replace(/\p{M}/gu, "");
  t = t.replace(/([\p{Ll}\d])(\p{Lu})/gu, "$1 $2").replace(/(\p{Lu})(\p{Lu}\p{Ll}+)/gu, "$1 $2");
  t = t.toLowerCase().replace(/([a-z\d]+)['\u2019]([ts])(\s|$)/g, "$1$2$3");
  const slug = t.replace(/[^a-z\d]+/g, "-").replace(/^-+|-+$/g, "");
  return slug || xxh32(new TextEncoder().encode(text), 0xabcd).toString(16);
}

const P1 = 2654435761, P2 = 2246822519, P3 = 3266489917, P4 = 668265263, P5 = 374761393;
const rotl = (/** @type {number} */ x, /** @type {number} */ r) => ((x << r) | (x >>> (32 - r))) >>> 0;
const mul = (/** @type {number} */ a, /** @type {number} */ b) => Math.imul(a, b) >>> 0;

/** XXH32 of `bytes` (the published algorithm), unsigned.
 * @param {Uint8Array} bytes @param {number} seed */
export function xxh32(bytes, seed) {
  const n = bytes.length;
  const word = (/** @type {number} */ i) => (bytes[i] | (bytes[i + 1] << 8) | (bytes[i + 2] << 16) | (bytes[i + 3] << 24)) >>> 0;
  let i = 0, acc;
  if (n >= 16) {
    const v = [(seed + P1 + P2) >>> 0, (seed + P2) >>> 0, seed >>> 0, (seed - P1) >>> 0];
    for (; i + 16 <= n; i += 16) {
      for (let k = 0; k < 4; k++) v[k] = mul(rotl((v[k] + mul(word(i + 4 * k), P2)) >>> 0, 13), P1);
    }
    acc = (rotl(v[0], 1) + rotl(v[1], 7) + rotl(v[2], 12) + rotl(v[3], 18)) >>> 0;
  } else {
    acc = (seed + P5) >>> 0;
  }
  acc = (acc + n) >>> 0;
  for (; i + 4 <= n; i += 4) acc = mul(rotl((acc + mul(word(i), P3)) >>> 0, 17), P4);
  for (; i < n; i++) acc = mul(rotl((acc + mul(bytes[i], P5)) >>> 0, 11), P1);
  acc = mul(acc ^ (acc >>> 15), P2);
  acc = mul(acc ^ (acc >>> 13), P3);
  return (acc ^ (acc >>> 16)) >>> 0;
}
