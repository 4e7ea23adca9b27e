"""Every task's category is a category of the table.

Tasks above the categories (task 1, the annual target) have ``category: null``; every other task names the
number of a category row of ``categories``.

Example of a finding: ``task 23 is in category 9, which the table does not have``. Use the number of the
category row the task stands under.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..context import CheckContext
from ..diagnostics import Diagnostic, Severity

CODE = "AW304"
NAME = "unknown-category"
SEVERITY = Severity.ERROR
SUMMARY = "Every task's category number is a category of the table."


def check(ctx: CheckContext) -> Iterator[Diagnostic]:
    for notice, attachment in ctx.notices_with("attachment"):
        numbers = {category.number for category in attachment.categories}
        for t, task in enumerate(attachment.tasks):
            if task.category is not None and task.category not in numbers:
                yield ctx.finding(
                    notice.attachment,
                    ("tasks", t, "category"),
                    f"task {task.number} is in category {task.category}, which the table does not have",
                    hint=f"use one of {sorted(numbers)}, or null for a task above the categories",
                )
