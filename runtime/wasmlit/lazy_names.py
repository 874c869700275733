"""Where each lazily imported `st` name lives, so a family is imported when an app first uses it.

`import streamlit` imports only the engine (what every run needs); `st.line_chart`,
`col.dataframe`, `st.cache_data` and the like import their module on first use (the registry,
`registry.COMMANDS`, for the commands; `wasmlit.__getattr__` for the other names). In the
browser a module not yet needed is not even downloaded (wasmlit.lazy_modules).

tests/engine/test_lazy_names.py checks that these tables are complete and exact: every
command a family registers is named here with its module, and no name is left over.
"""
from __future__ import annotations

# `st.<command>` and `<container>.<command>` -> the module whose `@command` registers it.
COMMAND_MODULES: dict[str, str] = {
    **dict.fromkeys(["markdown", "caption", "title", "header", "subheader", "text", "code",
                     "json", "divider", "write"], "wasmlit.elements.text"),
    **dict.fromkeys(["latex", "badge", "html", "help", "write_stream"],
                    "wasmlit.elements.text_extras"),
    **dict.fromkeys(["error", "warning", "info", "success", "exception", "balloons", "snow",
                     "progress", "toast", "spinner", "status"], "wasmlit.elements.status"),
    **dict.fromkeys(["container", "empty", "columns", "expander", "tabs", "popover", "form"],
                    "wasmlit.elements.layout"),
    **dict.fromkeys(["set_page_config", "chat_message"], "wasmlit.elements.page"),
    **dict.fromkeys(["dataframe", "table", "metric"], "wasmlit.elements.data"),
    **dict.fromkeys(["line_chart", "area_chart", "bar_chart", "scatter_chart", "vega_lite_chart",
                     "altair_chart", "map"], "wasmlit.elements.charts"),
    **dict.fromkeys(["pyplot", "plotly_chart"], "wasmlit.elements.figures"),
    **dict.fromkeys(["image", "audio", "video"], "wasmlit.elements.media"),
    "bokeh_chart": "wasmlit.elements.bokeh",
    "pydeck_chart": "wasmlit.elements.deck",
    "graphviz_chart": "wasmlit.elements.graphviz",
    "pdf": "wasmlit.elements.pdf",
    "logo": "wasmlit.elements.logo",
    "page_link": "wasmlit.navigation",
    **dict.fromkeys(["button", "form_submit_button", "download_button", "link_button"],
                    "wasmlit.widgets.buttons"),
    **dict.fromkeys(["checkbox", "toggle", "text_input", "text_area", "number_input"],
                    "wasmlit.widgets.inputs"),
    **dict.fromkeys(["radio", "selectbox", "multiselect"], "wasmlit.widgets.choice"),
    **dict.fromkeys(["slider", "select_slider"], "wasmlit.widgets.sliders"),
    **dict.fromkeys(["date_input", "time_input", "color_picker"], "wasmlit.widgets.pickers"),
    **dict.fromkeys(["pills", "segmented_control", "feedback"], "wasmlit.widgets.button_group"),
    **dict.fromkeys(["file_uploader", "camera_input"], "wasmlit.widgets.files"),
    "chat_input": "wasmlit.widgets.chat",
    "data_editor": "wasmlit.widgets.data_editor",
    "audio_input": "wasmlit.widgets.audio_input",
}

# The other lazily imported names of `streamlit`: name -> (module to import, attribute of it),
# the attribute None for the submodule `wasmlit.<name>` itself.
ATTRIBUTE_SOURCES: dict[str, tuple[str, str | None]] = {
    "cache": ("wasmlit.caching", "cache"),
    "cache_data": ("wasmlit.caching", "cache_data"),
    "cache_resource": ("wasmlit.caching", "cache_resource"),
    "column_config": ("wasmlit.column_config", None),
    # 1.50's `import streamlit` imports streamlit.components.v1: st.components.v1.html
    # works without an import of its own.
    "components": ("wasmlit.components.v1", None),
    "connections": ("wasmlit.connections", None),
    "connection": ("wasmlit.connections.factory", "connection_factory"),
    "dialog": ("wasmlit.dialogs", "dialog"),
    "runtime": ("wasmlit.runtime", None),
    # Multipage apps, st.echo, secrets, the user and the deprecated query params API: what
    # a plain run never touches.
    "Page": ("wasmlit.navigation", "Page"),
    "navigation": ("wasmlit.navigation", "navigation"),
    "switch_page": ("wasmlit.navigation", "switch_page"),
    "echo": ("wasmlit.echo", "echo"),
    "secrets": ("wasmlit.secrets", "secrets"),
    "user": ("wasmlit.user_info", "user"),
    "experimental_user": ("wasmlit.user_info", "experimental_user"),
    "login": ("wasmlit.user_info", "login"),
    "logout": ("wasmlit.user_info", "logout"),
    "experimental_get_query_params": ("wasmlit.query_params", "experimental_get_query_params"),
    "experimental_set_query_params": ("wasmlit.query_params", "experimental_set_query_params"),
}
