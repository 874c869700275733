"""Layout containers: container, columns, empty, expander, tabs, form (and the sidebar,
which the session creates)."""
from __future__ import annotations

from typing import Any, Sequence

from ..errors import StreamlitAPIException
from . import command


@command
def container(dg, *, border: bool | None = None, key: str | None = None, height: Any = None,
              width: Any = "stretch", horizontal: bool = False, horizontal_alignment: str = "left",
              vertical_alignment: str = "top", gap: str | None = "small"):
    # Like Streamlit, a container shows while empty only with a border or a fixed height.
    allow_empty = bool(border) or (isinstance(height, int) and not isinstance(height, bool))
    return dg._add_block("vertical", {"border": bool(border), "height": height,
                                      "horizontal": bool(horizontal), "allow_empty": allow_empty})


@command
def empty(dg):
    return dg._add_block("empty", {}, single_slot=True)


@command
def columns(dg, spec: int | Sequence[float], *, gap: str | None = "small",
            vertical_alignment: str = "top", border: bool = False, width: Any = "stretch"):
    if isinstance(spec, int):
        if spec < 1:
            raise StreamlitAPIException(
                "The input argument to st.columns must be either a positive integer or a list "
                "of positive numeric weights. See [documentation](https://docs.streamlit.io/"
                "develop/api-reference/layout/st.columns) for more information.")
        weights = [1.0] * spec
    else:
        weights = [float(w) for w in spec]
        if not weights or any(w <= 0 for w in weights):
            raise StreamlitAPIException(
                "The input argument to st.columns must be either a positive integer or a list "
                "of positive numeric weights. See [documentation](https://docs.streamlit.io/"
                "develop/api-reference/layout/st.columns) for more information.")
    row = dg._add_block("horizontal", {"gap": gap, "vertical_alignment": vertical_alignment})
    total = sum(weights)
    return [row._add_block("column", {"weight": w / total, "border": bool(border),
                                      "vertical_alignment": vertical_alignment})
            for w in weights]


@command
def expander(dg, label: str, expanded: bool = False, *, icon: str | None = None,
             width: Any = "stretch"):
    if label is None:
        raise StreamlitAPIException("A label is required for an expander")
    return dg._add_block("expander", {"label": str(label), "expanded": bool(expanded),
                                      "icon": icon})


@command
def tabs(dg, tabs: Sequence[str], *, width: Any = "stretch", default: str | None = None):
    labels = [str(t) for t in tabs]
    if not labels:
        raise StreamlitAPIException("The input argument to st.tabs must contain at least one tab label.")
    group = dg._add_block("tabs", {"labels": labels})
    return [group._add_block("tab", {"label": label}) for label in labels]


@command
def form(dg, key: str, clear_on_submit: bool = False, *, enter_to_submit: bool = True,
         border: bool = True, width: Any = "stretch", height: Any = "content"):
    if dg.form_id is not None:
        raise StreamlitAPIException("Forms cannot be nested in other forms.")
    run = dg._session.require_run()
    form_id = str(key)
    if form_id in run.forms:
        raise StreamlitAPIException(
            f"There are multiple identical forms with `key='{form_id}'`. To fix this, please "
            "make sure that the `key` argument is unique for each `st.form` you create.")
    run.forms.add(form_id)
    return dg._add_block("form", {"form_id": form_id, "border": bool(border), "allow_empty": False,
                                  "clear_on_submit": bool(clear_on_submit),
                                  "enter_to_submit": bool(enter_to_submit)}, form_id=form_id)
