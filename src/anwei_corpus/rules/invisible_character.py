"""No invisible character hides in a text: zero-width spaces and joiners, BOMs, no-break and other odd spaces.

Characters such as U+200B ZERO WIDTH SPACE, U+200E LEFT-TO-RIGHT MARK, U+2060 WORD JOINER, U+FEFF (a BOM inside
a text) and U+00A0 NO-BREAK SPACE come in through copy and paste. They are invisible in an editor, yet they make
two equal-looking names different and break searches. Every format character (Unicode category Cf), every
space separator other than the ordinary and the ideographic space, and every character that draws nothing
although Unicode counts it as a letter or a mark (U+3164 HANGUL FILLER, U+2800 BRAILLE PATTERN BLANK, the
variation selectors U+FE00–U+FE0F) is reported, spelled out:
``invisible character U+200B (ZERO WIDTH SPACE) at character 5: '区应急<U+200B>局'``. Delete it.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator

from ..context import CheckContext
from ..diagnostics import Diagnostic, Severity
from ..text_classes import BLANK_LOOKING
from .text_hygiene import Problem, text_findings

CODE = "AW603"
NAME = "invisible-character"
SEVERITY = Severity.ERROR
SUMMARY = "No zero-width, format or unusual space character stands in a text."

_VISIBLE_SPACES = {" ", "\u3000"}


def problems(text: str) -> Iterator[Problem]:
    # Python counts format characters and every space but U+0020 as unprintable, but not the blank-looking ones
    if text.isprintable() and BLANK_LOOKING.search(text) is None:
        return
    for index, char in enumerate(text):
        category = unicodedata.category(char)
        if category == "Cf" or (category == "Zs" and char not in _VISIBLE_SPACES) or BLANK_LOOKING.match(char):
            name = unicodedata.name(char, "unnamed")
            yield index, index + 1, f"invisible character U+{ord(char):04X} ({name})"


def check(ctx: CheckContext) -> Iterator[Diagnostic]:
    yield from text_findings(ctx, problems, "delete the character")
