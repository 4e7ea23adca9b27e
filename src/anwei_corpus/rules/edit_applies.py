"""Every editorial record applies to its text: its reading stands there, and no two records overlap.

An edit says "the source prints P where the corpus reads R". Rebuilding the printed form puts P back at the
``occurrence``-th appearance of R in the text. If the text was changed so that R no longer appears (or appears
fewer times), the record is stale.

Example of a finding: ``editorial record does not apply: reading '巡察谈活' (occurrence 1) is not in the
text``, at the record's ``reading``. The hint shows the stretch of the text most like the reading (``the text
has '巡察谈话' here; the record reads '巡察谈活'``): correct the reading when it is mistyped; when you corrected
the text, update the record to match (its ``reading``, and ``kind: typo`` if the change corrects the source); when
the text is back to what the source prints, remove the record.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator

from ..context import CheckContext
from ..diagnostics import Diagnostic, Severity
from ..editorial import find_occurrence
from ..models.common import Edit

CODE = "AW702"
NAME = "edit-applies"
SEVERITY = Severity.ERROR
SUMMARY = "Each editorial record's reading stands in its text, without overlapping another."

_LEAST_LIKENESS = 0.5  # below this, no stretch of the text is worth showing as the one meant


def closest_stretch(text: str, reading: str) -> str | None:
    """The stretch of ``text`` as long as ``reading`` that is most like it, or None when none is much alike.

    Likeness is difflib's ratio; between equally like stretches, the one with more characters in the same places
    wins ('巡察谈话' over '、巡察谈' for '巡察谈活').
    """
    matcher = difflib.SequenceMatcher(autojunk=False)
    matcher.set_seq2(reading)
    best, best_key = None, (_LEAST_LIKENESS, -1)
    for start in range(max(1, len(text) - len(reading) + 1)):
        stretch = text[start : start + len(reading)]
        matcher.set_seq1(stretch)
        key = (matcher.ratio(), sum(a == b for a, b in zip(stretch, reading, strict=False)))
        if key > best_key:
            best, best_key = stretch, key
    return best


def _appearances(text: str, reading: str) -> int:
    count = 0
    while find_occurrence(text, reading, count + 1) != -1:
        count += 1
    return count


def _hint(text: str, edit: Edit) -> str:
    """What to do about a record whose reading does not stand in the text where it says."""
    appearances = _appearances(text, edit.reading)
    if appearances:
        return f"{edit.reading!r} stands {appearances} time(s) in the text: correct occurrence"
    stretch = closest_stretch(text, edit.reading)
    if stretch is None:
        return "update reading (and occurrence) to what the text holds, or remove the record if the departure is gone"
    if stretch == edit.printed:
        return f"the text has {stretch!r} here, as the source prints it: remove the record if the departure is gone"
    advice = "" if edit.kind == "doubt" else "correct the reading if it is mistyped; "
    return (
        f"the text has {stretch!r} here; the record reads {edit.reading!r}: {advice}if you corrected the text, "
        "update the record (reading, and kind: typo if it corrects the source)"
    )


def check(ctx: CheckContext) -> Iterator[Diagnostic]:
    for notice in ctx.notices:
        for broken in ctx.provenance(notice).broken:
            edit = broken.edit
            missing = find_occurrence(broken.text, edit.reading, edit.occurrence) == -1
            yield ctx.finding(
                broken.file,
                broken.path + ("reading",),
                f"editorial record does not apply: {broken.message}",
                hint=_hint(broken.text, edit) if missing else None,
            )
