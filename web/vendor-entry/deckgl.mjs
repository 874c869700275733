// Entry point for dist/deckgl.js: build.py bundles deck.gl (pinned in package.json) into one
// ES module with esbuild. web/display/deck.js imports it with a dynamic import() only when
// a page first draws st.pydeck_chart.
//   import { Deck, jsonConverter } from "./deckgl.js";
// The converter knows the layer classes pydeck names in "@@type" (the core, aggregation,
// geo and mesh layers, as Streamlit's does); Carto's layers and base maps need the network
// and are left out.
import { Deck, MapView, OrbitView, OrthographicView, FirstPersonView, COORDINATE_SYSTEM } from "@deck.gl/core";
import * as layers from "@deck.gl/layers";
import * as aggregationLayers from "@deck.gl/aggregation-layers";
import * as geoLayers from "@deck.gl/geo-layers";
import * as meshLayers from "@deck.gl/mesh-layers";
import { JSONConverter } from "@deck.gl/json";

export const jsonConverter = new JSONConverter({
  configuration: {
    classes: { ...layers, ...aggregationLayers, ...geoLayers, ...meshLayers,
      MapView, OrbitView, OrthographicView, FirstPersonView },
    enumerations: { COORDINATE_SYSTEM },
  },
});

export { Deck };
