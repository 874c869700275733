// Builders for leaf elements, one per kind. Each returns {el, update?, read?, formId?}:
// `update(props, before)` patches in place (widgets keep focus and what the user typed);
// without it, an update rebuilds the element. `read()` gives a widget's current value
// (forms send them all on submit).
import { h, uid } from "./dom.js";

function markdownContainer(view, body, allowHtml, testid = "stMarkdownContainer") {
  const el = h("div", { testid, class: "wl-md" });
  view.renderMarkdown(el, body, allowHtml);
  return el;
}

function helpIcon(help) {
  if (!help) return null;
  const icon = h("span", { testid: "stTooltipIcon", class: "wl-help", title: help, tabindex: "0",
    "aria-label": help }, "?");
  return icon;
}

function widgetLabel(view, props, forId, tag = "label") {
  const label = h(tag, { testid: "stWidgetLabel", class: "wl-label", for: tag === "label" ? forId : null });
  const text = h("div", { testid: "stMarkdownContainer", class: "wl-md wl-label-text" });
  view.renderMarkdown(text, props.label, false, true);
  label.append(text);
  if (props.label_visibility === "hidden") label.classList.add("wl-label-hidden");
  if (props.label_visibility === "collapsed") label.classList.add("wl-label-collapsed");
  const help = helpIcon(props.help);
  // The help icon sits beside the label, so the widget's accessible name is the label alone.
  return help ? h("div", { class: "wl-label-row" }, label, help) : label;
}

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

  button(props, view) {
    const variant = props.submit ? `${props.type}FormSubmit` : props.type;
    const label = h("div", { testid: "stMarkdownContainer", class: "wl-md wl-button-label" });
    view.renderMarkdown(label, props.label, false, true);
    const button = h("button", { type: "button", testid: `stBaseButton-${variant}`,
      class: `wl-button wl-button-${props.type}`, disabled: props.disabled }, label);
    if (props.icon) button.prepend(h("span", { class: "wl-icon" }, props.icon));
    if (props.stretch) button.classList.add("wl-stretch");
    button.addEventListener("click", () => {
      if (props.submit) view.submitForm(props.form, props.id);
      else view.sendWidget(props.id, true);
    });
    let target = button;
    if (props.help) {
      button.title = props.help;
      target = h("div", { testid: "stTooltipHoverTarget", class: "wl-tooltip-target" }, button);
    }
    const el = h("div", { testid: props.submit ? "stFormSubmitButton" : "stButton", class: "wl-button-row" }, target);
    return { el, formId: props.form, submits: props.submit && !props.disabled };
  },

  checkbox(props, view) {
    const input = h("input", { type: "checkbox", class: "wl-checkbox-input",
      role: props.style === "toggle" ? "switch" : null, disabled: props.disabled });
    input.checked = Boolean(props.value);
    const label = h("label", { class: "wl-checkbox-label" }, input, h("span", { class: "wl-checkmark", "aria-hidden": "true" }),
      widgetLabel(view, props, null, "div"));
    const el = h("div", { testid: "stCheckbox", class: "wl-checkbox" }, label);
    input.addEventListener("change", () => {
      if (!props.form) view.sendWidget(props.id, input.checked);
    });
    return {
      el, formId: props.form,
      read: () => input.checked,
      update(p, before) {
        props = p;
        if (p.value !== before.value) input.checked = Boolean(p.value);
        input.disabled = Boolean(p.disabled);
      },
    };
  },

  text_input(props, view) {
    const id = uid("text-input");
    const input = h("input", { id, type: props.type === "password" ? "password" : "text",
      testid: "stTextInputField", class: "wl-input", autocomplete: props.autocomplete || "off",
      placeholder: props.placeholder, maxlength: props.max_chars, disabled: props.disabled,
      "aria-label": props.label });
    input.value = props.value ?? "";
    let committed = input.value;
    const commit = () => {
      if (props.form || input.value === committed) return;
      committed = input.value;
      view.sendWidget(props.id, input.value);
    };
    input.addEventListener("keydown", (ev) => {
      if (ev.key !== "Enter") return;
      if (props.form) view.submitFormByEnter(props.form);
      else commit();
    });
    input.addEventListener("blur", commit);
    const el = h("div", { testid: "stTextInput", class: "wl-text-input" },
      widgetLabel(view, props, id),
      h("div", { testid: "stTextInputRootElement", class: "wl-input-root" }, input));
    return {
      el, formId: props.form,
      read: () => input.value,
      update(p, before) {
        props = p;
        // Only a value the script changed replaces what is in the box.
        if (p.value !== before.value) { input.value = p.value ?? ""; committed = input.value; }
        input.disabled = Boolean(p.disabled);
        input.placeholder = p.placeholder || "";
      },
    };
  },

  number_input(props, view) {
    const id = uid("number-input");
    const input = h("input", { id, type: "number", testid: "stNumberInputField", class: "wl-input",
      step: props.step, min: props.min ?? null, max: props.max ?? null,
      placeholder: props.placeholder, disabled: props.disabled, "aria-label": props.label });
    const show = (v) => (v === null || v === undefined ? "" :
      props.is_int ? String(Math.trunc(v)) : formatNumber(v, props.format));
    input.value = show(props.value);
    let committed = props.value;
    const parse = () => {
      if (input.value.trim() === "") return null;
      let v = Number(input.value);
      if (Number.isNaN(v)) return committed;
      if (props.is_int) v = Math.trunc(v);
      if (props.min !== null && props.min !== undefined) v = Math.max(props.min, v);
      if (props.max !== null && props.max !== undefined) v = Math.min(props.max, v);
      return v;
    };
    const commit = () => {
      const v = parse();
      input.value = show(v);
      if (props.form || v === committed) return;
      committed = v;
      view.sendWidget(props.id, v);
    };
    const stepBy = (dir) => {
      const base = parse() ?? 0;
      let v = base + dir * props.step;
      if (!props.is_int) v = Number(v.toFixed(12));
      input.value = show(v);
      commit();
    };
    input.addEventListener("keydown", (ev) => {
      if (ev.key !== "Enter") return;
      commit();
      if (props.form) view.submitFormByEnter(props.form);
    });
    input.addEventListener("blur", commit);
    const down = h("button", { type: "button", testid: "stNumberInputStepDown", class: "wl-step",
      "aria-label": "Decrement", tabindex: "-1", disabled: props.disabled }, "−");
    const up = h("button", { type: "button", testid: "stNumberInputStepUp", class: "wl-step",
      "aria-label": "Increment", tabindex: "-1", disabled: props.disabled }, "+");
    down.addEventListener("click", () => stepBy(-1));
    up.addEventListener("click", () => stepBy(1));
    const el = h("div", { testid: "stNumberInput", class: "wl-number-input" },
      widgetLabel(view, props, id),
      h("div", { testid: "stNumberInputContainer", class: "wl-input-root" }, input, down, up));
    return {
      el, formId: props.form,
      read: () => parse(),
      update(p, before) {
        props = p;
        if (p.value !== before.value) { committed = p.value; input.value = show(p.value); }
        input.disabled = down.disabled = up.disabled = Boolean(p.disabled);
      },
    };
  },
};

// printf-style "%0.2f" / "%d" / "%.3e" formatting for number inputs.
function formatNumber(value, format) {
  const m = /%[0-9]*(?:\.([0-9]+))?([dfeiu])/.exec(format || "");
  if (!m) return String(value);
  const digits = m[1] === undefined ? 6 : Number(m[1]);
  if (m[2] === "f") return value.toFixed(digits);
  if (m[2] === "e") return value.toExponential(digits);
  return String(Math.trunc(value));
}

function unknown(kind) {
  return () => {
    const el = h("div", { class: "wl-unknown" });
    el.textContent = `wasmlit cannot show "${kind}" elements yet.`;
    return { el };
  };
}

export function buildElement(kind, props, view) {
  return (BUILDERS[kind] || unknown(kind))(props, view);
}

// Rebuild an element that has no in-place update.
export function updateElement(node, props, view) {
  const fresh = buildElement(node.kind, props, view);
  node.api.el.replaceWith(fresh.el);
  if (props.id) view.widgets.set(props.id, fresh);
  node.api = fresh;
}
