// st.data_editor: an editable grid (a real <table role="grid">) with Streamlit's hooks:
// stDataFrame > stElementToolbar + stDataFrameResizable > table, cells
// data-testid="glide-cell-<column>-<row>" as Streamlit's canvas grid names them (the
// row-marker column of num_rows="dynamic" counts as column 0).
//
// Keyboard: arrows/Home/End/PageUp/PageDown move between cells; Enter, F2, a double
// click or typing starts editing; Enter commits (and moves down), Tab commits (and moves
// right), Escape cancels; Space or Enter toggles a checkbox; Delete empties a cell, or
// deletes the selected rows. The editing state is Streamlit's (see EditState) and goes
// to Python on every commit (inside a form: when the form is submitted).
import { h } from "../dom.js";
import { numberText } from "../format.js";
import { materialIcon } from "./files.js";

const canonical = (value) => JSON.stringify(value, (k, v) => (v && typeof v === "object" && !Array.isArray(v)
  ? Object.fromEntries(Object.keys(v).sort().map((key) => [key, v[key]])) : v));

// Streamlit's editing state: edits by original row, added rows, deleted original rows.
class EditState {
  constructor(numRows, value) {
    this.numRows = numRows;
    this.edited = new Map();   // original row -> Map(column name -> value)
    this.added = [];           // Maps of column name -> value
    this.deleted = [];         // sorted original rows
    if (value && typeof value === "object") {
      for (const [row, changes] of Object.entries(value.edited_rows || {})) {
        this.edited.set(Number(row), new Map(Object.entries(changes || {})));
      }
      this.added = (value.added_rows || []).map((row) => new Map(Object.entries(row || {})));
      this.deleted = (value.deleted_rows || []).map(Number).sort((a, b) => a - b);
    }
  }

  count() { return this.numRows - this.deleted.length + this.added.length; }

  // The row (original index, or numRows + i for the i-th added row) shown at `display`.
  rowAt(display) {
    const kept = this.numRows - this.deleted.length;
    if (display >= kept) return this.numRows + (display - kept);
    let row = display;
    for (const gone of this.deleted) {
      if (gone > row) break;
      row += 1;
    }
    return row;
  }

  get(row, name) {
    const changes = row >= this.numRows ? this.added[row - this.numRows] : this.edited.get(row);
    return changes && changes.has(name) ? { value: changes.get(name) } : null;
  }

  set(row, name, value) {
    if (row >= this.numRows) { this.added[row - this.numRows].set(name, value); return; }
    if (!this.edited.has(row)) this.edited.set(row, new Map());
    this.edited.get(row).set(name, value);
  }

  deleteRows(rows) {
    for (const row of [...rows].sort((a, b) => b - a)) {
      if (row >= this.numRows) { this.added.splice(row - this.numRows, 1); continue; }
      if (!this.deleted.includes(row)) this.deleted = [...this.deleted, row].sort((a, b) => a - b);
      this.edited.delete(row);
    }
  }

  // What Python gets: added rows keep their set values only, and are left out while a
  // required editable column is empty.
  toJSON(columns) {
    const value = { edited_rows: {}, added_rows: [], deleted_rows: [...this.deleted] };
    for (const [row, changes] of [...this.edited].sort((a, b) => a[0] - b[0])) {
      value.edited_rows[row] = Object.fromEntries(changes);
    }
    for (const row of this.added) {
      const out = {};
      let incomplete = false;
      for (const col of columns) {
        const v = row.has(col.name) ? row.get(col.name) : null;
        if (col.required && col.editable && (v === null || v === undefined || v === "")) incomplete = true;
        if (v !== null && v !== undefined) out[col.name] = v;
      }
      if (!incomplete) value.added_rows.push(out);
    }
    return value;
  }
}

const TOOLBAR = { add: ["Add row", "add"], del: ["Delete row(s)", "delete"], clear: ["Clear selection", "clear"] };

function dataEditor(props, view) {
  let columns = props.columns;
  let shown = props.order.map((i) => columns[i]);
  let state = new EditState(props.rows.length, props.value);
  const sent = new Set([canonical(props.value)]);
  const selected = new Set();        // rows (EditState rows) ticked in the marker column
  let active = { row: 0, col: 0 };   // display row, display column (-1: marker column)
  let editing = null;                // {row, col, input, td}
  let touched = false;               // no cell shows as selected before the user moves there

  const table = h("table", { role: "grid", class: "wl-de-table", "aria-multiselectable": "true",
    testid: "stDataFrameGlideDataEditor" });
  const thead = h("thead", { role: "rowgroup" });
  const tbody = h("tbody", { role: "rowgroup" });
  table.append(thead, tbody);
  const scroller = h("div", { testid: "stDataFrameResizable", class: "wl-de-scroll" }, table);
  const buttons = h("div", { testid: "stElementToolbarButtonContainer", class: "wl-de-toolbar-buttons" });
  const toolbar = h("div", { testid: "stElementToolbar", class: "wl-de-toolbar" }, buttons);
  const el = h("div", { testid: "stDataFrame", class: "wl-data-editor" }, toolbar, scroller);

  const dynamic = () => props.dynamic && !props.disabled;
  const offset = () => (props.dynamic ? 1 : 0);
  const firstCol = () => (dynamic() ? -1 : 0);
  const lastRow = () => state.count() - (dynamic() ? 0 : 1);   // the add-row line counts when dynamic
  const isAddLine = (row) => dynamic() && row === state.count();

  const cellValue = (row, col) => {
    const edit = state.get(row, col.name);
    if (edit) return edit.value;
    if (row >= state.numRows) return null;
    return props.rows[row][columns.indexOf(col)];
  };

  const layout = () => {
    const w = props.width;
    el.style.width = typeof w === "number" ? `${w}px` : w === "content" ? "fit-content" : "100%";
    el.style.maxWidth = "100%";
    const rowH = props.row_height || 35;
    el.style.setProperty("--wl-de-row", `${rowH}px`);
    if (typeof props.height === "number") { scroller.style.height = `${props.height}px`; scroller.style.maxHeight = ""; }
    else { scroller.style.height = ""; scroller.style.maxHeight = `${rowH * 11 + 3}px`; }
  };

  // --- drawing ------------------------------------------------------------------------
  const drawToolbar = () => {
    const want = [];
    if (dynamic() && selected.size) want.push("clear", "del");
    else if (dynamic()) want.push("add");
    buttons.replaceChildren(...want.map((key) => {
      const [label, icon] = TOOLBAR[key];
      const b = h("button", { type: "button", testid: "stBaseButton-elementToolbar", class: "wl-de-tool",
        "aria-label": label, title: label }, materialIcon(icon, 18));
      b.addEventListener("click", () => {
        // The button goes away with the redraw: the grid's active cell takes the focus.
        if (key === "add") addRow(true);
        else if (key === "del") deleteSelected();
        else { selected.clear(); draw(); markActive(true); }
      });
      return h("div", { testid: "stElementToolbarButton" }, b);
    }));
  };

  const drawHead = () => {
    const tr = h("tr", { role: "row", "aria-rowindex": "1" });
    if (props.dynamic) tr.append(h("th", { class: "wl-de-marker", "aria-hidden": "true" }));
    shown.forEach((col, i) => {
      const th = h("th", { role: "columnheader", "aria-colindex": String(i + 1), tabindex: "-1",
        class: "wl-de-head", title: col.help || null });
      if (col.editable) th.append(h("span", { class: "wl-de-edit-icon" }, materialIcon("edit", 14)));
      const text = h("span", { class: "wl-de-head-text" });
      text.textContent = col.label;
      th.append(text);
      if (col.width) th.style.minWidth = typeof col.width === "number" ? `${col.width}px`
        : ({ small: "75px", medium: "200px", large: "400px" }[col.width] || "");
      tr.append(th);
    });
    thead.replaceChildren(tr);
    table.setAttribute("aria-colcount", String(shown.length));
  };

  const drawCell = (td, col, value) => {
    td.replaceChildren();
    td.classList.toggle("wl-de-null", value === null || value === undefined);
    if (col.editor === "checkbox" && (typeof value === "boolean" || value === null || value === undefined)) {
      if (typeof value === "boolean") {
        td.append(h("span", { class: "wl-de-check" + (value ? " wl-checked" : ""), "aria-hidden": "true" }),
          h("span", { class: "wl-visually-hidden" }, value ? "true" : "false"));
      }
      td.classList.remove("wl-de-null");
      return;
    }
    if (value === null || value === undefined) return;
    td.textContent = col.editor === "number" && typeof value === "number" ? numberText(value, col.format)
      : Array.isArray(value) ? value.join(", ") : String(value);
  };

  const draw = () => {
    const hadFocus = table.contains(document.activeElement) && !editing;
    const rows = state.count();
    const out = [];
    for (let d = 0; d < rows; d++) {
      const row = state.rowAt(d);
      const tr = h("tr", { role: "row", "aria-rowindex": String(d + 2), "aria-selected": String(selected.has(row)) });
      if (props.dynamic) {
        const box = h("input", { type: "checkbox", tabindex: "-1", "aria-label": `Select row ${d + 1}`,
          disabled: !dynamic() });
        box.checked = selected.has(row);
        box.addEventListener("click", (ev) => { ev.stopPropagation(); toggleSelect(d); });
        tr.append(h("td", { class: "wl-de-marker", "data-row": String(d), "data-col": "-1" }, box));
      }
      shown.forEach((col, i) => {
        const td = h("td", { role: "gridcell", "aria-colindex": String(i + 1), "aria-selected": "false",
          "aria-readonly": String(!col.editable), testid: `glide-cell-${i + offset()}-${d}`, tabindex: "-1",
          class: `wl-de-cell wl-de-${col.editor}` + (col.is_index ? " wl-de-index" : ""),
          "data-row": String(d), "data-col": String(i) });
        if (col.alignment) td.style.textAlign = col.alignment;
        drawCell(td, col, cellValue(row, col));
        tr.append(td);
      });
      out.push(tr);
    }
    if (dynamic()) {
      const td = h("td", { class: "wl-de-add-cell", colspan: String(shown.length + 1), tabindex: "-1",
        "data-row": String(rows), "data-col": "0", "aria-label": "Add row" }, "+");
      out.push(h("tr", { class: "wl-de-add-row" }, td));
    }
    tbody.replaceChildren(...out);
    table.setAttribute("aria-rowcount", String(1 + rows + (dynamic() ? 1 : 0)));
    el.classList.toggle("wl-de-disabled", Boolean(props.disabled));
    drawToolbar();
    markActive(hadFocus);
  };

  const cellEl = (row, col) => {
    if (isAddLine(row)) return tbody.querySelector(".wl-de-add-cell");
    return tbody.querySelector(`[data-row="${row}"][data-col="${col}"]`);
  };

  const clampActive = () => {
    const maxRow = Math.max(0, lastRow());
    active.row = Math.min(Math.max(0, active.row), maxRow);
    active.col = Math.min(Math.max(firstCol(), active.col), Math.max(0, shown.length - 1));
  };

  // The active cell is the grid's one Tab stop (a roving tabindex).
  const markActive = (focus) => {
    clampActive();
    for (const td of tbody.querySelectorAll("[tabindex='0']")) td.tabIndex = -1;
    for (const td of tbody.querySelectorAll("[aria-selected='true'][role='gridcell']")) td.setAttribute("aria-selected", "false");
    const td = cellEl(active.row, active.col) || tbody.querySelector("[data-row]");
    table.tabIndex = td ? -1 : 0;
    if (!td) return;
    td.tabIndex = 0;
    if (focus) touched = true;
    if (touched && td.getAttribute("role") === "gridcell") td.setAttribute("aria-selected", "true");
    if (focus) td.focus();
  };

  const moveTo = (row, col) => {
    active = { row, col };
    markActive(true);
    const td = cellEl(active.row, active.col);
    if (td && td.scrollIntoView) td.scrollIntoView({ block: "nearest", inline: "nearest" });
  };

  // --- changes --------------------------------------------------------------------------
  const send = () => {
    if (props.form) return;
    const value = state.toJSON(columns);
    sent.add(canonical(value));
    view.sendWidget(props.id, value);
  };

  const setValue = (d, col, value) => {
    const row = state.rowAt(d);
    if (cellValue(row, col) === value) return false;
    state.set(row, col.name, value);
    return true;
  };

  const toggleCheck = (d, col) => {
    if (!col.editable) return;
    const value = cellValue(state.rowAt(d), col);
    setValue(d, col, !(value === true));
    draw();
    send();
  };

  const toggleSelect = (d) => {
    if (!dynamic()) return;
    const row = state.rowAt(d);
    if (selected.has(row)) selected.delete(row); else selected.add(row);
    active = { row: d, col: -1 };
    draw();
    markActive(true);
  };

  const addRow = (focusGrid) => {
    if (!dynamic()) return;
    const row = new Map();
    for (const col of columns) if (col.default !== null && col.default !== undefined) row.set(col.name, col.default);
    state.added.push(row);
    selected.clear();
    const first = shown.findIndex((c) => c.editable);
    active = { row: state.count() - 1, col: Math.max(0, first) };
    draw();
    if (focusGrid) markActive(true);
    send();
  };

  const deleteSelected = () => {
    if (!dynamic() || !selected.size) return;
    state.deleteRows([...selected]);
    selected.clear();
    draw();
    markActive(true);
    send();
  };

  // --- editing ----------------------------------------------------------------------------
  const rawText = (value) => (value === null || value === undefined ? "" : Array.isArray(value) ? value.join(", ") : String(value));

  const startEdit = (initial) => {
    const col = shown[active.col];
    if (!col || !col.editable || col.editor === "checkbox" || isAddLine(active.row)) return;
    const td = cellEl(active.row, active.col);
    if (!td) return;
    const row = state.rowAt(active.row);
    const input = h("input", { type: "text", class: "wl-de-input", autocomplete: "off",
      inputmode: col.editor === "number" ? "decimal" : null,
      maxlength: col.max_chars || null, "aria-label": `${col.label || "index"}, row ${active.row + 1}` });
    input.value = initial === null ? rawText(cellValue(row, col)) : initial;
    editing = { row: active.row, col: active.col, input, td };
    td.replaceChildren(input);
    td.classList.add("wl-de-editing");
    input.focus();
    if (initial === null) input.select();
    else input.setSelectionRange(input.value.length, input.value.length);
    input.addEventListener("keydown", (ev) => {
      if (ev.key === "Enter" && !ev.isComposing) { ev.preventDefault(); ev.stopPropagation(); finish(true, 1, 0); }
      else if (ev.key === "Tab") { ev.preventDefault(); ev.stopPropagation(); finish(true, 0, ev.shiftKey ? -1 : 1); }
      else if (ev.key === "Escape") { ev.preventDefault(); ev.stopPropagation(); finish(false, 0, 0); }
      else ev.stopPropagation();
    });
    input.addEventListener("blur", () => { if (editing && editing.input === input) finish(true, 0, 0, false); });
  };

  // The typed text as the column's value; undefined when it is no value (an empty or
  // unreadable number leaves the cell as it was, as in Streamlit).
  const parseTyped = (col, text) => {
    if (col.editor !== "number") return col.max_chars ? text.slice(0, col.max_chars) : text;
    const t = text.trim();
    if (t === "") return undefined;
    let v = Number(t);
    if (!Number.isFinite(v)) return undefined;
    if (col.integer) v = Math.trunc(v);
    if (typeof col.min === "number") v = Math.max(col.min, v);
    if (typeof col.max === "number") v = Math.min(col.max, v);
    return v;
  };

  const finish = (commit, down, right, refocus = true) => {
    const { row, col, input, td } = editing;
    editing = null;
    td.classList.remove("wl-de-editing");
    const column = shown[col];
    let changed = false;
    if (commit) {
      const value = parseTyped(column, input.value);
      if (value !== undefined) changed = setValue(row, column, value);
    }
    drawCell(td, column, cellValue(state.rowAt(row), column));
    if (changed) { draw(); send(); }
    if (refocus) moveTo(Math.min(row + down, Math.max(0, lastRow())), Math.min(Math.max(0, col + right), shown.length - 1));
  };

  const clearCell = () => {
    const col = shown[active.col];
    if (!col || !col.editable || col.editor === "checkbox" || col.required) return;
    if (setValue(active.row, col, null)) { draw(); send(); }
  };

  // --- input ------------------------------------------------------------------------------
  table.addEventListener("keydown", (ev) => {
    if (editing) return;
    const { row, col } = active;
    const page = 10;
    const key = ev.key;
    let handled = true;
    if (key === "ArrowDown") moveTo(Math.min(row + 1, lastRow()), col);
    else if (key === "ArrowUp") moveTo(Math.max(0, row - 1), col);
    else if (key === "ArrowRight") moveTo(row, Math.min(col + 1, shown.length - 1));
    else if (key === "ArrowLeft") moveTo(row, Math.max(firstCol(), col - 1));
    else if (key === "Home") moveTo(ev.ctrlKey || ev.metaKey ? 0 : row, firstCol());
    else if (key === "End") moveTo(ev.ctrlKey || ev.metaKey ? lastRow() : row, shown.length - 1);
    else if (key === "PageDown") moveTo(Math.min(row + page, lastRow()), col);
    else if (key === "PageUp") moveTo(Math.max(0, row - page), col);
    else if (isAddLine(row) && (key === "Enter" || key === " ")) addRow(true);
    else if (col === -1 && (key === " " || key === "Enter")) toggleSelect(row);
    else if ((key === " " || key === "Enter") && shown[col] && shown[col].editor === "checkbox") toggleCheck(row, shown[col]);
    else if (key === "Enter" || key === "F2") startEdit(null);
    else if (key === "Delete" || key === "Backspace") { if (selected.size) deleteSelected(); else clearCell(); }
    else if (key === "Escape" && selected.size) { selected.clear(); draw(); markActive(true); }
    else if (key.length === 1 && !ev.ctrlKey && !ev.metaKey && !ev.altKey) startEdit(key);
    else handled = false;
    if (handled) ev.preventDefault();
  });

  const cellOf = (target) => {
    const td = target.closest ? target.closest("[data-row]") : null;
    return td && tbody.contains(td) ? { td, row: Number(td.dataset.row), col: Number(td.dataset.col) } : null;
  };

  tbody.addEventListener("click", (ev) => {
    const hit = cellOf(ev.target);
    if (!hit || (editing && editing.td === hit.td)) return;
    if (hit.td.classList.contains("wl-de-add-cell")) { addRow(true); return; }
    moveTo(hit.row, hit.col);
    const col = shown[hit.col];
    if (hit.col >= 0 && col && col.editor === "checkbox" && col.editable) toggleCheck(hit.row, col);
  });
  tbody.addEventListener("dblclick", (ev) => {
    const hit = cellOf(ev.target);
    if (!hit || hit.col < 0 || editing) return;
    moveTo(hit.row, hit.col);
    startEdit(null);
  });
  table.addEventListener("focus", () => markActive(true));

  layout();
  drawHead();
  draw();
  return {
    el, formId: props.form,
    read() {
      const value = state.toJSON(columns);
      sent.add(canonical(value));
      return value;
    },
    update(p, before) {
      props = p;
      columns = p.columns;
      shown = p.order.map((i) => columns[i]);
      const now = canonical(p.value);
      const cleared = !before.value || typeof before.value !== "object";
      if (cleared || (!sent.has(now) && now !== canonical(state.toJSON(columns)))) {
        state = new EditState(p.rows.length, p.value);
        selected.clear();
        sent.add(now);
      }
      if (editing) return;  // keep what is being typed; the next draw shows the rest
      layout();
      drawHead();
      draw();
    },
  };
}

/** @satisfies {import("../protocol").SomeElementBuilders} */
export const BUILDERS = { data_editor: dataEditor };
