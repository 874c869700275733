// Pickers: st.date_input (a text field with a calendar), st.time_input (a combobox of
// times every `step` seconds, typing a time also works) and st.color_picker (a swatch
// opening a saturation/hue picker with a hex field). Values on the page: a list of ISO
// dates, "HH:MM" or null, "#rrggbb".
import { h, uid } from "../dom.js";
import { widgetLabel } from "../widget-parts.js";
import { colorFields } from "./color-fields.js";

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
  "September", "October", "November", "December"];
const DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

// The label Streamlit draws is not the field's accessible name (the field has its own).
function hiddenLabel(view, props) {
  const label = widgetLabel(view, props, null);
  const el = label.dataset.testid === "stWidgetLabel" ? label : label.querySelector("[data-testid=stWidgetLabel]");
  el.setAttribute("aria-hidden", "true");
  return { label, el };
}

function patchLabel(view, labelEl, p, before) {
  const text = labelEl.querySelector("[data-testid=stMarkdownContainer] > p") ||
        labelEl.querySelector("[data-testid=stMarkdownContainer]");
  if (text && p.label !== before.label) view.renderMarkdown(text, p.label, false, true);
  labelEl.classList.toggle("wl-label-hidden", p.label_visibility === "hidden");
  labelEl.classList.toggle("wl-label-collapsed", p.label_visibility === "collapsed");
}

function applyWidth(el, width) {
  el.style.width = typeof width === "number" ? `${width}px` : "";
}

// A popover opens below its field, or above it when only there is room (as baseweb's).
function placePopover(popover) {
  popover.classList.remove("wl-above");
  const box = popover.getBoundingClientRect();
  const anchor = popover.parentElement.getBoundingClientRect();
  if (box.bottom > window.innerHeight && anchor.top - box.height > 0) popover.classList.add("wl-above");
}

// Close a popover when the pointer goes down outside `inside` (returns the remover).
function onOutsidePointer(inside, close) {
  const handler = (ev) => { if (!inside.contains(ev.target)) close(); };
  document.addEventListener("pointerdown", handler, true);
  return () => document.removeEventListener("pointerdown", handler, true);
}

// --- dates --------------------------------------------------------------------------
const pad = (n, len = 2) => String(n).padStart(len, "0");
const isoOf = (y, m, d) => `${pad(y, 4)}-${pad(m + 1)}-${pad(d)}`;
const partsOf = (iso) => iso.split("-").map(Number);

/** An ISO date shown in a date_input format (YYYY/MM/DD, DD.MM.YYYY, MM-DD-YYYY...). */
export function showDate(iso, format) {
  const [y, m, d] = partsOf(iso);
  // baseweb shows hyphens as en dashes ("06–30–2025"), as its range separator is one.
  return format.replace("YYYY", pad(y, 4)).replace("MM", pad(m)).replace("DD", pad(d)).replace(/-/g, "–");
}

/** The ISO date a text in `format` names, or null when it is not a whole real date. */
export function readDate(text, format) {
  const order = [];
  const pattern = format.replace(/YYYY|MM|DD|[.*+?^${}()|[\]\\/-]/g, (t) => {
    if (t === "YYYY") { order.push("y"); return "(\\d{4})"; }
    if (t === "MM" || t === "DD") { order.push(t[0].toLowerCase()); return "(\\d{2})"; }
    return `\\${t}`;
  });
  const m = new RegExp(`^${pattern}$`).exec(text.trim());
  if (!m) return null;
  const got = {};
  order.forEach((k, i) => { got[k] = Number(m[i + 1]); });
  const date = new Date(Date.UTC(got.y, got.m - 1, got.d));
  if (date.getUTCFullYear() !== got.y || date.getUTCMonth() !== got.m - 1 || date.getUTCDate() !== got.d) return null;
  return isoOf(got.y, got.m - 1, got.d);
}

function ordinal(n) {
  const b = n % 10;
  const suffix = Math.floor((n % 100) / 10) === 1 ? "th" : b === 1 ? "st" : b === 2 ? "nd" : b === 3 ? "rd" : "th";
  return `${n}${suffix}`;
}

function dayLabel(iso, { selected, disabled, range, end }) {
  const [y, m, d] = partsOf(iso);
  const wd = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  const when = `${DAYS[wd]}, ${MONTHS[m - 1]} ${ordinal(d)} ${y}`;
  let lead = "Choose";
  if (selected) lead = range ? (end ? "Selected end date." : "Selected start date.") : "Selected.";
  else if (disabled) lead = "Not available.";
  return `${lead} ${when}. ${disabled ? "" : "It's available."}`.trim();
}

function dateInput(props, view) {
  let value = (props.value || []).slice();
  let open = false;
  let shownMonth = null;       // [year, monthIndex] the calendar shows
  let focusDay = null;         // ISO date of the calendar cell that takes focus
  let emptied = false;         // the user cleared the field (restored on close)
  let stopOutside = null;
  const { label, el: labelEl } = hiddenLabel(view, props);
  const input = h("input", { type: "text", testid: "stDateInputField", class: "wl-input",
    autocomplete: "on", inputmode: "text", "aria-invalid": "false", "aria-required": "false" });
  const clear = h("button", { type: "button", class: "wl-clear", "aria-label": "Clear value" });
  const field = h("div", { "data-baseweb": "input", class: "wl-input-root wl-date-field" },
    h("div", { "data-baseweb": "base-input", class: "wl-base-input" }, input));
  // The clear control is in the page only while it can be used (as in baseweb).
  const showClear = () => {
    const wanted = clearable() && value.length > 0;
    if (wanted && !clear.isConnected) field.append(clear);
    if (!wanted && clear.isConnected) clear.remove();
  };
  const popover = h("div", { "data-baseweb": "popover", class: "wl-popover wl-calendar-popover" });
  const root = h("div", { class: "wl-picker-root" }, field, popover);
  // Screen-reader texts, visually hidden (as baseweb's date picker has them).
  const hintId = uid("date-hint");
  const hint = h("p", { id: hintId, class: "wl-sr-only" }, "Press the down arrow key to interact with " +
    "the calendar and select a date. Press the escape button to close the calendar.");
  const live = h("p", { "aria-live": "assertive", class: "wl-sr-only" });
  input.setAttribute("aria-describedby", hintId);
  const el = h("div", { testid: "stDateInput", class: "wl-date-input" }, label, root, hint, live);
  // Like baseweb's, a popover is in the page only while it is open (tests take the first
  // [data-baseweb=popover] to be the open one).
  popover.remove();

  const text = () => {
    const shown = value.map((d) => showDate(d, props.format));
    if (!props.is_range) return shown[0] || "";
    if (shown.length === 1) return `${shown[0]} – `;
    return shown.join(" – ");
  };
  const clearable = () => (props.default || []).length === 0 && !props.disabled;
  const inRange = (iso) => iso >= props.min && iso <= props.max;

  const announce = () => {
    const shown = value.map((d) => showDate(d, props.format));
    if (!shown.length) live.textContent = "";
    else if (shown.length === 2) live.textContent = `Selected date range is from ${shown[0]} to ${shown[1]}.`;
    else live.textContent = `Selected date is ${shown[0]}. Select the second date.`;
  };
  // The field shows the value (its value attribute too, as React keeps it).
  const showValue = () => {
    input.value = text();
    input.setAttribute("value", input.value);
    announce();
  };

  const paintField = () => {
    showValue();
    input.placeholder = props.is_range ? `${props.format} – ${props.format}` : props.format;
    input.setAttribute("aria-label", props.is_range ? "Select a date range." : "Select a date.");
    input.disabled = Boolean(props.disabled);
    input.setAttribute("aria-invalid", "false");
    showClear();
    applyWidth(el, props.width);
  };

  const send = () => {
    if (!props.form) view.sendWidget(props.id, value.slice());
  };

  const setValue = (next, fromTyping = false) => {
    value = next;
    emptied = next.length === 0;
    if (!fromTyping) showValue(); else announce();
    showClear();
    if (open) paintCalendar();
    send();
  };

  // Typing: a whole valid date (or range) within min/max is taken at once.
  input.addEventListener("input", () => {
    const raw = input.value;
    if (raw.trim() === "") { setValue([], true); return; }
    const parts = props.is_range ? raw.split(" – ").map((s) => s.trim()) : [raw];
    if (props.is_range && (parts.length !== 2 || !parts[1])) return;
    const dates = parts.map((s) => readDate(s, props.format));
    if (dates.some((d) => d === null)) return;
    if (!dates.every(inRange) || (dates.length === 2 && dates[1] < dates[0])) {
      input.setAttribute("aria-invalid", "true");
      return;
    }
    input.setAttribute("aria-invalid", "false");
    shownMonth = null;
    setValue(dates, true);
  });

  const close = (refocus = false) => {
    if (!open) return;
    open = false;
    popover.remove();
    popover.replaceChildren();
    if (stopOutside) { stopOutside(); stopOutside = null; }
    if (emptied) setValue((props.default || []).slice());
    else showValue();
    input.setAttribute("aria-invalid", "false");
    if (refocus) { refocusing = true; input.focus(); refocusing = false; }
  };

  let refocusing = false;      // focus coming back from the calendar does not reopen it
  const openCalendar = () => {
    if (open || refocusing || props.disabled) return;
    open = true;
    root.append(popover);
    shownMonth = null;
    paintCalendar();
    placePopover(popover);
    stopOutside = onOutsidePointer(root, () => close());
  };

  input.addEventListener("focus", openCalendar);
  input.addEventListener("click", openCalendar);
  // A field left empty with the calendar closed also goes back to the default (1.50).
  input.addEventListener("blur", () => { if (!open && emptied) setValue((props.default || []).slice()); });
  input.addEventListener("keydown", (ev) => {
    // Tab and Escape close the calendar; moving focus otherwise leaves it open (baseweb).
    if (ev.key === "Escape" || ev.key === "Tab") { close(); return; }
    if (ev.key === "ArrowDown") {
      ev.preventDefault();
      openCalendar();
      const cell = popover.querySelector("[role=gridcell][tabindex='0']");
      if (cell) cell.focus();
    }
  });
  clear.addEventListener("click", () => { setValue([]); input.focus(); });

  const pick = (iso) => {
    if (!inRange(iso)) return;
    let next;
    if (!props.is_range) next = [iso];
    else if (value.length !== 1) next = [iso];
    else next = iso < value[0] ? [iso, value[0]] : [value[0], iso];
    focusDay = iso;
    setValue(next);
    if (!props.is_range || next.length === 2) close(true);
  };

  function monthShown() {
    if (shownMonth) return shownMonth;
    const anchor = value[0] || (inRange(todayIso()) ? todayIso() : props.min);
    const [y, m] = partsOf(anchor);
    shownMonth = [y, m - 1];
    return shownMonth;
  }

  function moveMonth(delta) {
    const [y, m] = monthShown();
    const t = new Date(Date.UTC(y, m + delta, 1));
    shownMonth = [t.getUTCFullYear(), t.getUTCMonth()];
    paintCalendar();
  }

  function paintCalendar() {
    const [y, m] = monthShown();
    const prev = h("button", { type: "button", class: "wl-cal-nav", "aria-label": "Previous month." }, "‹");
    const next = h("button", { type: "button", class: "wl-cal-nav", "aria-label": "Next month." }, "›");
    prev.addEventListener("click", () => moveMonth(-1));
    next.addEventListener("click", () => moveMonth(1));
    const [minY] = partsOf(props.min);
    const [maxY] = partsOf(props.max);
    const monthSel = h("select", { class: "wl-cal-select", "aria-label": "Month" },
      ...MONTHS.map((name, i) => h("option", { value: String(i), selected: i === m }, name)));
    const yearSel = h("select", { class: "wl-cal-select", "aria-label": "Year" });
    for (let yy = minY; yy <= maxY; yy++) yearSel.append(h("option", { value: String(yy), selected: yy === y }, String(yy)));
    monthSel.addEventListener("change", () => { shownMonth = [y, Number(monthSel.value)]; paintCalendar(); });
    yearSel.addEventListener("change", () => { shownMonth = [Number(yearSel.value), m]; paintCalendar(); });
    const head = h("div", { class: "wl-cal-head" }, prev, monthSel, yearSel, next);
    const weekdays = h("div", { role: "presentation", class: "wl-cal-weekdays" },
      ...DAYS.map((d) => h("div", { alt: d }, d.slice(0, 2))));
    const grid = h("div", { role: "grid", "aria-roledescription": "Calendar month", class: "wl-cal-grid" });
    const first = new Date(Date.UTC(y, m, 1)).getUTCDay();
    const count = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
    const wanted = focusDay && partsOf(focusDay)[0] === y && partsOf(focusDay)[1] === m + 1 ? focusDay
      : value.find((d) => partsOf(d)[0] === y && partsOf(d)[1] === m + 1) || isoOf(y, m, 1);
    let row = h("div", { role: "row", class: "wl-cal-row" });
    for (let i = 0; i < first; i++) row.append(h("div", { role: "gridcell", class: "wl-cal-empty" }));
    for (let d = 1; d <= count; d++) {
      const iso = isoOf(y, m, d);
      const selected = value.includes(iso);
      const disabled = !inRange(iso);
      const between = value.length === 2 && iso > value[0] && iso < value[1];
      const cell = h("div", { role: "gridcell", "aria-roledescription": "button",
        tabindex: iso === wanted ? "0" : "-1", "aria-disabled": disabled ? "true" : null,
        "aria-label": dayLabel(iso, { selected, disabled, range: props.is_range, end: selected && value.length === 2 && iso === value[1] && value[0] !== value[1] }),
        class: "wl-cal-day" + (selected ? " wl-selected" : "") + (between ? " wl-between" : "") + (disabled ? " wl-off" : "") },
      h("div", {}, String(d)));
      cell.dataset.date = iso;
      cell.addEventListener("mousedown", (ev) => ev.preventDefault());
      cell.addEventListener("click", () => pick(iso));
      row.append(cell);
      if ((first + d) % 7 === 0) { grid.append(row); row = h("div", { role: "row", class: "wl-cal-row" }); }
    }
    if (row.children.length) {
      while (row.children.length < 7) row.append(h("div", { role: "gridcell", class: "wl-cal-empty" }));
      grid.append(row);
    }
    grid.addEventListener("keydown", (ev) => {
      const cell = ev.target.closest("[data-date]");
      if (!cell) return;
      const steps = { ArrowLeft: -1, ArrowRight: 1, ArrowUp: -7, ArrowDown: 7 }[ev.key];
      if (steps) {
        ev.preventDefault();
        const [cy, cm, cd] = partsOf(cell.dataset.date);
        const t = new Date(Date.UTC(cy, cm - 1, cd + steps));
        focusDay = isoOf(t.getUTCFullYear(), t.getUTCMonth(), t.getUTCDate());
        shownMonth = [t.getUTCFullYear(), t.getUTCMonth()];
        paintCalendar();
        const target = popover.querySelector(`[data-date='${focusDay}']`);
        if (target) target.focus();
      } else if (ev.key === "Enter" || ev.key === " ") {
        ev.preventDefault();
        pick(cell.dataset.date);
      } else if (ev.key === "Escape") {
        close(true);
      } else if (ev.key === "Tab") {
        close();
      }
    });
    const calendar = h("div", { "data-baseweb": "calendar", role: "application",
      "aria-roledescription": "datepicker", "aria-label": "Calendar.", class: "wl-calendar" }, head, weekdays, grid);
    popover.replaceChildren(calendar);
  }

  paintField();
  return {
    el, formId: props.form,
    read: () => value.slice(),
    update(p, before) {
      props = p;
      patchLabel(view, labelEl, p, before);
      // A value the script set replaces ours (our own value coming back changes nothing).
      const changed = JSON.stringify(p.value) !== JSON.stringify(before.value) &&
        JSON.stringify(p.value || []) !== JSON.stringify(value);
      if (changed) {
        value = (p.value || []).slice();
        emptied = false;
      }
      if (document.activeElement !== input || changed) paintField();
      else { showClear(); input.disabled = Boolean(p.disabled); }
      if (open) paintCalendar();
    },
    dispose() { if (stopOutside) stopOutside(); },
  };
}

function todayIso() {
  const t = new Date();
  return isoOf(t.getFullYear(), t.getMonth(), t.getDate());
}

// --- times --------------------------------------------------------------------------

/** "HH:MM" for a typed time ("9:05", "09:05", "0905"), or null. */
export function readTime(text) {
  const m = /^\s*(\d{1,2}):?(\d{2})\s*$/.exec(text);
  if (!m) return null;
  const hh = Number(m[1]);
  const mm = Number(m[2]);
  if (hh > 23 || mm > 59) return null;
  return `${pad(hh)}:${pad(mm)}`;
}

function timeOptions(step) {
  const out = [];
  const s = Math.max(60, Number(step) || 900);
  for (let t = 0; t < 24 * 3600; t += s) out.push(`${pad(Math.floor(t / 3600))}:${pad(Math.floor((t % 3600) / 60))}`);
  return out;
}

function timeInput(props, view) {
  let value = props.value ?? null;
  let open = false;
  let active = 0;
  let shown = [];
  let opening = false;
  let stopOutside = null;
  const listId = uid("time-list");
  const { label, el: labelEl } = hiddenLabel(view, props);
  const display = h("div", { testid: "stTimeInputTimeDisplay", class: "wl-time-display" });
  const placeholder = h("div", { class: "wl-time-placeholder" }, "HH:mm");
  const input = h("input", { role: "combobox", class: "wl-time-typing", "aria-autocomplete": "list",
    "aria-expanded": "false", "aria-haspopup": "listbox", "aria-controls": listId, tabindex: "0", autocomplete: "off" });
  const arrow = h("span", { class: "wl-select-arrow", "aria-hidden": "true" });
  const control = h("div", { class: "wl-input-root wl-time-control" },
    h("div", { class: "wl-time-value" }, display, placeholder, input), arrow);
  const list = h("ul", { role: "listbox", id: listId, "aria-label": "Menu", tabindex: "-1", class: "wl-menu" });
  const menu = h("div", { "data-baseweb": "popover", class: "wl-popover wl-time-menu" }, list);
  const clearBtn = h("div", { testid: "stTimeInputClearButton", class: "wl-time-clear" });
  const select = h("div", { "data-baseweb": "select", class: "wl-picker-root" }, control, menu);
  const el = h("div", { testid: "stTimeInput", class: "wl-time-input" }, label, select);
  menu.remove();  // in the page only while open

  const nullable = () => (props.default === null || props.default === undefined) && !props.disabled;
  const paint = () => {
    const typing = open && input.value !== "";
    display.textContent = value ?? "";
    display.hidden = value === null || typing;
    if (value !== null) display.setAttribute("value", value); else display.removeAttribute("value");
    placeholder.hidden = value !== null || typing;
    input.setAttribute("aria-label", value === null ? "Select a time, 24-hour format."
      : `Selected ${value}. Select a time, 24-hour format.`);
    input.disabled = Boolean(props.disabled);
    control.classList.toggle("wl-disabled", Boolean(props.disabled));
    // Present only while an optional time has a value (Backspace in the field clears it too).
    const wanted = nullable() && value !== null;
    if (wanted && !clearBtn.isConnected) el.append(clearBtn);
    if (!wanted && clearBtn.isConnected) clearBtn.remove();
    applyWidth(el, props.width);
  };

  const paintMenu = () => {
    const typed = input.value.trim();
    const all = timeOptions(props.step);
    shown = typed ? all.filter((t) => t.includes(typed)) : all;
    const created = typed ? readTime(typed) : null;
    if (created && !shown.includes(created)) shown = [created, ...shown];
    else if (created) shown = [created, ...shown.filter((t) => t !== created)];
    active = typed ? 0 : Math.max(0, shown.indexOf(value));
    opening = !typed;  // the chosen time shows in the middle of a freshly opened list
    list.replaceChildren(...shown.map((t, i) => {
      const li = h("li", { role: "option", id: `${listId}-${i}`, "aria-selected": String(t === value),
        "aria-disabled": "false", class: "wl-option" + (i === active ? " wl-active" : "") }, h("div", {}, t));
      li.addEventListener("mousedown", (ev) => ev.preventDefault());
      li.addEventListener("click", () => choose(t));
      return li;
    }));
    if (!shown.length) list.append(h("li", { class: "wl-option wl-empty-option", "aria-disabled": "true" }, "No results"));
    highlight(active, true);
    opening = false;
  };

  const highlight = (i, scroll) => {
    active = i;
    [...list.children].forEach((li, j) => li.classList.toggle("wl-active", j === i));
    const li = list.children[i];
    if (li && li.id) input.setAttribute("aria-activedescendant", li.id);
    if (li && scroll) li.scrollIntoView({ block: opening ? "center" : "nearest" });
  };

  const openMenu = () => {
    if (open || props.disabled) return;
    open = true;
    select.append(menu);
    input.setAttribute("aria-expanded", "true");
    paintMenu();
    placePopover(menu);
    stopOutside = onOutsidePointer(select, () => closeMenu());
  };
  const closeMenu = () => {
    if (!open) return;
    open = false;
    menu.remove();
    list.replaceChildren();  // a closed menu has no options in the page (as in baseweb)
    shown = [];
    input.value = "";
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
    if (stopOutside) { stopOutside(); stopOutside = null; }
    paint();
  };

  const choose = (t) => {
    value = t;
    closeMenu();
    input.focus();
    // Streamlit sends a pick even when it is the time already chosen.
    if (!props.form) view.sendWidget(props.id, value);
  };

  control.addEventListener("mousedown", (ev) => {
    if (props.disabled) return;
    if (ev.target !== input) ev.preventDefault();
    input.focus();
    if (open) closeMenu(); else openMenu();
  });
  input.addEventListener("input", () => { if (!open) openMenu(); paint(); paintMenu(); });
  input.addEventListener("keydown", (ev) => {
    if (ev.key === "ArrowDown" || ev.key === "ArrowUp") {
      ev.preventDefault();
      if (!open) { openMenu(); return; }
      const n = shown.length;
      if (n) highlight((active + (ev.key === "ArrowDown" ? 1 : n - 1)) % n, true);
    } else if (ev.key === "Enter") {
      ev.preventDefault();
      if (open && shown[active] !== undefined) choose(shown[active]);
      else openMenu();
    } else if (ev.key === "Escape") {
      closeMenu();
    } else if (ev.key === "Backspace" && input.value === "" && nullable() && value !== null) {
      clearValue();
    }
  });
  input.addEventListener("blur", () => closeMenu());
  const clearValue = () => {
    value = null;
    paint();
    if (!props.form) view.sendWidget(props.id, null);
  };
  clearBtn.addEventListener("click", clearValue);

  paint();
  return {
    el, formId: props.form,
    read: () => value,
    update(p, before) {
      props = p;
      patchLabel(view, labelEl, p, before);
      if (p.value !== before.value) value = p.value ?? null;
      paint();
      if (open && p.step !== before.step) paintMenu();
    },
    dispose() { if (stopOutside) stopOutside(); },
  };
}

// --- colors -------------------------------------------------------------------------

/** "#rrggbb" (lower case) for a 3- or 6-digit hex text with or without "#", else null. */
export function readHex(text) {
  const m = /^#?([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/.exec(text.trim());
  if (!m) return null;
  const hex = m[1].length === 3 ? m[1].split("").map((c) => c + c).join("") : m[1];
  return `#${hex.toLowerCase()}`;
}

function hexToHsv(hex) {
  const n = parseInt(hex.slice(1), 16);
  const r = ((n >> 16) & 255) / 255, g = ((n >> 8) & 255) / 255, b = (n & 255) / 255;
  const max = Math.max(r, g, b), min = Math.min(r, g, b), d = max - min;
  let hue = 0;
  if (d) {
    if (max === r) hue = ((g - b) / d) % 6;
    else if (max === g) hue = (b - r) / d + 2;
    else hue = (r - g) / d + 4;
    hue *= 60;
    if (hue < 0) hue += 360;
  }
  return { h: hue, s: max ? d / max : 0, v: max };
}

function hsvToHex({ h: hue, s, v }) {
  const f = (n) => {
    const k = (n + hue / 60) % 6;
    return v - v * s * Math.max(0, Math.min(k, 4 - k, 1));
  };
  return "#" + [f(5), f(3), f(1)].map((x) => pad(Math.round(x * 255).toString(16))).join("");
}

function colorPicker(props, view) {
  let color = readHex(props.value || "") || "#000000";
  let hsv = hexToHsv(color);
  let open = false;
  let stopOutside = null;
  const { label, el: labelEl } = hiddenLabel(view, props);
  const block = h("div", { testid: "stColorPickerBlock", class: "wl-color-block" });
  const preview = h("div", { class: "wl-color-preview", "aria-haspopup": "true", "aria-expanded": "false",
    role: "button", tabindex: "0", "aria-label": props.label }, block);
  const popover = h("div", { "data-baseweb": "popover", class: "wl-popover wl-color-popover" });
  const root = h("div", { class: "wl-picker-root" }, preview, popover);
  const el = h("div", { testid: "stColorPicker", class: "wl-color-picker" }, label, root);
  popover.remove();  // in the page only while open
  let fields = null, satArea = null, satPointer = null, hueBar = null, huePointer = null, swatch = null;

  const paint = () => {
    block.style.backgroundColor = color;
    preview.setAttribute("aria-label", props.label);
    el.classList.toggle("wl-disabled", Boolean(props.disabled));
    preview.tabIndex = props.disabled ? -1 : 0;
    applyWidth(el, props.width);
    if (!open) return;
    satArea.style.backgroundColor = hsvToHex({ h: hsv.h, s: 1, v: 1 });
    satPointer.style.left = `${hsv.s * 100}%`;
    satPointer.style.top = `${(1 - hsv.v) * 100}%`;
    huePointer.style.left = `${(hsv.h / 360) * 100}%`;
    hueBar.setAttribute("aria-valuenow", String(Math.round(hsv.h)));
    swatch.style.backgroundColor = color;
    fields.paint();
  };

  const setColor = (hex, fromHsv) => {
    color = hex;
    if (!fromHsv) hsv = hexToHsv(hex);
    paint();
  };

  const drag = (area, onPoint) => (ev) => {
    if (ev.button !== 0) return;
    ev.preventDefault();
    const at = (e) => {
      const box = area.getBoundingClientRect();
      const x = box.width ? Math.min(1, Math.max(0, (e.clientX - box.left) / box.width)) : 0;
      const y = box.height ? Math.min(1, Math.max(0, (e.clientY - box.top) / box.height)) : 0;
      onPoint(x, y);
    };
    at(ev);
    const move = (e) => at(e);
    const up = () => { window.removeEventListener("pointermove", move); window.removeEventListener("pointerup", up); };
    window.addEventListener("pointermove", move);
    window.addEventListener("pointerup", up);
  };

  const buildPopover = () => {
    satPointer = h("div", { class: "wl-sat-pointer" });
    satArea = h("div", { class: "wl-sat", role: "presentation" },
      h("div", { class: "wl-sat-white" }), h("div", { class: "wl-sat-black" }), satPointer);
    satArea.addEventListener("pointerdown", drag(satArea, (x, y) => {
      hsv = { h: hsv.h, s: x, v: 1 - y };
      setColor(hsvToHex(hsv), true);
    }));
    huePointer = h("div", { class: "wl-hue-pointer" });
    hueBar = h("div", { class: "wl-hue", role: "slider", tabindex: "0", "aria-label": "Hue",
      "aria-valuemin": "0", "aria-valuemax": "360" }, huePointer);
    hueBar.addEventListener("pointerdown", drag(hueBar, (x) => {
      hsv = { ...hsv, h: Math.min(359.999, x * 360) };
      setColor(hsvToHex(hsv), true);
    }));
    hueBar.addEventListener("keydown", (ev) => {
      const delta = { ArrowRight: 1, ArrowUp: 1, ArrowLeft: -1, ArrowDown: -1 }[ev.key];
      if (!delta) return;
      ev.preventDefault();
      hsv = { ...hsv, h: (hsv.h + delta * 5 + 360) % 360 };
      setColor(hsvToHex(hsv), true);
    });
    fields = colorFields({ get: () => color, set: (hex) => setColor(hex, false) });
    swatch = h("div", { class: "wl-color-swatch" });
    const body = h("div", { class: "wl-color-body" },
      h("div", { class: "wl-color-row" }, swatch, hueBar),
      fields.el);
    const panel = h("div", { testid: "stColorPickerPopover", class: "wl-color-panel" }, satArea, body);
    popover.replaceChildren(panel);
  };

  const openPicker = () => {
    if (open || props.disabled) return;
    open = true;
    hsv = hexToHsv(color);
    buildPopover();
    root.append(popover);
    preview.setAttribute("aria-expanded", "true");
    paint();
    placePopover(popover);
    fields.focus();  // the panel's first field takes focus, as in Streamlit
    stopOutside = onOutsidePointer(root, () => closePicker(false));
  };

  // Closing sends the color, as Streamlit does (even when it did not change).
  const closePicker = (refocus) => {
    if (!open) return;
    open = false;
    popover.remove();
    popover.replaceChildren();
    preview.setAttribute("aria-expanded", "false");
    if (stopOutside) { stopOutside(); stopOutside = null; }
    paint();
    if (refocus) preview.focus();
    if (!props.form) view.sendWidget(props.id, color);
  };

  preview.addEventListener("click", () => (open ? closePicker(false) : openPicker()));
  preview.addEventListener("keydown", (ev) => {
    if (ev.key === "Enter" || ev.key === " ") { ev.preventDefault(); if (open) closePicker(true); else openPicker(); }
  });
  root.addEventListener("keydown", (ev) => {
    if (ev.key === "Escape" && open) { ev.preventDefault(); closePicker(true); }
  });

  paint();
  return {
    el, formId: props.form,
    read: () => color,
    update(p, before) {
      props = p;
      patchLabel(view, labelEl, p, before);
      if (p.value !== before.value) setColor(readHex(p.value || "") || "#000000", false);
      else paint();
    },
    dispose() { if (stopOutside) stopOutside(); },
  };
}

/** @satisfies {import("../protocol").SomeElementBuilders} */
export const BUILDERS = {
  date_input: dateInput,
  time_input: timeInput,
  color_picker: colorPicker,
};
