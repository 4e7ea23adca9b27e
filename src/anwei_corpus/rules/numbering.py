"""Parts, sections, measures, categories and tasks are numbered whole, unique and in order.

Parts and categories count from 1 within a notice; sections and measures are numbered continuously across
parts, as the notice prints them (（一）…（十七）, 1…50); tasks count from 1 through the whole table.

Example of a finding: measure 12 followed by measure 14 reports "expected measure 13, found 14" at the number
of the second one. Fix the number, or restore the missing entry.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from ..context import CheckContext
from ..corpus import SourceFile
from ..diagnostics import Diagnostic, Severity, YamlPath

CODE = "AW201"
NAME = "numbering"
SEVERITY = Severity.ERROR
SUMMARY = "Entities are numbered 1, 2, 3 … without gaps, repeats or disorder."


def _sequence(
    ctx: CheckContext, file: SourceFile[Any], what: str, numbered: Sequence[tuple[YamlPath, int]]
) -> Iterator[Diagnostic]:
    for expected, (path, number) in enumerate(numbered, start=1):
        if number != expected:
            yield ctx.finding(
                file,
                path + ("number",),
                f"expected {what} {expected}, found {number}",
                hint=f"{what}s are numbered 1, 2, 3 … in the order they are printed",
            )
            return  # one finding per sequence: the rest follows from the first


def check(ctx: CheckContext) -> Iterator[Diagnostic]:
    for notice in ctx.notices:
        body = notice.body.model
        if body is not None:
            parts = [(("parts", p), part.number) for p, part in enumerate(body.parts)]
            sections, measures = [], []
            for p, part in enumerate(body.parts):
                for s, section in enumerate(part.sections):
                    sections.append((("parts", p, "sections", s), section.number))
                    for m, measure in enumerate(section.measures):
                        measures.append((("parts", p, "sections", s, "measures", m), measure.number))
            yield from _sequence(ctx, notice.body, "part", parts)
            yield from _sequence(ctx, notice.body, "section", sections)
            yield from _sequence(ctx, notice.body, "measure", measures)
        attachment = notice.attachment.model
        if attachment is not None:
            categories = [(("categories", c), category.number) for c, category in enumerate(attachment.categories)]
            tasks = [(("tasks", t), task.number) for t, task in enumerate(attachment.tasks)]
            yield from _sequence(ctx, notice.attachment, "category", categories)
            yield from _sequence(ctx, notice.attachment, "task", tasks)
