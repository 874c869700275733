// Buttons and the basic value widgets: button, form_submit_button, download_button,
// link_button, checkbox, toggle, text_input, text_area, number_input.
// Each builder returns {el, update?, read?, formId?} (see elements.js). Their DOM follows
// Streamlit 1.50's (test ids, aria-labels, instructions), and so do their commit rules:
// text commits on Enter (Ctrl/Cmd+Enter in a text area) or blur, only when edited.
import { h, safeUrl, svgIcon, uid } from "../dom.js";
import { widgetLabel, withinMaxChars } from "../widget-parts.js";
import { setTooltip } from "../tooltip.js";
import { sprintf } from "../format.js";
import { materialName, materialSpan } from "../icons.js";

const IS_MAC = typeof navigator !== "undefined" &&
  /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent || "");

// --- shared pieces -------------------------------------------------------------------------

// Material "visibility" / "visibility_off" icons (the password reveal button).
const EYE = "M12 4.5C7 4.5 2.73 7.61 1 12c1.73 4.39 6 7.5 11 7.5s9.27-3.11 11-7.5c-1.73-4.39-6-7.5-11-7.5zM12 17c-2.76 0-5-2.24-5-5s2.24-5 5-5 5 2.24 5 5-2.24 5-5 5zm0-8c-1.66 0-3 1.34-3 3s1.34 3 3 3 3-1.34 3-3-1.34-3-3-3z";
const EYE_OFF = "M12 7c2.76 0 5 2.24 5 5 0 .65-.13 1.26-.36 1.83l2.92 2.92c1.51-1.26 2.7-2.89 3.43-4.75-1.73-4.39-6-7.5-11-7.5-1.4 0-2.74.25-3.98.7l2.16 2.16C10.74 7.13 11.35 7 12 7zM2 4.27l2.28 2.28.46.46C3.08 8.3 1.78 10.02 1 12c1.73 4.39 6 7.5 11 7.5 1.55 0 3.03-.3 4.38-.84l.42.42L19.73 22 21 20.73 3.27 3 2 4.27zM7.53 9.8l1.55 1.55c-.05.21-.08.43-.08.65 0 1.66 1.34 3 3 3 .22 0 .44-.03.65-.08l1.55 1.55c-.67.33-1.41.53-2.2.53-2.76 0-5-2.24-5-5 0-.79.2-1.53.53-2.2zm4.31-.78l3.15 3.15.02-.16c0-1.66-1.34-3-3-3l-.17.01z";

// An icon as Streamlit draws it: an emoji, or a Material Symbols ligature name.
export function iconElement(icon, testid = null) {
  if (!icon) return null;
  const material = materialName(icon);
  const inner = material
    ? materialSpan(material, "stIconMaterial")
    : h("span", { testid: "stIconEmoji", class: "wl-emoji-icon", "aria-hidden": "true" }, icon);
  return h("span", { testid, class: "wl-icon" }, inner);
}

// The label of a button: inline Markdown in a stMarkdownContainer paragraph.
function buttonLabel(view, text) {
  const p = h("p");
  view.renderMarkdown(p, text, false, true);
  return h("div", { testid: "stMarkdownContainer", class: "wl-md wl-button-label" }, p);
}

// A button or link with `help`: Streamlit 1.50 draws it twice, in its tooltip hover
// target, and as a plain copy it shows only on touch screens (always hidden here).
// `make()` builds one copy; `layout(p)` arranges them when `help` comes or goes.
function helpedControl(el, make, view) {
  const copies = [make()];
  let shownHelp;
  return {
    copies,
    layout(p) {
      const help = p.help || null;
      if (help === shownHelp) return;
      shownHelp = help;
      if (!help) { el.replaceChildren(copies[0]); return; }
      if (copies.length === 1) copies.push(make());
      const target = h("div", { testid: "stTooltipHoverTarget", class: "wl-tooltip-target" }, copies[0]);
      setTooltip(target, help, view);
      el.replaceChildren(
        h("div", { class: "wl-help-wrap" }, h("div", { testid: "stTooltipIcon", class: "wl-tooltip" }, target)),
        h("div", { class: "wl-touch-copy" }, copies[1]));
    },
  };
}

// width: "content" (fit), "stretch" (the container's width) or a number of pixels.
function applyWidth(el, inner, width) {
  const full = width === "stretch" || typeof width === "number";
  el.classList.toggle("wl-stretch", full);
  for (const control of inner || []) control.classList.toggle("wl-stretch", full);
  el.style.width = typeof width === "number" ? `${width}px` : "";
  el.style.maxWidth = typeof width === "number" ? "100%" : "";
}

// Streamlit lets Enter submit a form when the form allows it and its first submit
// button is enabled.
function formTakesEnter(view, formId) {
  if (!formId) return false;
  const form = view.formNode ? view.formNode(formId) : null;
  if (form && form.props.enter_to_submit === false) return false;
  for (const api of view.widgets.values()) {
    if (api.formId === formId && api.isSubmit) return Boolean(api.submits);
  }
  return false;
}

// The "Press Enter to apply" / "3/10" hints under a focused text field.
function inputInstructions() {
  const el = h("div", { testid: "InputInstructions", class: "wl-instructions" });
  return {
    el,
    show(parts) {
      el.replaceChildren(...parts.map(([text, blink], i) => {
        const span = h("span", { class: (i ? "wl-dot" : "") + (blink ? " wl-blink" : "") });
        span.textContent = text;
        return span;
      }));
    },
  };
}

function instructionParts({ allowEnter, inForm, multiline, text, maxChars, dirty }) {
  const parts = [];
  if (allowEnter) {
    const action = inForm ? "submit form" : "apply";
    parts.push([multiline ? `Press ${IS_MAC ? "⌘" : "Ctrl"}+Enter to ${action}` : `Press Enter to ${action}`, false]);
  }
  if (maxChars) parts.push([`${text.length}/${maxChars}`, dirty && text.length >= maxChars]);
  return parts;
}

function isEnter(ev) {
  return (ev.key === "Enter" || ev.keyCode === 13) && !ev.isComposing;
}

function base64Bytes(data) {
  const text = atob(data || "");
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return bytes;
}

// Make the file in the page and hand it to the browser as a download.
function downloadFile(props) {
  const blob = new Blob([base64Bytes(props.data)], { type: props.mime || "application/octet-stream" });
  const url = URL.createObjectURL(blob);
  const link = h("a", { href: url, download: props.file_name || "", hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60000);
}

// --- buttons -----------------------------------------------------------------------------

// One button element (st.button, st.form_submit_button, st.download_button), its testids
// as Streamlit's: stButton > stBaseButton-<type>, stFormSubmitButton > ...FormSubmit,
// stDownloadButton > stBaseButton-<type>.
function makeButton(props, view, { testid, variant, onClick }) {
  let current = props;
  const make = () => {
    const button = h("button", { type: "button", kind: variant, testid: `stBaseButton-${variant}`,
      class: `wl-button wl-button-${props.type}` });
    button.addEventListener("click", () => onClick(current));
    return button;
  };
  const draw = (p, copies) => {
    for (const button of copies) {
      button.replaceChildren(...[iconElement(p.icon), buttonLabel(view, p.label)].filter(Boolean));
      button.disabled = Boolean(p.disabled);
    }
  };
  const el = h("div", { testid, class: "wl-button-row" });
  const redraw = drawnControl(el, make, draw, props, view);
  return {
    el,
    refresh(p) {
      current = p;
      redraw(p);
    },
  };
}

// A button-like control (made by `make`) in `el`, with its help tooltip, drawn by `draw`
// and sized now; the function returned does all that again for new props.
function drawnControl(el, make, draw, props, view) {
  const control = helpedControl(el, make, view);
  const redraw = (p) => {
    control.layout(p);
    draw(p, control.copies);
    applyWidth(el, control.copies, p.width);
  };
  redraw(props);
  return redraw;
}

function submitButton(props, view) {
  const made = makeButton(props, view, {
    testid: "stFormSubmitButton", variant: `${props.type}FormSubmit`,
    onClick: (p) => view.submitForm(p.form, p.id),
  });
  const api = {
    el: made.el, formId: props.form, isSubmit: true, submits: !props.disabled,
    update(p) {
      props = p;
      api.submits = !p.disabled;
      made.refresh(p);
    },
  };
  return api;
}

/** @satisfies {import("../protocol").SomeElementBuilders} */
export const BUILDERS = {
  button(props, view) {
    if (props.submit) return submitButton(props, view);
    const made = makeButton(props, view, {
      testid: "stButton", variant: props.type,
      onClick: (p) => view.sendWidget(p.id, true),
    });
    return { el: made.el, update(p) { props = p; made.refresh(p); } };
  },

  form_submit_button: submitButton,

  download_button(props, view) {
    let current = props;
    const made = makeButton(props, view, {
      testid: "stDownloadButton", variant: props.type,
      onClick: () => {
        if (!current.ignore_rerun) view.sendWidget(current.id, true);
        downloadFile(current);
      },
    });
    return { el: made.el, update(p) { current = p; made.refresh(p); } };
  },

  link_button(props, view) {
    const make = () => {
      const link = h("a", { testid: `stBaseLinkButton-${props.type}`, kind: props.type,
        class: `wl-button wl-button-${props.type} wl-link-button`, target: "_blank", rel: "noreferrer" });
      link.addEventListener("click", (ev) => { if (link.hasAttribute("disabled")) ev.preventDefault(); });
      return link;
    };
    const draw = (p, copies) => {
      for (const link of copies) {
        const url = safeUrl(p.url);  // a javascript:/data: URL leaves the link inert
        if (url) link.href = url; else link.removeAttribute("href");
        link.replaceChildren(...[iconElement(p.icon), buttonLabel(view, p.label)].filter(Boolean));
        link.toggleAttribute("disabled", Boolean(p.disabled));
        link.tabIndex = p.disabled ? -1 : 0;
      }
    };
    const el = h("div", { testid: "stLinkButton", class: "wl-button-row" });
    return { el, update: drawnControl(el, make, draw, props, view) };
  },

  // --- checkbox and toggle ---------------------------------------------------------------
  checkbox(props, view) {
    return checkLike(props, view, "checkbox");
  },

  toggle(props, view) {
    return checkLike(props, view, "toggle");
  },

  // --- text --------------------------------------------------------------------------------
  text_input(props, view) {
    const id = uid("text_input");
    const input = h("input", { id, type: props.type === "password" ? "password" : "text",
      testid: "stTextInputField", class: "wl-input", inputmode: "text",
      autocomplete: props.autocomplete ?? "", placeholder: props.placeholder ?? "",
      disabled: props.disabled, "aria-label": props.label });
    const base = h("div", { class: "wl-base-input" }, input);
    let reveal = null;
    if (props.type === "password") {
      reveal = h("button", { type: "button", class: "wl-reveal", "aria-label": "Show password text",
        title: "Show password text" }, svgIcon(EYE));
      reveal.addEventListener("mousedown", (ev) => ev.preventDefault());  // keep the focus
      reveal.addEventListener("click", () => {
        const shown = input.type === "password";
        input.type = shown ? "text" : "password";
        const name = shown ? "Hide password text" : "Show password text";
        reveal.setAttribute("aria-label", name);
        reveal.title = name;
        reveal.replaceChildren(svgIcon(shown ? EYE_OFF : EYE));
      });
      base.append(reveal);
    }
    const icon = iconElement(props.icon, "stTextInputIcon");
    const root = h("div", { testid: "stTextInputRootElement", class: "wl-input-root" },
      icon ? h("div", { class: "wl-input-icon" }, icon) : null, base);
    const el = h("div", { testid: "stTextInput", class: "wl-text-input" }, widgetLabel(view, props, id), root);
    return textWidget(el, textField(props, view, input, el, false), input, props);
  },

  text_area(props, view) {
    const id = uid("text_area");
    const area = h("textarea", { id, class: "wl-input wl-textarea", inputmode: "text",
      placeholder: props.placeholder ?? "", disabled: props.disabled, "aria-label": props.label,
      rows: "3" });
    const root = h("div", { testid: "stTextAreaRootElement", class: "wl-input-root wl-textarea-root" },
      h("div", { class: "wl-base-input" }, area));
    const el = h("div", { testid: "stTextArea", class: "wl-text-area" }, widgetLabel(view, props, id), root);
    const sizeArea = (p) => {
      area.style.height = "";
      area.classList.toggle("wl-stretch-height", p.height === "stretch");
      if (typeof p.height === "number") {
        const label = p.label_visibility === "collapsed" ? 2 : 30;
        area.style.height = `${Math.max(0, p.height - label)}px`;
      } else if (p.height === "content") {
        area.style.height = "auto";
        area.style.height = `${area.scrollHeight + 2}px`;
      }
    };
    const field = textField(props, view, area, el, true, () => { if (props.height === "content") sizeArea(props); });
    sizeArea(props);
    return textWidget(el, field, area, props, (p) => { props = p; sizeArea(p); });
  },

  // --- number ------------------------------------------------------------------------------
  number_input(props, view) {
    return numberInput(props, view);
  },
};

const STEPS_MIN_WIDTH = 120;  // px: 1.50's breakpoint for a number input's step buttons

// Checkbox and toggle: a real checkbox input (keyboard, forms, label click), drawn over.
function checkLike(props, view, style) {
  const input = h("input", { type: "checkbox", class: "wl-check-input", "aria-label": props.label,
    disabled: props.disabled });
  // Baseweb's checkbox states its value in aria-checked too (Streamlit's tests read it).
  const check = (/** @type {boolean} */ on) => { input.checked = on; input.setAttribute("aria-checked", String(on)); };
  check(Boolean(props.value));
  const mark = style === "toggle"
    ? h("span", { class: "wl-toggle-track", "aria-hidden": "true" }, h("span", { class: "wl-toggle-knob" }))
    : h("span", { class: "wl-checkmark", "aria-hidden": "true" });
  const text = widgetLabel(view, props, null, "div");
  const label = h("label", { class: `wl-check-label wl-${style}` + (props.disabled ? " wl-disabled" : "") },
    input, mark, text);
  const el = h("div", { testid: "stCheckbox", class: "wl-checkbox" }, label);
  input.addEventListener("change", () => {
    input.setAttribute("aria-checked", String(input.checked));
    if (!props.form) view.sendWidget(props.id, input.checked);
  });
  applyWidth(el, [], props.width);
  return {
    el, formId: props.form,
    read: () => input.checked,
    update(p, before) {
      props = p;
      if (p.value !== before.value) check(Boolean(p.value));
      input.disabled = Boolean(p.disabled);
      label.classList.toggle("wl-disabled", Boolean(p.disabled));
      input.setAttribute("aria-label", p.label);
      if (p.label !== before.label || p.help !== before.help || p.label_visibility !== before.label_visibility) {
        const fresh = widgetLabel(view, p, null, "div");
        label.lastChild.replaceWith(fresh);
      }
      applyWidth(el, [], p.width);
    },
  };
}

// The editing rules text_input and text_area share: max_chars refuses a longer edit,
// Enter (Ctrl/Cmd+Enter for a text area) or blur commits an edited value, in a form Enter
// submits the form. `field.update` takes a value the script set.
// A text widget's api (st.text_input, st.text_area): `field` keeps what the user typed,
// `redraw(p)` draws what else the new props change.
function textWidget(el, field, input, props, redraw = (p) => {}) {
  applyWidth(el, [], props.width);
  return {
    el, formId: props.form,
    read: () => input.value,
    update(p, before) {
      field.update(p, before);
      input.placeholder = p.placeholder ?? "";
      redraw(p);
      applyWidth(el, [], p.width);
    },
  };
}

function textField(props, view, input, el, multiline, afterInput = () => {}) {
  input.value = props.value ?? "";
  let accepted = input.value;
  let dirty = false;
  let focused = false;
  let lastSent;  // what this field sent, until the run that got it echoes it back
  const hints = inputInstructions();

  const showHints = () => {
    if (!focused) { hints.el.remove(); return; }
    const inForm = Boolean(props.form);
    hints.show(instructionParts({ allowEnter: inForm ? formTakesEnter(view, props.form) : dirty,
      inForm, multiline, text: input.value, maxChars: props.max_chars, dirty }));
    if (!hints.el.isConnected) el.append(hints.el);
  };
  const commit = () => {
    dirty = false;
    if (!props.form) {
      lastSent = input.value;
      view.sendWidget(props.id, input.value);
    }
    showHints();
  };
  input.addEventListener("input", () => {
    // As React's onChange: an edit that leaves the text as it was is no edit.
    if (input.value === accepted) return;
    if (withinMaxChars(input, accepted, props.max_chars)) {
      accepted = input.value;
      dirty = true;
    }
    afterInput();
    showHints();
  });
  input.addEventListener("keydown", (ev) => {
    if (!isEnter(ev)) return;
    if (multiline && !(ev.metaKey || ev.ctrlKey)) return;
    ev.preventDefault();
    if (dirty) commit();
    if (props.form && formTakesEnter(view, props.form)) view.submitFormByEnter(props.form);
  });
  input.addEventListener("focus", () => { focused = true; showHints(); });
  input.addEventListener("blur", () => {
    if (dirty) commit();
    focused = false;
    hints.el.remove();
  });
  return {
    update(p, before) {
      props = p;
      input.disabled = Boolean(p.disabled);
      input.setAttribute("aria-label", p.label);
      if (p.value === lastSent) { lastSent = undefined; return; }
      if (p.value !== before.value) {
        input.value = p.value ?? "";
        accepted = input.value;
        dirty = false;
        afterInput();
      }
    },
  };
}

// st.number_input as Streamlit 1.50 runs it: what is typed is parsed at once (an int
// widget keeps the integer part), committed on Enter or blur when edited; a value out of
// [min, max] is not committed (the browser reports it); an empty field commits the
// default. Arrow keys and the step buttons add or take one step and commit.
function numberInput(props, view) {
  const id = uid("number_input");
  const isInt = () => props.data_type === "int";
  const stepOf = (p) => p.step || (p.data_type === "int" ? 1 : 0.01);
  const show = (v) => (v === null || v === undefined ? "" : sprintf(props.format, v));
  let value = props.value ?? null;     // the number the field holds, typed or committed
  let committed = value;
  let dirty = false;
  let focused = false;
  let lastSent;
  const input = h("input", { id, type: "number", testid: "stNumberInputField", class: "wl-input",
    inputmode: "", autocomplete: "on", placeholder: props.placeholder ?? "", disabled: props.disabled,
    "aria-label": props.label });
  const setBounds = (p) => {
    input.min = p.min; input.max = p.max; input.step = stepOf(p);
  };
  setBounds(props);
  input.value = show(value);
  const down = h("button", { type: "button", testid: "stNumberInputStepDown", class: "wl-step wl-step-down",
    tabindex: "-1" });
  const up = h("button", { type: "button", testid: "stNumberInputStepUp", class: "wl-step wl-step-up",
    tabindex: "-1" });
  const clear = h("button", { type: "button", class: "wl-clear", "aria-label": "Clear value", tabindex: "-1", hidden: true }, "×");
  const clearable = () => (props.default === null || props.default === undefined) && !props.disabled;
  const hints = inputInstructions();
  const hintBox = h("div", { class: "wl-number-hints" });
  const icon = iconElement(props.icon, "stNumberInputIcon");
  const container = h("div", { testid: "stNumberInputContainer", class: "wl-input-root wl-number-root" },
    h("div", { class: "wl-number-field" }, icon ? h("div", { class: "wl-input-icon" }, icon) : null,
      h("div", { class: "wl-base-input" }, input, clear)),
    h("div", { class: "wl-steps" }, down, up));
  const el = h("div", { testid: "stNumberInput", class: "wl-number-input" },
    widgetLabel(view, props, id), container, hintBox);
  // As in 1.50, a field 120 px wide or less (more with an icon) has no step buttons.
  const steps = /** @type {HTMLElement} */ (container.lastElementChild);
  const sizes = new ResizeObserver(() => {
    const room = el.clientWidth > STEPS_MIN_WIDTH + (icon ? 24 : 0);
    if (room !== Boolean(steps.parentNode)) (room ? container.append(steps) : steps.remove());
  });
  sizes.observe(el);

  const canStep = (dir) => value !== null && (dir > 0 ? value + stepOf(props) <= props.max
    : value - stepOf(props) >= props.min);
  const refresh = () => {
    down.disabled = !canStep(-1) || Boolean(props.disabled);
    up.disabled = !canStep(1) || Boolean(props.disabled);
    clear.hidden = !clearable() || input.value === "";
    if (focused) {
      const inForm = Boolean(props.form);
      hints.show(instructionParts({ allowEnter: inForm ? formTakesEnter(view, props.form) : dirty,
        inForm, multiline: false, text: "", maxChars: null, dirty }));
      if (!hints.el.isConnected) hintBox.append(hints.el);
    } else {
      hints.el.remove();
    }
  };
  const commit = (v) => {
    if (v !== null && (v < props.min || v > props.max)) {
      input.reportValidity();
      return;
    }
    const next = v ?? props.default ?? null;
    dirty = false;
    value = committed = next;
    input.value = lastText = show(next);
    if (!props.form) {
      lastSent = next;
      view.sendWidget(props.id, next);
    }
    refresh();
  };
  const stepBy = (dir) => {
    if (!canStep(dir)) return;
    dirty = true;
    commit((value ?? (dir > 0 ? props.min : props.max)) + dir * stepOf(props));
  };
  let lastText = input.value;
  input.addEventListener("input", () => {
    const text = input.value;
    if (text === lastText) return;  // as React's onChange: no change, no edit
    lastText = text;
    value = text === "" ? null : (isInt() ? parseInt(text, 10) : parseFloat(text));
    if (Number.isNaN(value)) value = null;
    dirty = true;
    refresh();
  });
  input.addEventListener("keydown", (ev) => {
    if (ev.key === "ArrowUp") { ev.preventDefault(); stepBy(1); return; }
    if (ev.key === "ArrowDown") { ev.preventDefault(); stepBy(-1); return; }
    if (ev.key === "Escape" && clearable() && input.value !== "") {
      input.value = lastText = ""; value = null; dirty = true; refresh(); return;
    }
    if (!isEnter(ev)) return;
    if (dirty) commit(value);
    if (props.form && formTakesEnter(view, props.form)) view.submitFormByEnter(props.form);
  });
  input.addEventListener("wheel", (ev) => ev.preventDefault(), { passive: false });
  input.addEventListener("focus", () => { focused = true; refresh(); });
  input.addEventListener("blur", () => {
    // A value out of range is not committed: the browser reports it (and refocuses the
    // field), but the field counts as left, so its hints go, as in Streamlit.
    if (dirty) commit(value);
    focused = false;
    refresh();
  });
  down.addEventListener("click", () => stepBy(-1));
  up.addEventListener("click", () => stepBy(1));
  clear.addEventListener("mousedown", (ev) => ev.preventDefault());
  clear.addEventListener("click", () => {
    input.value = lastText = ""; value = null; dirty = true; input.focus(); refresh();
  });
  refresh();
  applyWidth(el, [], props.width);
  return {
    el, formId: props.form,
    read: () => committed,
    update(p, before) {
      props = p;
      setBounds(p);
      input.disabled = Boolean(p.disabled);
      input.placeholder = p.placeholder ?? "";
      input.setAttribute("aria-label", p.label);
      if (p.value === lastSent) lastSent = undefined;
      else if (p.value !== before.value || p.format !== before.format) {
        value = committed = p.value ?? null;
        dirty = false;
        input.value = lastText = show(value);
      }
      applyWidth(el, [], p.width);
      refresh();
    },
    dispose() { sizes.disconnect(); },
  };
}

