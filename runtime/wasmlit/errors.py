"""Exceptions a user meets, with Streamlit's names and texts, and the control-flow signals
that end or restart a run.

Every exception class of Streamlit 1.50's `streamlit.errors` is defined here once, with
1.50's bases (so `except streamlit.errors.Error` and `except StreamlitAPIException` catch
what they catch there), and shows as `streamlit.errors.<name>`.

Control flow (`st.rerun`, `st.stop`) derives from BaseException so that an app's
`except Exception:` never swallows it, as in Streamlit.
"""
from __future__ import annotations

from typing import Any


class Error(Exception):
    """The base of every exception Streamlit raises."""


class CustomComponentError(Error):
    """A custom component failed."""


class DeprecationError(Error):
    pass


class FragmentStorageKeyError(Error, KeyError):
    """A fragment id that the app's fragment storage does not hold."""


class NoStaticFiles(Error):  # noqa: N818
    pass


class NoSessionContext(Error):  # noqa: N818
    """A command that needs a running app was called outside one."""


class MarkdownFormattedException(Error):  # noqa: N818
    """An exception whose text is markdown (shown formatted)."""


class StreamlitMaxRetriesError(Error):
    """A file or folder stayed out of reach after several attempts."""


class StreamlitAPIException(MarkdownFormattedException):
    """A Streamlit command was used in a way it does not support."""


class DuplicateWidgetID(StreamlitAPIException):
    pass


class StreamlitAuthError(StreamlitAPIException):
    """Authentication (st.login) cannot work as configured."""


class UnserializableSessionStateError(StreamlitAPIException):
    pass


class StreamlitAPIWarning(StreamlitAPIException, Warning):
    """A warning to show with st.exception (never raised); keeps the stack it was made on."""

    def __init__(self, *args: Any) -> None:
        super().__init__(*args)
        import traceback
        self.tacked_on_stack = traceback.extract_stack()[:-1]


class StreamlitModuleNotFoundError(StreamlitAPIWarning):
    """A command needs a module that is not installed."""

    def __init__(self, module_name: str, *args: Any) -> None:
        super().__init__(
            f'This Streamlit command requires module "{module_name}" to be installed.', *args)


class LocalizableStreamlitException(StreamlitAPIException):
    """An API error whose text is a template filled from keyword arguments (kept in
    `exec_kwargs`, as in 1.50)."""

    def __init__(self, message: str, **kwargs: Any) -> None:
        # (Only a template with arguments is filled: a plain text may hold braces.)
        super().__init__(message.format(**kwargs) if kwargs else message)
        self._exec_kwargs = kwargs

    @property
    def exec_kwargs(self) -> dict[str, Any]:
        return self._exec_kwargs


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


class StreamlitInvalidPageLayoutError(LocalizableStreamlitException):
    def __init__(self, layout: str) -> None:
        super().__init__('`layout` must be `"centered"` or `"wide"` (got `"{layout}"`)',
                         layout=layout)


class StreamlitInvalidSidebarStateError(LocalizableStreamlitException):
    def __init__(self, initial_sidebar_state: str) -> None:
        super().__init__(
            '`initial_sidebar_state` must be `"auto"` or `"expanded"` or `"collapsed"` '
            '(got `"{initial_sidebar_state}"`)', initial_sidebar_state=initial_sidebar_state)


class StreamlitInvalidMenuItemKeyError(LocalizableStreamlitException):
    def __init__(self, key: str) -> None:
        super().__init__(
            'We only accept the keys: `"Get help"`, `"Report a bug"`, and `"About"` '
            '(`"{key}"` is not a valid key.)', key=key)


class StreamlitInvalidURLError(LocalizableStreamlitException):
    def __init__(self, url: str) -> None:
        super().__init__(
            '"{url}" is a not a valid URL. You must use a fully qualified domain beginning '
            'with "http://", "https://", or "mailto:".', url=url)


class StreamlitInvalidColumnSpecError(LocalizableStreamlitException):
    def __init__(self) -> None:
        super().__init__(
            "The `spec` argument to `st.columns` must be either a positive integer (number "
            "of columns) or a list of positive numbers (width ratios of the columns). See "
            "[documentation](https://docs.streamlit.io/develop/api-reference/layout/st.columns) "
            "for more information.")


class StreamlitInvalidVerticalAlignmentError(LocalizableStreamlitException):
    def __init__(self, vertical_alignment: str, element_type: str) -> None:
        super().__init__(
            "The `vertical_alignment` argument to `{element_type}` must be "
            '`"top"`, `"center"`, `"bottom"`, or `"distribute"`. \n'
            "The argument passed was {vertical_alignment}.",
            vertical_alignment=vertical_alignment, element_type=element_type)


class StreamlitInvalidColumnGapError(LocalizableStreamlitException):
    def __init__(self, gap: str, element_type: str) -> None:
        super().__init__(
            'The `gap` argument to `{element_type}` must be `"small"`, `"medium"`, '
            '`"large"`, or `"none"`. \nThe argument passed was {gap}.',
            gap=gap, element_type=element_type)


class StreamlitInvalidHorizontalAlignmentError(LocalizableStreamlitException):
    def __init__(self, horizontal_alignment: str, element_type: str) -> None:
        super().__init__(
            "The `horizontal_alignment` argument to `{element_type}` must be "
            '`"left"`, `"center"`, `"right"`, or `"distribute"`. \n'
            "The argument passed was {horizontal_alignment}.",
            horizontal_alignment=horizontal_alignment, element_type=element_type)


class StreamlitSelectionCountExceedsMaxError(LocalizableStreamlitException):
    def __init__(self, current_selections_count: int, max_selections_count: int) -> None:
        super().__init__(
            "Multiselect has {current_selections_count} {current_selections_noun} selected "
            "but `max_selections` is set to {max_selections_count}. This happened because "
            "you either gave too many options to `default` or you manipulated the widget's "
            "state through `st.session_state`. Note that the latter can happen before the "
            "line indicated in the traceback. Please select at most {max_selections_count} "
            "{options_noun}.",
            current_selections_count=current_selections_count,
            current_selections_noun="option" if current_selections_count == 1 else "options",
            max_selections_count=max_selections_count,
            options_noun="option" if max_selections_count == 1 else "options")


class StreamlitMixedNumericTypesError(LocalizableStreamlitException):
    def __init__(self, value, min_value, max_value, step) -> None:
        # Streamlit names only the arguments that are truthy.
        message = "All numerical arguments must be of the same type."
        types: dict[str, Any] = {}
        for name, arg in (("value", value), ("min_value", min_value),
                          ("max_value", max_value), ("step", step)):
            types[f"{name}_type"] = type(arg).__name__ if arg else None
            if arg:
                message += f"\n`{name}` has {{{name}_type}} type."
        super().__init__(message, **types)


class StreamlitValueBelowMinError(LocalizableStreamlitException):
    def __init__(self, value, min_value) -> None:
        super().__init__("The `value` {value} is less than the `min_value` {min_value}.",
                         value=value, min_value=min_value)


class StreamlitValueAboveMaxError(LocalizableStreamlitException):
    def __init__(self, value, max_value) -> None:
        super().__init__("The `value` {value} is greater than the `max_value` {max_value}.",
                         value=value, max_value=max_value)


class StreamlitJSNumberBoundsError(LocalizableStreamlitException):
    def __init__(self, message: str) -> None:
        super().__init__(message)


class StreamlitInvalidNumberFormatError(LocalizableStreamlitException):
    def __init__(self, format: str) -> None:
        super().__init__(
            "Format string for `st.number_input` contains invalid characters: {format}",
            format=format)


class StreamlitMissingPageLabelError(LocalizableStreamlitException):
    def __init__(self) -> None:
        super().__init__("The `label` param is required for external links used with "
                         "`st.page_link` - please provide a `label`.")


class StreamlitPageNotFoundError(LocalizableStreamlitException):
    """st.page_link to a page the app does not have (1.50's text for either kind of app)."""

    def __init__(self, page: str, main_script_directory: str,
                 uses_pages_directory: bool) -> None:
        import os
        if uses_pages_directory:
            message = ("Could not find page: `{page}`. You must provide a file path relative "
                       "to the entrypoint file (from the directory `{directory}`). Only the "
                       "entrypoint file and files in the `pages/` directory are supported.")
        else:
            message = ("Could not find page: `{page}`. You must provide a `StreamlitPage` "
                       "object or file path relative to the entrypoint file. Only pages "
                       "previously defined by `st.Page` and passed to `st.navigation` are "
                       "allowed.")
        super().__init__(message, page=page,
                         directory=os.path.basename(main_script_directory))


class StreamlitFragmentWidgetsNotAllowedOutsideError(LocalizableStreamlitException):
    def __init__(self) -> None:
        super().__init__("Fragments cannot write widgets to outside containers.")


class StreamlitInvalidFormCallbackError(LocalizableStreamlitException):
    def __init__(self) -> None:
        super().__init__(
            "Within a form, callbacks can only be defined on `st.form_submit_button`. "
            "Defining callbacks on other widgets inside a form is not allowed."
        )


class StreamlitValueAssignmentNotAllowedError(LocalizableStreamlitException):
    def __init__(self, key: str) -> None:
        super().__init__(
            "Values for the widget with `key` '{key}' cannot be set using `st.session_state`.",
            key=key)


class StreamlitInvalidColorError(LocalizableStreamlitException):
    def __init__(self, color: Any) -> None:
        super().__init__(
            "This does not look like a valid color: {color}.\n\n"
            "Colors must be in one of the following formats:"
            "* Hex string with 3, 4, 6, or 8 digits. Example: `'#00ff00'`"
            "* List or tuple with 3 or 4 components. Example: `[1.0, 0.5, 0, 0.2]`",
            color=repr(color))


class StreamlitBadTimeStringError(LocalizableStreamlitException):
    def __init__(self, time_string: str) -> None:
        super().__init__(
            "Time string doesn't look right. It should be formatted as"
            "`'1d2h34m'` or `2 days`, for example. Got: {time_string}",
            time_string=time_string)


class StreamlitSecretNotFoundError(LocalizableStreamlitException, FileNotFoundError):
    """No secrets.toml, or one that does not parse (also a FileNotFoundError, as in 1.50)."""

    def __init__(self, message: str) -> None:
        super().__init__(message)

    def __str__(self) -> str:
        return self.args[0] if self.args else ""


class StreamlitInvalidWidthError(LocalizableStreamlitException):
    def __init__(self, width: Any, allow_content: bool = False) -> None:
        valid = ("an integer (pixels), 'stretch', or 'content'" if allow_content
                 else "an integer (pixels) or 'stretch'")
        super().__init__("Invalid width value: {width}. Width must be either {valid_values}.",
                         width=repr(width), valid_values=valid)


class StreamlitInvalidHeightError(LocalizableStreamlitException):
    def __init__(self, height: Any, allow_content: bool = False) -> None:
        valid = ("an integer (pixels), 'stretch', or 'content'" if allow_content
                 else "an integer (pixels) or 'stretch'")
        super().__init__("Invalid height value: {height}. Height must be either {valid_values}.",
                         height=repr(height), valid_values=valid)


class StreamlitValueError(LocalizableStreamlitException):
    """A parameter value outside the supported ones."""

    def __init__(self, parameter: str, valid_values: list[str]) -> None:
        super().__init__("Invalid `{parameter}` value. Supported values: {valid_values}.",
                         parameter=parameter, valid_values=", ".join(valid_values))


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
