"""Every encoded text, turned back into its printed form, stands in the source text as whole lines.

The printed form is the clean reading with every editorial record undone, framed the way the source frames it:
a measure as ``12. <text>``, a section title as ``（五）<title>``, a task as its table row (cells separated by
tabs, two-character names padded to 王 珏). If it is not found, the reading departs from the source somewhere
without a record. The finding points at the first difference (counted within the text, after its label) and the
hint names both sides: if the corpus corrects the source there, record the correction in ``edits``; otherwise
restore the printed text.

Example of a finding: ``printed form not found in source.txt: '31. 继续深化道路交通违法行为大整治…'…``, with
``first difference at character 24 of the text: corpus has '察谈话…', source has '查谈话…'`` as the hint.

A task row is compared with the source row of the same number, cell by cell, and the finding points at the
first field that differs. Rows that name a leader or unit missing from the registries are left to AW301 and
AW302, and rows whose only differences are names that no source row prints are left to AW707, which reports
the name once, at the registry entry.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import Any

from ..clean_texts import CleanText
from ..context import CheckContext
from ..corpus import NoticeSource, SourceFile
from ..diagnostics import Diagnostic, Severity, YamlPath
from ..editorial import find_occurrence
from ..models.common import Passage
from ..provenance import LEADER_CELLS, TASK_ROW_FIELDS, UNIT_CELLS, PrintedItem, source_task_rows
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


def first_difference(ours: str, theirs: str) -> Difference | None:
    """The first stretch where ``ours`` (the corpus) and ``theirs`` (the source) differ, or None when equal."""
    blocks = difflib.SequenceMatcher(None, ours, theirs, autojunk=False).get_opcodes()
    for tag, i1, i2, j1, j2 in blocks:
        if tag == "equal":
            continue
        if i1 == i2 or j1 == j2:  # an insertion or deletion: show it with the character before it
            i1, j1 = max(i1 - 1, 0), max(j1 - 1, 0)
        return Difference(i1, ours[i1:i2], theirs[j1:j2], ours[i1 : i1 + WINDOW], theirs[j1 : j1 + WINDOW])
    return None


def quoted(text: str, limit: int = EXCERPT) -> str:
    """``text`` quoted, cut to ``limit`` characters with '…' only when something was cut."""
    return repr(text[:limit]) + ("…" if len(text) > limit else "")


def _advice(difference: Difference) -> str:
    return (
        f"if this corrects the source, record it in `edits` (kind: typo, printed: {difference.theirs!r}, "
        f"reading: {difference.ours!r}, note: …); otherwise restore the printed text"
    )


def _closest_line(source: str, printed: str) -> str | None:
    lines = [line for line in source.split("\n") if line.strip()]
    close = difflib.get_close_matches(printed, lines, n=1, cutoff=0.5)
    return close[0] if close else None


def _reading_offset(passage: Passage, offset: int) -> int | None:
    """Where printed offset ``offset`` falls in the reading, when no edit stands before it (else None)."""
    starts = [find_occurrence(passage.text, edit.reading, edit.occurrence) for edit in passage.edits]
    return offset if offset >= 0 and all(start == -1 or start >= offset for start in starts) else None


def _pointed(
    finding: Diagnostic, file: SourceFile[Any], text_path: YamlPath, passage: Passage, offset: int
) -> Diagnostic:
    """The finding with its caret on the differing character, when the text stands on one line as written."""
    reading_offset = _reading_offset(passage, offset)
    if reading_offset is None:
        return finding
    location = column_of(CleanText(file, text_path, passage.text), file.locate(text_path), reading_offset)
    return finding.at(replace(location, path=finding.location.path))


def _text_finding(ctx: CheckContext, notice: NoticeSource, item: PrintedItem) -> Diagnostic:
    times = f" {item.repeat} times" if item.repeat > 1 else ""
    message = f"printed form not found{times} in {notice.source_name}: {quoted(item.printed)}"
    first_line = item.printed.split("\n", 1)[0]
    closest = _closest_line(notice.source_text or "", first_line)
    difference = first_difference(first_line, closest) if closest else None
    if difference is None:
        hint = "no similar line in the source" if closest is None else "one line of it is found, not the whole"
        return ctx.finding(item.file, item.path, message, hint=hint)
    offset = difference.index - item.text_start
    where = (
        f"first difference at character {offset + 1} of the text"
        if offset >= 0
        else f"the label differs ({first_line[: item.text_start]!r})"
    )
    hint = f"{where}: corpus has {difference.ours_window!r}, source has {difference.theirs_window!r}; " + _advice(
        difference
    )
    finding = ctx.finding(item.file, item.path, message, hint=hint)
    if item.passage is None:
        return finding
    return _pointed(finding, item.file, item.path + ("text",), item.passage, offset)


def _row_finding(ctx: CheckContext, notice: NoticeSource, item: PrintedItem, absent: set[str]) -> Diagnostic | None:
    """The first cell of a task row that differs from the source row of its number (None: AW707 has it)."""
    cells = item.printed.split("\t")
    number = cells[0]
    source_cells = source_task_rows(notice.source_text or "", len(cells)).get(number)
    if source_cells is None:
        return ctx.finding(
            item.file,
            item.path,
            f"task {number}'s row not found in {notice.source_name}: {quoted(item.printed)}",
            hint=f"the source has no table row numbered {number}",
        )
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
    attachment = notice.attachment.model
    task_index = item.path[1]
    passage = (
        getattr(attachment.tasks[task_index], field) if attachment is not None and isinstance(task_index, int) else None
    )
    if not isinstance(passage, Passage):
        return ctx.finding(
            item.file,
            path,
            message,
            hint="the cell prints the registry names of these IDs: correct the IDs or the names",
        )
    hint = f"first difference at character {difference.index + 1} of {column}; " + _advice(difference)
    return _pointed(
        ctx.finding(item.file, path, message, hint=hint), item.file, path + ("text",), passage, difference.index
    )


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
