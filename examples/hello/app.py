"""wasmlit hello: a tour of what wasmlit draws, one short page per element family.

Serve it with `wasmlit hello`, or build it as a static site:
`wasmlit build examples/hello -o site`. Every page is plain Python with no numpy or pandas,
so the gallery starts without downloading any package."""
import streamlit as st

st.set_page_config(page_title="wasmlit hello", page_icon="👋")

# st.navigation (not a pages/ folder): sections, Material icons and titles that are not
# file names, all in one place; each page is still its own short file under demos/.
pages = {
    "": [st.Page("demos/welcome.py", title="Welcome", icon=":material/waving_hand:", default=True)],
    "Elements": [
        st.Page("demos/text.py", title="Text", icon=":material/text_fields:"),
        st.Page("demos/widgets.py", title="Widgets", icon=":material/toggle_on:"),
        st.Page("demos/forms.py", title="Forms & dialogs", icon=":material/edit_note:"),
        st.Page("demos/layout.py", title="Layout", icon=":material/dashboard:"),
        st.Page("demos/status.py", title="Status", icon=":material/notifications:"),
        st.Page("demos/media.py", title="Media", icon=":material/image:"),
    ],
    "Data": [
        st.Page("demos/charts.py", title="Charts", icon=":material/bar_chart:"),
        st.Page("demos/data.py", title="Tables & metrics", icon=":material/table:"),
        st.Page("demos/fragments.py", title="Fragments & state", icon=":material/bolt:"),
    ],
}
st.navigation(pages).run()
