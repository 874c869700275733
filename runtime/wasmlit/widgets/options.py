"""Options of the choice widgets: turning what the app passes into a list, finding a value
among them, Enum values that survive a rerun, and the errors Streamlit raises about them.
"""
from __future__ import annotations

import array
import copy
from collections import UserList, deque
from collections.abc import ItemsView, KeysView, Mapping, ValuesView
from enum import Enum, EnumMeta
from typing import Any, Callable

from ..errors import StreamlitAPIException
from . import root_of

_FLOAT_EQUALITY_EPSILON = 0.000000000005
_LIST_LIKE = (list, set, tuple, array.ArrayType, deque, EnumMeta, enumerate, frozenset,
              ItemsView, KeysView, map, range, UserList, ValuesView)


# What protobuf says when a widget's value is not text (Streamlit shows this TypeError).
BAD_ARGUMENT_TYPE = "bad argument type for built-in operation"


def to_list(obj: Any) -> list[Any]:
    """Any options or default Streamlit accepts, as a new list: scalars become one item,
    a mapping its keys, an Enum class its members (a str member as its value), a data
    frame its first column, arrays and series their items."""
    if obj is None:
        return []
    if isinstance(obj, (str, int, float, bool)):
        return [obj]
    if isinstance(obj, EnumMeta):
        return [m.value if isinstance(m, str) else m for m in obj]
    if isinstance(obj, Mapping):
        return list(obj.keys())
    if isinstance(obj, _LIST_LIKE):
        return list(obj)
    if hasattr(obj, "iloc") and hasattr(obj, "columns"):  # a pandas-like data frame
        return [] if len(obj.columns) == 0 else _plain(obj.iloc[:, 0])
    if hasattr(obj, "tolist") or hasattr(obj, "to_list"):  # numpy arrays, series, indexes
        return _plain(obj)
    try:
        return list(obj)
    except TypeError:
        return [obj]


def _plain(column: Any) -> list[Any]:
    items = column.to_list() if hasattr(column, "to_list") else column.tolist()
    if getattr(column, "ndim", 1) == 2:  # a 2-D array: its first column
        return [row[0] if isinstance(row, list) and row else row for row in items]
    return list(items)


def check_comparable(options: list[Any]) -> None:
    """Options must answer `==` with a truth value (numpy arrays do not)."""
    if not options:
        return
    try:
        bool(options[0] == options[0])
    except ValueError:
        raise StreamlitAPIException(
            "Invalid option type provided. Options must be comparable, returning a boolean "
            f"when used with *==*. \n\nGot **{type(options[0]).__name__}**, which cannot be "
            "compared. Refactor your code to use elements of comparable types as options, e.g. "
            "use indices instead.") from None


def options_of(options: Any) -> list[Any]:
    opt = to_list(options)
    check_comparable(opt)
    return opt


def index_of(options: list[Any], value: Any) -> int:
    """Position of the first option equal to `value` (floats within a tiny epsilon).
    Raises ValueError as Streamlit does when there is none."""
    for i, option in enumerate(options):
        if value == option:
            return i
        if isinstance(option, float) and isinstance(value, float) \
                and abs(value - option) < _FLOAT_EQUALITY_EPSILON:
            return i
    raise ValueError(f"{value} is not in iterable")


def default_indices(options: list[Any], default: Any) -> list[int] | None:
    """Indices of the default values; None when there is no default."""
    if default is None:
        return None
    values = to_list(default)
    for value in values:
        if value not in options:
            raise StreamlitAPIException(
                f"The default value '{value}' is not part of the options. Please make sure "
                "that every default values also exists in the options.")
    return [options.index(value) for value in values]


# --- Enum values across reruns -------------------------------------------------------
# An app that defines an Enum in its script gets a new class on every run, so a value kept
# from the previous run is a member of the old class. Streamlit's default
# (runner.enumCoercion = "nameOnly") turns it into the member of the same name of the
# options' class when both classes have the same qualified name and member names.

def _common_class(options: list[Any]) -> type | None:
    if not options:
        return None
    first = type(options[0])
    return first if all(type(o) is first for o in options) else None


def _coerce_member(value: Enum, target: Any) -> Any:
    if not isinstance(target, EnumMeta) or isinstance(value, target):
        return value
    source = type(value)
    if source.__qualname__ != target.__qualname__ \
            or set(target._member_names_) != set(source._member_names_):
        return value
    return target[value._name_]


def coerce_enum(value: Any, options: Any, opt: list[Any]) -> Any:
    """A single Enum value as a member of the options' Enum class, where it matches."""
    if not isinstance(value, Enum):
        return value
    target = options if isinstance(options, EnumMeta) else _common_class(opt)
    return value if target is None else _coerce_member(value, target)


def coerce_enum_sequence(values: Any, options: Any, opt: list[Any]) -> Any:
    """A list (or tuple) of Enum values as members of the options' Enum class."""
    try:
        items = list(values)
    except TypeError:
        return values
    if not all(isinstance(v, Enum) for v in items):
        return values
    target = options if isinstance(options, EnumMeta) else _common_class(opt)
    if target is None:
        return values
    return type(values)(_coerce_member(v, target) for v in items)


def copied(value: Any) -> Any:
    """The value the app gets: a copy, so changing it cannot change the widget's state."""
    try:
        return copy.deepcopy(value)
    except Exception:  # an option that cannot be copied is handed over as it is
        return value


def last_index_by_text(formatted: list[Any]) -> dict[Any, int]:
    """Formatted text -> option index; when two options look the same, the later wins
    (as in Streamlit)."""
    mapping: dict[Any, int] = {}
    for i, text in enumerate(formatted):
        try:
            mapping[text] = i
        except TypeError:  # an unhashable label cannot be looked up
            pass
    return mapping


def is_new_state_value(dg, key: str | None) -> bool:
    """The app set st.session_state[key] in this run (before the widget): only then does
    Streamlit send the value to the page, and only then do its errors about it show."""
    if key is None:
        return False
    check = getattr(dg.session.state, "is_new_value", None)
    return bool(check(key)) if check is not None else True


def state_is_none(dg, key: str | None) -> bool:
    """st.session_state[key] exists and is None (a radio or selectbox then has no default)."""
    if key is None:
        return False
    state = dg.session.state
    try:
        return key in state and state[key] is None
    except KeyError:
        return False


def placement_identity(dg) -> dict[str, Any]:
    """The form and root (main or sidebar) a widget is in: Streamlit keeps them in the id
    of widgets whose key is not their whole identity (radio, pills, feedback...)."""
    return {"form_id": dg.form_id, "root": root_of(dg)}


def strict_or_default(strict: bool, serialize: Callable[[Any], Any], default_shown: Any):
    """A serializer for the page: a value the app just put in session state must be
    valid (Streamlit raises its error); an older one that is not is shown as the default,
    as Streamlit then leaves the page showing what it had."""
    def show(value: Any) -> Any:
        if strict:
            return serialize(value)
        try:
            return serialize(value)
        except (StreamlitAPIException, ValueError, TypeError):
            return default_shown
    return show
