"""Reading a requirements.txt as pip does, for the browser's Python.

Text: UTF-8 (with or without a BOM) or UTF-16 with a BOM (what some Windows editors and
`pip freeze > requirements.txt` in PowerShell write). Lines: `#` comments, blank lines,
backslash continuations, `-r other.txt` (relative to the file, recursively, each file once),
environment markers evaluated for Pyodide (sys_platform "emscripten", Python 3.14, ...).
Options that only say where pip looks (`--index-url`, `--extra-index-url`, `--find-links`,
`--no-index`, `--trusted-host`, `--pre`) are passed to pip; `--prefer-binary` and
`--only-binary` change nothing (the browser takes wheels only). Options the browser cannot
honour (`-e`, `-c`, `--no-binary`, URL or path requirements, unknown options) stop the build
with the file, line and reason.
"""
from __future__ import annotations

import codecs
import re
import shlex
from dataclasses import dataclass, field
from pathlib import Path

from pip._vendor.packaging.markers import Marker
from pip._vendor.packaging.requirements import InvalidRequirement, Requirement


class RequirementsFileError(Exception):
    """A requirements file the build cannot use: the message names the file and line."""


@dataclass(frozen=True)
class Listed:
    """One requirement as a file lists it."""
    requirement: Requirement
    where: str  # "path:line"
    hashes: tuple[str, ...] = ()  # --hash=sha256:... options on the line

    def __str__(self) -> str:
        return str(self.requirement)


@dataclass
class RequirementsFile:
    requirements: list[Listed] = field(default_factory=list)
    pip_options: list[str] = field(default_factory=list)  # for `pip download`


def browser_environment(python: str, emscripten: str = "") -> dict[str, str]:
    """Marker variables as Pyodide's Python reports them (python: e.g. "3.14.2")."""
    return {"implementation_name": "cpython", "implementation_version": python, "os_name": "posix",
            "platform_machine": "wasm32", "platform_release": emscripten, "platform_system": "Emscripten",
            "platform_version": "", "python_full_version": python,
            "platform_python_implementation": "CPython", "python_version": ".".join(python.split(".")[:2]),
            "sys_platform": "emscripten", "extra": ""}


def applies(marker: Marker | None, environment: dict[str, str], extras=()) -> bool:
    """Whether a requirement with this marker is wanted in the browser (with these extras)."""
    return marker is None or any(marker.evaluate({**environment, "extra": extra}) for extra in (extras or [""]))


def read_text(path: Path) -> str:
    """The file's text: UTF-16 when it starts with a UTF-16 BOM, else UTF-8 (BOM or not)."""
    try:
        data = path.read_bytes()
    except OSError as e:
        raise RequirementsFileError(f"{path}: cannot read it: {e.strerror}") from None
    encoding = "utf-16" if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) else "utf-8-sig"
    try:
        return data.decode(encoding).removeprefix("\ufeff")  # a second BOM, as some tools write
    except UnicodeDecodeError as e:
        raise RequirementsFileError(f"{path} is not UTF-8 or UTF-16 text (byte offset {e.start})") from None


COMMENT = re.compile(r"(^|\s+)#.*$")  # pip's rule: a # starts a comment at a line start or after a space


def logical_lines(text: str) -> list[tuple[int, str]]:
    """(first line number, text) of each line, continuations joined and comments dropped."""
    lines: list[tuple[int, str]] = []
    pending, start = "", 0
    for number, line in enumerate(text.splitlines(), 1):
        if not pending:
            start = number
        if line.endswith("\\") and not COMMENT.search(line):
            pending += line[:-1]
            continue
        joined = COMMENT.sub("", pending + line).strip()
        pending = ""
        if joined:
            lines.append((start, joined))
    if pending.strip():
        lines.append((start, COMMENT.sub("", pending).strip()))
    return lines


# Options that say where pip finds packages: passed on to `pip download` (with a value?).
PIP_OPTIONS = {"-i": True, "--index-url": True, "--extra-index-url": True, "-f": True,
               "--find-links": True, "--trusted-host": True, "--no-index": False, "--pre": False}
IGNORED = {"--prefer-binary": False, "--only-binary": True}  # the browser takes wheels only anyway
REFUSED = {
    "-e": "editable installs need a source tree; the browser installs wheels only",
    "--editable": "editable installs need a source tree; the browser installs wheels only",
    "-c": "constraints files are not supported; pin the versions in the requirements file",
    "--constraint": "constraints files are not supported; pin the versions in the requirements file",
    "--no-binary": "the browser installs wheels only; it cannot build from source",
    "--require-hashes": "put --hash options on each requirement line instead",
}
INCLUDE = ("-r", "--requirement")


def parse(path: Path, environment: dict[str, str], _seen: set[Path] | None = None) -> RequirementsFile:
    """The requirements a file (and the files it includes) asks for in the browser."""
    seen = _seen if _seen is not None else set()
    seen.add(path.resolve())
    parsed = RequirementsFile()
    for number, line in logical_lines(read_text(path)):
        where = f"{path}:{number}"
        try:
            tokens = shlex.split(line)
        except ValueError as e:
            raise RequirementsFileError(f"{where}: cannot read this line ({e})") from None
        if tokens[0].startswith("-"):
            _option(tokens, where, path, environment, seen, parsed)
        else:
            listed = _requirement(line, where)
            if listed is not None and applies(listed.requirement.marker, environment):
                parsed.requirements.append(listed)
    return parsed


def _split_option(tokens: list[str]) -> tuple[str, str | None, list[str]]:
    """(option, its value if attached or next, the tokens after it)."""
    option, value = tokens[0], None
    if option.startswith("--") and "=" in option:
        option, value = option.split("=", 1)
    elif len(option) > 2 and not option.startswith("--"):  # -rfile.txt, -ihttps://...
        option, value = option[:2], option[2:]
    rest = tokens[1:]
    return option, value, rest


def _option(tokens, where, path, environment, seen, parsed) -> None:
    option, value, rest = _split_option(tokens)
    takes_value = option in INCLUDE or PIP_OPTIONS.get(option) or IGNORED.get(option)
    if takes_value and value is None:
        if not rest:
            raise RequirementsFileError(f"{where}: {option} needs a value")
        value, rest = rest[0], rest[1:]
    if option in REFUSED:
        raise RequirementsFileError(f"{where}: {option} is not supported: {REFUSED[option]}")
    if option not in INCLUDE and option not in PIP_OPTIONS and option not in IGNORED:
        raise RequirementsFileError(f"{where}: unknown option {option}; the browser build does not support it")
    if rest:
        raise RequirementsFileError(f"{where}: unexpected text after {option}: {' '.join(rest)}")
    if option in INCLUDE:
        included = (path.parent / value).resolve()
        if not included.is_file():
            raise RequirementsFileError(f"{where}: {option} {value}: no such file ({included})")
        if included not in seen:
            inner = parse(included, environment, seen)
            parsed.requirements += inner.requirements
            parsed.pip_options += inner.pip_options
    elif option in PIP_OPTIONS:
        if option in ("-f", "--find-links") and "://" not in value and (path.parent / value).exists():
            value = str((path.parent / value).resolve())  # relative to the file, as pip does
        parsed.pip_options += [option] if value is None else [option, value]


def _requirement(line: str, where: str) -> Listed | None:
    """A requirement line (with its --hash options), refusing URLs and paths."""
    spec, _, options = line.partition(" --")
    hashes = []
    for option in ("--" + options).split() if options else []:
        if option.startswith("--hash="):
            hashes.append(option)
        elif option != "\\":
            raise RequirementsFileError(f"{where}: {option.split('=')[0]} on a requirement line is not supported")
    spec = spec.strip()
    if "://" in spec.split(";")[0] or spec.startswith((".", "/", "~")) or re.search(r"\.(whl|zip|tar\.gz)$", spec):
        raise RequirementsFileError(
            f"{where}: {spec}: URL and path requirements are not supported; name a package on PyPI instead")
    try:
        requirement = Requirement(spec)
    except InvalidRequirement as e:
        raise RequirementsFileError(f"{where}: not a valid requirement: {spec} ({e})") from None
    if requirement.url:
        raise RequirementsFileError(
            f"{where}: {spec}: URL requirements are not supported; name a package on PyPI instead")
    return Listed(requirement, where, tuple(hashes))
