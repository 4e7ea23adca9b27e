"""A task links only to measures of the part its category stands for.

Category N restates part N (AW501), so a task of category 3 comes from measures of part 3 (measures 14–24 in
this notice). A link to a measure of another part means either the link or the task's category is wrong.
Tasks above the categories (``category: null``) are not checked. Example of a finding:
``task 10 is in category 3 but links to measure 30, which stands in part 4``. Correct the link or the category.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..context import CheckContext, iter_measures
from ..diagnostics import Diagnostic, Severity

CODE = "AW502"
NAME = "task-category-part"
SEVERITY = Severity.ERROR
SUMMARY = "A task of category N links only to measures in part N."


def check(ctx: CheckContext) -> Iterator[Diagnostic]:
    for notice, body, attachment in ctx.notices_with("body", "attachment"):
        part_of = {at.measure.number: (at.part.number, at.path) for at in iter_measures(body)}
        for t, task in enumerate(attachment.tasks):
            if task.category is None:
                continue
            for index, number in enumerate(task.links.measures):
                if number in part_of and part_of[number][0] != task.category:
                    yield ctx.finding(
                        notice.attachment, ("tasks", t, "links", "measures", index),
                        f"task {task.number} is in category {task.category} but links to measure {number}, "
                        f"which stands in part {part_of[number][0]}",
                        related=(notice.body.locate(part_of[number][1]),), related_label="the measure",
                    )
