"""Category N of the task table is part N of the 工作意见: same number, same title.

In this notice the table's categories restate the body's parts: category 一、提高政治站位，织密风险防范责任防线
is part 一、 with the same words, and so on for all five. The rule checks that the notice has a part for every
category number and that the titles are equal, character for character. (Which measures a task of a category
links to is AW502's concern.) Example of a finding: ``category 2's title differs from part 2's title
'优化监管机制，完善城市安全治理体系'``. Correct the title that departs from the source. A future notice whose
categories do not follow its parts accepts this finding per category with ``suppress``.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..context import CheckContext
from ..diagnostics import Diagnostic, Severity

CODE = "AW501"
NAME = "category-part"
SEVERITY = Severity.ERROR
SUMMARY = "Each category has the number and the title of a part of the body."


def check(ctx: CheckContext) -> Iterator[Diagnostic]:
    for notice, body, attachment in ctx.notices_with("body", "attachment"):
        parts = {part.number: (p, part) for p, part in enumerate(body.parts)}
        for c, category in enumerate(attachment.categories):
            path = ("categories", c, "title", "text")
            if category.number not in parts:
                yield ctx.finding(
                    notice.attachment,
                    ("categories", c, "number"),
                    f"category {category.number} has no part {category.number} in the body",
                )
                continue
            p, part = parts[category.number]
            if category.title.text != part.title.text:
                yield ctx.finding(
                    notice.attachment,
                    path,
                    f"category {category.number}'s title differs from part {part.number}'s title {part.title.text!r}",
                    related=(notice.body.locate(("parts", p, "title", "text")),),
                    related_label="the part's title",
                )
