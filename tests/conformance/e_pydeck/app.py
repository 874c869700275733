import json

import streamlit as st

# What pydeck.Deck(...).to_json() gives for a two-point ScatterplotLayer (pydeck 0.9.3); the
# page's offline Python has no numpy for pydeck itself, and st.pydeck_chart only calls
# to_json() and reads the tooltip.
DECK_JSON = '{\n  "initialViewState": {\n    "latitude": 20.5,\n    "longitude": 10.5,\n    "zoom": 5\n  },\n  "layers": [\n    {\n      "@@type": "ScatterplotLayer",\n      "data": [\n        {\n          "lat": 20.0,\n          "lon": 10.0,\n          "name": "A"\n        },\n        {\n          "lat": 21.0,\n          "lon": 11.0,\n          "name": "B"\n        }\n      ],\n      "getFillColor": [\n        255,\n        75,\n        75\n      ],\n      "getPosition": "@@=[lon, lat]",\n      "getRadius": 50000,\n      "id": "cities",\n      "pickable": true\n    }\n  ],\n  "mapProvider": "carto",\n  "views": [\n    {\n      "@@type": "MapView",\n      "controller": true\n    }\n  ]\n}'


class Deck:
    _tooltip = {"text": "{name}"}

    def to_json(self):
        return DECK_JSON


st.pydeck_chart(Deck())
st.pydeck_chart(height=250)
st.pydeck_chart()  # identical to the one above but for its height: no element id, no error
event = st.pydeck_chart(Deck(), on_select="rerun", selection_mode="multi-object", key="map")
st.write("event: " + json.dumps(event, sort_keys=True))
st.write(f"keys: {sorted(event.selection.keys())}, state: {json.dumps(st.session_state.map)}")
for kwargs in ({"on_select": "always"}, {"on_select": "rerun", "selection_mode": "many"},
               {"on_select": "rerun", "selection_mode": ("single-object",)}):
    try:
        st.pydeck_chart(Deck(), **kwargs)
    except Exception as e:
        # Streamlit prints its set of modes, in the set's (hash-seeded) order: shown sorted
        text = str(e).replace("{'single-object', 'multi-object'}", "{'multi-object', 'single-object'}")
        st.write(f"{type(e).__name__}: {text.replace('{', '(').replace('}', ')')}")
try:
    st.pydeck_chart({"layers": []})
except Exception as e:
    st.write(f"dict: {type(e).__name__}: {e}")
st.write("after")
