// Entry point for dist/markdown.js: build.py bundles markdown-it, its plugins, KaTeX,
// Prism and DOMPurify into one minified ES module with esbuild.
//   import markdownit, { createMarkdown, highlight, renderLatex, sanitizeHtml,
//                        sanitizeMarkdownHtml } from "./markdown.js";
//
// createMarkdown(allowHtml) returns a markdown-it instance that renders Markdown the way
// Streamlit 1.50 does: GitHub tables, strikethrough (<del>), task lists, bare-URL
// autolinks, emoji shortcodes (not emoticons), colored text (:red[...],
// :blue-background[...], :green-badge[...], :rainbow[...]), :small[...], :streamlit:,
// :material/icon: (the icon's name: Streamlit's span text, drawn by the icon font),
// typographic arrows (-> <= -- ...), $math$ and $$display math$$ with KaTeX, headings
// with ids and anchor links, and fenced code highlighted with Prism.
import "./prism-languages.mjs";
import markdownit from "markdown-it";
import { full as emoji } from "markdown-it-emoji";
import katex from "katex";
import DOMPurify from "dompurify";
import Prism from "./prism.mjs";
import { LINK_ICON_PATH, anchorFromText } from "../heading-anchor.js";

const COLORS = ["red", "orange", "yellow", "green", "blue", "violet", "gray", "grey", "rainbow", "primary"];
const COLOR_RE = new RegExp(`^:(?:(small)|(${COLORS.join("|")})(-background|-badge)?)\\[`);
// Streamlit's typographic replacements of free-standing symbols (not inside links).
const SYMBOLS = [[/(^|\s)<->(?=\s|$)/g, "$1\u2194"], [/(^|\s)->(?=\s|$)/g, "$1\u2192"],
  [/(^|\s)<-(?=\s|$)/g, "$1\u2190"], [/(^|\s)--(?=\s|$)/g, "$1\u2014"], [/(^|\s)>=(?=\s|$)/g, "$1\u2265"],
  [/(^|\s)<=(?=\s|$)/g, "$1\u2264"], [/(^|\s)~=(?=\s|$)/g, "$1\u2248"]];
// :streamlit: (our own small mark: Streamlit's logo image is not bundled).
const LOGO = "data:image/svg+xml," + encodeURIComponent(
  "<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 300 165'><path fill='#ff4b4b' d='M150 100 0 20l45 145z'/>" +
  "<path fill='#7d353b' d='M150 100 300 20l-45 145z'/><path fill='#bd4043' d='M150 0 45 165h210z'/></svg>");
const ICON_RE = /^:material\/([a-z0-9_]+):/;
const ALIASES = { py: "python", js: "javascript", ts: "typescript", sh: "bash", shell: "bash",
  zsh: "bash", yml: "yaml", html: "markup", xml: "markup", svg: "markup", md: "markdown",
  "c++": "cpp", cs: "csharp", rb: "ruby", rs: "rust", kt: "kotlin", dockerfile: "docker",
  tex: "latex", ps1: "powershell" };

function escapeHtml(text) {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** HTML of `code` highlighted as `language` (Prism token spans); escaped plain text when
 * Prism does not know the language. */
export function highlight(code, language) {
  const lang = ALIASES[(language || "").toLowerCase()] || (language || "").toLowerCase();
  const grammar = lang && Prism.languages[lang];
  return grammar ? Prism.highlight(code, grammar, lang) : escapeHtml(code);
}

/** KaTeX HTML (with MathML) for `tex`; a KaTeX error is shown in red, never thrown. */
export function renderLatex(tex, displayMode) {
  return katex.renderToString(tex, { displayMode, throwOnError: false, output: "htmlAndMathml" });
}

// st.html's sanitising, as Streamlit 1.50's frontend: DOMPurify's HTML profile, forced
// into a body (so leading <style> is kept), and links with target=_blank get rel=noopener.
// (Outside a browser, e.g. in Node, DOMPurify has no hooks and sanitizes nothing.)
const TEMP_TARGET = "data-temp-href-target";
if (DOMPurify.isSupported) DOMPurify.addHook("beforeSanitizeAttributes", (node) => {
  if (node instanceof HTMLElement && node.getAttribute("target") === "_blank") node.setAttribute(TEMP_TARGET, "_blank");
});
if (DOMPurify.isSupported) DOMPurify.addHook("afterSanitizeAttributes", (node) => {
  if (node instanceof HTMLElement && node.hasAttribute(TEMP_TARGET)) {
    node.setAttribute("target", "_blank");
    node.setAttribute("rel", "noopener noreferrer");
    node.removeAttribute(TEMP_TARGET);
  }
});

/** `html` with scripts, event handlers and other active content removed. */
export function sanitizeHtml(html) {
  return DOMPurify.sanitize(html, { USE_PROFILES: { html: true }, FORCE_BODY: true });
}

/** Markdown rendered with raw HTML (unsafe_allow_html=True) without what React would not
 * run in Streamlit: scripts and on* handlers go; styles, SVG and KaTeX's MathML stay. */
export function sanitizeMarkdownHtml(html) {
  return DOMPurify.sanitize(html, { USE_PROFILES: { html: true, svg: true, mathMl: true }, FORCE_BODY: true });
}

// Index of the "]" closing the "[" just before `start`, or -1.
function closingBracket(src, start, max) {
  let depth = 1;
  for (let i = start; i < max; i++) {
    const ch = src[i];
    if (ch === "\\") { i++; continue; }
    if (ch === "[") depth++;
    else if (ch === "]" && --depth === 0) return i;
  }
  return -1;
}

function colorText(state, silent) {
  if (state.src.charCodeAt(state.pos) !== 0x3a /* : */) return false;
  const m = COLOR_RE.exec(state.src.slice(state.pos, state.pos + 40));
  if (!m) return false;
  const start = state.pos + m[0].length;
  const end = closingBracket(state.src, start, state.posMax);
  if (end < 0) return false;
  if (!silent) {
    const color = m[2] === "grey" ? "gray" : m[2];
    const kind = m[1] ? "small" : m[3] === "-background" ? "bg" : m[3] === "-badge" ? "badge" : "color";
    const hook = { color: "stMarkdownColoredText", bg: "stMarkdownColoredBackground", badge: "stMarkdownBadge" }[kind];
    const open = state.push("wl_color_open", "span", 1);
    open.attrSet("class", kind === "small" ? "wl-small" : `${hook} wl-${kind} wl-${kind}-${color}`);
    const oldMax = state.posMax;
    state.pos = start;
    state.posMax = end;
    state.md.inline.tokenize(state);
    state.posMax = oldMax;
    state.push("wl_color_close", "span", -1);
  }
  state.pos = end + 1;
  return true;
}

function materialIcon(state, silent) {
  if (state.src.charCodeAt(state.pos) !== 0x3a) return false;
  const m = ICON_RE.exec(state.src.slice(state.pos, state.pos + 80));
  if (!m) return false;
  if (!silent) {
    const token = state.push("wl_icon", "span", 0);
    token.content = m[1];
  }
  state.pos += m[0].length;
  return true;
}

function streamlitLogo(state, silent) {
  if (!state.src.startsWith(":streamlit:", state.pos)) return false;
  if (!silent) state.push("wl_logo", "img", 0);
  state.pos += ":streamlit:".length;
  return true;
}

function typographicSymbols(state) {
  for (const block of state.tokens) {
    if (block.type !== "inline" || !block.children) continue;
    let inLink = 0;
    for (const t of block.children) {
      if (t.type === "link_open") inLink++;
      else if (t.type === "link_close") inLink--;
      else if (t.type === "text" && !inLink) {
        for (const [re, to] of SYMBOLS) t.content = t.content.replace(re, to);
      }
    }
  }
}

function renderIcon(tokens, idx) {
  const name = escapeHtml(tokens[idx].content);
  return `<span class="wl-material-icon" role="img" ` +
    `aria-label="${name.replace(/_/g, " ")} icon" translate="no">${name}</span>`;
}

// $...$ (and $$...$$ inside a line): inline math, as remark-math reads it.
function inlineMath(state, silent) {
  const src = state.src;
  if (src.charCodeAt(state.pos) !== 0x24 /* $ */) return false;
  const double = src.charCodeAt(state.pos + 1) === 0x24;
  const marker = double ? "$$" : "$";
  const start = state.pos + marker.length;
  if (start >= state.posMax) return false;
  let end = start;
  for (;;) {
    end = src.indexOf(marker, end);
    if (end < 0 || end >= state.posMax) return false;
    if (src[end - 1] === "\\") { end += 1; continue; }
    break;
  }
  if (end === start) return false;
  if (!double) {
    // "$5 and $6" is not math: no space right inside the dollars.
    if (/\s/.test(src[start]) || /\s/.test(src[end - 1])) return false;
  }
  if (!silent) {
    const token = state.push("wl_math_inline", "span", 0);
    token.content = src.slice(start, end);
  }
  state.pos = end + marker.length;
  return true;
}

// A $$ ... $$ block on lines of its own: display math.
function blockMath(state, startLine, endLine, silent) {
  let pos = state.bMarks[startLine] + state.tShift[startLine];
  let max = state.eMarks[startLine];
  if (state.sCount[startLine] - state.blkIndent >= 4) return false;
  if (state.src.slice(pos, pos + 2) !== "$$") return false;
  const first = state.src.slice(pos + 2, max);
  let content;
  let line = startLine;
  if (first.trim().endsWith("$$")) {
    content = first.trim().slice(0, -2);
  } else {
    const lines = [first];
    let found = false;
    while (++line < endLine) {
      pos = state.bMarks[line] + state.tShift[line];
      max = state.eMarks[line];
      const text = state.src.slice(pos, max);
      if (text.trim().endsWith("$$")) { lines.push(text.trim().slice(0, -2)); found = true; break; }
      lines.push(state.src.slice(state.bMarks[line], max));
    }
    if (!found) return false;
    content = lines.join("\n");
  }
  if (silent) return true;
  state.line = line + 1;
  const token = state.push("wl_math_block", "div", 0);
  token.block = true;
  token.content = content.trim();
  token.map = [startLine, state.line];
  return true;
}

// "- [ ] item" / "- [x] item": GitHub task list items with a disabled checkbox.
function taskLists(state) {
  const tokens = state.tokens;
  for (let i = 2; i < tokens.length; i++) {
    const inline = tokens[i];
    if (inline.type !== "inline" || tokens[i - 1].type !== "paragraph_open" ||
        tokens[i - 2].type !== "list_item_open") continue;
    const m = /^\[([ xX])\][ \t]/.exec(inline.content);
    const first = inline.children && inline.children[0];
    if (!m || !first || first.type !== "text" || !first.content.startsWith(m[0].slice(0, 3))) continue;
    first.content = first.content.slice(3);
    const box = new state.Token("html_inline", "", 0);
    box.content = `<input type="checkbox" class="wl-task" disabled${m[1] === " " ? "" : " checked"}>`;
    inline.children.unshift(box);
    tokens[i - 2].attrJoin("class", "wl-task-item");
  }
}

function fence(tokens, idx) {
  const token = tokens[idx];
  const language = (token.info || "").trim().split(/\s+/)[0];
  const cls = language ? ` class="language-${escapeHtml(language)}"` : "";
  return `<div data-testid="stMarkdownPre" class="wl-md-pre"><div data-testid="stCode" class="wl-code">` +
    `<pre class="wl-pre"><code${cls}>${highlight(token.content.replace(/\n$/, ""), language)}</code></pre>` +
    `</div></div>\n`;
}

// Headings carry Streamlit's hooks: an id made from their text and an anchor link to it.
function headingSlug(inline) {
  const text = (inline && inline.children ? inline.children : [])
    .filter((t) => t.type === "text" || t.type === "code_inline").map((t) => t.content).join("");
  return anchorFromText(text);
}

function headingOpen(tokens, idx) {
  const slug = escapeHtml(headingSlug(tokens[idx + 1]));
  tokens[idx].meta = { slug };
  return `<div data-testid="stHeadingWithActionElements" class="wl-heading"><${tokens[idx].tag} id="${slug}">`;
}

function headingClose(tokens, idx) {
  let open = idx - 1;
  while (open > 0 && tokens[open].type !== "heading_open") open--;
  const slug = tokens[open].meta ? tokens[open].meta.slug : "";
  return `<span data-testid="stHeaderActionElements" class="wl-heading-actions"><a href="#${slug}" ` +
    `class="wl-anchor" aria-label="Link to heading"><svg viewBox="0 0 24 24" aria-hidden="true" ` +
    `focusable="false" class="wl-anchor-icon"><path d="${LINK_ICON_PATH}"></path></svg></a></span>` +
    `</${tokens[idx].tag}></div>\n`;
}

/** A markdown-it instance rendering Streamlit's Markdown; raw HTML only if allowHtml. */
export function createMarkdown(allowHtml) {
  // linkify: GitHub's autolinks of bare URLs (remark-gfm's, in Streamlit).
  const md = markdownit({ html: Boolean(allowHtml), linkify: true, typographer: false });
  md.use(emoji, { shortcuts: {} });  // shortcodes only: "8)" or ":)" stay text, as in Streamlit
  md.inline.ruler.before("emphasis", "wl_color", colorText);
  md.inline.ruler.before("emphasis", "wl_icon", materialIcon);
  md.inline.ruler.before("emphasis", "wl_logo", streamlitLogo);
  md.core.ruler.push("wl_symbols", typographicSymbols);
  md.inline.ruler.after("backticks", "wl_math_inline", inlineMath);  // `$x$` stays code
  md.block.ruler.after("blockquote", "wl_math_block", blockMath,
    { alt: ["paragraph", "reference", "blockquote", "list"] });
  md.core.ruler.after("inline", "wl_task_lists", taskLists);
  md.renderer.rules.s_open = () => "<del>";   // GitHub's (and Streamlit's) strikethrough tag
  md.renderer.rules.s_close = () => "</del>";
  md.renderer.rules.wl_icon = renderIcon;
  md.renderer.rules.wl_logo = () => `<img src="${LOGO}" alt="Streamlit logo" class="wl-logo">`;
  md.renderer.rules.wl_math_inline = (tokens, idx) => renderLatex(tokens[idx].content, false);
  md.renderer.rules.wl_math_block = (tokens, idx) =>
    `<div class="wl-math-display">${renderLatex(tokens[idx].content, true)}</div>\n`;
  md.renderer.rules.fence = fence;
  md.renderer.rules.heading_open = headingOpen;
  md.renderer.rules.heading_close = headingClose;
  md.renderer.rules.code_block = (tokens, idx) =>
    fence([Object.assign(Object.create(tokens[idx]), { info: "" })], 0);
  return md;
}

export default markdownit;
export { markdownit };
