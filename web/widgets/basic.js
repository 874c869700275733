// Buttons and the basic value widgets: button, form_submit_button, checkbox,
// text_input, number_input. Each builder returns {el, update?, read?, formId?} (see
// elements.js).
import { h, uid } from "../dom.js";
import { formatNumber, widgetLabel } from "../widget-parts.js";

export const BUILDERS = {
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
