// st.graphviz_chart: Graphviz (compiled to WebAssembly, dist/graphviz.js) lays the DOT
// graph out as SVG, imported the first time a page draws a graph. DOT's labels are user
// text and its URL/href attributes become links, so the SVG is sanitized (DOMPurify's SVG
// profile: no script, no handlers, no javascript: links) before it enters the page.
import { h } from "../dom.js";
import { assetURL } from "../assets.js";

/** @type {Promise<any> | null} */
let graphvizReady = null;
function loadGraphviz() {
  graphvizReady ??= import(assetURL("graphviz.js"));
  return graphvizReady;
}

// The SVG sized as Streamlit sizes it: "content" keeps Graphviz's own size (never wider
// than the column); "stretch" and a pixel width let the viewBox scale it to the element.
function sizeChart(el, svg, props) {
  const width = props.width;
  el.style.width = typeof width === "number" ? `${width}px` : width === "stretch" ? "100%" : "";
  el.style.maxWidth = "100%";
  const height = props.height;
  el.style.height = typeof height === "number" ? `${height}px` : height === "stretch" ? "100%" : "";
  el.style.overflow = typeof height === "number" ? "auto" : "";
  if (svg && width !== "content") {
    svg.removeAttribute("width");
    svg.removeAttribute("height");
    svg.style.width = "100%";
  }
}

/** @satisfies {import("../protocol").SomeElementBuilders} */
export const BUILDERS = {
  graphviz_chart(props) {
    // As Streamlit's: div.stGraphVizChart holding Graphviz's <svg>.
    const el = h("div", { testid: "stGraphVizChart", class: "stGraphVizChart wl-graphviz" });
    let token = 0;
    const draw = async (p) => {
      const mine = ++token;
      sizeChart(el, null, p);
      const lib = await loadGraphviz();
      const graphviz = await lib.loadGraphviz();
      if (mine !== token) return;
      let svg = null;
      try {
        svg = lib.sanitizeSvg(graphviz.layout(p.spec, "svg", p.engine || "dot"));
      } catch (err) {
        // As Streamlit's: a graph Graphviz cannot read is logged, and nothing is drawn.
        console.error("st.graphviz_chart:", err);
      }
      el.replaceChildren(...(svg ? [svg] : []));
      sizeChart(el, svg, p);
    };
    const failed = (err) => { console.error("st.graphviz_chart: Graphviz could not be loaded:", err); };
    draw(props).catch(failed);
    return {
      el,
      update(p) { draw(p).catch(failed); },  // a layout is quick; sizes start afresh
      dispose() { token += 1; },
    };
  },
};
