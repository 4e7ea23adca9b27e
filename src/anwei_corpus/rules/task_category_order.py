"""Tasks stand under their category row: along the table the category numbers never go back.

The table prints each category row (一、提高政治站位…（小计 4 项）) above its tasks, and the tasks are numbered
through the whole table. So task 1, above every category, has ``category: null``; after it the categories run
1, 1, …, 2, 2, … in order. A task whose category is lower than the one before it, or a task without a category
after the first category, stands under a row it does not belong to. Example of a finding:
``task 9 is in category 2 but follows a task of category 3``. Correct the task's ``category`` (the subtotals
of AW401 will tell which category is one short). A task whose category does not exist is left to AW304.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..context import CheckContext
from ..diagnostics import Diagnostic, Severity

CODE = "AW310"
NAME = "task-category-order"
SEVERITY = Severity.ERROR
SUMMARY = "Tasks are grouped under their category rows in table order; uncategorised tasks come first."


def check(ctx: CheckContext) -> Iterator[Diagnostic]:
    for notice, attachment in ctx.notices_with("attachment"):
        categories = {category.number for category in attachment.categories}
        previous = None  # the category of the task before
        for t, task in enumerate(attachment.tasks):
            if task.category is not None and task.category not in categories:
                continue  # AW304 reports it
            path = ("tasks", t, "category")
            if task.category is None and previous is not None:
                yield ctx.finding(
                    notice.attachment,
                    path,
                    f"task {task.number} has no category but follows a task of category {previous}",
                    hint="tasks above the categories come first",
                )
            elif task.category is not None and previous is not None and task.category < previous:
                yield ctx.finding(
                    notice.attachment,
                    path,
                    f"task {task.number} is in category {task.category} but follows a task of category {previous}",
                )
            if task.category is not None:
                previous = max(task.category, previous or 0)
