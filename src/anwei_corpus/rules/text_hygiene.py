"""The driver of the text-hygiene rules: run a rule's problem finder over every clean text of the corpus.

What counts as a clean text is gathered in clean_texts.py. A problem inside the reading of an editorial record
(an ``edits`` entry) of its text is accounted for, and not reported.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import replace

from ..clean_texts import CleanText
from ..context import CheckContext
from ..diagnostics import Diagnostic, Location
from ..editorial import find_occurrence
from ..models.common import Edit
from ..text_classes import BLANK_LOOKING

# A problem a rule sees in a text: its start and end offset and what it is.
Problem = tuple[int, int, str]


def _recorded_spans(text: str, edits: Sequence[Edit]) -> list[tuple[int, int]]:
    spans = []
    for edit in edits:
        start = find_occurrence(text, edit.reading, edit.occurrence)
        if start != -1:
            spans.append((start, start + len(edit.reading)))
    return spans


def _spelled_out(char: str) -> bool:
    """Whether a character would not show as itself in a message: invisible, blank, or a mark on its neighbour."""
    if char == " ":
        return False
    return (
        not char.isprintable()
        or unicodedata.category(char) in ("Cf", "Zs", "Mn", "Mc", "Me")
        or BLANK_LOOKING.match(char) is not None
    )


def spelled_out(text: str) -> str:
    """The text with every character that would not show as itself written as its code point (<U+3164>)."""
    return "".join(f"<U+{ord(char):04X}>" if _spelled_out(char) else char for char in text)


def excerpt(text: str, start: int, end: int, context: int = 6) -> str:
    """The problem with a little of the text around it, invisible characters spelled out."""
    shown = spelled_out(text[max(0, start - context) : end + context])
    return ("…" if start > context else "") + shown + ("…" if end + context < len(text) else "")


def column_of(item: CleanText, location: Location, offset: int) -> Location:
    """Point at the problem itself when the text stands on one line as written (plain or quoted)."""
    document = item.file.document
    if document is None or location.line is None or location.column is None or location.key:
        return location
    line = document.lines[location.line - 1]
    for skip in (0, 1):  # a plain scalar starts at the column, a quoted one after its quote
        start = location.column - 1 + skip
        if line[start : start + len(item.text)] == item.text:
            return replace(location, column=start + offset + 1)
    return location


def text_findings(
    ctx: CheckContext, problems: Callable[[str], Iterable[Problem]], hint: str, names_only: bool = False
) -> Iterator[Diagnostic]:
    """Run ``problems`` over every clean text; report each problem no editorial record of that text accounts for.

    An edit accounts for a problem when the problem lies inside the edit's reading: the reading keeps what the
    source prints there, and the record says so. With ``names_only``, only the registries' names and aliases
    are read.
    """
    for item in ctx.clean_texts:
        if names_only and not item.is_name:
            continue
        recorded = None
        for start, end, what in problems(item.text):
            recorded = _recorded_spans(item.text, item.edits) if recorded is None else recorded
            if any(low <= start and end <= high for low, high in recorded):
                continue
            finding = ctx.finding(
                item.file, item.path, f"{what} at character {start + 1}: {excerpt(item.text, start, end)!r}", hint=hint
            )
            yield finding.at(column_of(item, finding.location, start))
