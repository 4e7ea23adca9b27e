"""Titles and measure texts do not carry their own numbering label: the label is rebuilt from ``number``.

A part is printed 一、提高政治站位…, a section （一）压实各级领导责任, a category row 一、提高政治站位…（小计 4 项）
and a measure 1. 将安全生产…; the corpus keeps the label in ``number`` and the bare title or text, and puts the
label back when it rebuilds the printed form. A title that starts with a label of its own would be printed twice
(一、一、…) and its printed form would not be found in the source. Example of a finding:
``section 1's title starts with the label '（一）'``. Delete the label from the title; ``number`` already says it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from ..context import CheckContext
from ..corpus import SourceFile
from ..diagnostics import Diagnostic, Severity, YamlPath
from ..models.source import iter_measures

CODE = "AW204"
NAME = "title-numeral"
SEVERITY = Severity.ERROR
SUMMARY = "No part, section or category title and no measure text starts with a numbering label."

_NUMERAL = "[一二三四五六七八九十百〇零]+"
_LABEL = re.compile(
    rf"^\s*(（{_NUMERAL}）|\({_NUMERAL}\)|{_NUMERAL}[、.．]|（[0-9]+）|\([0-9]+\)|[0-9]+[、.．](?![0-9]))"
)


def _labelled(ctx: CheckContext, file: SourceFile[Any], path: YamlPath, what: str, text: str) -> Iterator[Diagnostic]:
    match = _LABEL.match(text)
    if match:
        yield ctx.finding(
            file,
            path,
            f"{what} starts with the label {match.group(1)!r}",
            hint="delete the label: it is rebuilt from the entry's number",
        )


def check(ctx: CheckContext) -> Iterator[Diagnostic]:
    for notice in ctx.notices:
        body, attachment = notice.body.model, notice.attachment.model
        if body is not None:
            for p, part in enumerate(body.parts):
                yield from _labelled(
                    ctx, notice.body, ("parts", p, "title", "text"), f"part {part.number}'s title", part.title.text
                )
                for s, section in enumerate(part.sections):
                    yield from _labelled(
                        ctx,
                        notice.body,
                        ("parts", p, "sections", s, "title", "text"),
                        f"section {section.number}'s title",
                        section.title.text,
                    )
            for at in iter_measures(body):
                yield from _labelled(
                    ctx, notice.body, at.path + ("text",), f"measure {at.measure.number}'s text", at.measure.text
                )
        if attachment is not None:
            for c, category in enumerate(attachment.categories):
                yield from _labelled(
                    ctx,
                    notice.attachment,
                    ("categories", c, "title", "text"),
                    f"category {category.number}'s title",
                    category.title.text,
                )
