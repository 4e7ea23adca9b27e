"""Character classes the text rules share."""

from __future__ import annotations

import re

# Han ideographs, CJK symbols and punctuation, and full-width forms: the characters of Chinese text.
CJK = "\u2e80-\u2fff\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef"
CJK_CHAR = re.compile(f"[{CJK}]")


def is_cjk(char: str) -> bool:
    return bool(CJK_CHAR.fullmatch(char))


def next_to_cjk(text: str, start: int, end: int) -> bool:
    """Whether the characters just before ``start`` or just after ``end`` are Chinese."""
    return (start > 0 and is_cjk(text[start - 1])) or (end < len(text) and is_cjk(text[end]))


# Letters and marks that draw nothing although Unicode does not class them as spaces or format characters: the
# Hangul fillers, the blank Braille pattern, the Khmer inherent vowels, the combining grapheme joiner, and the
# variation selectors (which only choose a glyph for the character before them and are invisible on their own).
# Pasted into a name they make two equal-looking names differ.
BLANK_LOOKING = re.compile(
    "[\u034f\u115f\u1160\u17b4\u17b5\u180b-\u180d\u180f\u2800\u3164\ufe00-\ufe0f\uffa0\U0001d159\U000e0100-\U000e01ef]"
)
