// Entry point for dist/graphviz.js: build.py bundles Graphviz compiled to WebAssembly
// (@hpcc-js/wasm-graphviz, whose wasm is inlined in its JS) and DOMPurify into one
// minified ES module with esbuild. web/display/graphviz.js imports it the first time a
// page draws st.graphviz_chart, so pages without a graph never download it.
//   import { loadGraphviz, sanitizeSvg } from "./graphviz.js";
//   (await loadGraphviz()).layout(dot, "svg", engine) -> SVG text
import { Graphviz } from "@hpcc-js/wasm-graphviz";
import DOMPurify from "dompurify";

let loading = null;

/** The Graphviz instance (its wasm compiled once per page). */
export function loadGraphviz() {
  loading ??= Graphviz.load();
  return loading;
}

/** Graphviz's SVG as an <svg> element of `doc`, without what could run script: DOT's
 * URL/href attributes become links, and a javascript: link (or any handler) is dropped. */
export function sanitizeSvg(svgText, doc = document) {
  const start = svgText.indexOf("<svg");
  const clean = DOMPurify.sanitize(start < 0 ? svgText : svgText.slice(start), {
    USE_PROFILES: { svg: true, svgFilters: true }, RETURN_DOM_FRAGMENT: true });
  const svg = clean.querySelector("svg");
  return svg ? doc.importNode(svg, true) : null;
}
