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
