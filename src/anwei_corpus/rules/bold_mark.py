"""No Markdown bold mark ``**`` is left in a text.

The text extraction marked bold passages with ``**`` (the unit lists of measures 7, 34 and 35). They are not
part of the notice: the clean reading drops them and records a ``bold-mark`` edit, e.g.
``{kind: bold-mark, printed: '**（区安委会各成员单位、各区属国企）**', reading: （区安委会各成员单位、各区属国企）}``.
Example of a finding: ``leftover bold mark '**' at character 160``. Delete the marks, and add the edit only
when the source prints them there: marks typed by mistake need no record.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..context import CheckContext
from ..diagnostics import Diagnostic, Severity
from .text_hygiene import Problem, text_findings

CODE = "AW606"
NAME = "bold-mark"
SEVERITY = Severity.ERROR
SUMMARY = "No leftover Markdown ** stands in a text."

_MARK = re.compile(r"\*\*")


def problems(text: str) -> Iterator[Problem]:
    for match in _MARK.finditer(text):
        yield match.start(), match.end(), "leftover bold mark '**'"


def check(ctx: CheckContext) -> Iterator[Diagnostic]:
    yield from text_findings(
        ctx, problems, "delete the marks; only if the source prints them, record a 'bold-mark' edit"
    )
