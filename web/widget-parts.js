// Pieces every widget builder shares: its label (with the help tooltip), Markdown
// containers, number formatting.
import { h } from "./dom.js";

export function markdownContainer(view, body, allowHtml, testid = "stMarkdownContainer") {
  const el = h("div", { testid, class: "wl-md" });
  view.renderMarkdown(el, body, allowHtml);
  return el;
}

export function helpIcon(help) {
  if (!help) return null;
  // The "?" is drawn by CSS: like Streamlit's icon (an SVG) it adds no text to the page.
  const icon = h("span", { testid: "stTooltipIcon", class: "wl-help", title: help, tabindex: "0",
    "aria-label": help });
  return icon;
}

export function widgetLabel(view, props, forId, tag = "label") {
  const label = h(tag, { testid: "stWidgetLabel", class: "wl-label", for: tag === "label" ? forId : null });
  // Streamlit's label Markdown is a paragraph (it shows in the widget's innerText).
  const paragraph = h("p");
  view.renderMarkdown(paragraph, props.label, false, true);
  const text = h("div", { testid: "stMarkdownContainer", class: "wl-md wl-label-text" }, paragraph);
  label.append(text);
  if (props.label_visibility === "hidden") label.classList.add("wl-label-hidden");
  if (props.label_visibility === "collapsed") label.classList.add("wl-label-collapsed");
  const help = helpIcon(props.help);
  // The help icon sits beside the label, so the widget's accessible name is the label alone.
  return help ? h("div", { class: "wl-label-row" }, label, help) : label;
}

// printf-style "%0.2f" / "%d" / "%.3e" formatting for number inputs.
export function formatNumber(value, format) {
  const m = /%[0-9]*(?:\.([0-9]+))?([dfeiu])/.exec(format || "");
  if (!m) return String(value);
  const digits = m[1] === undefined ? 6 : Number(m[1]);
  if (m[2] === "f") return value.toFixed(digits);
  if (m[2] === "e") return value.toExponential(digits);
  return String(Math.trunc(value));
}

