// st.pydeck_chart ("deck_gl_json_chart"): the Deck's JSON (pydeck's to_json()) turned into
// deck.gl layers by @deck.gl/json's JSONConverter and drawn by deck.gl on a WebGL2 canvas.
// deck.gl comes from dist/deckgl.js, imported the first time a page draws one.
//
// The base map: Streamlit 1.50 draws Carto/Mapbox tiles under the layers, which needs the
// network; here the layers always draw on a blank base (online too: a tile library would
// add MBs for a look the page cannot promise offline). Without WebGL2 the element says so.
//
// With on_select (props.id), a click selects like Streamlit's: value
// {selection: {indices: {layer id: [i]}, objects: {layer id: [row]}}}; a click outside
// every object clears it, as does the "Clear selection" button.
import { h } from "../dom.js";
import { assetURL } from "../assets.js";

const DEFAULT_HEIGHT = 500;
const NO_WEBGL = "This chart needs WebGL 2, which this browser does not provide, so its layers cannot be drawn.";
const EMPTY = () => ({ indices: {}, objects: {} });

let deckReady = null;
function loadDeck() {
  deckReady ??= import(assetURL("deckgl.js"));
  return deckReady;
}

// Whether the browser can give deck.gl the WebGL 2 context it draws with.
let webgl2 = null;
function hasWebGL2() {
  if (webgl2 === null) {
    try {
      const gl = document.createElement("canvas").getContext("webgl2");
      webgl2 = !!gl;
      gl?.getExtension("WEBGL_lose_context")?.loseContext();
    } catch {
      webgl2 = false;
    }
  }
  return webgl2;
}

function parseSpec(props) {
  try {
    return JSON.parse(props.spec || "{}");
  } catch {
    return {};
  }
}

// The element's height: the prop, else the view state's, else Streamlit's 500 px.
function heightOf(props, spec) {
  return props.height || spec?.initialViewState?.height || DEFAULT_HEIGHT;
}

// Streamlit's tooltip: "{field}" in its text (or html) replaced by the picked object's
// field (or its GeoJSON properties' one). `html` is HTML the app wrote (pydeck's API).
function tooltipFor(tooltipJson) {
  if (!tooltipJson) return null;
  let template;
  try { template = JSON.parse(tooltipJson); } catch { return null; }
  if (!template || typeof template !== "object") return null;
  return (info) => {
    if (!info || !info.object) return null;
    const fill = (body) => String(body).replace(/{(.*?)}/g, (match, name) => {
      const obj = info.object;
      if (Object.hasOwn(obj, name)) return String(obj[name]);
      if (obj.properties && Object.hasOwn(obj.properties, name)) return String(obj.properties[name]);
      return match;
    });
    const shown = { ...template };
    if (shown.html) shown.html = fill(shown.html);
    else if (shown.text !== undefined) shown.text = fill(shown.text);
    return shown;
  };
}

// The next selection after a click, as Streamlit computes it.
function nextSelection(current, info, mode) {
  if (!info || info.index === -1 || info.index === undefined) return EMPTY();
  const layerId = `${info.layer?.id || null}`;
  if (mode === "single-object") {
    if (current.indices[layerId]?.[0] === info.index) return EMPTY();
    return { indices: { [layerId]: [info.index] }, objects: { [layerId]: [info.object] } };
  }
  const picked = new Map((current.indices[layerId] || []).map((i, n) => [i, current.objects[layerId]?.[n]]));
  if (picked.has(info.index)) picked.delete(info.index);
  else picked.set(info.index, info.object);
  const indices = { ...current.indices };
  const objects = { ...current.objects };
  if (picked.size) {
    indices[layerId] = [...picked.keys()];
    objects[layerId] = [...picked.values()];
  } else {
    delete indices[layerId];
    delete objects[layerId];
  }
  return { indices, objects };
}

/** @satisfies {import("../protocol").SomeElementBuilders} */
export const BUILDERS = {
  deck_gl_json_chart(props, view) {
    let spec = parseSpec(props);
    const canvasBox = h("div", { class: "wl-deck-canvas" });
    const clear = h("button", { type: "button", class: "wl-deck-clear", "aria-label": "Clear selection",
      title: "Clear selection", hidden: true }, "Clear selection");
    const el = h("div", { testid: "stDeckGlJsonChart", class: "stDeckGlJsonChart wl-deck-chart" }, clear, canvasBox);
    /** @type {any} */
    let deck = null;
    let disposed = false;
    let selection = props.value?.selection || EMPTY();
    let drawnViewState = null;

    const size = () => {
      el.style.height = `${heightOf(props, spec)}px`;
      el.style.width = props.use_container_width === false && props.width ? `${props.width}px` : "";
    };

    const sendSelection = (next) => {
      if (JSON.stringify(next) === JSON.stringify(selection)) return;
      selection = next;
      clear.hidden = !Object.keys(selection.indices).length;
      if (props.form) return;
      view.sendWidget(props.id, { selection });
      draw();
    };

    // The converted props for deck.gl: layers with the selection highlighted (the last
    // selected object of each layer), no views (one map view) and no base map.
    const deckProps = (lib) => {
      const copy = { ...spec };
      for (const key of ["views", "mapStyle", "mapProvider", "mapboxKey", "googleMapsKey", "description"]) delete copy[key];
      const selecting = !!props.id;
      if (selecting && Array.isArray(copy.layers)) {
        const pickableSet = copy.layers.some((l) => l && Object.hasOwn(l, "pickable"));
        copy.layers = copy.layers.map((layer) => {
          if (!layer || typeof layer !== "object" || Array.isArray(layer)) return layer;
          const picked = selection.indices[`${layer.id || null}`] || [];
          return { ...layer, ...(pickableSet ? {} : { pickable: true }),
            ...(picked.length ? { highlightedObjectIndex: picked[picked.length - 1] } : {}) };
        });
      }
      return lib.jsonConverter.convert(copy) || {};
    };

    const draw = () => {
      if (!hasWebGL2()) {
        canvasBox.replaceChildren(h("div", { class: "wl-deck-message", role: "note" }, NO_WEBGL));
        return;
      }
      loadDeck().then((lib) => {
        if (disposed) return;
        const converted = deckProps(lib);
        const viewState = JSON.stringify(converted.initialViewState || null);
        const common = {
          ...converted,
          controller: true,
          getTooltip: tooltipFor(props.tooltip),
          onClick: props.id && !props.disabled ? (info) => sendSelection(nextSelection(selection, info, props.selection_mode?.[0])) : null,
        };
        if (viewState === drawnViewState || !converted.initialViewState) delete common.initialViewState;
        if (!deck) {
          deck = new lib.Deck({ parent: canvasBox, width: "100%", height: "100%", ...common,
            initialViewState: converted.initialViewState || { latitude: 0, longitude: 0, zoom: 1 },
            onError: (err) => { if (err) el.dataset.wlError = String(err.message || err); } });
        } else {
          deck.setProps(common);
        }
        drawnViewState = viewState;
        el.dataset.wlDrawn = "true";
      }).catch((err) => {
        canvasBox.replaceChildren(h("div", { class: "wl-deck-message", role: "note" },
          `Chart error: ${err && err.message ? err.message : err}`));
      });
    };

    clear.addEventListener("click", () => sendSelection(EMPTY()));
    clear.hidden = !Object.keys(selection.indices).length;
    size();
    draw();
    return {
      el,
      formId: props.form,
      read: () => ({ selection }),
      update(p, before) {
        props = p;
        if (JSON.stringify(p.value) !== JSON.stringify(before.value)) {
          selection = p.value?.selection || EMPTY();
          clear.hidden = !Object.keys(selection.indices).length;
        }
        if (p.spec !== before.spec) spec = parseSpec(p);
        size();
        draw();
      },
      dispose() {
        disposed = true;
        deck?.finalize();
        deck = null;
      },
    };
  },
};
