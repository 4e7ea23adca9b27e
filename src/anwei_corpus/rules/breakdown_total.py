"""The total line (任务分解：合计 N 项（小计 M 项）) agrees with the categories and their tasks.

N is the number of categories and M the number of tasks inside categories (task 1 stands above them and is not
counted). The line must also agree with the sum of the categories' printed subtotals.

Example of a finding: ``小计 21 项 is printed but 22 tasks stand in categories``. Correct the printed number
to what the source prints, or the categories of the tasks. When the line agrees with the tasks but not with the
subtotals, the finding points at the subtotals that miscount their tasks (AW401), which are reported first.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..context import CheckContext
from ..diagnostics import Diagnostic, Severity

CODE = "AW402"
NAME = "breakdown-total"
SEVERITY = Severity.ERROR
SUMMARY = "The printed total line agrees with the categories and the tasks in them."


def check(ctx: CheckContext) -> Iterator[Diagnostic]:
    for notice, attachment in ctx.notices_with("attachment"):
        breakdown = attachment.breakdown
        categories = len(attachment.categories)
        if breakdown.categories_printed != categories:
            yield ctx.finding(
                notice.attachment,
                ("breakdown", "categories_printed"),
                f"合计 {breakdown.categories_printed} 项 is printed but the table has {categories} categories",
            )
        in_categories = sum(1 for task in attachment.tasks if task.category is not None)
        subtotals = sum(category.subtotal_printed for category in attachment.categories)
        if breakdown.tasks_printed != in_categories:
            yield ctx.finding(
                notice.attachment,
                ("breakdown", "tasks_printed"),
                f"小计 {breakdown.tasks_printed} 项 is printed but {in_categories} tasks stand in categories",
            )
        elif breakdown.tasks_printed != subtotals:
            # The line agrees with the tasks: the subtotals that miscount their tasks are where the mistake is.
            off = [
                notice.attachment.locate(("categories", c, "subtotal_printed"))
                for c, category in enumerate(attachment.categories)
                if category.subtotal_printed != sum(1 for task in attachment.tasks if task.category == category.number)
            ]
            yield ctx.finding(
                notice.attachment,
                ("breakdown", "tasks_printed"),
                f"小计 {breakdown.tasks_printed} 项 is printed but the category subtotals add up to {subtotals}",
                hint=f"the line agrees with the {in_categories} tasks in categories: correct the subtotals "
                "that miscount their tasks",
                related=tuple(off),
                related_label="subtotal that miscounts its tasks",
            )
