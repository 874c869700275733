"""A read-and-interact view of the element tree of a wasmlit app under test.

Mirrors the shape of Streamlit 1.50's `streamlit.testing.v1.element_tree`: elements have a
`type` (Streamlit's name for them: "markdown", "title", "button", ...), widgets a `.value`,
`.label`, `.key` and actions (`click`, `set_value`, `select`, ...) that record the value
the page would send; `AppTest.run()` sends them. Nodes wrap wasmlit's own tree
(`wasmlit.tree`) and read widget values from the session's state (`wasmlit.state`).
"""
from __future__ import annotations

import json
import warnings
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING, Any, Generic, Iterator, Sequence, TypeVar

from ..tree import Block as _TreeBlock, Node as _TreeNode
from .page import Entry

if TYPE_CHECKING:
    from .app_test import AppTest

_UNSET = object()
T = TypeVar("T")


def _props_attr(node: "Node", name: str) -> Any:
    props = object.__getattribute__(node, "proto")
    if isinstance(props, dict) and name in props:
        return props[name]
    raise AttributeError(f"{type(node).__name__!r} object has no attribute {name!r}")


def _prop(name: str, default: Any = None) -> property:
    """A read-only property: the element's prop `name` (`default` when it has none)."""
    return property(lambda self: self.proto.get(name, default))


class Node:
    """Base of elements and blocks: `type`, `proto` (the element's props) and `root`."""

    type: str = "unknown"

    def __init__(self, node: _TreeNode, root: "AppTest", type_: str) -> None:
        self._node = node
        self.proto: dict[str, Any] = node.props
        self.root = root
        self.type = type_

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)
        return _props_attr(self, name)

    def run(self, *, timeout: float | None = None) -> "AppTest":
        """Run the app with every value set so far (same as `AppTest.run`)."""
        return self.root.run(timeout=timeout)

    def __repr__(self) -> str:
        shown = {k: v for k, v in self._repr_fields().items() if v not in (None, "", False, [], {})}
        inner = ", ".join(f"{k}={v!r}" for k, v in shown.items())
        return f"{type(self).__name__}({inner})"

    def _repr_fields(self) -> dict[str, Any]:
        return {}


# --- elements ---------------------------------------------------------------------------
class Element(Node):
    """A leaf element. `.value` is what it shows (the text of a markdown, ...)."""

    def __iter__(self) -> Iterator["Element"]:
        yield self

    @property
    def key(self) -> str | None:
        return None

    @property
    def value(self) -> Any:
        props = self.proto
        for name in ("body", "value", "data"):
            if name in props:
                return props[name]
        return props

    def _repr_fields(self) -> dict[str, Any]:
        return {"value": self.value}


class Markdown(Element):
    value = _prop("body", "")  # str


class Caption(Markdown):
    pass


class Divider(Markdown):
    pass


class Heading(Element):
    value = _prop("body", "")  # str

    @property
    def tag(self) -> str:
        return f"h{self.proto.get('level', 1)}"


class Title(Heading):
    pass


class Header(Heading):
    pass


class Subheader(Heading):
    pass


class Text(Element):
    value = _prop("body", "")  # str


class Code(Element):
    value = _prop("body", "")  # str
    language = _prop("language", "")  # str


class Json(Element):
    @property
    def value(self) -> str:
        """The JSON text st.json was given or made (as Streamlit's `Json.value`)."""
        body = self.proto.get("body")
        return body if isinstance(body, str) else json.dumps(self.proto.get("data"))

    @property
    def expanded(self) -> bool:
        return bool(self.proto.get("expanded", True))


class Dataframe(Element):
    """st.dataframe (and st.write of a DataFrame): `.value` is a pandas DataFrame."""

    @property
    def value(self) -> Any:
        """The data as Streamlit 1.50's AppTest returns it: the pandas DataFrame it built
        from what the app passed (a dict or list too), as it was when written."""
        return _as_pandas(self.proto.get("data"))


class Table(Dataframe):
    """st.table: `.value` is a pandas DataFrame, as for st.dataframe."""


def _as_pandas(data: Any) -> Any:
    import pandas as pd  # AppTest of a data element needs pandas, as Streamlit's does

    from ..elements import dataframes
    source = getattr(data, "source", None)
    if source is None:
        return pd.DataFrame()
    if not isinstance(source, pd.DataFrame):
        source = dataframes.table_to_dataframe(source)
    return dataframes.as_deserialized(source)


# Streamlit's MetricProto enums, which its AppTest's `Metric.color` / `.direction` return.
_METRIC_COLORS = {"red": 0, "green": 1, "gray": 2}
_METRIC_DIRECTIONS = {"down": 0, "up": 1, "none": 2}


class Metric(Element):
    """st.metric: `.value` is the text shown (Streamlit's `body`), `.delta` the delta text."""

    value = _prop("body", "")  # str
    delta = _prop("delta", "")  # str

    @property
    def color(self) -> int:
        return _METRIC_COLORS.get(self.proto.get("color"), 2)

    @property
    def direction(self) -> int:
        return _METRIC_DIRECTIONS.get(self.proto.get("direction"), 2)

    @property
    def help(self) -> str:
        return self.proto.get("help") or ""


class Alert(Element):
    value = _prop("body", "")  # str
    icon = _prop("icon")  # str | None


class Error(Alert):
    pass


class Warning(Alert):  # noqa: A001 - Streamlit's name
    pass


class Info(Alert):
    pass


class Success(Alert):
    pass


class Exception(Element):  # noqa: A001 - Streamlit's name
    value = _prop("message", "")  # str
    message = _prop("message", "")  # str

    @property
    def stack_trace(self) -> list[str]:
        return list(self.proto.get("traceback") or [])

    @property
    def is_markdown(self) -> bool:
        return bool(self.proto.get("markdown"))

    @property
    def is_warning(self) -> bool:
        return bool(self.proto.get("is_warning"))

    def _repr_fields(self) -> dict[str, Any]:
        return {"type": self.proto.get("type"), "message": self.message}


class Toast(Element):
    """A toast the last run shows (`st.toast`): an element of the tree, as in 1.50."""

    value = _prop("body", "")  # str
    icon = _prop("icon")  # str | None


# --- widgets ----------------------------------------------------------------------------
class Widget(Element):
    """A widget: `.id`, `.key`, `.label`, `.value`, and `set_value(v)` (Python value)."""

    @property
    def id(self) -> str:
        return self.proto["id"]

    @property
    def key(self) -> str | None:
        entry = self._entry
        if entry is not None and entry.key is not None:
            return entry.key
        suffix = self.id.split("-", 2)[-1]
        return None if suffix == "None" else suffix

    label = _prop("label", "")  # str
    help = _prop("help")  # str | None

    @property
    def disabled(self) -> bool:
        return bool(self.proto.get("disabled"))

    @property
    def form_id(self) -> str:
        return self.proto.get("form") or ""

    @property
    def _entry(self):
        return self.root.app_session.state.widget(self.id)

    @property
    def value(self) -> Any:
        entered = self.root.simulated_page.entries.get(self.id)
        if entered is not None:
            return entered.python_value
        entry = self._entry
        return entry.value if entry is not None else None

    def set_value(self, v: Any):
        """Set the widget's value (a Python value, as the script gets it); sent by `run()`."""
        self._enter(self._page_value(v), v)
        return self

    def _enter(self, page_value: Any, python_value: Any) -> None:
        """The user set this widget's value: the page holds it until the next run sends
        it (in a form, until the form's submit)."""
        self.root.simulated_page.enter(self.id, Entry(
            page_value, python_value, self.proto.get("form"),
            submits=self._node.kind == "form_submit_button"))

    def _page_value(self, v: Any) -> Any:
        """`v` as the page sends it: the widget's own serializer, as the page shows values."""
        entry = self._entry
        if entry is not None and entry.serialize is not None:
            return entry.serialize(v)
        return v

    def _python_of(self, page_value: Any) -> Any:
        entry = self._entry
        if entry is not None and entry.deserialize is not None:
            return entry.deserialize(page_value)
        return page_value

    def _repr_fields(self) -> dict[str, Any]:
        return {"key": self.key, "label": self.label, "value": self.value}


class Button(Widget):
    """`st.button` and `st.form_submit_button`: `.value` is True in the run a click caused."""

    @property
    def value(self) -> bool:
        if self.id in self.root.simulated_page.entries:
            return True
        return self.id in self.root.simulated_page.triggered

    def set_value(self, v: bool) -> "Button":
        if v:
            self._enter(True, True)
        else:
            self.root.simulated_page.withdraw(self.id)
        return self

    def click(self) -> "Button":
        """Press the button (a submit button also sends its form's values)."""
        return self.set_value(True)


class Checkbox(Widget):
    def set_value(self, v: bool) -> "Checkbox":
        self._enter(bool(v), bool(v))
        return self

    def check(self) -> "Checkbox":
        return self.set_value(True)

    def uncheck(self) -> "Checkbox":
        return self.set_value(False)


class Toggle(Checkbox):
    pass


class TextInput(Widget):
    max_chars = _prop("max_chars")  # int | None

    @property
    def placeholder(self) -> str:
        return self.proto.get("placeholder") or ""

    def set_value(self, v: str | None):
        self._enter(v, v)
        return self

    def input(self, v: str):
        """Type `v` (as a user would: longer than max_chars is refused with a warning)."""
        if self.max_chars and len(v) > self.max_chars:
            warnings.warn("`input()` value is longer than the max_chars limit, ignoring.",
                          stacklevel=2)
            return self
        return self.set_value(v)


class TextArea(TextInput):
    pass


class ChatInput(Widget):
    placeholder = _prop("placeholder", "")  # str

    @property
    def value(self) -> Any:
        entered = self.root.simulated_page.entries.get(self.id)
        if entered is not None:
            return entered.python_value
        return self.root.simulated_page.triggered.get(self.id)

    def set_value(self, v: str | None) -> "ChatInput":
        # The page sends the typed text (chat_input's deserialize takes text or {text, files}).
        self._enter(v, v)
        return self


class NumberInput(Widget):
    step = _prop("step", 1)  # float
    min_value = _prop("min")  # float
    max_value = _prop("max")  # float

    def _stepped(self, direction: int) -> "NumberInput":
        current = self.value
        if current is None:
            return self
        v = current + direction * self.step
        v = min(v, self.max_value) if direction > 0 else max(v, self.min_value)
        if self.proto.get("data_type") == "int":
            v = int(v)
        return self.set_value(v)

    def increment(self) -> "NumberInput":
        """One step up (not past max_value), as the + button."""
        return self._stepped(1)

    def decrement(self) -> "NumberInput":
        """One step down (not below min_value), as the - button."""
        return self._stepped(-1)


class _Options(Widget):
    """Widgets with options: `.options` are the texts shown."""

    @property
    def options(self) -> list[str]:
        return [o["content"] if isinstance(o, dict) else o for o in self.proto.get("options", [])]


class Selectbox(_Options):
    def _py_options(self) -> list[Any]:
        return [self._python_of(text) for text in self.proto.get("options", [])]

    @property
    def index(self) -> int | None:
        value = self.value
        if value is None:
            return None
        opts = self._py_options()
        return opts.index(value) if value in opts else None

    def select(self, v: Any) -> "Selectbox":
        return self.set_value(v)

    def select_index(self, index: int | None) -> "Selectbox":
        """Choose the option at `index` (None clears the choice)."""
        if index is None:
            return self.set_value(None)
        return self.set_value(self._py_options()[index])


class Radio(_Options):
    def _py_options(self) -> list[Any]:
        return [self._python_of(i) for i in range(len(self.proto.get("options", [])))]

    @property
    def index(self) -> int | None:
        value = self.value
        opts = self._py_options()
        return opts.index(value) if value is not None and value in opts else None

    def select_index(self, index: int | None) -> "Radio":
        return self.set_value(None if index is None else self._py_options()[index])


class Multiselect(_Options):
    def _py_options(self) -> list[Any]:
        return [self._python_of([text])[0] for text in self.proto.get("options", [])]

    @property
    def indices(self) -> list[int]:
        opts = self._py_options()
        return [opts.index(v) for v in self.value if v in opts]

    def select(self, v: Any) -> "Multiselect":
        """Add `v` to the selection."""
        current = list(self.value or [])
        if v not in current:
            current.append(v)
        return self.set_value(current)

    def unselect(self, v: Any) -> "Multiselect":
        """Remove `v` from the selection."""
        return self.set_value([x for x in (self.value or []) if x != v])


class ButtonGroup(_Options):
    """`st.pills`, `st.segmented_control`, `st.feedback`."""

    @property
    def _single(self) -> bool:
        return self.proto.get("click_mode") == "single"

    def select(self, v: Any) -> "ButtonGroup":
        if self._single:
            return self.set_value(v)
        current = list(self.value or [])
        if v not in current:
            current.append(v)
        return self.set_value(current)

    def unselect(self, v: Any) -> "ButtonGroup":
        if self._single:
            return self.set_value(None if self.value == v else self.value)
        return self.set_value([x for x in (self.value or []) if x != v])


class Slider(Widget):
    min = _prop("min")  # Any
    max = _prop("max")  # Any
    step = _prop("step")  # Any

    def set_range(self, lower: Any, upper: Any):
        """Set a range slider's two ends."""
        return self.set_value((lower, upper))


class SelectSlider(Slider):
    @property
    def options(self) -> list[str]:
        return list(self.proto.get("options", []))


class DateInput(Widget):
    pass


class TimeInput(Widget):
    @property
    def step(self) -> int:
        return int(self.proto.get("step", 900))

    def _moved(self, seconds: int) -> "TimeInput":
        if self.value is None:
            return self
        moved = datetime.combine(date.today(), self.value) + timedelta(seconds=seconds)
        return self.set_value(moved.time())

    def increment(self) -> "TimeInput":
        return self._moved(self.step)

    def decrement(self) -> "TimeInput":
        return self._moved(-self.step)


class ColorPicker(Widget):
    def pick(self, v: str) -> "ColorPicker":
        return self.set_value(v)


# --- sequences --------------------------------------------------------------------------
class ElementList(Generic[T]):
    """Elements of one type, in page order: index them, `len()`, `.values`."""

    def __init__(self, els: Sequence[T]) -> None:
        self._list = list(els)

    def __len__(self) -> int:
        return len(self._list)

    @property
    def len(self) -> int:
        return len(self._list)

    def __getitem__(self, idx):
        if isinstance(idx, slice):
            return type(self)(self._list[idx])
        return self._list[idx]

    def __iter__(self):
        return iter(self._list)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, ElementList):
            return self._list == other._list
        return self._list == other

    __hash__ = None  # type: ignore[assignment]

    @property
    def values(self) -> list[Any]:
        return [e.value for e in self._list]

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self._list!r})"


class WidgetList(ElementList[T]):
    def __call__(self, key: str) -> T:
        """The widget with this `key=`."""
        for w in self._list:
            if w.key == key:
                return w
        raise KeyError(key)


# --- blocks -----------------------------------------------------------------------------
_LISTS = {
    "button": WidgetList, "button_group": WidgetList, "chat_input": WidgetList,
    "checkbox": WidgetList, "color_picker": WidgetList, "date_input": WidgetList,
    "multiselect": WidgetList, "number_input": WidgetList, "radio": WidgetList,
    "select_slider": WidgetList, "selectbox": WidgetList, "slider": WidgetList,
    "text_area": WidgetList, "text_input": WidgetList, "time_input": WidgetList,
    "toggle": WidgetList,
}


class _Finder:
    """`.markdown`, `.button`, ... and `get(type)` over everything below (and including) self."""

    def __iter__(self) -> Iterator[Node]:  # pragma: no cover - overridden
        raise NotImplementedError

    def get(self, element_type: str) -> Sequence[Node]:
        """Every element or block of this Streamlit type, in page order."""
        return [n for n in self if n.type == element_type]

    def _list(self, element_type: str):
        return _LISTS.get(element_type, ElementList)(self.get(element_type))

    # Streamlit's element accessors (typed properties rather than __getattr__).
    button = property(lambda self: self._list("button"))
    button_group = property(lambda self: self._list("button_group"))
    caption = property(lambda self: self._list("caption"))
    chat_input = property(lambda self: self._list("chat_input"))
    chat_message = property(lambda self: self.get("chat_message"))
    checkbox = property(lambda self: self._list("checkbox"))
    code = property(lambda self: self._list("code"))
    color_picker = property(lambda self: self._list("color_picker"))
    columns = property(lambda self: self.get("column"))
    dataframe = property(lambda self: self._list("arrow_data_frame"))
    date_input = property(lambda self: self._list("date_input"))
    divider = property(lambda self: self._list("divider"))
    error = property(lambda self: self._list("error"))
    exception = property(lambda self: self._list("exception"))
    expander = property(lambda self: self.get("expander"))
    header = property(lambda self: self._list("header"))
    info = property(lambda self: self._list("info"))
    json = property(lambda self: self._list("json"))
    latex = property(lambda self: self._list("latex"))
    markdown = property(lambda self: self._list("markdown"))
    metric = property(lambda self: self._list("metric"))
    multiselect = property(lambda self: self._list("multiselect"))
    number_input = property(lambda self: self._list("number_input"))
    radio = property(lambda self: self._list("radio"))
    select_slider = property(lambda self: self._list("select_slider"))
    selectbox = property(lambda self: self._list("selectbox"))
    slider = property(lambda self: self._list("slider"))
    status = property(lambda self: self.get("status"))
    subheader = property(lambda self: self._list("subheader"))
    success = property(lambda self: self._list("success"))
    table = property(lambda self: self._list("arrow_table"))
    tabs = property(lambda self: self.get("tab"))
    text = property(lambda self: self._list("text"))
    text_area = property(lambda self: self._list("text_area"))
    text_input = property(lambda self: self._list("text_input"))
    time_input = property(lambda self: self._list("time_input"))
    title = property(lambda self: self._list("title"))
    toast = property(lambda self: self._list("toast"))
    toggle = property(lambda self: self._list("toggle"))
    warning = property(lambda self: self._list("warning"))


class Block(_Finder, Node):
    """A container: `children` (index -> node), iteration yields itself then everything below."""

    def __init__(self, node: _TreeBlock, root: "AppTest", type_: str) -> None:
        Node.__init__(self, node, root, type_)
        self.children: dict[int, Node] = {i: wrap(_through_empty(child), root)
                                          for i, child in enumerate(node.children)}

    def __len__(self) -> int:
        return len(self.children)

    def __iter__(self) -> Iterator[Node]:
        yield self
        for child in self.children.values():
            yield from child

    def __getitem__(self, k: int) -> Node:
        return self.children[k]

    @property
    def key(self) -> str | None:
        return None

    def _repr_fields(self) -> dict[str, Any]:
        return {"type": self.type, "children": list(self.children.values())}


class Column(Block):
    weight = _prop("weight", 1)  # float


class Tab(Block):
    label = _prop("label", "")  # str


class Expander(Block):
    label = _prop("label", "")  # str


# --- wasmlit node -> Streamlit type -----------------------------------------------------
_ALERTS = {"error": Error, "warning": Warning, "info": Info, "success": Success}
_HEADINGS = {1: ("title", Title), 2: ("header", Header), 3: ("subheader", Subheader)}
_WIDGETS: dict[str, tuple[str, type]] = {
    "button": ("button", Button), "form_submit_button": ("button", Button),
    "checkbox": ("checkbox", Checkbox), "toggle": ("toggle", Toggle),
    "text_input": ("text_input", TextInput), "text_area": ("text_area", TextArea),
    "number_input": ("number_input", NumberInput), "selectbox": ("selectbox", Selectbox),
    "multiselect": ("multiselect", Multiselect), "radio": ("radio", Radio),
    "slider": ("slider", Slider), "select_slider": ("select_slider", SelectSlider),
    "date_input": ("date_input", DateInput), "time_input": ("time_input", TimeInput),
    "color_picker": ("color_picker", ColorPicker), "chat_input": ("chat_input", ChatInput),
    "pills": ("button_group", ButtonGroup), "segmented_control": ("button_group", ButtonGroup),
    "feedback": ("button_group", ButtonGroup),
}
_ELEMENTS: dict[str, tuple[str, type]] = {
    "text": ("text", Text), "code": ("code", Code), "json": ("json", Json),
    "exception": ("exception", Exception), "metric": ("metric", Metric),
    "dataframe": ("arrow_data_frame", Dataframe), "table": ("arrow_table", Table),
    "toast": ("toast", Toast),
}
_BLOCKS: dict[str, tuple[str, type]] = {
    "vertical": ("flex_container", Block), "horizontal": ("flex_container", Block),
    "column": ("column", Column), "tabs": ("tab_container", Block), "tab": ("tab", Tab),
    "expander": ("expander", Expander), "form": ("form", Block),
    "dialog": ("dialog", Block), "chat_message": ("chat_message", Block),
    "status": ("status", Expander),
}


def _through_empty(node: _TreeNode) -> _TreeNode:
    """`st.empty()` is a slot, not a container, in Streamlit's tree: what fills it stands
    in its place."""
    while isinstance(node, _TreeBlock) and node.kind == "empty" and len(node.children) == 1:
        node = node.children[0]
    return node


def wrap(node: _TreeNode, root: "AppTest") -> Node:
    """The testing view of one wasmlit tree node."""
    kind, props = node.kind, node.props
    if isinstance(node, _TreeBlock):
        type_, cls = _BLOCKS.get(kind, (kind, Block))
        return cls(node, root, type_)
    if kind == "markdown":
        variant = props.get("variant")
        if variant == "caption":
            return Caption(node, root, "caption")
        if variant in ("divider", "latex"):
            return (Divider if variant == "divider" else Markdown)(node, root, variant)
        return Markdown(node, root, "markdown")
    if kind == "heading":
        type_, cls = _HEADINGS.get(props.get("level", 1), ("heading", Heading))
        return cls(node, root, type_)
    if kind == "alert":
        type_ = props.get("type", "info")
        return _ALERTS.get(type_, Alert)(node, root, type_)
    if kind in _WIDGETS:
        type_, cls = _WIDGETS[kind]
        return cls(node, root, type_)
    type_, cls = _ELEMENTS.get(kind, (kind, Element))
    return cls(node, root, type_)
