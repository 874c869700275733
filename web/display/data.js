// Data display elements: st.dataframe (a virtualised, sortable grid, see grid.js),
// st.table (a static HTML table, cells as Markdown like Streamlit 1.50) and st.metric.
import { h } from "../dom.js";
import { helpIcon } from "../widget-parts.js";
import { virtualGrid, cellText } from "./grid.js";

const SVG = "http://www.w3.org/2000/svg";

function svg(tag, attrs = {}) {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) if (v !== null && v !== undefined) el.setAttribute(k, v);
  return el;
}

// Streamlit's arrow icons (Material "arrow_upward" / "arrow_downward").
const ARROWS = {
  up: "M4 12l1.41 1.41L11 7.83V20h2V7.83l5.58 5.59L20 12l-8-8-8 8z",
  down: "M20 12l-1.41-1.41L13 16.17V4h-2v12.17l-5.58-5.59L4 12l8 8 8-8z",
};

function arrowIcon(direction) {
  const icon = svg("svg", { viewBox: "0 0 24 24", "aria-hidden": "true", focusable: "false",
    fill: "currentColor", "data-testid": `stMetricDeltaIcon-${direction === "up" ? "Up" : "Down"}`,
    class: "wl-metric-arrow" });
  icon.append(svg("path", { fill: "none", d: "M0 0h24v24H0V0z" }), svg("path", { d: ARROWS[direction] }));
  return icon;
}

function sizeStyle(el, props) {
  const w = props.width;
  if (typeof w === "number") el.style.width = `${w}px`;
  else if (w === "content") el.style.width = "fit-content";
  if (typeof props.height === "number") el.style.height = `${props.height}px`;
}

// A small line, area or bar chart of the metric's history.
function sparkline(values, type, color) {
  const W = 100;
  const H = 32;
  const min = type === "bar" ? Math.min(0, ...values) : Math.min(...values);
  const max = Math.max(...values);
  const span = max - min || 1;
  const y = (v) => H - ((v - min) / span) * (H - 2) - 1;
  const chart = svg("svg", { viewBox: `0 0 ${W} ${H}`, preserveAspectRatio: "none", class: `wl-metric-chart wl-metric-${color}`,
    "aria-hidden": "true" });
  if (type === "bar") {
    const bw = W / values.length;
    const base = Math.min(0, min);
    values.forEach((v, i) => {
      const top = y(Math.max(v, base));
      chart.append(svg("rect", { x: String(i * bw + bw * 0.1), width: String(bw * 0.8), y: String(top),
        height: String(Math.max(1, Math.abs(y(base) - top))), fill: "currentColor" }));
    });
    return chart;
  }
  const step = values.length > 1 ? W / (values.length - 1) : 0;
  const points = values.map((v, i) => `${(i * step).toFixed(2)},${y(v).toFixed(2)}`).join(" ");
  if (type === "area") {
    chart.append(svg("polygon", { points: `0,${H} ${points} ${((values.length - 1) * step).toFixed(2)},${H}`,
      fill: "currentColor", "fill-opacity": "0.15" }));
  }
  chart.append(svg("polyline", { points, fill: "none", stroke: "currentColor", "stroke-width": "1.5",
    "vector-effect": "non-scaling-stroke" }));
  return chart;
}

// A CSV of what the grid holds (shown columns, data order), for the toolbar's download.
function toCsv(props) {
  const quote = (s) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const cols = props.order.map((i) => [props.columns[i], props.data[i]]);
  const n = props.data.length ? props.data[0].length : 0;
  const lines = [cols.map(([c]) => quote(c.label)).join(",")];
  for (let r = 0; r < n; r++) {
    lines.push(cols.map(([c, v]) => (v[r] === null || v[r] === undefined ? ""
      : quote(typeof v[r] === "object" ? JSON.stringify(v[r])
        : typeof v[r] === "number" && c.type === "datetime" ? cellText(c, v[r]) : String(v[r])))).join(","));
  }
  return lines.join("\n");
}

function downloadIcon() {
  const icon = svg("svg", { viewBox: "0 0 24 24", "aria-hidden": "true", focusable: "false", fill: "currentColor",
    width: "18", height: "18", "data-testid": "stElementToolbarButtonIcon" });
  icon.append(svg("path", { d: "M18 15v3H6v-3H4v3c0 1.1.9 2 2 2h12c1.1 0 2-.9 2-2v-3h-2zm-1-4l-1.41-1.41L13 12.17V4h-2v8.17L8.41 9.59 7 11l5 5 5-5z" }));
  return icon;
}

// Cell text no Markdown rule can change (words and spaces, or a plain number, digits
// grouped by commas as st.table shows floats): set as text, which is what renderInline
// would give, without parsing 100,000s of cells.
const PLAIN_CELL = /^(?:[A-Za-z0-9 ]*|-?\d+(?:\.\d+)?|-?\d{1,3}(?:,\d{3})+(?:\.\d+)?)$/;

function tableCell(tag, view, text, attrs = {}) {
  const p = h("p");
  if (text === "") p.textContent = "\u00a0";
  else if (PLAIN_CELL.test(text)) p.textContent = text;
  else view.renderMarkdown(p, text, false, true);
  return h(tag, attrs, h("div", { testid: "stMarkdownContainer", class: "wl-md" }, p));
}

// One formatter for every cell (toLocaleString with options builds a new one per call).
const FLOAT_TEXT = new Intl.NumberFormat("en-US", { minimumFractionDigits: 4, maximumFractionDigits: 4, useGrouping: true });

// st.table's cell text, as Streamlit 1.50's Quiver.format: floats as numbro "0,0.0000"
// (1,234.5000), datetimes "YYYY-MM-DD HH:mm:ss" (pandas ones come as epoch milliseconds),
// decimals as written, lists and dicts as compact JSON.
function tableText(col, value) {
  const kind = col.kind;
  if (value === null || value === undefined) return "";
  if (typeof value === "number") {
    if (col.type === "datetime" || col.type === "date") return cellText(col, value);
    if (kind === "decimal") return String(value);
    return kind === "float" || !Number.isInteger(value) ? FLOAT_TEXT.format(value) : String(value);
  }
  if (typeof value === "boolean") return value ? "true" : "false";
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

const NUMERIC = new Set(["integer", "float", "decimal"]);

/** @satisfies {import("../protocol").SomeElementBuilders} */
export const BUILDERS = {
  dataframe(props, view) {
    const el = h("div", { testid: "stDataFrame", class: "stDataFrame wl-dataframe" });
    let grid = null;
    let select = null;
    let value = null;
    const current = () => ({ selection: { ...value.selection, rows: [...select.rows].sort((a, b) => a - b) } });

    // (Re)draw the toolbar and the grid for the current props.
    const draw = () => {
      const modes = props.selection_mode || [];
      value = props.value || { selection: { rows: [], columns: [], cells: [] } };
      select = props.id && (modes.includes("multi-row") || modes.includes("single-row")) ? {
        multi: modes.includes("multi-row"),
        rows: new Set(value.selection.rows || []),
        onChange() {
          value = current();
          if (!props.form) view.sendWidget(props.id, value);
        },
      } : null;
      grid = virtualGrid(props, select);
      const button = h("button", { type: "button", testid: "stBaseButton-elementToolbar", class: "wl-grid-tool",
        "aria-label": "Download as CSV", title: "Download as CSV" }, downloadIcon());
      button.addEventListener("click", () => {
        const url = URL.createObjectURL(new Blob([toCsv(props)], { type: "text/csv" }));
        const a = h("a", { href: url, download: "data.csv" });
        document.body.append(a);
        a.click();
        a.remove();
        setTimeout(() => URL.revokeObjectURL(url), 1000);
      });
      const toolbar = h("div", { testid: "stElementToolbar", class: "wl-grid-toolbar" },
        h("div", { testid: "stElementToolbarButtonContainer", class: "wl-grid-toolbar-buttons" },
          h("div", { testid: "stElementToolbarButton" }, button)));
      el.replaceChildren(toolbar, grid.el);
      const w = props.width;
      el.style.width = typeof w === "number" ? `${w}px` : w === "content" ? "fit-content" : "100%";
      el.style.maxWidth = "100%";
    };
    draw();
    if (!props.id) return { el };

    // A selectable grid is a widget: a rerun that only changes the selection keeps the
    // grid (its scroll position and sort) and shows the new selection.
    const same = (a, b) => JSON.stringify({ ...a, value: null, default: null })
      === JSON.stringify({ ...b, value: null, default: null });
    return {
      el, formId: props.form,
      read: () => (select ? current() : value),
      update(p, before) {
        const redraw = !same(p, before);
        props = p;
        if (redraw) { draw(); return; }
        value = p.value || value;
        if (select) {
          select.rows.clear();
          for (const r of value.selection.rows || []) select.rows.add(r);
          grid.render();
        }
      },
    };
  },

  table(props, view) {
    const cols = props.columns;
    const n = props.data.length ? props.data[0].length : 0;
    const head = h("tr");
    cols.forEach((c, i) => {
      const cls = i === 0 ? "blank index_name level0" : `col_heading level0 col${i - 1}`;
      head.append(tableCell("th", view, c.label, { class: cls, scope: "col" }));
    });
    const body = h("tbody");
    for (let r = 0; r < n; r++) {
      const tr = h("tr");
      cols.forEach((c, i) => {
        const text = tableText(c, props.data[i][r]);
        if (i === 0) { tr.append(tableCell("th", view, text, { scope: "row" })); return; }
        const td = tableCell("td", view, text);
        td.style.textAlign = NUMERIC.has(c.kind) ? "right" : "left";
        tr.append(td);
      });
      body.append(tr);
    }
    if (n === 0) {
      body.append(h("tr", {}, h("td", { testid: "stTableStyledEmptyTableCell", class: "wl-table-empty",
        colspan: String(cols.length) }, "empty")));
    }
    const table = h("table", { testid: "stTableStyledTable", class: "wl-table" }, h("thead", {}, head), body);
    const border = props.border === "horizontal" ? " wl-table-horizontal" : props.border ? "" : " wl-table-borderless";
    const el = h("div", { testid: "stTable", class: "stTable wl-table-block" + border },
      h("div", { class: "wl-table-scroll" }, table));
    return { el };
  },

  metric(props, view) {
    const visibility = { visible: "0", hidden: "1", collapsed: "2" }[props.label_visibility] || "0";
    const p = h("p");
    view.renderMarkdown(p, props.label, false, true);
    const label = h("label", { testid: "stMetricLabel", visibility, class: `wl-metric-label wl-visibility-${props.label_visibility}` },
      h("div", { class: "wl-metric-label-text" }, h("div", { testid: "stMarkdownContainer", class: "wl-md" }, p)));
    const help = helpIcon(props.help, view);
    if (help) label.append(help);
    const value = h("div", { testid: "stMetricValue", class: "wl-metric-value" }, h("div", { class: "wl-metric-text" }));
    value.firstChild.textContent = props.body;
    const inner = h("div", { class: "wl-metric-inner" }, label, value);
    if (props.delta) {
      const text = h("div", { class: "wl-metric-text" });
      text.textContent = props.delta;
      const delta = h("div", { testid: "stMetricDelta", class: `wl-metric-delta wl-metric-${props.color}` });
      if (props.direction === "up" || props.direction === "down") delta.append(arrowIcon(props.direction));
      delta.append(text);
      inner.append(delta);
    }
    if (props.chart_data && props.chart_data.length) {
      inner.append(sparkline(props.chart_data, props.chart_type, props.delta ? props.color : "gray"));
    }
    const el = h("div", { testid: "stMetric", class: "stMetric wl-metric" + (props.border ? " wl-metric-border" : "") }, inner);
    sizeStyle(el, props);
    return { el };
  },
};

export { cellText };
