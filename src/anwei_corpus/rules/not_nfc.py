"""Texts are in Unicode Normalization Form C.

The same character can be encoded in more than one way: a CJK compatibility ideograph (U+F900–U+FAFF) looks
like its unified twin, and an accented letter can be one code point or two. Only NFC texts compare and search
reliably. The first character that NFC would change is reported:
``U+F9B5 (CJK COMPATIBILITY IDEOGRAPH-F9B5) changes under NFC at character 3``. Replace the text by its NFC form
(``unicodedata.normalize("NFC", text)`` in Python; most editors offer it too).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator

from ..context import CheckContext
from ..diagnostics import Diagnostic, Severity
from .text_hygiene import Problem, text_findings

CODE = "AW604"
NAME = "not-nfc"
SEVERITY = Severity.ERROR
SUMMARY = "Every text is in Unicode NFC."


def problems(text: str) -> Iterator[Problem]:
    if unicodedata.is_normalized("NFC", text):
        return
    for index, char in enumerate(text):
        # a character changes alone (a compatibility ideograph) or together with the one before (a combining mark)
        if not unicodedata.is_normalized("NFC", text[max(0, index - 1) : index + 1]):
            name = unicodedata.name(char, "unnamed")
            yield index, index + 1, f"U+{ord(char):04X} ({name}) changes under NFC"
            return


def check(ctx: CheckContext) -> Iterator[Diagnostic]:
    yield from text_findings(ctx, problems, "replace the text by its NFC form")
