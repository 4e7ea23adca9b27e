"""The 小计 printed in each category row equals the number of tasks in that category.

The table prints a subtotal in every category row, e.g. 一、提高政治站位，织密风险防范责任防线（小计 4 项）.
If a task is added, removed or moved to another category, the printed subtotal no longer agrees: either the
task's category is wrong or the subtotal was transcribed wrongly.

Example of a finding: ``category 2 prints 小计 4 项 but has 3 tasks``. Check the task's ``category`` against the
table, then the printed subtotal against the source.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..context import CheckContext
from ..diagnostics import Diagnostic, Severity

CODE = "AW401"
NAME = "category-subtotal"
SEVERITY = Severity.ERROR
SUMMARY = "Each category's printed subtotal equals its number of tasks."


def check(ctx: CheckContext) -> Iterator[Diagnostic]:
    for notice, attachment in ctx.notices_with("attachment"):
        for c, category in enumerate(attachment.categories):
            tasks = [task.number for task in attachment.tasks if task.category == category.number]
            if len(tasks) != category.subtotal_printed:
                held = f"holds tasks {', '.join(map(str, tasks))}" if tasks else "holds no task"
                yield ctx.finding(
                    notice.attachment,
                    ("categories", c, "subtotal_printed"),
                    f"category {category.number} prints 小计 {category.subtotal_printed} 项 but has {len(tasks)} tasks",
                    hint="set subtotal_printed to the figure the source prints, or correct the category of the task "
                    f"that stands in the wrong one (category {category.number} {held})",
                )
