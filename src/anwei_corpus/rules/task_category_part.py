"""A task links only to measures of the part its category stands for.

Category N restates part N (AW501), so a task of category 3 comes from measures of part 3 (measures 14–24 in
this notice). A link to a measure of another part means either the link or the task's category is wrong. The
finding is given once per task and names every measure that stands elsewhere. When all the task's measures
stand in one other part and the category has more tasks than its printed 小计 (AW401), the category is the
likely mistake: the finding points at the task's ``category`` and asks for the part's number,
``task 13 is in category 3 but its measures 25, 26, 27 stand in part 4 — should its category be 4?``.
Otherwise it points at the first stray link, e.g. ``task 10 is in category 3 but its measure 30 stands in
part 4``: correct the link (or the category).

Tasks above the categories (``category: null``) and tasks whose category does not exist (AW304) are not checked.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from ..context import CheckContext
from ..diagnostics import Diagnostic, Severity, YamlPath
from ..models.source import iter_measures

CODE = "AW502"
NAME = "task-category-part"
SEVERITY = Severity.ERROR
SUMMARY = "A task of category N links only to measures in part N."


def check(ctx: CheckContext) -> Iterator[Diagnostic]:
    for notice, body, attachment in ctx.notices_with("body", "attachment"):
        part_of = {at.measure.number: (at.part.number, at.path) for at in iter_measures(body)}
        subtotal = {category.number: category.subtotal_printed for category in attachment.categories}
        counted = Counter(task.category for task in attachment.tasks)
        for t, task in enumerate(attachment.tasks):
            if task.category not in subtotal:
                continue
            linked = [number for number in task.links.measures if number in part_of]
            astray = [number for number in linked if part_of[number][0] != task.category]
            if not astray:
                continue
            parts = sorted({part_of[number][0] for number in astray})
            measures = ", ".join(map(str, astray))
            message = (
                f"task {task.number} is in category {task.category} but its "
                + (f"measure {measures} stands" if len(astray) == 1 else f"measures {measures} stand")
                + f" in part{'s' if len(parts) > 1 else ''} {', '.join(map(str, parts))}"
            )
            category_wrong = len(parts) == 1 and astray == linked and counted[task.category] > subtotal[task.category]
            path: YamlPath
            if category_wrong:
                message += f" — should its category be {parts[0]}?"
                path, hint = ("tasks", t, "category"), f"category {task.category} has more tasks than its printed 小计"
            else:
                index = task.links.measures.index(astray[0])
                path, hint = ("tasks", t, "links", "measures", index), "correct the link, or the task's category"
            yield ctx.finding(
                notice.attachment,
                path,
                message,
                hint=hint,
                related=tuple(notice.body.locate(part_of[number][1]) for number in astray),
                related_label="linked measure",
            )
