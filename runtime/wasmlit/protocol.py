"""The one place that names the Python <-> JS protocol: what changes the page is sent, what
events it sends back, and which element and block kinds it draws.

web/protocol.d.ts names the same things for the page, and a test compares the two. The
tree refuses an op or kind missing here (`Tree.event`, `Tree.place`): a new one is added here
first, then on the page.
"""
from __future__ import annotations

# Every "op" a change sent to the page can carry (Tree.changes, applied in order by
# web/render.js's AppView.apply).
CHANGE_OPS: frozenset[str] = frozenset({
    # The element tree (tree.py): place a node, replace a node's props, drop the trailing
    # children of a block. An "update" with "reset": true makes a widget show the new value
    # over what the user entered (a form cleared on submit: widgets/__init__.py).
    "set", "update", "trim",
    # One-off changes that are not part of the tree (Tree.event):
    "timers",        # the fragments' run_every periods: {fragment id: seconds} (session)
    "page_config",   # st.set_page_config's title, icon, layout, ... (elements/page.py)
    "query",         # st.query_params changed: the page puts it in its URL (query_params.py)
    "navigation",    # the pages st.navigation declared, and the one shown (navigation.py)
    "script_error",  # an uncaught error ended a run: the app handle reports it (script_run.py)
    "logo",          # st.logo, or null once a full run no longer calls it (elements/logo.py)
})

# Every "kind" of event the page sends (AppSession.enqueue).
PAGE_EVENT_KINDS: frozenset[str] = frozenset({
    "rerun",    # run the whole script (the first run, Back/Forward, a page link, R key)
    "tick",     # a fragment's run_every timer fired
    "widgets",  # widgets changed value (a form submit sends all of its widgets at once)
    "stop",     # the Stop button: the run in progress ends at its next st call
})

# Every kind of leaf element placed in the tree (DeltaGenerator.place_element).
ELEMENT_KINDS: frozenset[str] = frozenset({
    # Text (elements/text.py, elements/layout.py)
    "markdown", "heading", "code", "text", "json", "html", "help", "metric",
    # Status (elements/status.py)
    "alert", "exception", "progress", "spinner", "balloons", "snow",
    "toast",  # st.toast: drawn in the page's toast corner while its slot is in the tree
    # Data and charts (elements/data.py, elements/charts.py)
    "dataframe", "table", "vega_lite_chart", "map_chart",
    # Media and figures (elements/media.py, elements/figures.py)
    "image", "audio", "video", "plotly_chart",
    # Graphs and documents (elements/graphviz.py, elements/pdf.py)
    "graphviz_chart", "pdf",
    # Links (elements/layout.py, navigation.py)
    "link_button", "page_link",
    # Widgets (widgets/, and the selectable forms of elements): their props carry an "id"
    "button", "form_submit_button", "download_button", "checkbox", "toggle",
    "text_input", "text_area", "number_input", "chat_input",
    "radio", "selectbox", "multiselect", "pills", "segmented_control", "feedback",
    "slider", "select_slider", "date_input", "time_input", "color_picker",
    "file_uploader", "camera_input", "data_editor",
    "arrow_vega_lite_chart",  # a chart with on_select: a widget (elements/charts.py)
    # Components (components/v1/): components.html / iframe, and a custom component
    # (a widget: its frontend in an iframe, speaking Streamlit's component protocol)
    "iframe", "component_instance",
    "deck_gl_json_chart",  # st.pydeck_chart, a widget with on_select (elements/deck.py)
    "audio_input",  # widgets/audio_input.py
})

# Every kind of block (container) placed in the tree (DeltaGenerator.place_block).
BLOCK_KINDS: frozenset[str] = frozenset({
    # Layout (elements/layout.py, and the block each fragment draws into)
    "vertical", "horizontal", "column", "tabs", "tab", "expander", "popover", "form",
    "empty",         # st.empty(): one slot, each write replaces the last
    # Containers with their own look (elements/status.py, widgets/chat.py)
    "status", "chat_message",
    "dialog",        # an open @st.dialog, in the event root (dialogs.py)
})
