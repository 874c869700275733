"""Exceptions a user meets, with Streamlit's names and texts, and the control-flow signals
that end or restart a run.

Control flow (`st.rerun`, `st.stop`) derives from BaseException so that an app's
`except Exception:` never swallows it, as in Streamlit.
"""


class StreamlitAPIException(Exception):
    """A Streamlit command was used in a way it does not support."""


class StreamlitFragmentWidgetsNotAllowedOutsideError(StreamlitAPIException):
    def __init__(self) -> None:
        super().__init__("Fragments cannot write widgets to outside containers.")


class StreamlitBadTimeStringError(StreamlitAPIException):
    def __init__(self, time_string: str) -> None:
        super().__init__(
            "Time string doesn't look right. It should be formatted as"
            "`'1d2h34m'` or `2 days`, for example. Got: %s" % time_string
        )


class DuplicateWidgetID(StreamlitAPIException):
    pass


class StreamlitDuplicateElementId(DuplicateWidgetID):
    def __init__(self, element_type: str) -> None:
        super().__init__(
            f"There are multiple `{element_type}` elements with the same "
            "auto-generated ID. When this element is created, it is assigned an "
            "internal ID based on the element type and provided parameters. Multiple "
            "elements with the same type and parameters will cause this error.\n\n"
            "To fix this error, please pass a unique `key` argument to the "
            f"`{element_type}` element."
        )


class StreamlitDuplicateElementKey(DuplicateWidgetID):
    def __init__(self, user_key: str) -> None:
        super().__init__(
            f"There are multiple elements with the same `key='{user_key}'`. "
            "To fix this, please make sure that the `key` argument is unique for "
            "each element you create."
        )


class StreamlitInvalidFormCallbackError(StreamlitAPIException):
    def __init__(self) -> None:
        super().__init__(
            "Within a form, callbacks can only be defined on `st.form_submit_button`. "
            "Defining callbacks on other widgets inside a form is not allowed."
        )


class StreamlitValueAssignmentNotAllowedError(StreamlitAPIException):
    def __init__(self, key: str) -> None:
        super().__init__(
            f"Values for the widget with `key` '{key}' cannot be set using `st.session_state`."
        )


class StreamlitInvalidWidthError(StreamlitAPIException):
    def __init__(self, width, allow_content: bool = False) -> None:
        valid = ("an integer (pixels), 'stretch', or 'content'" if allow_content
                 else "an integer (pixels) or 'stretch'")
        super().__init__(f"Invalid width value: {width!r}. Width must be either {valid}.")


class StreamlitInvalidHeightError(StreamlitAPIException):
    def __init__(self, height, allow_content: bool = False) -> None:
        valid = ("an integer (pixels), 'stretch', or 'content'" if allow_content
                 else "an integer (pixels) or 'stretch'")
        super().__init__(f"Invalid height value: {height!r}. Height must be either {valid}.")


class StreamlitMixedNumericTypesError(StreamlitAPIException):
    def __init__(self, value, min_value, max_value, step) -> None:
        # Streamlit names only the arguments that are truthy.
        message = "All numerical arguments must be of the same type."
        for name, arg in (("value", value), ("min_value", min_value),
                          ("max_value", max_value), ("step", step)):
            if arg:
                message += f"\n`{name}` has {type(arg).__name__} type."
        super().__init__(message)


class StreamlitValueBelowMinError(StreamlitAPIException):
    def __init__(self, value, min_value) -> None:
        super().__init__(f"The `value` {value} is less than the `min_value` {min_value}.")


class StreamlitValueAboveMaxError(StreamlitAPIException):
    def __init__(self, value, max_value) -> None:
        super().__init__(f"The `value` {value} is greater than the `max_value` {max_value}.")


class StreamlitJSNumberBoundsError(StreamlitAPIException):
    pass


class StreamlitInvalidNumberFormatError(StreamlitAPIException):
    def __init__(self, format: str) -> None:
        super().__init__(
            f"Format string for `st.number_input` contains invalid characters: {format}")


class FragmentHandledException(Exception):
    """A fragment already showed its error; the run ends without showing it twice.

    Like Streamlit's, a plain Exception: an app's `except Exception` around a fragment
    call catches it."""


class ScriptControlException(BaseException):
    """Ends the current run early; never shown to the user."""


class StopException(ScriptControlException):
    """`st.stop()`: the run ends here, what it drew so far stays."""


class RerunException(ScriptControlException):
    """`st.rerun()`: the run ends here and a new one starts.

    `scope` is "app" or "fragment"; a fragment rerun reruns `fragment_id`.
    """

    def __init__(self, scope: str = "app", fragment_id: str | None = None) -> None:
        super().__init__(scope)
        self.scope = scope
        self.fragment_id = fragment_id


class RunInterrupted(ScriptControlException):
    """A request that supersedes the current run arrived; abandon it without cleanup."""


# Users (and their tests) see these under Streamlit's module name, as in Streamlit.
for _cls in list(globals().values()):
    if isinstance(_cls, type) and issubclass(_cls, BaseException) and _cls.__module__ == __name__:
        _cls.__module__ = "streamlit.errors"
