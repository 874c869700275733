// Pieces every widget builder shares: its label (with the help tooltip), Markdown
// containers.
import { h } from "./dom.js";
import { helpIcon } from "./tooltip.js";

export function markdownContainer(view, body, allowHtml, testid = "stMarkdownContainer") {
  const el = h("div", { testid, class: "wl-md" });
  view.renderMarkdown(el, body, allowHtml);
  return el;
}

export { helpIcon } from "./tooltip.js";

export function widgetLabel(view, props, forId, tag = "label") {
  const label = h(tag, { testid: "stWidgetLabel", class: "wl-label", for: tag === "label" ? forId : null });
  // Streamlit's label Markdown is a paragraph (it shows in the widget's innerText).
  const paragraph = h("p");
  view.renderMarkdown(paragraph, props.label, false, true);
  const text = h("div", { testid: "stMarkdownContainer", class: "wl-md wl-label-text" }, paragraph);
  label.append(text);
  if (props.label_visibility === "hidden") label.classList.add("wl-label-hidden");
  if (props.label_visibility === "collapsed") label.classList.add("wl-label-collapsed");
  const help = helpIcon(props.help, view);
  // The help icon sits beside the label, so the widget's accessible name is the label alone.
  return help ? h("div", { class: "wl-label-row" }, label, help) : label;
}

/** On an update: the widget's label drawn afresh in place of `label` when its text, help or
 * visibility changed (else `label` stays). Returns the label now in the page. */
export function relabel(view, label, p, before, forId = null) {
  if (!["label", "help", "label_visibility"].some((k) => p[k] !== before[k])) return label;
  const fresh = widgetLabel(view, p, forId);
  label.replaceWith(fresh);
  return fresh;
}

/** A widget's `width` on its element: "stretch" (a class), a pixel number (`capped`: never
 * wider than its container), or "content" (the stylesheet's default). */
export function widgetWidth(el, width, capped = false) {
  el.classList.toggle("wl-width-stretch", width === "stretch");
  el.style.width = typeof width === "number" ? `${width}px` : "";
  if (capped) el.style.maxWidth = typeof width === "number" ? "100%" : "";
}

/** After an input event: false (and the text put back to `accepted`, the caret where the
 * typing was) when it made a text field longer than `maxChars`; else true. */
export function withinMaxChars(input, accepted, maxChars) {
  if (!maxChars || input.value.length <= maxChars) return true;
  const at = Math.max(0, input.selectionStart - (input.value.length - accepted.length));
  input.value = accepted;
  input.setSelectionRange(at, at);
  return false;
}
