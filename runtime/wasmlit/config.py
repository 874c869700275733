"""`st.get_option`, `st.set_option` and `st.config`: Streamlit 1.50's configuration options
that mean something in a browser.

Those are the `theme.*` options (with `theme.sidebar.*`), `client.*`, `runner.*` and
`magic.*`, with 1.50's defaults. An app sets them in `.streamlit/config.toml` in its folder
(read when its session starts), or, for the three `client.*` options 1.50 lets a script
change, with `st.set_option` (process-wide, as in 1.50). The other 1.50 sections (`server.*`,
`browser.*`, `global.*`, `logger.*`, `mapbox.*`, `secrets.*`, `ui.*`) configure a server a
static site does not have: they are unknown here, and asking for one raises 1.50's error for an
unknown option.
"""
from __future__ import annotations

import os
from typing import Any

from .current import running_session
from .errors import StreamlitAPIException

_THEME = ("primaryColor backgroundColor secondaryBackgroundColor textColor redColor orangeColor "
          "yellowColor blueColor greenColor violetColor grayColor redBackgroundColor "
          "orangeBackgroundColor yellowBackgroundColor blueBackgroundColor greenBackgroundColor "
          "violetBackgroundColor grayBackgroundColor redTextColor orangeTextColor yellowTextColor "
          "blueTextColor greenTextColor violetTextColor grayTextColor linkColor linkUnderline "
          "codeBackgroundColor font headingFont headingFontSizes headingFontWeights codeFont "
          "codeFontSize codeFontWeight baseRadius buttonRadius borderColor dataframeBorderColor "
          "dataframeHeaderBackgroundColor showWidgetBorder").split()
# Theme options only the main area has (not under theme.sidebar).
_THEME_MAIN_ONLY = ("base fontFaces baseFontSize baseFontWeight showSidebarBorder "
                    "chartCategoricalColors chartSequentialColors").split()

# key -> 1.50's default value (every theme option defaults to None: the built-in theme).
DEFAULTS: dict[str, Any] = {
    "client.showErrorDetails": "full",
    "client.toolbarMode": "auto",
    "client.showSidebarNavigation": True,
    "runner.magicEnabled": True,
    "runner.postScriptGC": True,
    "runner.fastReruns": True,
    "runner.enforceSerializableSessionState": False,
    "runner.enumCoercion": "nameOnly",
    "magic.displayRootDocString": False,
    "magic.displayLastExprIfNoSemicolon": False,
    **{f"theme.{name}": None for name in _THEME + _THEME_MAIN_ONLY},
    **{f"theme.sidebar.{name}": None for name in _THEME},
}

# The options 1.50 lets a running script change (its `scriptable` options, less the ones of
# sections a browser has no use for).
SCRIPTABLE = frozenset({"client.showErrorDetails", "client.toolbarMode",
                        "client.showSidebarNavigation"})

_set_by_script: dict[str, Any] = {}  # st.set_option's values: process-wide, as in 1.50

# What an uncaught exception says in place of its message unless client.showErrorDetails
# is "full" (1.50's text).
GENERIC_UNCAUGHT_EXCEPTION_TEXT = (
    "This app has encountered an error. The original error message is redacted "
    "to prevent data leaks. Full error details have been recorded in the logs "
    "(if you're on Streamlit Cloud, click on 'Manage app' in the lower right of your app).")


def read_config_file(folder: str | None) -> dict[str, Any]:
    """The known options of `<folder>/.streamlit/config.toml` as {"section.name": value};
    {} without a folder or file. A file that does not parse is an error, as in 1.50."""
    if not folder:
        return {}
    path = os.path.join(folder, ".streamlit", "config.toml")
    if not os.path.isfile(path):
        return {}
    import tomllib  # only when there is a file to read
    with open(path, "rb") as file:
        parsed = tomllib.load(file)
    found: dict[str, Any] = {}

    def collect(prefix: str, table: dict[str, Any]) -> None:
        for name, value in table.items():
            key = f"{prefix}.{name}" if prefix else str(name)
            if key in DEFAULTS:
                found[key] = value
            elif isinstance(value, dict):
                collect(key, value)

    collect("", parsed)
    return found


def _session_options() -> dict[str, Any]:
    session = running_session()
    return getattr(session, "config_file_options", None) or {}


def option_value(key: str, file_options: dict[str, Any] | None = None) -> Any:
    """An option's value: set by a script, else from the app's config.toml, else 1.50's
    default. `file_options` defaults to the running app's."""
    if key in _set_by_script:
        return _set_by_script[key]
    if file_options is None:
        file_options = _session_options()
    return file_options.get(key, DEFAULTS[key])


def uncaught_error_details() -> tuple[bool, bool, bool]:
    """Whether an uncaught exception shows its (message, traceback, type), by
    client.showErrorDetails as 1.50 reads it: "full" (or true) all three, "stacktrace" (or
    the legacy false) the traceback and type, "type" the type alone, "none" nothing (each
    with the generic message in place of the real one)."""
    value = option_value("client.showErrorDetails")
    message = value == "full" or value in ("true", "True", True)
    trace = message or value == "stacktrace" or value in ("false", "False", False)
    return message, trace, trace or value == "type"


def get_option(key: str) -> Any:
    """st.get_option: the value of a configuration option ("section.optionName")."""
    if key not in DEFAULTS:
        raise RuntimeError(f'Config key "{key}" not defined.')
    return option_value(key)


def set_option(key: str, value: Any, where_defined: str = "<user defined>") -> None:
    """Set any known option (1.50's internal `config.set_option`; st.set_option checks
    first that a script may set it)."""
    if key not in DEFAULTS:
        raise RuntimeError(f'Config key "{key}" not defined.')
    _set_by_script[key] = value


def set_user_option(key: str, value: Any) -> None:
    """st.set_option: only the `client.*` options may be set while the app runs."""
    if key not in DEFAULTS:
        raise StreamlitAPIException(f"Unrecognized config option: {key}")
    if key not in SCRIPTABLE:
        raise StreamlitAPIException(
            f"{key} cannot be set on the fly. Set as command line option, e.g. "
            f"streamlit run script.py --{key}, or in config.toml instead.")
    set_option(key, value)


def get_options_for_section(section: str) -> dict[str, Any]:
    """{option name: value} of one section, e.g. "theme" (not its "sidebar" subsection)."""
    prefix = section + "."
    return {key[len(prefix):]: option_value(key) for key in DEFAULTS
            if key.startswith(prefix) and "." not in key[len(prefix):]}


def reset_script_options() -> None:
    """Forget what st.set_option set (for tests)."""
    _set_by_script.clear()
