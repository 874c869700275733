// Help tooltips, as Streamlit 1.50 draws them: an element's `help=` puts a hover target
// (stTooltipIcon > stTooltipHoverTarget, a question-mark icon, or the button itself for
// buttons) in the element; pointing at it or focusing it shows a tooltip
// ([data-baseweb=tooltip] > stTooltipContent) with the help as Markdown. Streamlit's own
// end-to-end tests hover the target and read stTooltipContent, so a native `title` is not
// enough. One tooltip is shown at a time; it stays while the pointer is over it (so its
// links can be clicked) and goes on leaving, Escape, or when its target leaves the page.
import { h } from "./dom.js";

/** @typedef {{ text: string, render: (el: HTMLElement, text: string) => void }} Help */

/** @type {WeakMap<Element, Help>} hover target -> its help */
const helpOf = new WeakMap();
let listening = false;
/** @type {{ target: Element, box: HTMLElement } | null} */
let shown = null;
let hideTimer = 0;

const SVG = "http://www.w3.org/2000/svg";

// Streamlit's help icon (a circled question mark, drawn with strokes in the text colour).
function questionIcon() {
  const svg = document.createElementNS(SVG, "svg");
  for (const [k, v] of Object.entries({ width: "16", height: "16", viewBox: "0 0 24 24", fill: "none",
    stroke: "currentColor", "stroke-width": "2", "stroke-linecap": "round", "stroke-linejoin": "round",
    "aria-hidden": "true" })) svg.setAttribute(k, v);
  const circle = document.createElementNS(SVG, "circle");
  circle.setAttribute("cx", "12"); circle.setAttribute("cy", "12"); circle.setAttribute("r", "10");
  const path = document.createElementNS(SVG, "path");
  path.setAttribute("d", "M9.09 9a3 3 0 0 1 5.83 1c0 2-3 3-3 3");
  const dot = document.createElementNS(SVG, "line");
  for (const [k, v] of Object.entries({ x1: "12", y1: "17", x2: "12.01", y2: "17" })) dot.setAttribute(k, v);
  svg.append(circle, path, dot);
  return svg;
}

/**
 * Makes `target` show `help` (Markdown, drawn by `view.renderMarkdown`) as its tooltip; no
 * help: no tooltip.
 * @param {Element} target
 * @param {string | null | undefined} help
 * @param {{ renderMarkdown(el: HTMLElement, text: string, allowHtml: boolean): void } | null} [view]
 */
export function setTooltip(target, help, view) {
  if (!help) {
    helpOf.delete(target);
    if (shown?.target === target) hide();
    return;
  }
  const render = view
    ? (/** @type {HTMLElement} */ el, /** @type {string} */ text) => view.renderMarkdown(el, text, false)
    : (/** @type {HTMLElement} */ el, /** @type {string} */ text) => { el.textContent = text; };
  helpOf.set(target, { text: help, render });
  if (shown?.target === target) show(target);  // new text while it is shown
  listen();
}

/**
 * The help icon beside a label or text: stTooltipIcon > stTooltipHoverTarget > the icon;
 * null without help.
 * @param {string | null | undefined} help
 * @param {Parameters<typeof setTooltip>[2]} [view]
 */
export function helpIcon(help, view) {
  if (!help) return null;
  const target = h("div", { testid: "stTooltipHoverTarget", class: "wl-tooltip-icon-target", tabindex: "0",
    "aria-label": "Help" }, questionIcon());
  setTooltip(target, help, view);
  return h("div", { testid: "stTooltipIcon", class: "wl-help" }, target);
}

/** The element with a tooltip that `node` is in, or null. @param {EventTarget | null} node */
function targetOf(node) {
  for (let el = node instanceof Element ? node : null; el; el = el.parentElement) {
    if (helpOf.has(el)) return el;
    if (el.classList.contains("wl-tooltip-box")) return shown?.target ?? null;
  }
  return null;
}

function listen() {
  if (listening) return;
  listening = true;
  document.addEventListener("pointerover", (e) => {
    const target = targetOf(e.target);
    if (target) show(target);
  });
  document.addEventListener("pointerout", (e) => {
    if (!shown) return;
    const to = /** @type {PointerEvent} */ (e).relatedTarget;
    if (targetOf(to) !== shown.target) hideSoon();
  });
  document.addEventListener("focusin", (e) => {
    const target = targetOf(e.target);
    if (target) show(target);
    else if (shown) hide();
  });
  document.addEventListener("keydown", (e) => { if (e.key === "Escape" && shown) hide(); });
  document.addEventListener("scroll", () => { if (shown) place(shown.target, shown.box); }, true);
}

/** @param {Element} target */
function show(target) {
  clearTimeout(hideTimer);
  const help = helpOf.get(target);
  if (!help) return;
  if (shown && shown.target !== target) hide();
  if (!shown) {
    const box = h("div", { "data-baseweb": "tooltip", role: "tooltip", class: "wl-tooltip-box" });
    // Inside the app's root, so the app's theme (its --wl-* variables) applies.
    (target.closest("[data-testid='stApp']") ?? document.body).append(box);
    shown = { target, box };
  }
  const content = h("div", { testid: "stTooltipContent", class: "wl-tooltip-content" });
  const markdown = h("div", { testid: "stMarkdownContainer", class: "wl-md" });
  help.render(markdown, help.text);
  content.append(markdown);
  shown.box.replaceChildren(content);
  place(target, shown.box);
}

// Above the target when there is room, else below; kept inside the viewport.
/** @param {Element} target @param {HTMLElement} box */
function place(target, box) {
  if (!target.isConnected) { hide(); return; }
  const at = target.getBoundingClientRect();
  const width = box.offsetWidth, height = box.offsetHeight;
  const left = Math.max(8, Math.min(at.left + at.width / 2 - width / 2, innerWidth - width - 8));
  const top = at.top - height - 8 >= 0 ? at.top - height - 8 : at.bottom + 8;
  box.style.left = `${left}px`;
  box.style.top = `${top}px`;
}

// A short grace period lets the pointer cross from the target into the tooltip.
function hideSoon() {
  clearTimeout(hideTimer);
  hideTimer = window.setTimeout(hide, 100);
}

function hide() {
  clearTimeout(hideTimer);
  shown?.box.remove();
  shown = null;
}
