"""IDs are unique: no two units, no two people, and no unit and person share an ID.

An ID is a promise to downstream tools that it names one thing for good. Two entries with one ID make every
reference to it ambiguous. Rename the newer entry (and the references to it), or merge the two.

Example of a finding: ``ID 'emergency-bureau' is already used``, with the place the ID is first defined.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from ..context import CheckContext
from ..corpus import SourceFile
from ..diagnostics import Diagnostic, Severity, YamlPath
from ..models.source import PersonEntry, UnitEntry

CODE = "AW305"
NAME = "duplicate-id"
SEVERITY = Severity.ERROR
SUMMARY = "Every unit and person ID is used by one registry entry only."


def check(ctx: CheckContext) -> Iterator[Diagnostic]:
    seen: dict[str, tuple[SourceFile[Any], YamlPath]] = {}
    registries: list[tuple[SourceFile[Any], str, Sequence[UnitEntry | PersonEntry]]] = [
        (ctx.corpus.units, "units", ctx.corpus.units.model.units if ctx.corpus.units.model else []),
        (ctx.corpus.people, "people", ctx.corpus.people.model.people if ctx.corpus.people.model else []),
    ]
    for file, key, entries in registries:
        for index, entry in enumerate(entries):
            path: YamlPath = (key, index, "id")
            if entry.id in seen:
                first_file, first_path = seen[entry.id]
                yield ctx.finding(
                    file,
                    path,
                    f"ID {entry.id!r} is already used",
                    hint="give each entry its own ID",
                    related=(first_file.locate(first_path),),
                    related_label="first defined here",
                )
            else:
                seen[entry.id] = (file, path)
