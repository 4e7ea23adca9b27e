"""Every measure a task links to exists in the same notice, and the link basis agrees with the list.

A task with ``basis: measures`` names at least one measure number, each of which must be a measure of the
notice's body. A task with ``basis: general-requirements`` comes from the opening paragraph and names none.

Example of a finding: ``task 23 links to measure 99, which the notice does not have (measures run
1–50)``. Link the measure the task comes from.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..context import CheckContext
from ..diagnostics import Diagnostic, Severity
from ..models.source import iter_measures

CODE = "AW303"
NAME = "unknown-measure"
SEVERITY = Severity.ERROR
SUMMARY = "Task links name measures that exist, and only when the basis is 'measures'."


def check(ctx: CheckContext) -> Iterator[Diagnostic]:
    for notice, attachment, body in ctx.notices_with("attachment", "body"):
        numbers = sorted(at.measure.number for at in iter_measures(body))
        for t, task in enumerate(attachment.tasks):
            links = task.links
            path = ("tasks", t, "links")
            if links.basis == "measures" and not links.measures:
                yield ctx.finding(
                    notice.attachment,
                    path + ("measures",),
                    "basis is 'measures' but no measure is named",
                    hint="name the measures, or set basis: general-requirements",
                )
            if links.basis == "general-requirements" and links.measures:
                yield ctx.finding(
                    notice.attachment,
                    path + ("measures",),
                    "basis is 'general-requirements' but measures are named",
                    hint="set basis: measures, or empty the list",
                )
            for index, number in enumerate(links.measures):
                if number not in numbers:
                    yield ctx.finding(
                        notice.attachment,
                        path + ("measures", index),
                        f"task {task.number} links to measure {number}, which the notice does not have "
                        f"(measures run {numbers[0]}–{numbers[-1]})"
                        if numbers
                        else f"measure {number} does not exist",
                    )
