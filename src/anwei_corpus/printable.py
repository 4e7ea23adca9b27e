"""Text as it may be shown on a terminal or in a report: nothing in it can move the cursor, clear the screen, set a
window title, reorder what follows or break a line.

C0 controls become their Unicode pictures (ESC is ␛, a line feed ␊), DEL becomes ␡, and C1 controls, the line and
paragraph separators, bidirectional controls, lone surrogates and non-characters become U+FFFD. Everything else,
Chinese text included, passes unchanged.
"""

from __future__ import annotations

import re

_REPLACED = re.compile("[\x80-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff]")
_PICTURES = {code: 0x2400 + code for code in range(0x20)} | {0x7F: 0x2421}


def printable(text: str) -> str:
    """``text`` with every character that could drive a terminal or break a line shown as a visible symbol."""
    shown = text.translate(_PICTURES)
    return _REPLACED.sub("\N{REPLACEMENT CHARACTER}", shown) if not shown.isascii() else shown
