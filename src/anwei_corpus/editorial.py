"""Turning a clean reading back into its printed form, and measuring how much of the source the corpus covers."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from itertools import pairwise
from typing import NamedTuple, Protocol, TypeVar

from .models.common import Edit


class EditNotApplicable(ValueError):
    """An edit's reading does not stand in the text where the edit says it does."""

    def __init__(self, index: int, message: str):
        super().__init__(message)
        self.index = index


def find_occurrence(text: str, needle: str, occurrence: int) -> int:
    """Index of the ``occurrence``-th appearance (1-based) of ``needle`` in ``text``, or -1."""
    index = -1
    for _ in range(occurrence):
        index = text.find(needle, index + 1)
        if index == -1:
            return -1
    return index


class Placed(Protocol):
    """An edit as far as placing it goes: its reading, which appearance of it, and what was printed."""

    @property
    def reading(self) -> str: ...
    @property
    def occurrence(self) -> int: ...
    @property
    def printed(self) -> str: ...


EditT = TypeVar("EditT", bound=Placed)


def edit_spans(text: str, edits: Sequence[EditT]) -> list[tuple[int, int, EditT]]:
    """Where each edit's reading stands in ``text``, as (start, end, edit) in text order.

    Raises EditNotApplicable when an edit's reading is not in the text or two edits overlap.
    """
    spans: list[tuple[int, int, int]] = []
    for index, edit in enumerate(edits):
        start = find_occurrence(text, edit.reading, edit.occurrence)
        if start == -1:
            raise EditNotApplicable(
                index, f"reading {edit.reading!r} (occurrence {edit.occurrence}) is not in the text"
            )
        spans.append((start, start + len(edit.reading), index))
    spans.sort()
    for (_, end, _), (start, _, index) in pairwise(spans):
        if start < end:
            raise EditNotApplicable(index, "edit overlaps another edit of the same text")
    return [(start, end, edits[index]) for start, end, index in spans]


def segments(text: str, edits: Sequence[EditT]) -> list[str | EditT]:
    """The text cut at its edits: plain stretches as strings, each edited reading as its edit, in order."""
    pieces: list[str | EditT] = []
    cursor = 0
    for start, end, edit in edit_spans(text, edits):
        if start > cursor:
            pieces.append(text[cursor:start])
        pieces.append(edit)
        cursor = end
    if cursor < len(text):
        pieces.append(text[cursor:])
    return pieces


def printed_form(text: str, edits: Sequence[Edit]) -> str:
    """Rebuild what the source prints from the reading and its edits.

    Raises EditNotApplicable when an edit's reading is not in the text or two edits overlap.
    """
    return "".join(piece if isinstance(piece, str) else piece.printed for piece in segments(text, edits))


class Coverage(NamedTuple):
    """How much of the source text the corpus accounts for, counting non-whitespace characters."""

    covered: int
    total: int
    uncovered_runs: tuple[tuple[int, str], ...]  # (line, text) of each uncovered stretch

    @property
    def share(self) -> float:
        return self.covered / self.total if self.total else 1.0


_NON_SPACE = re.compile(r"\S+")  # \s is exactly str.isspace


def coverage(source: str, found_spans: Iterable[tuple[int, int]]) -> Coverage:
    """Mark the spans the corpus was found at and report what is left."""
    marked = bytearray(len(source))
    for start, end in found_spans:
        marked[start:end] = b"\x01" * (end - start)
    covered = total = 0
    runs: list[tuple[int, str]] = []
    run_start = None
    # Whole stretches of non-whitespace are counted at once; only one that is partly covered goes by character.
    for word in _NON_SPACE.finditer(source):
        start, end = word.span()
        marks = marked[start:end].count(1)
        total += end - start
        covered += marks
        if marks == end - start:
            if run_start is not None:
                runs.append(_run(source, run_start, start))
                run_start = None
        elif marks == 0:
            if run_start is None:
                run_start = start
        else:
            for index in range(start, end):
                if marked[index]:
                    if run_start is not None:
                        runs.append(_run(source, run_start, index))
                        run_start = None
                elif run_start is None:
                    run_start = index
    if run_start is not None:
        runs.append(_run(source, run_start, len(source)))
    return Coverage(covered, total, tuple(runs))


def _run(source: str, start: int, end: int) -> tuple[int, str]:
    return source.count("\n", 0, start) + 1, source[start:end].strip()
