"""st.column_config: factories returning the plain dicts st.dataframe and st.data_editor
take as `column_config` values (the same keys as Streamlit 1.50's ColumnConfig; unset
settings are None, as there)."""
from __future__ import annotations

import datetime
import itertools
from typing import Any, Callable, Iterable

__all__ = ["Column", "NumberColumn", "TextColumn", "LinkColumn", "CheckboxColumn",
           "SelectboxColumn", "BarChartColumn", "LineChartColumn", "AreaChartColumn",
           "ImageColumn", "ListColumn", "MultiselectColumn", "DatetimeColumn", "TimeColumn",
           "DateColumn", "ProgressColumn", "JsonColumn"]


def _config(label, width, help, pinned, type_config=None, **more: Any) -> dict:
    out = {"label": label, "width": width, "help": help, **more, "pinned": pinned}
    if type_config is not None:
        out["type_config"] = type_config
    return out


def _iso(value: Any) -> Any:
    return None if value is None else value.isoformat()


def _seconds(step: Any) -> Any:
    return step.total_seconds() if isinstance(step, datetime.timedelta) else step


def Column(label: str | None = None, *, width: Any = None, help: str | None = None,
           disabled: bool | None = None, required: bool | None = None,
           pinned: bool | None = None) -> dict:
    return _config(label, width, help, pinned, disabled=disabled, required=required)


def NumberColumn(label: str | None = None, *, width: Any = None, help: str | None = None,
                 disabled: bool | None = None, required: bool | None = None,
                 pinned: bool | None = None, default: Any = None, format: str | None = None,
                 min_value: Any = None, max_value: Any = None, step: Any = None) -> dict:
    return _config(label, width, help, pinned, disabled=disabled, required=required,
                   default=default, type_config={"type": "number", "min_value": min_value,
                                                 "max_value": max_value, "format": format,
                                                 "step": step})


def TextColumn(label: str | None = None, *, width: Any = None, help: str | None = None,
               disabled: bool | None = None, required: bool | None = None,
               pinned: bool | None = None, default: str | None = None,
               max_chars: int | None = None, validate: str | None = None) -> dict:
    return _config(label, width, help, pinned, disabled=disabled, required=required,
                   default=default, type_config={"type": "text", "max_chars": max_chars,
                                                 "validate": validate})


def LinkColumn(label: str | None = None, *, width: Any = None, help: str | None = None,
               disabled: bool | None = None, required: bool | None = None,
               pinned: bool | None = None, default: str | None = None,
               max_chars: int | None = None, validate: str | None = None,
               display_text: str | None = None) -> dict:
    return _config(label, width, help, pinned, disabled=disabled, required=required,
                   default=default, type_config={"type": "link", "max_chars": max_chars,
                                                 "validate": validate,
                                                 "display_text": display_text})


def CheckboxColumn(label: str | None = None, *, width: Any = None, help: str | None = None,
                   disabled: bool | None = None, required: bool | None = None,
                   pinned: bool | None = None, default: bool | None = None) -> dict:
    return _config(label, width, help, pinned, disabled=disabled, required=required,
                   default=default, type_config={"type": "checkbox"})


def SelectboxColumn(label: str | None = None, *, width: Any = None, help: str | None = None,
                    disabled: bool | None = None, required: bool | None = None,
                    pinned: bool | None = None, default: Any = None,
                    options: Iterable | None = None,
                    format_func: Callable[[Any], str] | None = None) -> dict:
    processed = options
    if options and format_func is not None:
        processed = [{"value": o, "label": format_func(o)} for o in options]
    return _config(label, width, help, pinned, disabled=disabled, required=required,
                   default=default, type_config={
                       "type": "selectbox",
                       "options": None if processed is None else list(processed)})


def _chart_type(kind: str, y_min: Any, y_max: Any, color: str | None) -> dict:
    """The type_config of a chart column ("bar_chart", "line_chart", "area_chart")."""
    return {"type": kind, "y_min": y_min, "y_max": y_max, "color": color}


def BarChartColumn(label: str | None = None, *, width: Any = None, help: str | None = None,
                   pinned: bool | None = None, y_min: Any = None, y_max: Any = None,
                   color: str | None = None) -> dict:
    return _config(label, width, help, pinned,
                   type_config=_chart_type("bar_chart", y_min, y_max, color))


def LineChartColumn(label: str | None = None, *, width: Any = None, help: str | None = None,
                    pinned: bool | None = None, y_min: Any = None, y_max: Any = None,
                    color: str | None = None) -> dict:
    return _config(label, width, help, pinned,
                   type_config=_chart_type("line_chart", y_min, y_max, color))


def AreaChartColumn(label: str | None = None, *, width: Any = None, help: str | None = None,
                    pinned: bool | None = None, y_min: Any = None, y_max: Any = None,
                    color: str | None = None) -> dict:
    return _config(label, width, help, pinned,
                   type_config=_chart_type("area_chart", y_min, y_max, color))


def ImageColumn(label: str | None = None, *, width: Any = None, help: str | None = None,
                pinned: bool | None = None) -> dict:
    return _config(label, width, help, pinned, type_config={"type": "image"})


def JsonColumn(label: str | None = None, *, width: Any = None, help: str | None = None,
               pinned: bool | None = None) -> dict:
    return _config(label, width, help, pinned, type_config={"type": "json"})


def ListColumn(label: str | None = None, *, width: Any = None, help: str | None = None,
               pinned: bool | None = None, disabled: bool | None = None,
               required: bool | None = None, default: Iterable[str] | None = None) -> dict:
    return _config(label, width, help, pinned, disabled=disabled, required=required,
                   default=None if default is None else list(default),
                   type_config={"type": "list"})


def MultiselectColumn(label: str | None = None, *, width: Any = None, help: str | None = None,
                      disabled: bool | None = None, required: bool | None = None,
                      default: Iterable[str] | None = None, options: Iterable[str] | None = None,
                      accept_new_options: bool | None = None, color: Any = None,
                      format_func: Callable[[str], str] | None = None) -> dict:
    processed = None
    if options is not None:
        colors = None
        if color is not None:
            colors = itertools.repeat(color) if isinstance(color, str) else itertools.cycle(color)
        processed = []
        for option in options:
            item: dict = {"value": option}
            if format_func is not None:
                item["label"] = format_func(option)
            if colors is not None:
                item["color"] = next(colors)
            processed.append(item)
    return _config(label, width, help, None, disabled=disabled, required=required,
                   default=None if default is None else list(default),
                   type_config={"type": "multiselect", "options": processed,
                                "accept_new_options": accept_new_options})


def DatetimeColumn(label: str | None = None, *, width: Any = None, help: str | None = None,
                   disabled: bool | None = None, required: bool | None = None,
                   pinned: bool | None = None, default: Any = None, format: str | None = None,
                   min_value: Any = None, max_value: Any = None, step: Any = None,
                   timezone: str | None = None) -> dict:
    return _config(label, width, help, pinned, disabled=disabled, required=required,
                   default=_iso(default), type_config={
                       "type": "datetime", "format": format, "min_value": _iso(min_value),
                       "max_value": _iso(max_value), "step": _seconds(step),
                       "timezone": timezone})


def TimeColumn(label: str | None = None, *, width: Any = None, help: str | None = None,
               disabled: bool | None = None, required: bool | None = None,
               pinned: bool | None = None, default: Any = None, format: str | None = None,
               min_value: Any = None, max_value: Any = None, step: Any = None) -> dict:
    return _config(label, width, help, pinned, disabled=disabled, required=required,
                   default=_iso(default), type_config={
                       "type": "time", "format": format, "min_value": _iso(min_value),
                       "max_value": _iso(max_value), "step": _seconds(step)})


def DateColumn(label: str | None = None, *, width: Any = None, help: str | None = None,
               disabled: bool | None = None, required: bool | None = None,
               pinned: bool | None = None, default: Any = None, format: str | None = None,
               min_value: Any = None, max_value: Any = None, step: int | None = None) -> dict:
    return _config(label, width, help, pinned, disabled=disabled, required=required,
                   default=_iso(default), type_config={
                       "type": "date", "format": format, "min_value": _iso(min_value),
                       "max_value": _iso(max_value), "step": step})


def ProgressColumn(label: str | None = None, *, width: Any = None, help: str | None = None,
                   pinned: bool | None = None, format: str | None = None, min_value: Any = None,
                   max_value: Any = None, step: Any = None) -> dict:
    return _config(label, width, help, pinned, type_config={
        "type": "progress", "format": format, "min_value": min_value,
        "max_value": max_value, "step": step})
