"""Chinese text broken into lines of a display width, where Chinese typesetting lets a line break.

A line may break between any two Chinese characters, and at a space beside Latin letters or digits, except that

- no line starts with a closing mark (。，、；：？！ a closing bracket or quote, ……, ——): the mark goes down with
  the character before it;
- no line ends with an opening mark (（《“ …): the mark goes down with the character after it;
- a space between two Chinese characters, the padding of a two-character name (王 珏) or a name the extraction
  broke (区人力资源 保障局), is never where a line breaks, and the characters either side of it stay together;
- a run of Latin letters, digits and their signs (AW301, 2022, 1.5%, etc) stays whole.

Chinese characters and full-width marks take two columns. A piece wider than the line (a long address) is cut by
character, and a line break in the text is kept.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable

# Marks a line may not start with, and marks a line may not end with (the rules of Chinese typesetting, with the
# half-width forms that appear in Chinese text).
CLOSING = "，。、；：？！）》〉」』】〕〗〙〛”’…—～·%‰,.;:!?)]}"
OPENING = "（《〈「『【〔〖〘〚“‘([{"


def display_width(text: str) -> int:
    """Columns a terminal gives the text: CJK and full-width characters two, combining and format characters none."""
    return sum(_char_width(char) for char in text)


def _char_width(char: str) -> int:
    if unicodedata.category(char) in ("Mn", "Me", "Cf"):
        return 0
    return 2 if unicodedata.east_asian_width(char) in "WF" else 1


def _wide(char: str) -> bool:
    """A Chinese character (or another wide one), not a mark."""
    return len(char) == 1 and unicodedata.east_asian_width(char) in "WF" and char not in CLOSING + OPENING


def _letter(char: str) -> bool:
    """A character of a run of Latin letters, digits and signs, which no line break cuts."""
    return not char.isspace() and unicodedata.east_asian_width(char) not in "WF" and char not in "“”‘’…—"


def _joined(before: str, char: str) -> bool:
    """Whether ``char`` must stay on the line of ``before``, the character before it (a separating space aside)."""
    if char in CLOSING or before in OPENING:
        return True
    if char == " " or before == " ":
        return True  # the space of 王 珏 holds its neighbours (a separating space is never asked about)
    return _letter(before) and _letter(char)


def _pieces(paragraph: str) -> list[str]:
    """The paragraph as unbreakable pieces, separating spaces as pieces of their own (only spaces)."""
    pieces: list[str] = []
    for index, char in enumerate(paragraph):
        before = paragraph[index - 1] if index else ""
        after = paragraph[index + 1] if index + 1 < len(paragraph) else ""
        padding = char == " " and _wide(before) and _wide(after)
        if char.isspace() and not padding:
            if pieces and pieces[-1].isspace():
                pieces[-1] += char
            else:
                pieces.append(char)
        elif pieces and not pieces[-1].isspace() and (padding or _joined(before, char)):
            pieces[-1] += char
        else:
            pieces.append(char)
    return pieces


def _cut(piece: str, width: int, cells: Callable[[str], int]) -> list[str]:
    """A piece wider than the line, cut by character."""
    lines, line = [], ""
    for char in piece:
        if line and cells(line + char) > width:
            lines.append(line)
            line = ""
        line += char
    return [*lines, line]


def break_lines(text: str, width: int, cells: Callable[[str], int] = display_width) -> list[str]:
    """The lines ``text`` is set in, none wider than ``width`` columns (as ``cells`` counts them)."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line, space = "", ""
        for piece in _pieces(paragraph):
            if piece.isspace():
                space = piece if line else ""
                continue
            if cells(line + space + piece) <= width:
                line += space + piece
            else:
                if line:
                    lines.append(line)
                *full, line = _cut(piece, width, cells) if cells(piece) > width else [piece]
                lines.extend(full)
            space = ""
        lines.append(line)
    return lines


def widest_piece(text: str, cells: Callable[[str], int] = display_width) -> int:
    """The width of the widest piece no line break may cut: the narrowest a column can be without cutting one."""
    return max((cells(piece) for paragraph in text.split("\n") for piece in _pieces(paragraph)), default=0)
