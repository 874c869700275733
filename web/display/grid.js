// A read-only, virtualised data grid (st.dataframe): a real <table role="grid"> whose
// <tbody> holds only the rows in view (plus a few), between two spacer rows that keep the
// scroll height of all rows. Clicking a column header sorts by it (ascending, descending,
// then back to the data's order); Enter or Space on a focused header does the same.
// Cell texts follow the column's type and format (st.column_config).
import { h } from "../dom.js";
import { defaultNumber, formatMoment, numberText } from "../format.js";

const OVERSCAN = 6;

// "2024-01-31", "2024-01-31 12:30:00" or "12:30:00" as milliseconds of that wall-clock
// time read as UTC (so the page's own time zone never shifts it).
function parseIso(text) {
  const m = /^(?:(\d{4})-(\d{2})-(\d{2}))?[ T]?(?:(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?)?/.exec(text);
  if (!m || (!m[1] && !m[4])) return null;
  return Date.UTC(m[1] ? Number(m[1]) : 1970, m[2] ? Number(m[2]) - 1 : 0, m[3] ? Number(m[3]) : 1,
    Number(m[4] || 0), Number(m[5] || 0), Number(m[6] || 0));
}

const DEFAULT_DATE_FORMATS = { date: "YYYY-MM-DD", datetime: "YYYY-MM-DD HH:mm:ss", time: "HH:mm:ss" };

// A pandas datetime comes as milliseconds since 1970 of its wall-clock time: the same
// wall-clock time as a local Date (the page's own time zone must not shift it).
function wallClock(ms) {
  const u = new Date(ms);
  const d = new Date(2000, 0, 1);
  d.setFullYear(u.getUTCFullYear(), u.getUTCMonth(), u.getUTCDate());
  d.setHours(u.getUTCHours(), u.getUTCMinutes(), u.getUTCSeconds(), u.getUTCMilliseconds());
  return d;
}

// "+01:00" of "2024-01-01 00:00:00+01:00" (a time-zone-aware pandas datetime).
const OFFSET = /([+-]\d{2}:\d{2})$/;

function dateText(value, type, format, timezone) {
  const ms = typeof value === "number" ? value : parseIso(String(value));
  if (ms === null) return String(value);
  if (timezone && !format) {
    // Streamlit 1.50 shows a time-zone-aware column as "YYYY-MM-DD HH:mm:ssZ".
    const m = OFFSET.exec(String(value));
    return formatMoment(ms, DEFAULT_DATE_FORMATS[type]) + (m ? m[1] : "");
  }
  if (format === "iso8601") {
    if (type === "date") return formatMoment(ms, "YYYY-MM-DD");
    if (type === "time") return formatMoment(ms, "HH:mm:ss");
    return formatMoment(ms, "YYYY-MM-DDTHH:mm:ss");
  }
  if (format === "localized") {
    /** @type {Intl.DateTimeFormatOptions} */
    const opts = type === "date" ? { dateStyle: "medium" } : type === "time" ? { timeStyle: "short" }
      : { dateStyle: "medium", timeStyle: "short" };
    try { return new Intl.DateTimeFormat(navigator.languages, opts).format(wallClock(ms)); } catch (e) { return String(value); }
  }
  if (format === "distance" || format === "calendar") {
    const days = Math.round((wallClock(ms).getTime() - Date.now()) / 86400000);
    try { return new Intl.RelativeTimeFormat(navigator.languages, { numeric: "auto" }).format(days, "day"); } catch (e) { return String(value); }
  }
  return formatMoment(ms, format || DEFAULT_DATE_FORMATS[type]);
}

// The text a cell shows (checkbox, progress and link cells add their own parts).
export function cellText(col, value) {
  if (value === null || value === undefined) return "";
  switch (col.type) {
    case "number": case "progress": return numberText(value, col.format);
    case "checkbox": return value ? "true" : "false";
    case "date": case "datetime": case "time": return dateText(value, col.type, col.format, col.timezone);
    case "list": case "multiselect": return Array.isArray(value) ? value.join(", ") : String(value);
    case "json": return typeof value === "string" ? value : JSON.stringify(value);
    default: return Array.isArray(value) ? value.join(", ") : typeof value === "number" ? defaultNumber(value) : String(value);
  }
}

function linkText(col, url) {
  const shown = col.display_text;
  if (!shown) return url;
  if (shown.includes("(")) {
    try { const m = new RegExp(shown).exec(url); if (m) return m[1] !== undefined ? m[1] : m[0]; } catch (e) { /* plain */ }
  }
  return shown;
}

// Fill one <td> for a value of that column.
export function fillCell(td, col, value) {
  td.replaceChildren();
  const missing = value === null || value === undefined;
  td.classList.toggle("wl-grid-null", missing && col.type !== "checkbox");
  if (col.type === "checkbox") {
    if (typeof value === "boolean") {
      td.append(h("span", { class: "wl-grid-check" + (value ? " wl-checked" : ""), "aria-hidden": "true" }),
        h("span", { class: "wl-visually-hidden" }, value ? "true" : "false"));
    }
    return;
  }
  if (missing) return;
  if (col.type === "progress" && typeof value === "number") {
    const min = typeof col.min === "number" ? col.min : 0;
    const max = typeof col.max === "number" ? col.max : 100;
    const frac = Math.max(0, Math.min(1, (value - min) / ((max - min) || 1)));
    const bar = h("span", { class: "wl-grid-bar", role: "progressbar", "aria-valuenow": String(value),
      "aria-valuemin": String(min), "aria-valuemax": String(max) }, h("span", { class: "wl-grid-bar-fill" }));
    bar.firstChild.style.width = `${frac * 100}%`;
    td.append(bar, h("span", { class: "wl-grid-bar-text" }, cellText(col, value)));
    return;
  }
  if (col.type === "link" && typeof value === "string") {
    const safe = /^(https?:|mailto:)/i.test(value);
    const a = h("a", { href: safe ? value : null, target: "_blank", rel: "noopener noreferrer" });
    a.textContent = linkText(col, value);
    td.append(a);
    return;
  }
  if ((col.type === "list" || col.type === "multiselect") && Array.isArray(value)) {
    for (const item of value) td.append(h("span", { class: "wl-grid-chip" }, String(item)));
    return;
  }
  if (col.type === "image" && typeof value === "string" && /^(https?:|data:image\/)/i.test(value)) {
    td.append(h("img", { src: value, alt: "", class: "wl-grid-img" }));
    return;
  }
  td.textContent = cellText(col, value);
}

// A pandas Styler's text replaces what the column type would show, unless column_config
// formats the column (Streamlit 1.50 `getCellFromArrow`); its colours apply to the cell.
function styleCell(td, col, r) {
  const shown = col.display ? col.display[r] : null;
  const formatted = col.type === "link" ? col.display_text : col.format;
  if (shown !== null && shown !== undefined && !formatted && STYLER_TEXT_TYPES.has(col.type)) {
    td.replaceChildren();
    td.classList.remove("wl-grid-null");
    td.textContent = shown;
  }
  const colours = col.styles ? col.styles[r] : null;
  if (colours) {
    if (colours[0]) td.style.color = colours[0];
    if (colours[1]) td.style.backgroundColor = colours[1];
  }
}

const STYLER_TEXT_TYPES = new Set(["text", "json", "number", "link", "date", "datetime", "time"]);

// Sorting: numbers and booleans by value, text by locale order; missing values last.
function compare(a, b) {
  const am = a === null || a === undefined;
  const bm = b === null || b === undefined;
  if (am || bm) return am === bm ? 0 : am ? 1 : -1;
  if (typeof a === "number" && typeof b === "number") return a - b;
  if (typeof a === "boolean" && typeof b === "boolean") return Number(a) - Number(b);
  const sa = Array.isArray(a) ? a.join(",") : String(a);
  const sb = Array.isArray(b) ? b.join(",") : String(b);
  return sa < sb ? -1 : sa > sb ? 1 : 0;
}

const WIDTHS = { small: 75, medium: 200, large: 400 };

function estimateWidth(col, values, rowCount) {
  if (typeof col.width === "number") return col.width;
  if (WIDTHS[col.width]) return WIDTHS[col.width];
  if (col.type === "progress") return 200;
  let chars = String(col.label || "").length + 2;
  const sample = Math.min(rowCount, 200);
  for (let r = 0; r < sample; r++) chars = Math.max(chars, cellText(col, values[r]).length);
  return Math.max(50, Math.min(400, Math.round(chars * 8 + 20)));
}

// Build the grid: props = {columns, data (columnar, the index first), order, height, row_height}.
// Returns {el (the stDataFrameResizable scroller), table, render()}.
// With `select` ({multi, rows: Set of data rows, onChange(rows)}), a first column of
// checkboxes selects rows (by their position in the data, whatever the sort).
export function virtualGrid(props, select = null) {
  const rowH = props.row_height || 35;
  // Pinned columns (the index unless pinned=False, and pinned=True ones) come first and
  // stay in view when scrolling sideways.
  const isPinned = (col) => col.pinned === true || (col.is_index && col.pinned !== false);
  const all = props.order.map((i) => ({ col: props.columns[i], values: props.data[i] }));
  const shown = [...all.filter(({ col }) => isPinned(col)), ...all.filter(({ col }) => !isPinned(col))];
  const stuck = shown.filter(({ col }) => isPinned(col)).length + (select ? 1 : 0);
  let lefts = [];
  const rowCount = props.data.length ? props.data[0].length : 0;
  let view = null;                    // row permutation when sorted
  let sort = { at: -1, dir: "none" };
  let first = -1;
  let last = -1;

  const table = h("table", { role: "grid", class: "wl-grid-table", "aria-readonly": "true",
    "aria-rowcount": String(rowCount + 1), "aria-colcount": String(shown.length) });
  const colgroup = h("colgroup");
  const thead = h("thead", { role: "rowgroup" });
  const tbody = h("tbody", { role: "rowgroup" });
  table.append(colgroup, thead, tbody);
  const scroller = h("div", { testid: "stDataFrameResizable", class: "wl-grid-scroll", tabindex: "0" }, table);
  scroller.style.setProperty("--wl-grid-row", `${rowH}px`);
  const headRows = shown.some(({ col }) => col.group) ? 2 : 1;
  const full = rowH * (rowCount + headRows) + 2;
  if (typeof props.height === "number") scroller.style.height = `${props.height}px`;
  else scroller.style.height = `${Math.min(full, rowH * (10 + headRows) + 2)}px`;

  let total = 0;
  for (const { col, values } of shown) {
    const w = estimateWidth(col, values, rowCount);
    total += w;
    colgroup.append(h("col", { style: `width:${w}px` }));
  }
  table.style.width = `${total}px`;
  table.style.minWidth = "100%";

  const headRow = h("tr", { role: "row", "aria-rowindex": "1" });
  let selectAll = null;
  if (select) {
    colgroup.prepend(h("col", { style: "width:36px" }));
    table.style.width = `${total + 36}px`;
    selectAll = select.multi ? h("input", { type: "checkbox", "aria-label": "Select all rows" }) : null;
    if (selectAll) {
      selectAll.addEventListener("click", () => {
        const all = select.rows.size < rowCount;
        select.rows.clear();
        if (all) for (let r = 0; r < rowCount; r++) select.rows.add(r);
        select.onChange(select.rows);
        first = last = -1;
        render();
      });
    }
    headRow.append(h("th", { class: "wl-grid-marker", scope: "col" }, selectAll));
  }
  const syncSelectAll = () => {
    if (!selectAll) return;
    selectAll.checked = rowCount > 0 && select.rows.size === rowCount;
    selectAll.indeterminate = select.rows.size > 0 && select.rows.size < rowCount;
  };
  syncSelectAll();
  shown.forEach(({ col }, i) => {
    const th = h("th", { role: "columnheader", scope: "col", tabindex: "0", "aria-colindex": String(i + 1),
      "aria-sort": "none", class: "wl-grid-head" + (col.is_index ? " wl-grid-index" : ""), title: col.help || null });
    const text = h("span", { class: "wl-grid-head-text" });
    text.textContent = col.label;
    th.append(text, h("span", { class: "wl-grid-sort", "aria-hidden": "true" }));
    th.addEventListener("click", () => sortBy(i));
    th.addEventListener("keydown", (ev) => {
      if (ev.key === "Enter" || ev.key === " ") { ev.preventDefault(); sortBy(i); }
    });
    headRow.append(th);
  });
  // MultiIndex columns: Streamlit 1.50 shows the upper levels ("a / b") as a group header
  // above the columns that share them.
  if (headRows === 2) {
    const groups = h("tr", { role: "row", class: "wl-grid-groups" });
    if (select) groups.append(h("th", { class: "wl-grid-marker" }));
    let k = 0;
    while (k < shown.length) {
      const group = shown[k].col.group || "";
      let span = 1;
      while (k + span < shown.length && (shown[k + span].col.group || "") === group) span++;
      groups.append(h("th", { role: "columnheader", scope: "colgroup", colspan: String(span),
        class: "wl-grid-group" }, group));
      k += span;
    }
    thead.append(groups);
  }
  thead.append(headRow);

  const sortBy = (i) => {
    const dir = sort.at !== i ? "asc" : sort.dir === "asc" ? "desc" : sort.dir === "desc" ? "none" : "asc";
    sort = { at: i, dir };
    if (dir === "none") view = null;
    else {
      const values = shown[i].values;
      const perm = Array.from({ length: rowCount }, (_, r) => r);
      const sign = dir === "asc" ? 1 : -1;
      perm.sort((a, b) => {
        const c = compare(values[a], values[b]);
        const am = values[a] === null || values[a] === undefined;
        const bm = values[b] === null || values[b] === undefined;
        return (am || bm ? c : sign * c) || a - b;
      });
      view = perm;
    }
    headRow.querySelectorAll("th").forEach((th, k) => {
      const d = k === i ? dir : "none";
      th.setAttribute("aria-sort", d === "asc" ? "ascending" : d === "desc" ? "descending" : "none");
      th.querySelector(".wl-grid-sort").textContent = d === "asc" ? "↑" : d === "desc" ? "↓" : "";
    });
    first = last = -1;
    render();
  };

  // Where each pinned column starts (measured: the table may stretch its columns).
  const pin = () => {
    if (!table.isConnected) return false;
    const heads = [...headRow.children].slice(0, stuck);
    lefts = heads.map((th) => th.offsetLeft);
    heads.forEach((th, k) => { th.classList.add("wl-grid-pinned"); th.style.left = `${lefts[k]}px`; });
    return true;
  };

  const spacer = (height) => {
    const td = h("td", { colspan: String(shown.length + (select ? 1 : 0)), class: "wl-grid-spacer" });
    const tr = h("tr", { class: "wl-grid-spacer-row", "aria-hidden": "true" }, td);
    td.style.height = `${height}px`;
    return tr;
  };

  const buildRow = (d) => {
    const r = view ? view[d] : d;
    const tr = h("tr", { role: "row", "aria-rowindex": String(d + 2) });
    if (select) {
      const on = select.rows.has(r);
      tr.setAttribute("aria-selected", String(on));
      const box = h("input", { type: "checkbox", "aria-label": `Select row ${r + 1}` });
      box.checked = on;
      box.addEventListener("click", () => toggleRow(r));
      tr.append(h("td", { class: "wl-grid-marker" }, box));
    }
    shown.forEach(({ col, values }, i) => {
      const td = h("td", { role: "gridcell", "aria-colindex": String(i + 1),
        class: `wl-grid-cell wl-grid-${col.type}` + (col.is_index ? " wl-grid-index" : "") });
      if (col.alignment) td.style.textAlign = col.alignment;
      fillCell(td, col, values[r]);
      if (col.display || col.styles) styleCell(td, col, r);
      tr.append(td);
    });
    if (stuck && lefts.length) {
      for (let k = 0; k < stuck; k++) {
        tr.children[k].classList.add("wl-grid-pinned");
        tr.children[k].style.left = `${lefts[k]}px`;
      }
    }
    return tr;
  };

  // The drawn rows (display row -> <tr>), always one contiguous run between the spacers.
  const live = new Map();
  const topSpacer = spacer(0);
  const bottomSpacer = spacer(0);
  tbody.append(topSpacer, bottomSpacer);

  // Draw the rows in view: rows that stay in view are kept, only rows coming into view
  // are built (nothing happens while the visible range stays the same).
  const render = () => {
    if (first === -1) {
      for (const tr of live.values()) tr.remove();
      live.clear();
      if (stuck && !lefts.length) pin();
    }
    const height = scroller.clientHeight || rowH * 10;
    const top = Math.max(0, scroller.scrollTop - rowH);
    const from = Math.max(0, Math.floor(top / rowH) - OVERSCAN);
    const to = Math.min(rowCount, Math.ceil((top + height) / rowH) + OVERSCAN);
    if (from === first && to === last) return;
    for (const [d, tr] of live) {
      if (d < from || d >= to) { tr.remove(); live.delete(d); }
    }
    let low = to;
    let high = from;
    for (const d of live.keys()) { low = Math.min(low, d); high = Math.max(high, d + 1); }
    if (!live.size) { low = to; high = to; }
    const before = document.createDocumentFragment();
    for (let d = from; d < low; d++) { const tr = buildRow(d); live.set(d, tr); before.append(tr); }
    topSpacer.after(before);
    const after = document.createDocumentFragment();
    for (let d = high; d < to; d++) { const tr = buildRow(d); live.set(d, tr); after.append(tr); }
    bottomSpacer.before(after);
    topSpacer.firstChild.style.height = `${from * rowH}px`;
    bottomSpacer.firstChild.style.height = `${(rowCount - to) * rowH}px`;
    first = from; last = to;
  };

  const toggleRow = (r) => {
    if (select.rows.has(r)) select.rows.delete(r);
    else {
      if (!select.multi) select.rows.clear();
      select.rows.add(r);
    }
    select.onChange(select.rows);
    syncSelectAll();
    first = last = -1;
    render();
  };

  // Chromium fires scroll events once per frame, before painting: drawing here shows the
  // new rows in the same frame (no blank flash).
  scroller.addEventListener("scroll", render, { passive: true });
  if (typeof ResizeObserver !== "undefined") {
    new ResizeObserver(() => { first = last = -1; lefts = []; render(); }).observe(scroller);
  }
  render();
  return {
    el: scroller, table,
    render() { syncSelectAll(); first = last = -1; render(); },
  };
}
