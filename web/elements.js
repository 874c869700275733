// Builders for leaf elements, one per kind. Each returns {el, update?, read?, formId?}:
// `update(props, before)` patches in place (widgets keep focus and what the user typed);
// without it, an update rebuilds the element. `read()` gives a widget's current value
// (forms send them all on submit).
import { h } from "./dom.js";
import { helpIcon, markdownContainer } from "./widget-parts.js";
import { BUILDERS as BASIC } from "./widgets/basic.js";
import { BUILDERS as CHOICE } from "./widgets/choice.js";
import { BUILDERS as RANGES } from "./widgets/ranges.js";
import { BUILDERS as PICKERS } from "./widgets/pickers.js";
import { BUILDERS as CHAT } from "./widgets/chat.js";
import { BUILDERS as FILES } from "./widgets/files.js";
import { BUILDERS as DATA_EDITOR } from "./widgets/data_editor.js";

const BUILDERS = {
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

  alert(props, view) {
    const kind = props.type[0].toUpperCase() + props.type.slice(1);
    const content = h("div", { testid: `stAlertContent${kind}`, class: "wl-alert-content" });
    if (props.icon) content.append(h("span", { class: "wl-icon" }, props.icon));
    content.append(markdownContainer(view, props.body, false));
    const el = h("div", { testid: "stAlert", class: `wl-alert wl-alert-${props.type}` },
      h("div", { testid: "stAlertContainer", role: "alert", class: "wl-alert-box" }, content));
    return { el };
  },

  exception(props, view) {
    // "Type: message". Streamlit's own errors carry Markdown (rendered, so no backticks
    // show); any other message is plain text.
    const message = h("div", { testid: "stExceptionMessage", class: "wl-exc-message" });
    const type = h("strong", { class: "wl-exc-type" });
    type.textContent = props.type;
    if (props.markdown) {
      const body = h("div", { testid: "stMarkdownContainer", class: "wl-md" });
      view.renderMarkdown(body, props.message, false);
      const first = body.firstElementChild && body.firstElementChild.tagName === "P" ? body.firstElementChild : null;
      if (first) first.prepend(type, ": ");
      else body.prepend(h("p", {}, type, ": "));
      message.append(body);
    } else {
      message.append(type, document.createTextNode(props.message ? `: ${props.message}` : ""));
    }
    const content = h("div", { testid: "stAlertContentError", class: "wl-alert-content wl-exc-content" }, message);
    if (props.traceback.length) {
      const rows = props.traceback.map((line) => {
        const row = h("div", { testid: "stExceptionTraceRow", class: "wl-exc-row" });
        row.textContent = line;
        return row;
      });
      content.append(h("div", { testid: "stExceptionTraceback", class: "wl-exc-trace" },
        h("p", { class: "wl-exc-trace-title" }, "Traceback:"), h("pre", {}, ...rows)));
    }
    const el = h("div", { testid: "stException", class: "wl-exception" + (props.is_warning ? " wl-exc-warning" : "") },
      h("div", { testid: "stAlertContainer", role: "alert", class: "wl-alert-box" }, content));
    return { el };
  },

  balloons() {
    const el = h("div", { testid: "stBalloons", class: "wl-balloons", "aria-hidden": "true" });
    for (let i = 0; i < 24; i++) {
      const b = h("span", { class: "wl-balloon" }, "🎈");
      b.style.left = `${(i * 37) % 100}%`;
      b.style.animationDelay = `${(i % 8) * 0.12}s`;
      el.append(b);
    }
    setTimeout(() => el.replaceChildren(), 4000);
    return { el };
  },

  spinner(props) {
    const text = h("div", { role: "status", class: "wl-spinner-text" });
    text.textContent = props.text;
    const el = h("div", { testid: "stSpinner", class: "wl-spinner" },
      h("i", { testid: "stSpinnerIcon", class: "wl-spinner-icon", "aria-hidden": "true" }), text);
    return { el };
  },
};

function unknown(kind) {
  return () => {
    const el = h("div", { class: "wl-unknown" });
    el.textContent = `wasmlit cannot show "${kind}" elements yet.`;
    return { el };
  };
}

const WIDGETS = { ...BASIC, ...CHOICE, ...RANGES, ...PICKERS, ...CHAT, ...FILES, ...DATA_EDITOR };

export function buildElement(kind, props, view) {
  if (kind in WIDGETS) return WIDGETS[kind](props, view);
  return (BUILDERS[kind] || unknown(kind))(props, view);
}

// Rebuild an element that has no in-place update.
export function updateElement(node, props, view) {
  const fresh = buildElement(node.kind, props, view);
  node.api.el.replaceWith(fresh.el);
  if (props.id) view.widgets.set(props.id, fresh);
  node.api = fresh;
}
