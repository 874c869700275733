// Entry point for dist/vega.js: build.py bundles vega, vega-lite and vega-embed into one
// minified ES module with esbuild. web/display/charts.js loads it with a dynamic import()
// the first time a page draws a chart, so pages without charts never download it.
//   import { embed } from "./vega.js";   // embed(el, spec, options) -> {view, finalize}
export { default as embed } from "vega-embed";
