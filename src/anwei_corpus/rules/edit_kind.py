"""An editorial record's kind fits what it changes, where that can be checked.

Each ``kind`` describes one sort of departure from the print, and for most the change itself shows which:

- ``bold-mark``: ``printed`` is ``reading`` with ``**`` marks added;
- ``space``: ``printed`` and ``reading`` differ only in spaces;
- ``break``: ``printed`` holds the line break the record undoes;
- ``doubled``: ``printed`` holds the line break, and is the reading with one character printed twice across it;
- ``punctuation``: the two differ only in punctuation marks, character for character;
- ``stray-latin``: ``printed`` holds an English word.

(``typo`` and ``doubt`` cannot be told from their content.) Example of a finding:
``edit of kind 'space' does not fit its change '区人社局)' → '区人社局）': printed and reading should differ
only in spaces``. Give the record the kind that
says what happened (here ``punctuation``), or split it into one record per change.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterator

from ..context import CheckContext
from ..diagnostics import Diagnostic, Severity
from ..models.common import Edit, EditKind

CODE = "AW706"
NAME = "edit-kind"
SEVERITY = Severity.ERROR
SUMMARY = "An edit's kind fits its printed and reading forms (bold-mark, space, break, punctuation, …)."


def _without_whitespace(text: str) -> str:
    return re.sub(r"\s", "", text)


def _only_punctuation_differs(edit: Edit) -> bool:
    pairs = [(a, b) for a, b in zip(edit.printed, edit.reading, strict=False) if a != b]
    return len(edit.printed) == len(edit.reading) and all(
        unicodedata.category(a).startswith("P") and unicodedata.category(b).startswith("P") for a, b in pairs
    )


def _one_character_doubled(edit: Edit) -> bool:
    """Whether the printed form, spaces and line breaks aside, is the reading with one character printed twice."""
    printed, reading = _without_whitespace(edit.printed), _without_whitespace(edit.reading)
    return len(printed) == len(reading) + 1 and any(
        printed[at] == printed[at + 1] and printed[:at] + printed[at + 1 :] == reading for at in range(len(printed) - 1)
    )


# kind → (does the edit fit it, what the kind requires)
_FITS: dict[EditKind, tuple[Callable[[Edit], bool], str]] = {
    "bold-mark": (
        lambda e: "**" in e.printed and e.printed.replace("**", "") == e.reading,
        "printed should be the reading with ** marks added",
    ),
    "space": (
        lambda e: _without_whitespace(e.printed) == _without_whitespace(e.reading),
        "printed and reading should differ only in spaces",
    ),
    "break": (lambda e: "\n" in e.printed, "printed should hold the line break"),
    "doubled": (
        lambda e: "\n" in e.printed and _one_character_doubled(e),
        "printed should hold the line break the character is doubled across, and the reading that character once",
    ),
    "punctuation": (_only_punctuation_differs, "printed and reading should differ only in punctuation marks"),
    "stray-latin": (lambda e: re.search(r"[A-Za-z]{2,}", e.printed) is not None, "printed should hold an English word"),
}


def check(ctx: CheckContext) -> Iterator[Diagnostic]:
    for item in ctx.clean_texts:
        for index, edit in enumerate(item.edits):
            if edit.kind not in _FITS:
                continue
            fits, requirement = _FITS[edit.kind]
            if not fits(edit):
                yield ctx.finding(
                    item.file,
                    item.edit_path(index) + ("kind",),
                    f"edit of kind {edit.kind!r} does not fit its change {edit.printed!r} → {edit.reading!r}: "
                    f"{requirement}",
                    hint="give the record the kind that says what happened, or split it into one record per change",
                )
