"""No space pads a text or stands inside Chinese text, names and aliases included.

Chinese text has no spaces between words. The extraction inserts them around numerals (普陀区 2022 年), where a
title wraps, and inside table cells (王 珏, 区人力资源 保障局). The clean reading drops them; the table's
padding is rebuilt by rule, and other removed spaces are recorded as ``space`` edits. Any whitespace at the start
or end of a text, and any whitespace next to a Chinese character, is reported:
``space inside Chinese text at character 2: '王 珏'``. Delete the space (and record a ``space`` edit if the
source prints it). Spaces between Latin words or numbers are not reported.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..context import CheckContext
from ..diagnostics import Diagnostic, Severity
from ..text_classes import next_to_cjk
from .text_hygiene import Problem, text_findings

CODE = "AW605"
NAME = "stray-space"
SEVERITY = Severity.ERROR
SUMMARY = "No whitespace pads a text or stands next to a Chinese character."

_WHITESPACE = re.compile(r"\s+")


def problems(text: str) -> Iterator[Problem]:
    for match in _WHITESPACE.finditer(text):
        start, end = match.span()
        if start == 0 or end == len(text):
            yield start, end, "padding whitespace"
        elif next_to_cjk(text, start, end):
            yield start, end, "whitespace inside Chinese text"


def check(ctx: CheckContext) -> Iterator[Diagnostic]:
    yield from text_findings(ctx, problems, "delete it; record a 'space' edit if the source prints it")
