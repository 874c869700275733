// Text elements: markdown (and captions), headings, text, code, json.
// Each builder returns {el, update?} (see elements.js).
import { h } from "../dom.js";
import { helpIcon, markdownContainer } from "../widget-parts.js";

export const BUILDERS = {
  markdown(props, view) {
    const testid = props.variant === "caption" ? "stCaptionContainer" : "stMarkdownContainer";
    const inner = markdownContainer(view, props.body, props.allow_html, testid);
    if (props.variant === "caption") inner.classList.add("wl-caption");
    const el = h("div", { testid: "stMarkdown", class: "wl-markdown" }, inner);
    const help = helpIcon(props.help);
    if (help) el.append(help);
    return { el };
  },

  heading(props, view) {
    const tag = `h${props.level}`;
    const heading = h(tag, { class: "wl-heading-text" });
    const span = h("span");
    view.renderMarkdown(span, props.body, false, true);
    heading.append(span);
    if (props.anchor) heading.id = props.anchor;
    const help = helpIcon(props.help);
    const actions = h("div", { testid: "stHeadingWithActionElements", class: "wl-heading" }, heading, help);
    const el = h("div", { testid: "stHeading", class: "wl-heading-block" },
      h("div", { testid: "stMarkdownContainer", class: "wl-md" }, actions));
    if (props.divider) {
      const rule = h("hr", { testid: "stHeadingDivider", class: "wl-divider" });
      if (typeof props.divider === "string") rule.dataset.color = props.divider;
      el.append(rule);
    }
    return { el };
  },

  text(props) {
    const el = h("div", { testid: "stText", class: "wl-text" });
    el.textContent = props.body;
    return { el };
  },

  code(props) {
    const code = h("code", { class: props.language ? `language-${props.language}` : null });
    code.textContent = props.body;
    const pre = h("pre", { class: "wl-pre" + (props.wrap_lines ? " wl-wrap" : "") }, code);
    const copy = h("button", { type: "button", class: "wl-copy", testid: "stCodeCopyButton",
      title: "Copy to clipboard", "aria-label": "Copy to clipboard" });
    copy.addEventListener("click", () => navigator.clipboard && navigator.clipboard.writeText(props.body));
    const el = h("div", { testid: "stCode", class: "wl-code" }, pre, copy);
    return { el };
  },

  json(props) {
    const pre = h("pre", { class: "wl-json" });
    pre.textContent = JSON.stringify(props.data, null, 2);
    return { el: h("div", { testid: "stJson", class: "wl-json-block" }, pre) };
  },
};
