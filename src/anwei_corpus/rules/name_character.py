"""A registry name or alias holds no combining mark.

The names and aliases of the unit and people registries are the keys every unit list and leader cell resolves
through. A combining mark (Unicode category M: an accent, an enclosing circle, a dot below) pasted after a
character changes the name without changing much on screen, so ``区应急局`` followed by U+0301 no longer
matches the printed name, and NFC does not remove it. No name printed in a Chinese notice needs one. The first
mark of each name is reported, spelled out: ``combining mark U+0301 (COMBINING ACUTE ACCENT) at character 5``.
Delete it. Variation selectors and other marks that draw nothing are reported by AW603 instead.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator

from ..context import CheckContext
from ..diagnostics import Diagnostic, Severity
from ..text_classes import BLANK_LOOKING
from .text_hygiene import Problem, text_findings

CODE = "AW607"
NAME = "name-character"
SEVERITY = Severity.ERROR
SUMMARY = "No registry name or alias holds a combining mark."


def problems(text: str) -> Iterator[Problem]:
    for index, char in enumerate(text):
        if unicodedata.category(char).startswith("M") and BLANK_LOOKING.match(char) is None:
            name = unicodedata.name(char, "unnamed")
            yield index, index + 1, f"combining mark U+{ord(char):04X} ({name})"
            return


def check(ctx: CheckContext) -> Iterator[Diagnostic]:
    yield from text_findings(ctx, problems, "delete the mark: names are spelled as printed", names_only=True)
