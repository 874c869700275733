// Figures: st.plotly_chart, drawn by plotly.js. (st.pyplot arrives as an st.image element.)
// plotly.js is big, so it lives in its own bundle (dist/plotly.js) that is imported the
// first time a page draws a plotly chart: a page without one never downloads it.
import { h } from "../dom.js";
import { assetURL } from "../assets.js";

let plotlyReady = null;
function loadPlotly() {
  plotlyReady ??= import(assetURL("plotly.js")).then((lib) => lib.default);
  return plotlyReady;
}

// Streamlit's categorical palette (light theme).
const COLORWAY = ["#0068c9", "#83c9ff", "#ff2b2b", "#ffabab", "#29b09d", "#7defa1",
  "#ff8700", "#ffd16a", "#6d3fc0", "#d5dae5"];

// theme="streamlit": a template in the page's colours and font (it replaces the figure's
// template, as Streamlit's own theme does); the figure's explicit layout still wins.
function streamlitTemplate(el) {
  const css = getComputedStyle(el);
  const text = css.getPropertyValue("--wl-text").trim() || "#31333f";
  const line = css.getPropertyValue("--wl-border").trim() || "rgba(49, 51, 63, 0.2)";
  const family = css.fontFamily || "sans-serif";
  const background = css.getPropertyValue("--wl-bg").trim() || "#ffffff";
  const axis = { gridcolor: line, linecolor: line, zerolinecolor: line, automargin: true,
    tickfont: { color: text }, title: { font: { color: text } } };
  return {
    data: {},
    layout: {
      colorway: COLORWAY, font: { family, color: text, size: 12 },
      paper_bgcolor: background, plot_bgcolor: background,
      xaxis: axis, yaxis: axis, legend: { font: { color: text } },
      hoverlabel: { bgcolor: background, bordercolor: line, font: { family, color: text } },
      margin: { l: 0, r: 0, pad: 8 },
    },
  };
}

function parseJson(text, fallback) {
  try { return typeof text === "string" ? JSON.parse(text) : (text || fallback); } catch { return fallback; }
}

// --- selections: Streamlit's {selection: {points, point_indices, box, lasso}} -------------
const emptySelection = () => ({ selection: { points: [], point_indices: [], box: [], lasso: [] } });

const snake = (key) => key.replace(/\./g, "_").replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

function plainPoint(point) {
  const out = {};
  for (const [key, value] of Object.entries(point)) {
    if (key === "data" || key === "fullData" || key === "xaxis" || key === "yaxis" || key.startsWith("_")) continue;
    try { JSON.stringify(value); } catch { continue; }
    if (value !== undefined && typeof value !== "function") out[snake(key)] = value;
  }
  const group = point.data && point.data.legendgroup;
  if (group) out.legendgroup = group;
  return out;
}

function lassoPath(path) {
  const x = [];
  const y = [];
  for (const part of String(path).replace(/^M|Z$/g, "").split("L")) {
    const [px, py] = part.split(",").map(Number);
    if (Number.isFinite(px) && Number.isFinite(py)) { x.push(px); y.push(py); }
  }
  return { x, y };
}

function selectionOf(event) {
  const state = emptySelection();
  const indices = new Set();
  for (const point of (event && event.points) || []) {
    state.selection.points.push(plainPoint(point));
    if (point.pointIndex !== undefined && point.pointIndex !== null) indices.add(point.pointIndex);
    if (Array.isArray(point.pointIndices)) point.pointIndices.forEach((i) => indices.add(i));
  }
  state.selection.point_indices = Array.from(indices);
  for (const sel of (event && event.selections) || []) {
    if (sel.type === "rect") {
      state.selection.box.push({ xref: sel.xref, yref: sel.yref, x: [sel.x0, sel.x1], y: [sel.y0, sel.y1] });
    } else if (sel.type === "path") {
      state.selection.lasso.push({ xref: sel.xref, yref: sel.yref, ...lassoPath(sel.path) });
    }
  }
  return state;
}

// Layout and config for a chart whose selections the app reads (on_select); without
// selections the modebar offers no box or lasso select, as Streamlit's does.
function enableSelections(layout, config, modes) {
  const remove = [...(config.modeBarButtonsToRemove || [])];
  if (!modes.includes("box")) remove.push("select2d");
  if (!modes.includes("lasso")) remove.push("lasso2d");
  config.modeBarButtonsToRemove = remove;
  if (!modes.length) return;
  layout.clickmode = modes.includes("points") ? "event+select" : "event";
  layout.hovermode = "closest";
  if (layout.dragmode === undefined) {
    layout.dragmode = "pan";  // as Streamlit's: box and lasso are picked in the modebar
  }
}

function whenConnected(el) {
  return new Promise((resolve) => {
    let tries = 0;
    const check = () => (el.isConnected || ++tries > 600 ? resolve() : requestAnimationFrame(check));
    check();
  });
}

/** @satisfies {import("../protocol").SomeElementBuilders} */
export const BUILDERS = {
  plotly_chart(props, view) {
    // As Streamlit's: div.stPlotlyChart around the div plotly.js draws into (.js-plotly-plot).
    const gd = h("div");
    const el = h("div", { testid: "stPlotlyChart", class: "stPlotlyChart wl-plotly" }, gd);
    let current = props;
    let selection = props.value ?? null;
    let drawn = null;       // the props last drawn
    let listening = false;
    let observer = null;
    let token = 0;

    const send = (state) => {
      if (JSON.stringify(state) === JSON.stringify(selection)) return;
      selection = state;
      if (!current.form) view.sendWidget(current.id, state);
    };

    const draw = async (p) => {
      const mine = ++token;
      const same = drawn && drawn.spec === p.spec && drawn.config === p.config &&
        drawn.theme === p.theme && drawn.use_container_width === p.use_container_width &&
        JSON.stringify(drawn.selection_mode) === JSON.stringify(p.selection_mode);
      if (same) return;
      const Plotly = await loadPlotly();
      await whenConnected(el);
      if (mine !== token) return;
      const spec = parseJson(p.spec, {});
      const config = { displaylogo: false, showSendToCloud: false, ...parseJson(p.config, {}) };
      const layout = { ...(spec.layout || {}) };
      if (p.theme === "streamlit") {
        layout.template = streamlitTemplate(el);
      } else {  // the library's look, in the page's font (as Streamlit's theme=None)
        const css = getComputedStyle(el);
        layout.font = { family: css.fontFamily, ...(layout.font || {}) };
      }
      if (p.use_container_width) delete layout.width;
      if (layout.height === undefined) layout.height = 450;
      enableSelections(layout, config, p.selection_mode || []);
      await Plotly.react(gd, spec.data || [], layout, config);
      drawn = p;
      if (spec.frames && spec.frames.length) Plotly.addFrames(gd, spec.frames);
      if (p.selection_mode && !listening) {
        listening = true;
        gd.on("plotly_selected", (event) => { if (event) send(selectionOf(event)); });
        gd.on("plotly_deselect", () => send(emptySelection()));
      }
      if (!observer && typeof ResizeObserver !== "undefined") {
        let width = el.clientWidth;
        observer = new ResizeObserver(() => {
          if (el.clientWidth === width || !drawn) return;
          width = el.clientWidth;
          Plotly.Plots.resize(gd);
        });
        observer.observe(el);
      }
    };

    draw(props).catch((err) => { el.textContent = `Plotly chart could not be drawn: ${err}`; });
    return {
      el,
      formId: props.form,
      read: () => selection ?? emptySelection(),
      update(p, before) {
        current = p;
        if (JSON.stringify(p.value) !== JSON.stringify(before.value)) selection = p.value ?? null;
        draw(p).catch((err) => { el.textContent = `Plotly chart could not be drawn: ${err}`; });
      },
      dispose() {
        token += 1;
        if (observer) observer.disconnect();
        if (plotlyReady) plotlyReady.then((Plotly) => Plotly.purge(gd)).catch(() => {});
      },
    };
  },
};
