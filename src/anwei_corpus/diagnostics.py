"""Diagnostics: what a rule or the loader found, and where."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import Any

YamlPath = tuple[str | int, ...]


class Severity(StrEnum):
    """How serious a finding is; errors fail validation, warnings fail it under --strict."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


@dataclass(frozen=True)
class Location:
    """A place in a corpus file. ``path`` is the YAML path; line and column are 1-based once resolved."""

    file: str
    path: YamlPath = ()
    line: int | None = None
    column: int | None = None
    key: bool = False  # point at the mapping key rather than its value

    def display(self) -> str:
        if self.line is None:
            return self.file
        return f"{self.file}:{self.line}:{self.column}"


@dataclass(frozen=True)
class Diagnostic:
    """One finding: a stable code, a severity, a message and where it is."""

    code: str
    severity: Severity
    message: str
    location: Location
    hint: str | None = None
    related: tuple[Location, ...] = field(default=())  # the other end of a cross-reference
    related_label: str | None = None
    # Figures behind the finding, for machines (the JSON output): plain JSON values only, not part of its identity.
    data: Mapping[str, object] | None = field(default=None, compare=False, hash=False)

    def sort_key(self) -> tuple[Any, ...]:
        loc = self.location
        return (loc.file, loc.line or 0, loc.column or 0, self.code, self.message)

    def at(self, location: Location) -> Diagnostic:
        return replace(self, location=location)


class ReleaseUnreadable(Exception):
    """A release cannot be read: missing, not JSON, not matching its manifest, or not an anwei-corpus release."""


class CorpusUnreadable(Exception):
    """The corpus cannot be read at all (missing folder, missing manifest): a usage-level failure."""

    def __init__(self, diagnostic: Diagnostic):
        # The hint too, so a traceback says what to do (pass a path, or set ANWEI_CORPUS).
        super().__init__(diagnostic.message + (f" — {diagnostic.hint}" if diagnostic.hint else ""))
        self.diagnostic = diagnostic
