// Vega-Lite charts: st.line/bar/area/scatter_chart, st.vega_lite_chart, st.altair_chart
// (kind "vega_lite_chart", or "arrow_vega_lite_chart" when selections make it a widget) and
// st.map ("map_chart": points over a graticule, no map tiles). The Vega libraries come
// from dist/vega.js, imported the first time a page draws a chart, so pages without
// charts never download them. Everything is drawn as SVG inside the stVegaLiteChart div.
import { h } from "../dom.js";
import { assetURL } from "../assets.js";

let vegaReady = null;
function loadVega() {
  vegaReady ??= import(assetURL("vega.js"));
  return vegaReady;
}

// Streamlit's light chart theme (fonts, greys, palette; no view border).
const FONT = '"Source Sans", sans-serif';  // web/styles/fonts.css
const GREY = "#808495";
const THEME = {
  font: FONT,
  background: "#ffffff",
  fieldTitle: "verbal",
  autosize: { type: "fit", contains: "padding" },
  title: { align: "left", anchor: "start", color: "#31333f", fontStyle: "normal",
    fontWeight: 600, fontSize: 16, orient: "top", offset: 26 },
  header: { titleFontWeight: 400, titleFontSize: 16, titleColor: GREY, titleFontStyle: "normal",
    labelFontSize: 12, labelFontWeight: 400, labelColor: GREY, labelFontStyle: "normal" },
  axis: { labelFontSize: 12, labelFontWeight: 400, labelColor: GREY, labelFontStyle: "normal",
    titleFontWeight: 400, titleFontSize: 12, titleColor: GREY, titleFontStyle: "normal",
    ticks: false, gridColor: "#e6eaf1", domain: false, domainWidth: 1, domainColor: "#e6eaf1",
    labelFlush: true, labelFlushOffset: 1, labelBound: false, labelLimit: 100,
    titlePadding: 16, labelPadding: 16, labelSeparation: 4, labelOverlap: true },
  legend: { labelFontSize: 14, labelFontWeight: 400, labelColor: GREY, titleFontSize: 14,
    titleFontWeight: 400, titleFontStyle: "normal", titleColor: GREY, titlePadding: 5,
    labelPadding: 16, columnPadding: 8, rowPadding: 4, padding: 7, symbolStrokeWidth: 4 },
  range: {
    category: ["#0068c9", "#83c9ff", "#ff2b2b", "#ffabab", "#29b09d", "#7defa1", "#ff8700",
      "#ffd16a", "#6d3fc0", "#d5dae5"],
    diverging: ["#7d353b", "#bd4043", "#ff4b4b", "#ff8c8c", "#ffc7c7", "#a6dcff", "#60b4ff",
      "#1c83e1", "#0054a3", "#004280"],
    ramp: ["#e4f5ff", "#c7ebff", "#a6dcff", "#83c9ff", "#60b4ff", "#3d9df3", "#1c83e1",
      "#0068c9", "#0054a3", "#004280"],
    heatmap: ["#e4f5ff", "#c7ebff", "#a6dcff", "#83c9ff", "#60b4ff", "#3d9df3", "#1c83e1",
      "#0068c9", "#0054a3", "#004280"],
  },
  view: { columns: 1, strokeWidth: 0, stroke: "transparent", continuousHeight: 350,
    continuousWidth: 400 },
  concat: { columns: 1 },
  facet: { columns: 1 },
  mark: { tooltip: true, color: "#0068c9" },
  bar: { binSpacing: 4, discreteBandSize: { band: 0.85 } },
  axisDiscrete: { grid: false },
  axisXPoint: { grid: false },
  axisTemporal: { grid: false },
  axisXBand: { grid: false },
};

// The spec as drawn: zero sizes dropped (the theme's defaults apply), the container's
// width when the chart stretches.
function stretches(props) {
  return props.use_container_width === true ||
    (props.use_container_width == null && props.width === "stretch");
}

function sizedSpec(props, containerWidth) {
  const spec = JSON.parse(JSON.stringify(props.spec));
  if (spec.width === 0) delete spec.width;
  if (spec.height === 0) delete spec.height;
  if (stretches(props)) {
    // As Streamlit: the container's width in pixels (vconcat rows too).
    spec.width = containerWidth || "container";
    if (containerWidth && Array.isArray(spec.vconcat)) for (const row of spec.vconcat) row.width = containerWidth;
  }
  if (typeof props.width === "number") spec.width = props.width;
  if (typeof props.height === "number") spec.height = props.height;
  if (spec.title && containerWidth) {
    if (typeof spec.title === "string") spec.title = { text: spec.title };
    spec.title.limit ??= Math.max(containerWidth - 40, 0);
  }
  if (!spec.padding) spec.padding = {};
  if (typeof spec.padding === "object" && spec.padding.bottom == null) spec.padding.bottom = 20;
  if ((props.selection_mode || []).length) projectPointSelections(spec);
  return spec;
}

// As Streamlit: a point selection without `encodings` selects by every encoded channel,
// so the script receives each selected point's encoded fields.
function projectPointSelections(spec) {
  if (!("params" in spec) || !("encoding" in spec)) return;
  for (const param of spec.params) {
    if (!("select" in param)) continue;
    if (param.select === "interval" || param.select === "point") param.select = { type: param.select };
    if (param.select.type === "point" && param.select.encodings == null) {
      param.select.encodings = Object.keys(spec.encoding);
    }
  }
}

function debounce(ms, fn) {
  let timer = null;
  return (...args) => { clearTimeout(timer); timer = setTimeout(() => fn(...args), ms); };
}

// Draw props.spec into el; `onView(view)` gets the Vega view once drawn.
function chart(el, props, onView) {
  let result = null;
  let disposed = false;
  let width = 0;
  let current = props;
  // A stretching chart follows its container's width.
  const resize = typeof ResizeObserver === "function" ? new ResizeObserver(() => {
    const now = el.clientWidth;
    if (!result || !stretches(current) || !now || Math.abs(now - width) < 1) return;
    width = now;
    result.view.width(now).runAsync();
  }) : null;
  if (resize) resize.observe(el);
  const draw = (p) => {
    current = p;
    loadVega().then(async ({ embed }) => {
      if (disposed) return;
      // ast: Vega expressions run in vega-interpreter, not `new Function`, so charts work
      // under a Content-Security-Policy without 'unsafe-eval'.
      const options = { renderer: "svg", ast: true,
        actions: { export: true, source: false, compiled: false, editor: false } };
      if (p.theme === "streamlit") options.config = THEME;
      else options.config = { font: FONT };
      if (result) result.finalize();
      width = el.clientWidth;
      result = await embed(el, sizedSpec(p, width), options);
      if (disposed) { result.finalize(); return; }
      el.dataset.wlDrawn = "true";
      if (onView) onView(result.view);
    }).catch((err) => {
      el.textContent = `Chart error: ${err && err.message ? err.message : err}`;
    });
  };
  draw(props);
  return {
    redraw: draw,
    dispose() { disposed = true; if (resize) resize.disconnect(); if (result) result.finalize(); },
  };
}

function chartBox(props) {
  const el = h("div", { testid: "stVegaLiteChart", class: "stVegaLiteChart wl-vega-chart" });
  const stretch = props.use_container_width === true || props.width === "stretch" ||
    (props.use_container_width == null && props.width == null);
  el.classList.toggle("wl-vega-stretch", stretch);
  return el;
}

function sameSpec(a, b) {
  return JSON.stringify([a.spec, a.theme, a.width, a.height, a.use_container_width]) ===
    JSON.stringify([b.spec, b.theme, b.width, b.height, b.use_container_width]);
}

/** @satisfies {import("../protocol").SomeElementBuilders} */
export const BUILDERS = {
  vega_lite_chart(props) {
    const el = chartBox(props);
    const drawn = chart(el, props);
    return {
      el,
      update(p, before) { if (!sameSpec(p, before)) drawn.redraw(p); },
      dispose: drawn.dispose,
    };
  },

  // A chart with on_select: its value is {selection: {param: {} | [points] | {field: [lo, hi]}}}.
  arrow_vega_lite_chart(props, view) {
    const el = chartBox(props);
    let current = props.value || { selection: {} };
    let modes = props.selection_mode || [];
    const listen = (vgView) => {
      for (const name of modes) {
        vgView.addSignalListener(name, debounce(150, (signal, value) => {
          let picked = value;
          if (value && value.vlPoint && "or" in value.vlPoint) picked = value.vlPoint.or;
          const next = { selection: { ...(current.selection || {}), [signal]: picked || {} } };
          if (JSON.stringify(next) === JSON.stringify(current)) return;
          current = next;
          if (!props.form) view.sendWidget(props.id, next);
        }));
      }
    };
    const drawn = chart(el, props, listen);
    return {
      el,
      formId: props.form,
      read: () => current,
      update(p, before) {
        props = p;
        modes = p.selection_mode || [];
        if (JSON.stringify(p.value) !== JSON.stringify(before.value)) current = p.value;
        if (!sameSpec(p, before)) drawn.redraw(p);
      },
      dispose: drawn.dispose,
    };
  },

  // st.map: Vega-Lite points over a graticule, with a caption saying no tiles are shown.
  map_chart(props) {
    const box = h("div", { class: "wl-vega-chart wl-vega-stretch wl-map" });
    const el = h("div", { testid: "stDeckGlJsonChart", class: "stDeckGlJsonChart wl-map-chart" }, box);
    const caption = h("div", { class: "wl-map-caption" });
    caption.textContent = props.caption;
    el.append(caption);
    const drawn = chart(box, props);
    return {
      el,
      update(p, before) { if (!sameSpec(p, before)) drawn.redraw(p); caption.textContent = p.caption; },
      dispose: drawn.dispose,
    };
  },
};
