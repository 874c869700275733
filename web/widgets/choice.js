// Choice widgets: radio (here), selectbox and multiselect (choice-select.js), pills,
// segmented_control and feedback (choice-buttons.js). Each builder returns
// {el, formId, read, update} (see elements.js).
import { h, uid } from "../dom.js";
import { relabel, widgetLabel, widgetWidth } from "../widget-parts.js";
import { buildSelect } from "./choice-select.js";
import { BUTTON_GROUPS } from "./choice-buttons.js";

const NO_OPTIONS = "No options to select.";

function radio(props, view) {
  const name = uid("radio");
  let label = widgetLabel(view, props, null);
  const group = h("div", { role: "radiogroup", testid: "stRadioGroup", class: "wl-radio-group" });
  const el = h("div", { testid: "stRadio", class: "wl-radio" }, label, group);
  let current = props.value ?? null;
  let inputs = [];

  function option(text, caption, i, disabled) {
    const input = h("input", { type: "radio", name, value: String(i), class: "wl-radio-input",
      disabled });
    input.addEventListener("change", () => {
      if (!input.checked) return;
      current = i;
      if (!props.form) view.sendWidget(props.id, i);
    });
    const body = h("div", { testid: "stMarkdownContainer", class: "wl-md wl-radio-text" });
    view.renderMarkdown(body, text, false, true);
    const texts = h("div", { class: "wl-radio-texts" }, body);
    if (caption !== null) {
      const cap = h("div", { testid: "stCaptionContainer", class: "wl-md wl-caption wl-radio-caption" });
      view.renderMarkdown(cap, caption, false, true);
      texts.append(cap);
    }
    return { input, el: h("label", { testid: "stRadioOption", class: "wl-radio-option", "data-baseweb": "radio" }, input,
      h("span", { class: "wl-radio-mark", "aria-hidden": "true" }), texts) };
  }

  // The options, drawn again only when they (or their captions) change.
  function build() {
    const empty = !props.options.length;
    const disabled = Boolean(props.disabled) || empty;
    const hasCaptions = props.captions.length > 0;
    group.setAttribute("aria-label", props.label);
    group.classList.toggle("wl-radio-horizontal", Boolean(props.horizontal));
    group.classList.toggle("wl-radio-with-captions", hasCaptions);
    const texts = empty ? [NO_OPTIONS] : props.options;
    const built = texts.map((text, i) => {
      let caption = hasCaptions ? (props.captions[i] ?? "") : null;
      // A horizontal row keeps its options aligned when one has no caption.
      if (caption === "" && props.horizontal) caption = "&nbsp;";
      return option(text, caption, i, disabled);
    });
    inputs = built.map((b) => b.input);
    group.replaceChildren(...built.map((b) => b.el));
    check();
  }

  function check() {
    const empty = !props.options.length;
    inputs.forEach((input, i) => {
      input.checked = current === i;
      input.disabled = Boolean(props.disabled) || empty;
    });
    el.classList.toggle("wl-disabled", Boolean(props.disabled) || empty);
  }

  widgetWidth(el, props.width);
  build();
  return {
    el, formId: props.form,
    read: () => current,
    update(p, before) {
      const structure = (q) => JSON.stringify([q.label, q.options, q.captions, q.horizontal]);
      const rebuild = structure(p) !== structure(before);
      props = p;
      if (p.value !== before.value) current = p.value ?? null;
      label = relabel(view, label, p, before);
      widgetWidth(el, p.width);
      if (rebuild) build(); else check();
    },
  };
}

/** @satisfies {import("../protocol").SomeElementBuilders} */
export const BUILDERS = {
  radio,
  selectbox: (props, view) => buildSelect(props, view, false),
  multiselect: (props, view) => buildSelect(props, view, true),
  ...BUTTON_GROUPS,
};
