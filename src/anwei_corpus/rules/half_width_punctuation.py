"""Chinese text uses full-width punctuation: no half-width , ; : ? ! ( ) next to a Chinese character.

The source's PDF extraction sometimes turns a full-width mark into its ASCII twin, as in 区民防办) closing a unit
list. The clean reading uses the full-width mark (，；：？！（）) and records the change as a ``punctuation`` edit.
Example of a finding: ``half-width ')' next to Chinese text at character 212: '…区民防办)'``. Fix it with the
full-width mark. Only when the source itself prints the half-width mark, record the change too:
``{kind: punctuation, printed: 区民防办), reading: 区民防办）}``; a half-width mark typed by mistake needs no
record (one would not be found in the source, AW701). Marks inside
Latin or numeric runs (``1+2+7+N``, ``2021-2023``) are not Chinese text and are left alone; a text that keeps the
half-width mark on purpose records it with a ``doubt`` edit whose reading includes the mark.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..context import CheckContext
from ..diagnostics import Diagnostic, Severity
from ..text_classes import next_to_cjk
from .text_hygiene import Problem, text_findings

CODE = "AW601"
NAME = "half-width-punctuation"
SEVERITY = Severity.ERROR
SUMMARY = "No half-width , ; : ? ! ( ) stands next to a Chinese character."

_HALF_WIDTH = re.compile(r"[,;:?!()]")
_FULL_WIDTH = str.maketrans(",;:?!()", "，；：？！（）")


def problems(text: str) -> Iterator[Problem]:
    for match in _HALF_WIDTH.finditer(text):
        if next_to_cjk(text, match.start(), match.end()):
            mark = match.group()
            full_width = mark.translate(_FULL_WIDTH)
            yield match.start(), match.end(), f"half-width {mark!r} next to Chinese text (use {full_width!r})"


def check(ctx: CheckContext) -> Iterator[Diagnostic]:
    yield from text_findings(
        ctx,
        problems,
        "use the full-width mark; only if the source itself prints the half-width "
        "mark, keep the full-width one in the text and record a 'punctuation' edit",
    )
