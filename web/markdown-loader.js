// Markdown for one app's page: drawn with markdown.js (markdown-it, KaTeX, Prism, DOMPurify),
// which loads on first need. Until it is there, plain text is drawn as markdown-it would
// draw it, and anything else shows as text and is drawn again once it has loaded.
//
// User text is always set with textContent; only Markdown goes through markdown-it, with
// raw HTML disabled unless the app passed unsafe_allow_html=True.
import { h, safeUrl, sidebarHeadingsPlain } from "./dom.js";
import { copyButton } from "./display/text.js";

// Text that Streamlit's Markdown shows as it is (no Markdown, HTML, link, emoji, math or
// typographic syntax): drawn without loading markdown.js. Deliberately narrow: anything
// else waits for markdown-it.
const PLAIN_TEXT = /^[\p{L}\p{M}\p{N}\p{Extended_Pictographic}\u200D\uFE0F ,.;:!?'"()%/-]*$/u;
const NOT_PLAIN = /^\d+[.)]|^ | $|  |\.[^ ]|:[^ ]|(^| )-|-( |$)/u;

export class MarkdownLoader {
  /**
   * @param {any} markdown  markdown.js's renderers, or a function loading them on first need
   * @param {(leafId: string) => void} redrawLeaf  builds the leaf element `leafId` again
   */
  constructor(markdown, redrawLeaf) {
    this.markdown = typeof markdown === "function" ? null : markdown;
    this.load = typeof markdown === "function" ? markdown : null;
    this.redrawLeaf = redrawLeaf;
    /** @type {Map<Element | string, () => void>} element (or "leaf:ID") -> redraw once loaded */
    this.waiting = new Map();
    /** @type {Promise<void> | null} */
    this.loading = null;
    /** @type {string | null} the id of the leaf element being built or updated */
    this.drawingLeaf = null;
  }

  /** Run draw() as the drawing of leaf `id` (see need). */
  drawing(id, draw) {
    const outer = this.drawingLeaf;
    this.drawingLeaf = id;
    try { return draw(); } finally { this.drawingLeaf = outer; }
  }

  /** Until every Markdown drawn so far is drawn with markdown.js (when it is on its way). */
  async settled() {
    if (this.waiting.size) await this.loading;
  }

  /**
   * @param {Element} el
   * @param {string} body
   * @param {boolean} allowHtml
   * @param {boolean} [inline]
   */
  render(el, body, allowHtml, inline = false) {
    this.waiting.delete(el);
    if (!this.markdown) {
      if (this.load && PLAIN_TEXT.test(body) && !NOT_PLAIN.test(body)) {
        // What markdown-it would make of it: the text, in a paragraph unless inline.
        el.replaceChildren(...(body === "" ? [] : inline ? [body] : [h("p", {}, body)]));
      } else {
        el.textContent = body;
        this.need(el, () => this.render(el, body, allowHtml, inline));
      }
      return;
    }
    const md = allowHtml ? this.markdown.html : this.markdown.safe;
    // markdown-it ends each block with a newline; Streamlit's Markdown has none after the
    // last, so an element's text ends with its words (tests compare text that follows it).
    const html = inline ? md.renderInline(body) : md.render(body).replace(/\n$/, "");
    // With raw HTML allowed, scripts and event handlers still never run (as in Streamlit).
    el.innerHTML = allowHtml && this.markdown.sanitizeMarkdown ? this.markdown.sanitizeMarkdown(html) : html;
    for (const a of el.querySelectorAll("a[href]:not([href^='#'])")) {  // same-page anchors stay
      if (!safeUrl(a.getAttribute("href"))) a.removeAttribute("href");  // no javascript:/data: links
      const link = /** @type {HTMLAnchorElement} */ (a);
      link.target = "_blank";
      link.rel = "noopener noreferrer";
    }
    // Fenced code blocks get st.code's copy button.
    for (const block of el.querySelectorAll("[data-testid='stCode']")) {
      block.append(copyButton(() => (block.querySelector("code") || block).textContent));
    }
    if (!inline) sidebarHeadingsPlain(el);
  }

  /** For builders that draw `el` with markdown.js (Prism, DOMPurify...): true while it is
   * not loaded yet; once it is, the leaf element being drawn is built again from its props
   * (its builder may have changed what it drew), or else `redraw` runs (unless `el` is drawn
   * again before that).
   * @param {Element} el
   * @param {() => void} redraw */
  need(el, redraw) {
    if (this.markdown || !this.load) return false;
    const leaf = this.drawingLeaf;
    if (leaf !== null) this.waiting.set(`leaf:${leaf}`, () => this.redrawLeaf(leaf));
    else this.waiting.set(el, redraw);
    this.loading ??= this.load().then((markdown) => {
      this.markdown = markdown;
      const redraws = [...this.waiting.values()];
      this.waiting.clear();
      for (const draw of redraws) draw();
    }, (err) => {
      console.error("wasmlit: markdown.js could not be loaded", err);
      this.load = null;  // text stays plain text
      this.waiting.clear();
    });
    return true;
  }
}
