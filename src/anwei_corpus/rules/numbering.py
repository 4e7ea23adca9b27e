"""Parts, sections, measures, categories and tasks are numbered whole, unique and in order.

Parts and categories count from 1 within a notice; sections and measures are numbered continuously across
parts, as the notice prints them (（一）…（十七）, 1…50); tasks count from 1 through the whole table.

Where the source's own numbering departs from that (a number skipped or printed twice), the entity records it
with ``misnumbered``, as texts record their departures with ``edits``: kind ``doubt`` keeps the printed number
and lets the sequence go on from it, kind ``typo`` gives the printed number in ``printed`` and has ``number``
follow the sequence. Either way the numbers stay unique and increasing; a ``doubt`` record where nothing is
skipped, and a ``typo`` record whose printed number is the number itself, are reported as stale.

Example of a finding: measure 12 followed by measure 14 reports "expected measure 13, found 14" at the number
of the second one. Fix the number, restore the missing entry, or record the source's skip with ``misnumbered``.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from ..context import CheckContext
from ..corpus import SourceFile
from ..diagnostics import Diagnostic, Severity
from ..models.source import NumberedAt, attachment_sequences, body_sequences

CODE = "AW201"
NAME = "numbering"
SEVERITY = Severity.ERROR
SUMMARY = "Entities are numbered 1, 2, 3 … without gaps, repeats or disorder, or the departure is recorded."

WHERE_RECORDED = "(docs/maintainers.md, Editorial conventions)"


def _record_hint(what: str, expected: int, found: int) -> str:
    """How to record the departure, if the source itself prints the number so."""
    if found > expected:
        record = f"if the source itself skips {what} {expected}, add misnumbered: {{kind: doubt, note: …}}"
    else:
        record = (
            f"if the source prints {found} here by mistake, set number: {expected} and add "
            f"misnumbered: {{kind: typo, printed: {found}, note: …}}"
        )
    return f"{what}s are numbered 1, 2, 3 … in the order they are printed; {record} {WHERE_RECORDED}"


def _sequence(
    ctx: CheckContext, file: SourceFile[Any], what: str, numbered: Sequence[NumberedAt]
) -> Iterator[Diagnostic]:
    previous = 0
    for path, entity in numbered:
        expected, record = previous + 1, entity.misnumbered
        if record is not None and record.printed == entity.number:
            yield ctx.finding(
                file,
                path + ("misnumbered", "printed"),
                f"{what} {entity.number}: the misnumbered record gives the number itself as the printed one",
                hint="the source prints the number as it is: delete the misnumbered record",
            )
        elif record is not None and record.kind == "doubt" and entity.number == expected:
            yield ctx.finding(
                file,
                path + ("misnumbered",),
                f"{what} {entity.number} follows {what} {previous} with no number skipped, "
                "but a misnumbered record of kind doubt says the source skips one here",
                hint="remove the misnumbered record, or set number to the number the source prints",
            )
        elif entity.number != expected and (record is None or record.kind == "typo" or entity.number < expected):
            # a typo record keeps the sequence's number (the source's is in printed); only a doubt skips ahead
            hint = (
                f"a typo record keeps the number of the sequence: set number: {expected}"
                if record is not None and record.kind == "typo"
                else _record_hint(what, expected, entity.number)
            )
            yield ctx.finding(file, path + ("number",), f"expected {what} {expected}, found {entity.number}", hint=hint)
            return  # one finding per sequence: the rest follows from the first
        previous = entity.number


def check(ctx: CheckContext) -> Iterator[Diagnostic]:
    for notice in ctx.notices:
        if notice.body.model is not None:
            for what, sequence in body_sequences(notice.body.model).items():
                yield from _sequence(ctx, notice.body, what, sequence)
        if notice.attachment.model is not None:
            for what, sequence in attachment_sequences(notice.attachment.model).items():
                yield from _sequence(ctx, notice.attachment, what, sequence)
