"""GitHub Actions workflow commands: one annotation per finding, shown on the changed lines of a pull request.

The runner reads ``::error file=F,line=L,col=C,title=T::message`` from the job's output. Values are escaped as
it requires: ``%``, CR and LF everywhere, and ``:`` and ``,`` inside properties as well.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import PurePath

from ..codes import CodeDoc
from ..diagnostics import Diagnostic, Severity
from .text import summary

COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _annotation(diagnostic: Diagnostic, codes: Mapping[str, CodeDoc]) -> str:
    location = diagnostic.location
    properties = {"file": PurePath(location.file).as_posix()}
    if location.line is not None:
        properties["line"] = str(location.line)
        if location.column is not None:
            properties["col"] = str(location.column)
    name = codes[diagnostic.code].name if diagnostic.code in codes else None
    properties["title"] = f"{diagnostic.code} {name}" if name else diagnostic.code
    message = [diagnostic.message]
    if diagnostic.hint:
        message.append(f"help: {diagnostic.hint}")
    message += [f"{diagnostic.related_label or 'see'}: {related.display()}" for related in diagnostic.related]
    listed = ",".join(f"{key}={escape_property(value)}" for key, value in properties.items())
    text = escape_data("\n".join(message))
    return f"::{COMMANDS[diagnostic.severity]} {listed}::{text}"


def render(diagnostics: list[Diagnostic], codes: Mapping[str, CodeDoc]) -> str:
    """One workflow command per finding, then the summary as a plain log line."""
    return "".join(_annotation(d, codes) + "\n" for d in diagnostics) + summary(diagnostics) + "\n"
