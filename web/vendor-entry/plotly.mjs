// Entry point for dist/plotly.js: build.py bundles plotly.js (plotly.js-dist-min, pinned in
// package.json) into one minified ES module with esbuild. web/display/figures.js imports it
// with a dynamic import() only when a page first draws st.plotly_chart.
//   import Plotly from "./plotly.js";
import Plotly from "plotly.js-dist-min";

export default Plotly;
