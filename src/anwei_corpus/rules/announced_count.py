"""The number of tasks the closing paragraph announces (列出23项工作要点) is the number of tasks in the table.

``closing.announced_tasks`` records the number the paragraph prints; the rule checks it against the table and
that the closing text indeed prints that number as 列出N项. A closing that announces no count (a notice without a
task table) leaves ``announced_tasks`` out and is not checked.

Example of a finding: ``the closing paragraph announces 24 tasks but the table has 23``. Correct
``announced_tasks`` to what the paragraph prints, or find the task missing from the table.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..context import CheckContext
from ..diagnostics import Diagnostic, Severity

CODE = "AW403"
NAME = "announced-count"
SEVERITY = Severity.ERROR
SUMMARY = "The closing paragraph's announced task count equals the number of tasks."


def check(ctx: CheckContext) -> Iterator[Diagnostic]:
    for notice in ctx.notices:
        body, attachment = notice.body.model, notice.attachment.model
        if body is None:
            continue
        announced = body.closing.announced_tasks
        if announced is None:  # a closing that announces no count (a notice without a task table)
            continue
        if f"列出{announced}项" not in body.closing.text.text:
            yield ctx.finding(
                notice.body, ("closing", "announced_tasks"), f"the closing paragraph does not print 列出{announced}项"
            )
        if attachment is not None and len(attachment.tasks) != announced:
            yield ctx.finding(
                notice.body,
                ("closing", "announced_tasks"),
                f"the closing paragraph announces {announced} tasks but the table has {len(attachment.tasks)}",
                related=(notice.attachment.locate(("tasks",)),),
                related_label="the task table",
            )
