"""Every encoded text, turned back into its printed form, stands in the source text as whole lines.

The printed form is the clean reading with every editorial record undone, framed the way the source frames it:
a measure as ``12. <text>``, a section title as ``（五）<title>``, a task as its table row (cells separated by
tabs, two-character names padded to 王 珏). If it is not found, the reading departs from the source somewhere
without a record. The finding goes where the first difference is caused, and its hint can be followed as written:

- in the text: at the differing character, with both sides; if the corpus corrects the source there, add the
  record the hint spells out (``kind: typo, printed: '纳', reading: '列'``, with ``occurrence`` when the reading
  repeats); otherwise restore the printed text;
- inside an editorial record's printed form: at that record's ``printed``, with the text as related location and
  what the source prints there (``set printed: '应急管理 etc 制度'``);
- in a printed value, which no ``edits`` record can correct (a measure's or section's ``number``, a category's
  ``subtotal_printed``, the figures of the total line, the 发文字号): at that field, with the value the source
  prints (``set subtotal_printed: 3``).

Example of a finding: ``printed form not found in source.txt: '1. 将安全生产、消防安全列入领导干部…'…``, with
``first difference at character 11 of the text: corpus has '列入领导…', source has '纳入领导…'`` and the record
to add as the hint.

A task row is compared with the source row of the same number, cell by cell, and the finding points at the
first field that differs. Rows that name a leader or unit missing from the registries are left to AW301 and
AW302, and rows whose only differences are names that no source row prints are left to AW707, which reports
the name once, at the registry entry.
"""

from __future__ import annotations

import difflib
import string
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from functools import cached_property
from typing import Any, NamedTuple

from ..clean_texts import CleanText
from ..context import CheckContext
from ..corpus import NoticeSource, SourceFile
from ..diagnostics import Diagnostic, Severity, YamlPath
from ..editorial import find_occurrence, segments
from ..models.common import Edit, Passage
from ..numerals import NUMERAL_CHARACTERS, numeral_value
from ..provenance import (
    LEADER_CELLS,
    TASK_ROW_FIELDS,
    UNIT_CELLS,
    PrintedItem,
    PrintedValue,
    printed_number_at,
    source_task_rows,
)
from .text_hygiene import column_of

CODE = "AW701"
NAME = "printed-in-source"
SEVERITY = Severity.ERROR
SUMMARY = "The printed form rebuilt from each reading and its record is found in the source."

EXCERPT = 40  # characters of a printed form quoted in a message
WINDOW = 12  # characters shown on each side of a difference


@dataclass(frozen=True)
class Difference:
    """Where two texts first part, and the differing stretch on each side."""

    index: int
    ours: str
    theirs: str
    ours_window: str
    theirs_window: str


def first_difference(ours: str, theirs: str, floor: int = 0) -> Difference | None:
    """The first stretch where ``ours`` (the corpus) and ``theirs`` (the source) differ, or None when equal.

    An insertion or a deletion is shown with the character before it, or after it when it stands at ``floor`` (the
    start of the text, after its label) or before.
    """
    blocks = difflib.SequenceMatcher(None, ours, theirs, autojunk=False).get_opcodes()
    for tag, i1, i2, j1, j2 in blocks:
        if tag == "equal":
            continue
        if (i1 == i2 or j1 == j2) and i1 > floor and j1 > 0:
            i1, j1 = i1 - 1, j1 - 1
        elif i1 == i2 or j1 == j2:
            i2, j2 = min(i2 + 1, len(ours)), min(j2 + 1, len(theirs))
        return Difference(i1, ours[i1:i2], theirs[j1:j2], ours[i1 : i1 + WINDOW], theirs[j1 : j1 + WINDOW])
    return None


def quoted(text: str, limit: int = EXCERPT) -> str:
    """``text`` quoted, cut to ``limit`` characters with '…' only when something was cut."""
    return repr(text[:limit]) + ("…" if len(text) > limit else "")


def _closest_block(source: str, printed: str) -> str | None:
    """The run of source lines most like ``printed``: from the line closest to its first line, about as many lines."""
    lines = source.split("\n")
    first = printed.split("\n", 1)[0]
    close = difflib.get_close_matches(first, [line for line in lines if line.strip()], n=1, cutoff=0.5)
    if not close:
        return None
    start = lines.index(close[0])
    count = printed.count("\n") + 1
    blocks = ["\n".join(lines[start : start + n]) for n in range(max(1, count - 2), count + 3)]
    return max(blocks, key=lambda block: difflib.SequenceMatcher(None, printed, block, autojunk=False).ratio())


@dataclass(frozen=True)
class Alignment:
    """How the corpus's printed form (ours) lines up with the source (theirs)."""

    ours: str
    theirs: str

    @cached_property
    def opcodes(self) -> Sequence[tuple[str, int, int, int, int]]:
        return difflib.SequenceMatcher(None, self.ours, self.theirs, autojunk=False).get_opcodes()

    def theirs_at(self, index: int, *, start: bool) -> int:
        """Where ours' ``index`` falls in theirs: as the start of a stretch, or as its end (insertions left out)."""
        for tag, i1, i2, j1, j2 in self.opcodes:
            inside = i1 <= index < i2 if start else i1 < index <= i2
            if inside and tag == "equal":
                return j1 + index - i1
            if inside and tag != "insert":
                return j1 if start else j2
        return len(self.theirs) if start else 0

    def stretch(self, begin: int, end: int) -> str:
        """What the source prints in place of ours' ``begin:end``."""
        return self.theirs[self.theirs_at(begin, start=True) : max(self.theirs_at(end, start=False), 0)]


def _widened(text: str, begin: int, end: int, characters: str) -> str:
    """``text[begin:end]`` grown over the neighbouring characters of ``characters`` (the rest of a number)."""
    while begin > 0 and text[begin - 1] in characters:
        begin -= 1
    while end < len(text) and text[end] in characters:
        end += 1
    return text[begin:end]


def _value_at(framed: Framed, alignment: Alignment, at: int) -> PrintedValue | None:
    """The field the first difference (at ``at``) falls in or beside, when the source prints it otherwise."""
    for value in framed.values:
        touches = value.start <= at < value.end if value.form == "text" else value.start <= at <= value.end
        if touches and (
            value.form == "text" or _source_value(value, alignment) != framed.printed[value.start : value.end]
        ):
            return value
    return None


def _source_value(value: PrintedValue, alignment: Alignment) -> str:
    """What the source prints where the corpus prints ``value``."""
    begin, end = alignment.theirs_at(value.start, start=True), alignment.theirs_at(value.end, start=False)
    characters = {"number": string.digits, "numeral": NUMERAL_CHARACTERS}.get(value.form)
    if characters is None:
        return alignment.theirs[begin:end]
    return _widened(alignment.theirs, begin, max(begin, end), characters)


_NUMBER_REASON = " (a printed number, which `edits` cannot correct)"


def _value_hint(value: PrintedValue, alignment: Alignment) -> str:
    """Set the field to what the source prints: an `edits` record corrects texts, not numbers."""
    field = str(value.path[-1])
    printed = _source_value(value, alignment)
    correct: object
    if value.form == "number":
        correct = int(printed) if printed.isdigit() else None
    elif value.form == "numeral":
        correct = numeral_value(printed)
    else:
        correct = repr(printed) if printed else None
    if correct is None:
        return f"{field} is printed as it is, and an `edits` record cannot correct it: set it to what the source prints"
    reason = "" if value.form == "text" else _NUMBER_REASON
    if value.path[-2:] == ("misnumbered", "printed"):  # a typo record whose number the source does print
        return (
            f"the source prints {printed!r} here: set printed: {correct}, or, if that is the entity's number itself, "
            "delete the misnumbered record"
        )
    return f"the source prints {printed!r} here: set {field}: {correct}{reason}"


class _Stretch(NamedTuple):
    """A stretch of the printed form: a plain stretch of the text, or the printed form of an editorial record."""

    begin: int  # in the printed form
    end: int
    text_begin: int  # where the stretch's reading starts in the text
    record: int | None  # the record's index, or None for plain text


def _stretches(passage: Passage, text_start: int) -> list[_Stretch]:
    out = []
    printed_at, text_at = text_start, 0
    for piece in segments(passage.text, passage.edits):
        if isinstance(piece, str):
            out.append(_Stretch(printed_at, printed_at + len(piece), text_at, None))
            printed_at, text_at = printed_at + len(piece), text_at + len(piece)
        else:
            index = next(i for i, edit in enumerate(passage.edits) if edit is piece)
            out.append(_Stretch(printed_at, printed_at + len(piece.printed), text_at, index))
            printed_at, text_at = printed_at + len(piece.printed), text_at + len(piece.reading)
    return out


def _record_hint(edit: Edit, source: str) -> str:
    """Correct the record whose printed form the source does not print."""
    where = f"the source prints {source!r} where this record stands; it says printed: {edit.printed!r}"
    if source == edit.reading and edit.kind != "doubt":
        return f"{where}, and the text reads {source!r} as printed: remove the record"
    if edit.kind == "doubt":
        return f"{where}: a doubt keeps the printed form; the text corrects it here, so make it kind: typo, printed: {source!r}"
    return f"{where}: set printed: {source!r}"


def _occurrence(text: str, reading: str, at: int) -> int:
    """Which appearance of ``reading`` in ``text`` starts at ``at`` (1-based)."""
    occurrence = 1
    while 0 <= find_occurrence(text, reading, occurrence) < at:
        occurrence += 1
    return occurrence


class Framed(NamedTuple):
    """A text's printed form with what frames it and where its parts are written."""

    file: SourceFile[Any]
    path: YamlPath  # where the finding goes when nothing more precise is known
    printed: str
    passage: Passage | None = None
    text_start: int = 0
    values: tuple[PrintedValue, ...] = ()
    edits_path: YamlPath = ()

    @property
    def text_path(self) -> YamlPath:
        return self.edits_path[:-1] + ("text",)


def _difference_finding(
    ctx: CheckContext, framed: Framed, theirs: str, message: str, what: str = "the text"
) -> Diagnostic | None:
    """The finding for the first difference of ``framed.printed`` from ``theirs``: at the field, record or character
    that causes it, with a hint that can be followed as written. None when the two do not differ."""
    difference = first_difference(framed.printed, theirs, framed.text_start)
    if difference is None:
        return None
    alignment = Alignment(framed.printed, theirs)
    at = difference.index
    value = _value_at(framed, alignment, at)
    if value is not None:
        return ctx.finding(framed.file, value.path, message, hint=_value_hint(value, alignment))
    offset = at - framed.text_start
    windows = f"corpus has {difference.ours_window!r}, source has {difference.theirs_window!r}"
    where = f"first difference at character {offset + 1} of {what}: {windows}"
    if framed.passage is None:
        return ctx.finding(framed.file, framed.path, message, hint=f"{where}; restore the printed text")
    passage = framed.passage
    text_location = framed.file.locate(framed.text_path)
    changed = at + max(len(difference.ours), 1)
    for stretch in _stretches(passage, framed.text_start):
        if stretch.record is not None and at < stretch.end and changed > stretch.begin:
            edit = passage.edits[stretch.record]
            return ctx.finding(
                framed.file,
                framed.edits_path + (stretch.record, "printed"),
                message,
                hint=_record_hint(edit, alignment.stretch(stretch.begin, stretch.end)),
                related=(text_location,),
                related_label="the text it is printed into",
            )
        if stretch.record is None and stretch.begin <= at and at + len(difference.ours) <= stretch.end:
            text_at = stretch.text_begin + at - stretch.begin
            occurrence = _occurrence(passage.text, difference.ours, text_at)
            occurs = f", occurrence: {occurrence}" if occurrence > 1 else ""
            hint = (
                f"{where}; if this corrects the source, record it in `edits` (kind: typo, printed: "
                f"{difference.theirs!r}, reading: {difference.ours!r}{occurs}, note: …); otherwise restore the "
                "printed text"
            )
            finding = ctx.finding(framed.file, framed.path, message, hint=hint)
            location = column_of(CleanText(framed.file, framed.text_path, passage.text), text_location, text_at)
            return finding.at(replace(location, path=finding.location.path))
    return ctx.finding(framed.file, framed.path, message, hint=f"{where}; restore the printed text")


def _text_finding(ctx: CheckContext, notice: NoticeSource, item: PrintedItem) -> Diagnostic:
    times = f" {item.repeat} times" if item.repeat > 1 else ""
    message = f"printed form not found{times} in {notice.source_name}: {quoted(item.printed)}"
    block = _closest_block(notice.source_text or "", item.printed)
    framed = Framed(item.file, item.path, item.printed, item.passage, item.text_start, item.values, item.edits_path)
    finding = None if block is None else _difference_finding(ctx, framed, block, message)
    if finding is None:
        hint = "no similar line in the source" if block is None else "the source holds it, but not as whole lines"
        return ctx.finding(item.file, item.path, message, hint=hint)
    return finding


def _row_finding(ctx: CheckContext, notice: NoticeSource, item: PrintedItem, absent: set[str]) -> Diagnostic | None:
    """The first cell of a task row that differs from the source row of its number (None: AW707 has it)."""
    cells = item.printed.split("\t")
    number = cells[0]
    attachment, task_index = notice.attachment.model, item.path[1]
    task = attachment.tasks[task_index] if attachment is not None and isinstance(task_index, int) else None
    rows = source_task_rows(notice.source_text or "", len(cells))
    source_cells = rows.get(number)
    printed_as = [other for other, row in rows.items() if other != number and row[1:] == cells[1:]]
    # the same row under another number: the number is what changed (or the printed number a record gives)
    if len(printed_as) == 1 and (source_cells is None or (task is not None and task.misnumbered is not None)):
        number_path = (*item.path, "number") if task is None else printed_number_at(task, item.path)[1]
        where = "not found in" if source_cells is None else "numbered otherwise in"
        hint = f"the source prints this row as task {printed_as[0]}: set {number_path[-1]}: {printed_as[0]}"
        if task is not None and printed_as[0] == str(task.number):
            hint = f"the source prints this row as task {task.number}, its own number: delete the misnumbered record"
        return ctx.finding(
            item.file,
            number_path,
            f"task {number}'s row {where} {notice.source_name}: {quoted(item.printed)}",
            hint=hint if number_path[-1] == "printed" else hint + _NUMBER_REASON,
        )
    if source_cells is None:
        message = f"task {number}'s row not found in {notice.source_name}: {quoted(item.printed)}"
        return ctx.finding(item.file, item.path, message, hint=f"the source has no table row numbered {number}")
    differences = {
        index: difference
        for index, (ours, theirs) in enumerate(zip(cells, source_cells, strict=False))
        if (difference := first_difference(ours, theirs)) is not None
    }
    differing = list(differences)
    if not differing:
        return ctx.finding(
            item.file,
            item.path,
            f"task {number}'s row stands in {notice.source_name} once, but more than one task claims it",
            hint="each task row of the source is one task",
        )
    if all(index in LEADER_CELLS + UNIT_CELLS and any(name in cells[index] for name in absent) for index in differing):
        return None  # AW707 reports the misspelt name at its registry entry
    index = differing[0]
    field = TASK_ROW_FIELDS[index]
    column = item.columns[index] if index < len(item.columns) else field
    difference = differences[index]
    others = [item.columns[i] for i in differing[1:] if i < len(item.columns)]
    message = (
        f"task {number}'s row differs from {notice.source_name} in {column}"
        + (f" (and {', '.join(others)})" if others else "")
        + f": corpus has {difference.ours_window!r}, source has {difference.theirs_window!r}"
    )
    path = item.path + (field,)
    passage = None if task is None else getattr(task, field)
    if not isinstance(passage, Passage):
        return ctx.finding(
            item.file,
            path,
            message,
            hint="the cell prints the registry names of these IDs: correct the IDs or the names",
        )
    framed = Framed(item.file, path, cells[index], passage, edits_path=path + ("edits",))
    return _difference_finding(ctx, framed, source_cells[index], message, column)


def check(ctx: CheckContext) -> Iterator[Diagnostic]:
    for notice in ctx.notices:
        if notice.source_text is None:
            continue
        provenance = ctx.provenance(notice)
        absent = {name.name for name in provenance.absent_names}
        for item in provenance.missing:
            finding = _row_finding(ctx, notice, item, absent) if item.columns else _text_finding(ctx, notice, item)
            if finding is not None:
                yield finding
