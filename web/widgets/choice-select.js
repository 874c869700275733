// st.selectbox and st.multiselect: a combobox (role=combobox input) with a listbox of
// options (role=option) that opens below it. Typing filters the options (fuzzy, as in
// Streamlit); with accept_new_options a typed text can be added ("Add: text").
// The single select's value is the option text or null; the multi select's a list of texts.
import { h, svgIcon, uid } from "../dom.js";
import { relabel, widgetLabel, widgetWidth } from "../widget-parts.js";

function icon(d, cls) {
  return svgIcon(d, { cls });
}

const CHEVRON = "M7.41 8.59 12 13.17l4.59-4.58L18 10l-6 6-6-6 1.41-1.41z";
const CROSS = "M18.3 5.71a1 1 0 0 0-1.41 0L12 10.59 7.11 5.7A1 1 0 0 0 5.7 7.11L10.59 12 5.7 16.89a1 1 0 1 0 1.41 1.41L12 13.41l4.89 4.89a1 1 0 0 0 1.41-1.41L13.41 12l4.89-4.89a1 1 0 0 0 0-1.4z";

// Streamlit's placeholder texts, and whether an empty select is disabled.
export function selectPlaceholder(placeholder, options, acceptNew, multi) {
  if (placeholder) return { text: placeholder, disable: false };
  if (!options.length) {
    if (acceptNew) return { text: multi ? "Add options" : "Add an option", disable: false };
    return { text: "No options to select", disable: true };
  }
  if (acceptNew) return { text: multi ? "Choose or add options" : "Choose or add an option", disable: false };
  return { text: multi ? "Choose options" : "Choose an option", disable: false };
}

// Fuzzy match: every typed character appears in order (case-insensitive); better matches
// (consecutive characters, early start, word starts) come first.
function matchScore(query, text) {
  const q = query.toLowerCase();
  const t = text.toLowerCase();
  let pos = 0;
  let score = 0;
  let last = -2;
  for (const ch of q) {
    const found = t.indexOf(ch, pos);
    if (found < 0) return null;
    if (found === last + 1) score += 3;
    if (found === 0 || /[\s_\-/.]/.test(t[found - 1])) score += 2;
    score -= (found - pos) * 0.1;
    last = found;
    pos = found + 1;
  }
  if (t === q) score += 100;
  return score;
}

export function fuzzyFilter(texts, query) {
  if (!query) return texts.slice();
  const scored = [];
  texts.forEach((text, order) => {
    const score = matchScore(query, text);
    if (score !== null) scored.push({ text, score, order });
  });
  scored.sort((a, b) => b.score - a.score || a.order - b.order);
  return scored.map((s) => s.text);
}

// Values are null, text, or lists (compared by content).
function sameValue(a, b) {
  if (a === b) return true;
  return typeof a === "object" && typeof b === "object" && JSON.stringify(a) === JSON.stringify(b);
}

// One select widget; `multi` picks the multiselect's behaviour.
export function buildSelect(props, view, multi) {
  const inputId = uid(multi ? "multiselect" : "selectbox");
  const listId = uid("listbox");
  let current = multi ? [...(props.value || [])] : (props.value ?? null);
  let isOpen = false;
  let query = "";
  let items = [];          // [{text, creatable}] shown in the list
  let highlight = -1;

  const input = h("input", { id: inputId, class: "wl-select-input", role: "combobox",
    "aria-autocomplete": "list", "aria-expanded": "false", "aria-haspopup": "listbox",
    autocomplete: "off", tabindex: "0" });
  const ghost = h("div", { class: "wl-select-ghost" });
  const inputWrap = h("div", { class: "wl-select-input-wrap" }, input, ghost);
  const tags = h("div", { class: "wl-select-tags" });
  const valueArea = h("div", { class: "wl-select-values" }, tags, inputWrap);
  const clearIcon = h("span", { class: "wl-select-clear", role: "button", tabindex: "-1",
    "aria-label": multi ? "Clear all" : "Clear value" }, icon(CROSS, "wl-select-svg-small"));
  const icons = h("div", { class: "wl-select-icons" }, clearIcon, icon(CHEVRON, "wl-select-chevron"));
  const control = h("div", { class: "wl-select-control" }, valueArea, icons);
  const select = h("div", { class: "wl-select" + (multi ? " wl-select-multi" : ""), "data-baseweb": "select" }, control);
  let label = widgetLabel(view, props, inputId);
  const el = h("div", { testid: multi ? "stMultiSelect" : "stSelectbox",
    class: multi ? "wl-multiselect" : "wl-selectbox" }, label, multi ? h("div", {}, select) : select);

  const list = h("ul", { id: listId, role: "listbox", class: "wl-select-list" });
  const popover = h("div", { class: "wl-select-popover", "data-baseweb": "popover" }, list);

  const looks = () => selectPlaceholder(props.placeholder, props.options, props.accept_new_options, multi);
  const isDisabled = () => Boolean(props.disabled) || looks().disable;
  const maxReached = () => multi && props.max_selections > 0 && current.length >= props.max_selections;

  function commit(value) {
    current = value;
    if (!props.form) view.sendWidget(props.id, multi ? [...current] : current);
  }

  // --- what the closed control shows
  function drawValue() {
    const disabled = isDisabled();
    input.disabled = disabled;
    select.classList.toggle("wl-disabled", disabled);
    const selected = multi ? current : (current === null ? [] : [current]);
    input.setAttribute("aria-label", selected.length ? `Selected ${selected.join(", ")}. ${props.label}` : props.label);
    const showGhost = !query;
    ghost.hidden = !showGhost || (multi && current.length > 0);
    inputWrap.classList.toggle("wl-ghosted", !ghost.hidden);
    if (!multi && current !== null) {
      ghost.className = "wl-select-ghost wl-select-value";
      ghost.textContent = current;
      ghost.setAttribute("value", current);
    } else {
      ghost.className = "wl-select-ghost wl-select-placeholder";
      ghost.textContent = looks().text;
      ghost.removeAttribute("value");
    }
    // Like baseweb's, the clear button is a button only while there is something to clear (a
    // hidden one is no button, so tests that take the first "Clear all" find a live one).
    const clearable = !disabled && (multi ? current.length > 0 : props.clearable && current !== null);
    clearIcon.hidden = !clearable;
    if (clearable) clearIcon.setAttribute("role", "button"); else clearIcon.removeAttribute("role");
    clearIcon.toggleAttribute("aria-label", clearable);
    if (clearable) clearIcon.setAttribute("aria-label", multi ? "Clear all" : "Clear value");
    // The tags are redrawn beside the input, never the input itself (moving it would blur it).
    if (multi) tags.replaceChildren(...current.map((text, i) => tag(text, i, disabled)));
  }

  function tag(text, index, disabled) {
    const close = h("span", { class: "wl-tag-close", role: "presentation", "aria-hidden": "true" },
      icon(CROSS, "wl-select-svg-small"));
    const caption = h("span", { class: "wl-tag-text", title: text });
    caption.textContent = text;
    const el = h("span", { class: "wl-tag", "data-baseweb": "tag", role: "button",
      tabindex: disabled ? "-1" : "0", "aria-label": `${text}, close by backspace`,
      "aria-disabled": disabled ? "true" : null }, caption, close);
    const remove = () => {
      if (isDisabled()) return;
      commit(current.filter((_, i) => i !== index));
      drawValue();
      if (isOpen) drawList();
      input.focus();
    };
    close.addEventListener("mousedown", (ev) => { ev.preventDefault(); ev.stopPropagation(); });
    // As in Streamlit, pressing a tag focuses it and does not open the list.
    el.addEventListener("mousedown", (ev) => ev.stopPropagation());
    close.addEventListener("click", (ev) => { ev.stopPropagation(); remove(); });
    el.addEventListener("keydown", (ev) => {
      if (ev.key === "Backspace" || ev.key === "Delete") { ev.preventDefault(); remove(); }
    });
    return el;
  }

  // --- the list of options
  function visibleItems() {
    let texts = props.options;
    if (multi) {
      if (maxReached()) return [];
      texts = texts.filter((t) => !current.includes(t));
    }
    const found = fuzzyFilter(texts, query).map((text) => ({ text, creatable: false }));
    const typed = query.trim();
    const taken = found.map((i) => i.text).concat(multi ? current : (current === null ? [] : [current]));
    if (query && props.accept_new_options && taken.every((t) => t !== typed)) {
      found.push({ text: query, creatable: true });
    }
    return found;
  }

  function emptyMessage() {
    if (maxReached()) {
      const noun = props.max_selections !== 1 ? "options" : "option";
      return `You can only select up to ${props.max_selections} ${noun}. Remove an option first.`;
    }
    return "No results";
  }

  function drawList() {
    items = visibleItems();
    if (highlight >= items.length) highlight = items.length - 1;
    list.dataset.testid = items.length ? "stSelectboxVirtualDropdown" : "stSelectboxVirtualDropdownEmpty";
    list.setAttribute("aria-label", props.label);
    if (!items.length) {
      const li = h("li", { class: "wl-select-empty", "aria-live": "polite", "aria-atomic": "true" });
      li.textContent = emptyMessage();
      list.replaceChildren(li);
      input.removeAttribute("aria-activedescendant");
      return;
    }
    list.replaceChildren(...items.map((item, i) => {
      const text = h("div", { class: "wl-select-option-text" });
      text.textContent = item.creatable ? `Add: ${item.text}` : item.text;
      const li = h("li", { role: "option", id: `${listId}-${i}`, class: "wl-select-option",
        "aria-selected": String(i === highlight), "aria-disabled": "false" }, text);
      li.addEventListener("mousedown", (ev) => ev.preventDefault());
      li.addEventListener("mousemove", () => { if (highlight !== i) setHighlight(i); });
      li.addEventListener("click", () => choose(item));
      return li;
    }));
    if (highlight >= 0) input.setAttribute("aria-activedescendant", `${listId}-${highlight}`);
    else input.removeAttribute("aria-activedescendant");
  }

  function setHighlight(i) {
    highlight = i;
    [...list.children].forEach((li, j) => {
      if (li.getAttribute("role") === "option") li.setAttribute("aria-selected", String(j === i));
    });
    if (i >= 0 && list.children[i]) {
      input.setAttribute("aria-activedescendant", `${listId}-${i}`);
      list.children[i].scrollIntoView({ block: "nearest" });
    }
  }

  function place() {
    const app = view.app;
    const appRect = app.getBoundingClientRect();
    const rect = control.getBoundingClientRect();
    popover.style.left = `${rect.left - appRect.left}px`;
    popover.style.top = `${rect.bottom - appRect.top + 1}px`;
    popover.style.width = `${rect.width}px`;
  }

  function open() {
    if (isOpen || isDisabled()) return;
    isOpen = true;
    input.setAttribute("aria-expanded", "true");
    input.setAttribute("aria-controls", listId);
    view.app.append(popover);
    items = visibleItems();
    const at = multi ? -1 : items.findIndex((i) => i.text === current);
    highlight = at >= 0 ? at : (items.length ? 0 : -1);
    drawList();
    place();
    if (highlight >= 0 && list.children[highlight]) list.children[highlight].scrollIntoView({ block: "nearest" });
    window.addEventListener("resize", place);
    document.addEventListener("scroll", place, true);
  }

  function close() {
    if (!isOpen) return;
    isOpen = false;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-controls");
    input.removeAttribute("aria-activedescendant");
    popover.remove();
    window.removeEventListener("resize", place);
    document.removeEventListener("scroll", place, true);
  }

  function resetQuery() {
    query = "";
    input.value = "";
  }

  function choose(item) {
    if (multi) {
      if (maxReached()) return;
      commit([...current, item.text]);
      resetQuery();
      drawValue();
      highlight = 0;
      if (isOpen) { drawList(); place(); }
    } else {
      resetQuery();
      close();
      if (item.text !== current) commit(item.text);
      drawValue();
    }
  }

  function clear() {
    resetQuery();
    commit(multi ? [] : null);
    drawValue();
    if (isOpen) drawList();
  }

  control.addEventListener("mousedown", (ev) => {
    if (ev.button !== 0 || isDisabled()) return;
    ev.preventDefault();
    if (document.activeElement !== input) input.focus();
    if (isOpen) close(); else open();
  });
  clearIcon.addEventListener("mousedown", (ev) => { ev.preventDefault(); ev.stopPropagation(); });
  clearIcon.addEventListener("click", (ev) => { ev.stopPropagation(); clear(); input.focus(); });
  input.addEventListener("input", () => {
    query = input.value;
    drawValue();
    if (!isOpen) open();
    highlight = 0;
    drawList();
    if (isOpen) place();
  });
  input.addEventListener("blur", () => {
    close();
    if (query) { resetQuery(); drawValue(); }
  });
  input.addEventListener("keydown", (ev) => {
    switch (ev.key) {
      case "ArrowDown":
        ev.preventDefault();
        if (!isOpen) open();
        else if (items.length) setHighlight(Math.min(highlight + 1, items.length - 1));
        break;
      case "ArrowUp":
        ev.preventDefault();
        if (!isOpen) open();
        else if (items.length) setHighlight(Math.max(highlight - 1, 0));
        break;
      case "Enter":
        if (isOpen && highlight >= 0 && items[highlight]) { ev.preventDefault(); choose(items[highlight]); }
        break;
      case "Escape":
        if (isOpen) {
          ev.preventDefault();
          ev.stopPropagation();
          close();
          if (query) { resetQuery(); drawValue(); }
        }
        else if (!multi && props.clearable && current !== null) { ev.preventDefault(); clear(); }
        break;
      case "Backspace":
        if (multi && !input.value && current.length && !isDisabled()) {
          ev.preventDefault();
          commit(current.slice(0, -1));
          drawValue();
          if (isOpen) drawList();
        }
        break;
      default:
    }
  });

  widgetWidth(el, props.width, true);
  drawValue();
  return {
    el, formId: props.form,
    read: () => (multi ? [...current] : current),
    update(p, before) {
      props = p;
      if (!sameValue(p.value, before.value)) current = multi ? [...(p.value || [])] : (p.value ?? null);
      label = relabel(view, label, p, before, inputId);
      widgetWidth(el, p.width, true);
      if (isDisabled()) close();
      drawValue();
      if (isOpen) { drawList(); place(); }
    },
    dispose() { close(); },
  };
}
