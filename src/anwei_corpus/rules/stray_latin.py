"""No English word stands inside the Chinese text.

The printed notice has English words inside Chinese sentences (应急管理 etc 制度, 共性问题 and 突出隐患),
probably left over from a translation tool. The clean reading replaces them (等, 和) and records a
``stray-latin`` edit. A run of two or more ASCII letters that is not all capitals is reported:
``English word 'etc' inside Chinese text at character 118: '…应急管理etc制度…'``. Fix it as described, or, if the
word is truly printed and meant, keep it with a ``doubt`` edit. Capitalised abbreviations (GDP, PM) and single
letters in formulas such as 1+2+7+N are legitimate and not reported, and so is a text without any Chinese.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..context import CheckContext
from ..diagnostics import Diagnostic, Severity
from ..text_classes import CJK_CHAR
from .text_hygiene import Problem, text_findings

CODE = "AW602"
NAME = "stray-latin"
SEVERITY = Severity.ERROR
SUMMARY = "No English word (two or more ASCII letters, not all capitals) stands in Chinese text."

_LETTERS = re.compile(r"[A-Za-z]{2,}")


def problems(text: str) -> Iterator[Problem]:
    if not CJK_CHAR.search(text):
        return  # not Chinese text
    for match in _LETTERS.finditer(text):
        if not match.group().isupper():
            yield match.start(), match.end(), f"English word {match.group()!r} inside Chinese text"


def check(ctx: CheckContext) -> Iterator[Diagnostic]:
    yield from text_findings(ctx, problems, "read it in Chinese and record a 'stray-latin' edit")
