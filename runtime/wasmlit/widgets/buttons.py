"""Buttons: st.button and st.form_submit_button (triggers: True for one run)."""
from __future__ import annotations

from typing import Any, Callable

from ..elements import command
from ..errors import StreamlitAPIException
from . import add_widget

FORM_DOCS_INFO = """

For more information, refer to the
[documentation for forms](https://docs.streamlit.io/develop/api-reference/execution-flow/st.form)."""


def _check_type(type: str) -> None:
    if type not in ("primary", "secondary", "tertiary"):
        raise StreamlitAPIException(
            'The type argument to st.button must be "primary", "secondary", or "tertiary". '
            f'\nThe argument passed was "{type}".')


@command
def button(dg, label: str, key: Any = None, help: str | None = None,
           on_click: Callable | None = None, args: Any = None, kwargs: Any = None, *,
           type: str = "secondary", icon: str | None = None, disabled: bool = False,
           use_container_width: bool | None = None, width: Any = "content") -> bool:
    _check_type(type)
    if dg.form_id is not None:
        raise StreamlitAPIException(f"`st.button()` can't be used in an `st.form()`.{FORM_DOCS_INFO}")
    return _add_button(dg, label, key, help, on_click, args, kwargs, type, icon, disabled,
                       use_container_width, width, submit=False)


@command
def form_submit_button(dg, label: str = "Submit", help: str | None = None,
                       on_click: Callable | None = None, args: Any = None, kwargs: Any = None, *,
                       key: Any = None, type: str = "secondary", icon: str | None = None,
                       disabled: bool = False, use_container_width: bool | None = None,
                       width: Any = "content") -> bool:
    _check_type(type)
    if dg.form_id is None:
        raise StreamlitAPIException(
            f"`st.form_submit_button()` must be used inside an `st.form()`.{FORM_DOCS_INFO}")
    return _add_button(dg, label, key, help, on_click, args, kwargs, type, icon, disabled,
                       use_container_width, width, submit=True)


def _add_button(dg, label, key, help, on_click, args, kwargs, type, icon, disabled,
                use_container_width, width, *, submit: bool) -> bool:
    _, value = add_widget(
        dg, "button", key=key, default=False, is_trigger=True, allow_form_callback=submit,
        identity={"label": str(label), "icon": icon, "help": help, "type": type,
                  "is_form_submitter": submit},
        props={"label": str(label), "help": help, "type": type, "icon": icon,
               "disabled": bool(disabled), "stretch": bool(use_container_width) or width == "stretch",
               "submit": submit},
        on_change=on_click, args=args, kwargs=kwargs)
    return bool(value)
