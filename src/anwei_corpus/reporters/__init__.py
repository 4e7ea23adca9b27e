"""Reporters: each turns a list of diagnostics into the text of one output format.

``render(format, diagnostics)`` picks the reporter; every reporter module is imported only when used.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from enum import StrEnum

TYPE_CHECKING = False  # the quick entry point reads FORMATS and the defaults without the diagnostics
if TYPE_CHECKING:
    from ..diagnostics import Diagnostic


class ReportFormat(StrEnum):
    """The output formats of ``anwei validate``: one reporter module each."""

    text = "text"
    json = "json"
    github = "github"
    sarif = "sarif"


FORMATS = tuple(member.value for member in ReportFormat)


# The formats of the other commands, one list each, so that a format added to one command shows on no other. Each
# has its table of renderers (named below); a test checks that the two agree.
class CatalogFormat(StrEnum):
    """``anwei rules``: ``catalog.RENDERERS``."""

    text = "text"
    json = "json"
    markdown = "markdown"


class DiffFormat(StrEnum):
    """``anwei diff``: ``reporters.diff.RENDERERS``."""

    text = "text"
    json = "json"
    markdown = "markdown"


class LookupFormat(StrEnum):
    """``anwei unit``, ``leader``, ``show`` and ``stats``: JSON, and ``reporters.lookups.RENDERERS``."""

    text = "text"
    json = "json"
    markdown = "markdown"


def default_format(environ: Mapping[str, str] = os.environ) -> str:
    """``github`` inside a GitHub Actions job, ``text`` everywhere else."""
    return "github" if environ.get("GITHUB_ACTIONS") == "true" else "text"


def wants_color(stream: object, environ: Mapping[str, str] = os.environ) -> bool:
    """Colour only for a terminal, and never when ``NO_COLOR`` is set to anything but the empty string."""
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty()) and not environ.get("NO_COLOR")


def file_line_reader() -> Callable[[str, int], str | None]:
    """Reads line N of a file, each file read once per reader; None when the file or the line is not there."""
    cache: dict[str, list[str] | None] = {}

    def read_line(file: str, line: int) -> str | None:
        if file not in cache:
            try:
                with open(file, encoding="utf-8", errors="replace") as stream:
                    cache[file] = stream.read().split("\n")
            except OSError:
                cache[file] = None
        lines = cache[file]
        return lines[line - 1] if lines is not None and 1 <= line <= len(lines) else None

    return read_line


def render(
    output_format: str,
    diagnostics: list[Diagnostic],
    *,
    color: bool = False,
    read_line: Callable[[str, int], str | None] | None = None,
) -> str:
    """The report in ``output_format`` (one of FORMATS). ``read_line`` feeds the text format's source lines."""
    if output_format == "text":
        from . import text

        return text.render(diagnostics, read_line or file_line_reader(), color=color)
    from ..catalog import codes_by_id

    codes = codes_by_id()
    if output_format == "json":
        from . import json

        return json.render(diagnostics, codes)
    if output_format == "github":
        from . import github

        return github.render(diagnostics, codes)
    if output_format == "sarif":
        from .. import __version__
        from . import sarif

        return sarif.render(diagnostics, codes, __version__)
    raise ValueError(f"unknown output format {output_format!r}; expected one of {', '.join(FORMATS)}")
