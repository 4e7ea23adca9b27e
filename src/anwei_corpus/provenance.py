"""The printed form of everything a notice encodes, and where each stands in the source text.

Each encoded text is rebuilt into the form the source prints it in (reading plus editorial record, with its
numbering label or table cells around it) and must be found in the source as whole lines.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from .corpus import NoticeSource, SourceFile
from .diagnostics import YamlPath
from .editorial import EditNotApplicable, printed_form
from .models.common import Edit, Passage
from .models.source import AttachmentFile, PeopleFile, Task, UnitsFile
from .numerals import chinese_numeral

DATE_IMPRINT_SUFFIX = "印发"


@dataclass(frozen=True)
class PrintedItem:
    """One encoded text in its printed form, and where it is encoded."""

    file: SourceFile
    path: YamlPath
    printed: str
    repeat: int = 1  # how many times it stands in the source (page furniture)


@dataclass(frozen=True)
class BrokenEdit:
    """An edit that does not apply to its text."""

    file: SourceFile
    path: YamlPath
    message: str
    text: str
    edit: Edit


def _printed(passage: Passage, file: SourceFile, edits_path: YamlPath, broken: list[BrokenEdit]) -> str | None:
    """The printed form, or None (with the broken edit noted) when an edit does not apply."""
    try:
        return printed_form(passage.text, passage.edits)
    except EditNotApplicable as exc:
        broken.append(BrokenEdit(file, edits_path + (exc.index,), str(exc), passage.text, passage.edits[exc.index]))
        return None


def leader_cell_name(name: str) -> str:
    """The table pads two-character names to the width of three: 王珏 is printed 王 珏."""
    return f"{name[0]} {name[1]}" if len(name) == 2 else name


def task_row(task: Task, attachment: AttachmentFile, units: UnitsFile, people: PeopleFile, requirement: str,
             title: str, remark: str) -> str:
    """The task's table row as the source prints it: cells separated by tabs, names by spaces."""
    spelled = {spelling.unit: spelling.printed for spelling in attachment.spellings}
    unit_names = {unit.id: unit.name for unit in units.units}
    person_names = {person.id: person.name for person in people.people}

    def unit_cell(ids: list[str]) -> str:
        return " ".join(spelled.get(uid) or unit_names.get(uid, uid) for uid in ids)

    cells = [
        str(task.number),
        title,
        " ".join(leader_cell_name(person_names.get(pid, pid)) for pid in task.leaders),
        unit_cell(task.responsible_units),
        unit_cell(task.cooperating_units),
        requirement,
        remark,
    ]
    return "\t".join(cells)


def printed_items(
    notice: NoticeSource, units: UnitsFile | None, people: PeopleFile | None
) -> tuple[list[PrintedItem], list[BrokenEdit]]:
    """Every text of the notice in its printed form; edits that do not apply are returned apart."""
    items: list[PrintedItem] = []
    broken: list[BrokenEdit] = []

    def add(file: SourceFile, path: YamlPath, passage: Passage, template: str = "{}",
            edits_path: YamlPath | None = None) -> None:
        printed = _printed(passage, file, path + ("edits",) if edits_path is None else edits_path, broken)
        if printed is not None:
            items.append(PrintedItem(file, path, template.format(printed)))

    meta = notice.notice.model
    if meta is not None:
        file = notice.notice
        for name in ("issuer_mark", "title", "addressee", "transmittal", "signature", "attachment_note",
                     "annotation", "print_run"):
            add(file, (name,), getattr(meta, name))
        items.append(PrintedItem(file, ("doc_number", "printed"), meta.doc_number.printed))
        add(file, ("date", "printed"), meta.date.printed)
        add(file, ("imprint", "organ"), meta.imprint.organ)
        add(file, ("imprint", "date", "printed"), meta.imprint.date.printed, "{}" + DATE_IMPRINT_SUFFIX)
        for index, furniture in enumerate(meta.furniture):
            items.append(PrintedItem(file, ("furniture", index), furniture.printed, furniture.count))

    body = notice.body.model
    if body is not None:
        file = notice.body
        add(file, ("title",), body.title)
        add(file, ("opening",), body.opening)
        add(file, ("closing", "text"), body.closing.text)
        for p, part in enumerate(body.parts):
            add(file, ("parts", p, "title"), part.title, chinese_numeral_or_number(part.number) + "、{}")
            for s, section in enumerate(part.sections):
                path = ("parts", p, "sections", s)
                add(file, path + ("title",), section.title, "（" + chinese_numeral_or_number(section.number) + "）{}")
                if section.intro is not None:
                    add(file, path + ("intro",), section.intro)
                for m, measure in enumerate(section.measures):
                    measure_path = path + ("measures", m)
                    add(file, measure_path + ("text",), Passage(text=measure.text, edits=measure.edits),
                        f"{measure.number}. " + "{}", edits_path=measure_path + ("edits",))

    attachment = notice.attachment.model
    if attachment is not None:
        file = notice.attachment
        width = len(attachment.columns)
        add(file, ("label",), attachment.label)
        add(file, ("title",), attachment.title)
        items.append(PrintedItem(file, ("columns",), "\t".join(attachment.columns)))
        padding = "\t" * (width - 1)
        breakdown = attachment.breakdown
        items.append(PrintedItem(
            file, ("breakdown",),
            f"{breakdown.label}：合计 {breakdown.categories_printed} 项（小计 {breakdown.tasks_printed} 项）{padding}",
        ))
        for c, category in enumerate(attachment.categories):
            add(file, ("categories", c, "title"), category.title,
                chinese_numeral_or_number(category.number) + "、{}" + f"（小计 {category.subtotal_printed} 项）{padding}")
        if units is not None and people is not None:
            for t, task in enumerate(attachment.tasks):
                path = ("tasks", t)
                title = _printed(task.title, file, path + ("title", "edits"), broken)
                requirement = _printed(task.requirement, file, path + ("requirement", "edits"), broken)
                remark = "" if task.remark is None else _printed(task.remark, file, path + ("remark", "edits"), broken)
                if None not in (title, requirement, remark):
                    row = task_row(task, attachment, units, people, requirement, title, remark)
                    items.append(PrintedItem(file, path, row))
    return items, broken


def chinese_numeral_or_number(number: int) -> str:
    try:
        return chinese_numeral(number)
    except ValueError:
        return str(number)


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
