"""The printed form of everything a notice encodes, and where each stands in the source text.

Each encoded text is rebuilt into the form the source prints it in (reading plus editorial record, with its
numbering label or table cells around it) and must be found in the source as whole lines.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from .corpus import CorpusSource, NoticeSource, SourceFile
from .diagnostics import YamlPath
from .editorial import EditNotApplicable, printed_form
from .models.common import Edit, Passage
from .models.source import (
    NOTICE_PASSAGES,
    AttachmentFile,
    BodyFile,
    NoticeFile,
    Numbered,
    PeopleFile,
    Task,
    UnitsFile,
)
from .numerals import chinese_numeral

DATE_IMPRINT_SUFFIX = "印发"
# The task fields a table row prints, cell by cell.
TASK_ROW_FIELDS = ("number", "title", "leaders", "responsible_units", "cooperating_units", "requirement", "remark")


class PrintedValue(NamedTuple):
    """A stretch of a printed form that a field prints as it is, not a text: a number, a label's numeral."""

    start: int
    end: int
    path: YamlPath  # the field
    form: str  # "number" (digits), "numeral" (一 … 九十九) or "text" (the field holds the printed string itself)


# A frame around a text: literal characters, or (what a field prints, the field's path, its form).
Piece = str | tuple[str, YamlPath, str]


def framed(pieces: Sequence[Piece], offset: int = 0) -> tuple[str, tuple[PrintedValue, ...]]:
    """The printed characters of ``pieces`` and the values among them, placed from ``offset`` on."""
    out, values = [], []
    at = offset
    for piece in pieces:
        text = piece if isinstance(piece, str) else piece[0]
        if not isinstance(piece, str):
            values.append(PrintedValue(at, at + len(text), piece[1], piece[2]))
        out.append(text)
        at += len(text)
    return "".join(out), tuple(values)


def printed_number_at(entity: Numbered, path: YamlPath) -> tuple[int, YamlPath]:
    """The number the source prints for the entity at ``path``, and the field that holds it."""
    if entity.misnumbered is not None and entity.misnumbered.printed is not None:
        return entity.misnumbered.printed, path + ("misnumbered", "printed")
    return entity.number, path + ("number",)


def numeral_piece(number: int, path: YamlPath) -> Piece:
    """A label's number as printed: a Chinese numeral (一 … 九十九), digits beyond."""
    try:
        return chinese_numeral(number), path, "numeral"
    except ValueError:
        return str(number), path, "number"


class PrintedItem(NamedTuple):
    """One encoded text in its printed form, and where it is encoded."""

    file: SourceFile[Any]
    path: YamlPath
    printed: str
    repeat: int = 1  # how many times it stands in the source (page furniture)
    passage: Passage | None = None  # the reading it is rebuilt from, when it is one text
    text_start: int = 0  # where that text starts in ``printed``, after a label such as "12. "
    columns: tuple[str, ...] = ()  # the column headings, when it is a table row
    values: tuple[PrintedValue, ...] = ()  # the stretches that fields print as they are (numbers, labels)
    edits_path: YamlPath = ()  # where the passage's editorial records are written


class BrokenEdit(NamedTuple):
    """An edit that does not apply to its text."""

    file: SourceFile[Any]
    path: YamlPath
    message: str
    text: str
    edit: Edit


def _printed(passage: Passage, file: SourceFile[Any], edits_path: YamlPath, broken: list[BrokenEdit]) -> str | None:
    """The printed form, or None (with the broken edit noted) when an edit does not apply."""
    try:
        return printed_form(passage.text, passage.edits)
    except EditNotApplicable as exc:
        broken.append(BrokenEdit(file, edits_path + (exc.index,), str(exc), passage.text, passage.edits[exc.index]))
        return None


def leader_cell_name(name: str, attachment: AttachmentFile) -> str:
    """A leader's name as the table prints it: padded to the width of three (王 珏) where the table pads them."""
    return f"{name[0]} {name[1]}" if len(name) == 2 and attachment.pads_short_names else name


def table_unit_names(attachment: AttachmentFile, units: UnitsFile) -> dict[str, str]:
    """Unit ID → the name the task table prints: its spelling in the attachment, else its registry name."""
    names = {unit.id: unit.name for unit in units.units}
    names.update((spelling.unit, spelling.printed) for spelling in attachment.spellings if spelling.unit in names)
    return names


def task_row(
    task: Task,
    attachment: AttachmentFile,
    units: UnitsFile,
    people: PeopleFile,
    requirement: str,
    title: str,
    remark: str,
) -> str | None:
    """The task's table row as the source prints it: cells separated by tabs, names by spaces.

    None when the task names a leader or unit the registries do not hold: the row cannot be rebuilt.
    """
    unit_names = table_unit_names(attachment, units)
    person_names = {person.id: person.name for person in people.people}
    unit_ids = [*task.responsible_units, *task.cooperating_units]
    if any(pid not in person_names for pid in task.leaders) or any(uid not in unit_names for uid in unit_ids):
        return None

    def unit_cell(ids: list[str]) -> str:
        return " ".join(unit_names[uid] for uid in ids)

    cells = {
        "number": str(task.printed_number),
        "title": title,
        "leaders": " ".join(leader_cell_name(person_names[pid], attachment) for pid in task.leaders),
        "responsible_units": unit_cell(task.responsible_units),
        "cooperating_units": unit_cell(task.cooperating_units),
        "requirement": requirement,
        "remark": remark,
    }
    return "\t".join(cells[name] for name in TASK_ROW_FIELDS)


@dataclass
class _Printed:
    """The printed items of a notice as they are gathered, and the edits that did not apply."""

    items: list[PrintedItem] = field(default_factory=list)
    broken: list[BrokenEdit] = field(default_factory=list)

    def add(
        self,
        file: SourceFile[Any],
        path: YamlPath,
        passage: Passage,
        before: Sequence[Piece] = (),
        after: Sequence[Piece] = (),
        edits_path: YamlPath | None = None,
    ) -> None:
        """The passage at ``path`` in its printed form, framed by ``before`` and ``after`` (a label, a subtotal)."""
        edits_path = path + ("edits",) if edits_path is None else edits_path
        printed = _printed(passage, file, edits_path, self.broken)
        if printed is None:
            return
        head, head_values = framed(before)
        tail, tail_values = framed(after, len(head) + len(printed))
        self.items.append(
            PrintedItem(
                file,
                path,
                head + printed + tail,
                passage=passage,
                text_start=len(head),
                values=head_values + tail_values,
                edits_path=edits_path,
            )
        )

    def add_values(self, file: SourceFile[Any], path: YamlPath, pieces: Sequence[Piece], repeat: int = 1) -> None:
        """A printed line made of fields and literal characters only (a 发文字号, the total line)."""
        printed, values = framed(pieces)
        self.items.append(PrintedItem(file, path, printed, repeat, values=values))


def printed_items(
    notice: NoticeSource, units: UnitsFile | None, people: PeopleFile | None
) -> tuple[list[PrintedItem], list[BrokenEdit]]:
    """Every text of the notice in its printed form; edits that do not apply are returned apart."""
    out = _Printed()
    if notice.notice.model is not None:
        _notice_items(out, notice.notice, notice.notice.model)
    if notice.body.model is not None:
        _body_items(out, notice.body, notice.body.model)
    if notice.attachment.model is not None:
        _attachment_items(out, notice.attachment, notice.attachment.model, units, people)
    return out.items, out.broken


def _notice_items(out: _Printed, file: SourceFile[NoticeFile], meta: NoticeFile) -> None:
    for name in NOTICE_PASSAGES:
        passage = getattr(meta, name)
        if passage is not None:
            out.add(file, (name,), passage)
    out.add_values(file, ("doc_number", "printed"), [(meta.doc_number.printed, ("doc_number", "printed"), "text")])
    out.add(file, ("date", "printed"), meta.date.printed)
    out.add(file, ("imprint", "organ"), meta.imprint.organ)
    out.add(file, ("imprint", "date", "printed"), meta.imprint.date.printed, after=[DATE_IMPRINT_SUFFIX])
    for index, furniture in enumerate(meta.furniture):
        out.add_values(
            file, ("furniture", index), [(furniture.printed, ("furniture", index, "printed"), "text")], furniture.count
        )


def _body_items(out: _Printed, file: SourceFile[BodyFile], body: BodyFile) -> None:
    out.add(file, ("title",), body.title)
    out.add(file, ("opening",), body.opening)
    out.add(file, ("closing", "text"), body.closing.text)
    for p, part in enumerate(body.parts):
        out.add(file, ("parts", p, "title"), part.title, [numeral_piece(*printed_number_at(part, ("parts", p))), "、"])
        for s, section in enumerate(part.sections):
            path: YamlPath = ("parts", p, "sections", s)
            label = ["（", numeral_piece(*printed_number_at(section, path)), "）"]
            out.add(file, path + ("title",), section.title, label)
            if section.intro is not None:
                out.add(file, path + ("intro",), section.intro)
            for m, measure in enumerate(section.measures):
                measure_path = path + ("measures", m)
                number, number_path = printed_number_at(measure, measure_path)
                out.add(
                    file,
                    measure_path + ("text",),
                    Passage(text=measure.text, edits=measure.edits),
                    [(str(number), number_path, "number"), ". "],
                    edits_path=measure_path + ("edits",),
                )


def _attachment_items(
    out: _Printed,
    file: SourceFile[AttachmentFile],
    attachment: AttachmentFile,
    units: UnitsFile | None,
    people: PeopleFile | None,
) -> None:
    width = len(attachment.columns)
    out.add(file, ("label",), attachment.label)
    out.add(file, ("title",), attachment.title)
    out.items.append(PrintedItem(file, ("columns",), "\t".join(attachment.columns)))
    padding = "\t" * (width - 1)
    breakdown = attachment.breakdown
    out.add_values(
        file,
        ("breakdown",),
        [
            (breakdown.label, ("breakdown", "label"), "text"),
            "：合计 ",
            (str(breakdown.categories_printed), ("breakdown", "categories_printed"), "number"),
            " 项（小计 ",
            (str(breakdown.tasks_printed), ("breakdown", "tasks_printed"), "number"),
            " 项）" + padding,
        ],
    )
    for c, category in enumerate(attachment.categories):
        out.add(
            file,
            ("categories", c, "title"),
            category.title,
            [numeral_piece(*printed_number_at(category, ("categories", c))), "、"],
            [
                "（小计 ",
                (str(category.subtotal_printed), ("categories", c, "subtotal_printed"), "number"),
                " 项）" + padding,
            ],
        )
    if units is None or people is None:
        return
    for t, task in enumerate(attachment.tasks):
        path: YamlPath = ("tasks", t)
        title = _printed(task.title, file, path + ("title", "edits"), out.broken)
        requirement = _printed(task.requirement, file, path + ("requirement", "edits"), out.broken)
        remark = "" if task.remark is None else _printed(task.remark, file, path + ("remark", "edits"), out.broken)
        if title is not None and requirement is not None and remark is not None:
            row = task_row(task, attachment, units, people, requirement, title, remark)
            if row is not None:
                out.items.append(PrintedItem(file, path, row, columns=tuple(attachment.columns)))


# The cells of a task row that hold names, by their place in the row.
LEADER_CELLS: tuple[int, ...] = (TASK_ROW_FIELDS.index("leaders"),)
UNIT_CELLS: tuple[int, ...] = (TASK_ROW_FIELDS.index("responsible_units"), TASK_ROW_FIELDS.index("cooperating_units"))


class AbsentName(NamedTuple):
    """A name the task table should print (for the tasks that reference it) that no task row of the source holds."""

    file: SourceFile[Any]
    path: YamlPath  # where the name is written
    name: str  # as the table prints it
    ident: str  # the person or unit ID
    cells: tuple[int, ...]  # the row cells it is printed in (LEADER_CELLS or UNIT_CELLS)
    tasks: tuple[int, ...]  # the printed numbers of the tasks that reference it
    near: str | None  # the most similar name in those tasks' rows of the source


def source_task_rows(source: str, width: int) -> dict[str, list[str]]:
    """The task rows of the source table by their number cell: lines of ``width`` tab-separated cells."""
    rows: dict[str, list[str]] = {}
    for line in source.split("\n"):
        cells = line.split("\t")
        if len(cells) == width and cells[0].isdigit():
            rows.setdefault(cells[0], cells)
    return rows


def _nearest_name(name: str, cells: list[str]) -> str | None:
    """The run of text in ``cells`` most like ``name``: a space-separated word or a stretch as long as the name."""
    candidates = {word for cell in cells for word in cell.split(" ") if word}
    candidates |= {
        cell[start : start + len(name)]
        for cell in cells
        for start in range(len(cell) - len(name) + 1)
        if cell[start] != " " and cell[start + len(name) - 1] != " "
    }
    close = difflib.get_close_matches(name, sorted(candidates), n=1, cutoff=0.5)
    return close[0] if close else None


def absent_names(corpus: CorpusSource, notice: NoticeSource) -> list[AbsentName]:
    """Registry names (or table spellings) used by the notice's tasks that stand in none of the source's task rows.

    Empty when the source holds no task rows at all: then nothing can be told about single names.
    """
    attachment, units, people = notice.attachment.model, corpus.units.model, corpus.people.model
    if attachment is None or units is None or people is None or notice.source_text is None:
        return []
    rows = source_task_rows(notice.source_text, len(attachment.columns))
    if not rows:
        return []
    spelling_at = {spelling.unit: s for s, spelling in enumerate(attachment.spellings)}
    names = table_unit_names(attachment, units)
    written: dict[str, tuple[SourceFile[Any], YamlPath, str]] = {}  # ID → where its table name is written, and the name
    for index, person in enumerate(people.people):
        written[person.id] = (corpus.people, ("people", index, "name"), leader_cell_name(person.name, attachment))
    for index, unit in enumerate(units.units):
        if unit.id in spelling_at:
            written[unit.id] = (notice.attachment, ("spellings", spelling_at[unit.id], "printed"), names[unit.id])
        else:
            written[unit.id] = (corpus.units, ("units", index, "name"), unit.name)
    referenced: dict[tuple[str, tuple[int, ...]], list[int]] = {}  # (ID, cells it is printed in) → task numbers
    for task in attachment.tasks:
        for cells, ids in (
            (LEADER_CELLS, task.leaders),
            (UNIT_CELLS, [*task.responsible_units, *task.cooperating_units]),
        ):
            for ident in ids:
                if ident in written:
                    referenced.setdefault((ident, cells), []).append(task.printed_number)
    absent = []
    for (ident, cells), numbers in referenced.items():
        file, path, name = written[ident]
        held = [row[c] for row in rows.values() for c in cells]
        if any(name in cell for cell in held):
            continue
        near_cells = [rows[str(n)][c] for n in numbers if str(n) in rows for c in cells]
        absent.append(AbsentName(file, path, name, ident, cells, tuple(numbers), _nearest_name(name, near_cells)))
    return absent


def line_occurrences(source: str, printed: str) -> Iterator[int]:
    """Start offsets where ``printed`` stands in ``source`` as whole lines."""
    start = source.find(printed)
    while start != -1:
        end = start + len(printed)
        if (start == 0 or source[start - 1] == "\n") and (end == len(source) or source[end] == "\n"):
            yield start
        start = source.find(printed, start + 1)


def locate_items(source: str, items: list[PrintedItem]) -> tuple[list[tuple[int, int]], list[PrintedItem]]:
    """Claim a distinct place in the source for every item; return the spans found and the items not found."""
    claimed: list[tuple[int, int]] = []
    missing: list[PrintedItem] = []
    taken: set[int] = set()
    for item in items:
        needed = item.repeat
        for start in line_occurrences(source, item.printed):
            if start in taken:
                continue
            taken.add(start)
            claimed.append((start, start + len(item.printed)))
            needed -= 1
            if needed == 0:
                break
        if needed:
            missing.append(item)
    return claimed, missing
