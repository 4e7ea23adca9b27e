"""Breaking Chinese text into lines of a given display width, as Chinese typesetting does.

A line may break between any two Chinese characters, and at a space between words of other scripts, with three
exceptions: no line starts with closing punctuation (》）」』”’、，。；：！？ …), no line ends with opening
punctuation (《（「『“‘ …), and a single space between two Chinese characters is padding inside a name (王 珏,
区人力资源 保障局), so the name stays on one line. A run that cannot be broken and is wider than the line is cut
where it must be. Nothing is lost but the spaces a line breaks at; newlines in the text start new lines.

``width_of`` measures a string in terminal cells; the default counts wide and full-width characters as two. A
caller that lays text out with another measure (rich's ``cell_len``) passes it, so both agree.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterator

# Marks that close what comes before them: never the first character of a line.
CLOSING = "》）」』”’、，。；：！？〕】〉〗〙｝］…‥·%),.;:!?]}"
# Marks that open what comes after them: never the last character of a line.
OPENING = "《（「『“‘〔【〈〖〘｛［([{"


def display_width(text: str) -> int:
    """Terminal cells of ``text``: two for a wide or full-width character, none for a combining mark."""
    cells = 0
    for char in text:
        if unicodedata.combining(char):
            continue
        cells += 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1
    return cells


def _wide(char: str) -> bool:
    return unicodedata.east_asian_width(char) in ("W", "F")


def _may_break(before: str, after: str) -> bool:
    """Whether a line may break between two adjacent characters, neither of them a space."""
    if after in CLOSING or before in OPENING:
        return False
    return _wide(before) or _wide(after)  # two characters of other scripts make one word


def _is_padding(text: str, start: int, end: int) -> bool:
    """Whether the spaces text[start:end] are the one padding space between two Chinese characters."""
    return end - start == 1 and start > 0 and end < len(text) and _wide(text[start - 1]) and _wide(text[end])


def tokens(text: str) -> Iterator[str]:
    """The unbreakable runs of one line of ``text``, and the runs of spaces a line may break at, in order."""
    run_start, index = 0, 0
    while index < len(text):
        if text[index].isspace():
            end = index
            while end < len(text) and text[end].isspace():
                end += 1
            if (
                _is_padding(text, index, end)
                or (index > 0 and text[index - 1] in OPENING)
                or (end < len(text) and text[end] in CLOSING)
            ):
                index = end  # padding, or a space inside punctuation: part of the run
                continue
            if index > run_start:
                yield text[run_start:index]
            yield text[index:end]
            run_start = index = end
            continue
        if index > run_start and not text[index - 1].isspace() and _may_break(text[index - 1], text[index]):
            yield text[run_start:index]
            run_start = index
        index += 1
    if run_start < len(text):
        yield text[run_start:]


def _cut(run: str, width: int, width_of: Callable[[str], int]) -> list[str]:
    """A run wider than ``width`` cut into pieces that fit (a single character wider than the line stays whole)."""
    pieces, piece = [], ""
    for char in run:
        if piece and width_of(piece + char) > width:
            pieces.append(piece)
            piece = ""
        piece += char
    return [*pieces, piece]


def break_lines(text: str, width: int, width_of: Callable[[str], int] = display_width) -> list[str]:
    """``text`` as lines no wider than ``width`` cells (see the module's description); at least one line."""
    width = max(width, 1)
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line, space = "", ""
        for token in tokens(paragraph):
            if token.isspace():
                space = token if line else ""
                continue
            if not line or width_of(line + space + token) <= width:
                line += space + token
            else:
                lines.append(line)
                line = token
            space = ""
            if width_of(line) > width:
                *full, line = _cut(line, width, width_of)
                lines += full
        lines.append(line)
    return lines


def widest_run(text: str, width_of: Callable[[str], int] = display_width) -> int:
    """The width of the widest run of ``text`` that no line may break inside: the narrowest useful line."""
    return max((width_of(token) for token in tokens(text) if not token.isspace()), default=0)
