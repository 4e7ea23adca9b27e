"""The public, typed corpus: what ``anwei_corpus.load()`` returns and what ``anwei-corpus.json`` holds.

Notices are flattened for consumers: parts, sections, measures, categories and tasks are lists that refer to each
other by number. Texts are clean readings; every departure from the printed source is listed in ``editorial``.
The release JSON Schema is generated from these classes.

The models answer the common questions without any I/O: ``notice.measure(24)``, ``notice.tasks_of_measure(24)``,
``corpus.unit("区绿容局")``, ``corpus.tasks_of_unit("区应急局", role="responsible")``, ``corpus.tasks_of_leader("王珏")``.
A key that matches nothing raises :class:`NotFound`.
"""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Iterable, Sequence
from typing import Literal, Protocol, TypeVar

from pydantic import Field

from .common import (
    JURISDICTION_DESCRIPTION,
    MAX_COPIES,
    SHA256_PATTERN,
    Certainty,
    EditClass,
    EditKind,
    Jurisdiction,
    NewPersonId,
    NewUnitId,
    NumberLink,
    PersonId,
    PrintedNumber,
    StrictModel,
    UnitId,
    VersionString,
)
from .source import UnitKind

TaskRole = Literal["responsible", "cooperating", "any"]


class NotFound(LookupError):
    """Nothing in the corpus answers to a key; ``suggestions`` lists the closest keys that do."""

    def __init__(
        self,
        what: str,
        key: object,
        suggestions: Sequence[str] = (),
        where: str | None = None,
        reason: str | None = None,
    ):
        place = f" in {where}" if where else ""
        hint = f"; did you mean {' or '.join(repr(s) for s in suggestions)}?" if suggestions else ""
        because = f": {reason}" if reason else ""
        super().__init__(f"no {what} {key!r}{place}{because}{hint}")
        self.key = key
        self.suggestions = list(suggestions)


class Ambiguous(LookupError):
    """A key answers to more than one entry; ``candidates`` lists them as ``(id, label)``."""

    def __init__(self, what: str, key: str, candidates: Sequence[tuple[str, str]], hint: str = ""):
        listed = ", ".join(f"{label} ({key_id})" for key_id, label in candidates)
        asked = f"{what} {key!r}" if key else what
        super().__init__(f"{asked} is ambiguous: it may be {listed}" + (f"; {hint}" if hint else ""))
        self.candidates = list(candidates)


class _Numbered(Protocol):
    @property
    def number(self) -> int: ...


Numbered = TypeVar("Numbered", bound=_Numbered)


class _NumberedEntity(_Numbered, Protocol):
    @property
    def id(self) -> str: ...


NumberedEntity = TypeVar("NumberedEntity", bound=_NumberedEntity)


class _Named(Protocol):
    @property
    def id(self) -> str: ...

    @property
    def name(self) -> str: ...

    @property
    def jurisdiction(self) -> str | None: ...

    @property
    def names(self) -> list[str]: ...


Named = TypeVar("Named", bound=_Named)


def _by_number(entities: Iterable[Numbered], number: int, what: str, where: str) -> Numbered:
    for entity in entities:
        if entity.number == number:
            return entity
    raise NotFound(what, number, where=where)


def _name_key(text: str) -> str:
    """Names compare without whitespace: the source pads and breaks names with spaces (王 珏, 区人力资源 保障局)."""
    return "".join(text.split())


def entry_labels(entries: Sequence[_Named]) -> list[tuple[str, str]]:
    """(ID, name) of each entry, the name with its jurisdiction where that is what tells the entries apart."""
    apart = len({entry.jurisdiction for entry in entries}) > 1
    return [
        (entry.id, f"{entry.name} of {entry.jurisdiction}" if apart and entry.jurisdiction else entry.name)
        for entry in entries
    ]


def _by_key(entries: Sequence[Named], key: str, what: str) -> Named:
    wanted = _name_key(key)
    for entry in entries:
        if entry.id == wanted:
            return entry
    named = [entry for entry in entries if wanted in (_name_key(name) for name in entry.names)]
    if len(named) > 1:  # a name that entries of several jurisdictions share
        raise Ambiguous(what, key, entry_labels(named), hint="give the ID")
    if named:
        return named[0]
    known = [name for named in entries for name in (named.id, *named.names)]
    raise NotFound(what, key, difflib.get_close_matches(key, known, n=3, cutoff=0.5))


class Unit(StrictModel):
    """An organisation or collective group that notices assign work to."""

    id: NewUnitId = Field(description="Stable ASCII identifier.")
    name: str = Field(description="Canonical name.")
    aliases: list[str] = Field(description="Other printed spellings of the name.")
    kind: UnitKind = Field(description="What sort of body this is.")
    # a default, so that a release of schema 1.2 (before jurisdictions) still reads
    jurisdiction: Jurisdiction | None = Field(default=None, description=JURISDICTION_DESCRIPTION)
    note: str | None = Field(description="Editorial note on the entry.")

    @property
    def names(self) -> list[str]:
        """The canonical name, then the aliases."""
        return [self.name, *self.aliases]


class Person(StrictModel):
    """A district leader."""

    id: NewPersonId = Field(description="Stable ASCII identifier (the name in pinyin).")
    name: str = Field(description="The name, without padding spaces.")
    # a default, so that a release of schema 1.2 (before jurisdictions) still reads
    jurisdiction: Jurisdiction | None = Field(default=None, description=JURISDICTION_DESCRIPTION)
    note: str | None = Field(description="Editorial note on the entry.")

    @property
    def names(self) -> list[str]:
        """The name, as a list for symmetry with :attr:`Unit.names`."""
        return [self.name]


class DocNumber(StrictModel):
    """The parts of the 发文字号."""

    organ_code: str = Field(description="机关代字, e.g. 普安委.")
    year: int = Field(description="年份.")
    serial: PrintedNumber = Field(description="发文顺序号.")


class Part(StrictModel):
    """A part of the body (一、…)."""

    id: str = Field(description="Stable ID: <notice>/part/<number>.")
    number: PrintedNumber = Field(description="1-based number; 一 is 1.")
    title: str = Field(description="Title without its numeral.")


class Section(StrictModel):
    """A subsection （一）…, numbered continuously across parts."""

    id: str = Field(description="Stable ID: <notice>/section/<number>.")
    number: PrintedNumber = Field(description="1-based number, continuous across parts.")
    part: NumberLink = Field(description="Number of the part it belongs to.")
    title: str = Field(description="Title without its numeral.")
    intro: str | None = Field(description="The paragraph under the title; null where none is printed.")


class Measure(StrictModel):
    """A numbered measure."""

    id: str = Field(description="Stable ID: <notice>/measure/<number>.")
    number: PrintedNumber = Field(
        description="Number 1…N, continuous across the notice; where the source's own numbering departs, an "
        "editorial record of field 'number' says how."
    )
    section: NumberLink = Field(description="Number of the section it belongs to.")
    part: NumberLink = Field(description="Number of the part it belongs to.")
    text: str = Field(description="The measure's text, without its closing unit list.")
    assignment: str = Field(
        description="The closing unit list as printed (clean reading), parentheses included; empty where the "
        "source prints no list."
    )
    units: list[UnitId] = Field(description="Unit IDs of the closing list, in printed order.")
    unit_groups: list[list[UnitId]] = Field(
        description="The same IDs grouped as the full-width commas of the list group them."
    )


class Category(StrictModel):
    """A category of the attachment table."""

    id: str = Field(description="Stable ID: <notice>/category/<number>.")
    number: PrintedNumber = Field(description="1-based number; 一 is 1.")
    title: str = Field(description="Title without its numeral.")
    subtotal_printed: PrintedNumber = Field(description="The 小计 printed in the category row.")


class Task(StrictModel):
    """A row of the attachment table."""

    id: str = Field(description="Stable ID: <notice>/task/<number>.")
    number: PrintedNumber = Field(description="序号.")
    category: NumberLink | None = Field(description="Category number; null for a task above the categories.")
    title: str = Field(description="重点任务.")
    leaders: list[PersonId] = Field(description="牵头区领导, as person IDs in printed order.")
    responsible_units: list[UnitId] = Field(description="责任单位, as unit IDs in printed order.")
    cooperating_units: list[UnitId] = Field(description="配合单位, as unit IDs in printed order.")
    requirement: str = Field(description="工作要求.")
    remark: str | None = Field(description="备注; null where the cell is empty.")
    measures: list[NumberLink] = Field(description="Numbers of the measures the task restates or derives from.")
    measure_ids: list[str] = Field(description="IDs of the same measures, in the same order.")
    link_basis: Literal["measures", "general-requirements"] = Field(
        description="'general-requirements' when the task comes from the opening's 总体要求 rather than a measure."
    )
    link_rationale: str = Field(description="Why the task links where it does.")


class EditorialRecord(StrictModel):
    """One departure of the clean reading from the printed source."""

    entity: str = Field(description="ID of the entity whose text departs (the notice ID for document elements).")
    field: str = Field(
        description="Which text of the entity, e.g. 'text', 'title', 'requirement'; 'number' where the source's "
        "numbering departs from 1, 2, 3 … at the entity."
    )
    kind: EditKind = Field(description="What kind of departure.")
    edit_class: EditClass = Field(
        description="Why: an artefact of text extraction, an apparent error in the source, or a normalisation."
    )
    printed: str = Field(description="What the source prints.")
    reading: str = Field(description="What the corpus reads.")
    occurrence: PrintedNumber = Field(description="Which appearance of `reading` in the field's text, counting from 1.")
    certainty: Certainty = Field(description="How sure the reading is.")
    note: str | None = Field(description="What the source shows and what was decided.")


class AbsentElement(StrictModel):
    """A GB/T 9704-2012 element the notice does not carry."""

    element: str = Field(description="The element's name.")
    note: str | None = Field(description="Why it is absent, where known.")


class Source(StrictModel):
    """The source text a notice was encoded from."""

    file: str = Field(description="File name of the source text inside the notice folder.")
    sha256: str = Field(pattern=SHA256_PATTERN, description="SHA-256 of the source text, as lower-case hex.")


class Notice(StrictModel):
    """One notice: document elements, body and attachment."""

    id: str = Field(description="Stable ASCII notice ID.")
    doc_number: str = Field(description="发文字号 as printed, e.g. 普安委〔2022〕6号.")
    doc_number_parts: DocNumber = Field(description="The 发文字号 parsed.")
    date: dt.date = Field(description="成文日期.")
    title: str = Field(description="标题 of the covering notice.")
    issuer: UnitId = Field(description="The issuing organ, as a unit ID.")
    issuer_mark: str = Field(description="发文机关标志.")
    addressee: str = Field(description="主送机关 as printed.")
    addressee_units: list[UnitId] = Field(description="主送机关 as unit IDs.")
    transmittal: str = Field(description="Text of the covering notice.")
    signature: str = Field(description="发文机关署名.")
    attachment_note: str | None = Field(description="附件说明; null for a notice without an attachment.")
    annotation: str | None = Field(description="附注; null where none is printed.")
    imprint_organ: str = Field(description="印发机关.")
    imprint_date: dt.date = Field(description="印发日期.")
    copies: int | None = Field(ge=1, le=MAX_COPIES, description="印数; null where none is printed.")
    absent_elements: list[AbsentElement] = Field(description="Elements this notice does not carry.")
    body_title: str = Field(description="Title of the 工作意见.")
    opening: str = Field(description="Opening paragraph, with the 总体要求.")
    closing: str = Field(description="Closing paragraph.")
    announced_tasks: PrintedNumber | None = Field(
        description="Number of tasks the closing paragraph announces; null where it announces none."
    )
    parts: list[Part] = Field(description="The parts of the body (一、…), in printed order.")
    sections: list[Section] = Field(description="The subsections （一）…, in printed order, across all parts.")
    measures: list[Measure] = Field(description="The numbered measures, in printed order, across all sections.")
    attachment_title: str | None = Field(description="Title of the attachment; null for a notice without one.")
    categories: list[Category] = Field(description="The categories of the attachment table, in printed order.")
    categories_printed: PrintedNumber | None = Field(
        description="Number of categories on the printed total line; null without an attachment."
    )
    tasks_printed: PrintedNumber | None = Field(
        description="Subtotal of tasks on the printed total line; null without an attachment."
    )
    tasks: list[Task] = Field(description="The rows of the attachment table, in printed order.")
    editorial: list[EditorialRecord] = Field(description="Every departure from the printed source.")
    source: Source = Field(description="The source text the notice was encoded from.")

    def part(self, number: int) -> Part:
        """The part with this number (一 is 1)."""
        return self._numbered(self.parts, number, "part")

    def section(self, number: int) -> Section:
        """The section with this number, counted across parts."""
        return self._numbered(self.sections, number, "section")

    def measure(self, number: int) -> Measure:
        """The measure with this number, counted across the notice."""
        return self._numbered(self.measures, number, "measure")

    def category(self, number: int) -> Category:
        """The attachment category with this number (一 is 1)."""
        return self._numbered(self.categories, number, "category")

    def task(self, number: int) -> Task:
        """The attachment task with this 序号."""
        return self._numbered(self.tasks, number, "task")

    def number_record(self, entity_id: str) -> EditorialRecord | None:
        """The editorial record of where the source's numbering departs at the entity, if it does."""
        for record in self.editorial:
            if record.entity == entity_id and record.field == "number":
                return record
        return None

    def _numbered(self, entities: Sequence[NumberedEntity], number: int, what: str) -> NumberedEntity:
        """The entity with this number; NotFound says so where the source skips the number."""
        try:
            return _by_number(entities, number, what, self.id)
        except NotFound:
            after = next((entity for entity in entities if entity.number > number), None)
            record = None if after is None else self.number_record(after.id)
            if after is None or record is None or record.kind != "doubt":
                raise
            before = [entity.number for entity in entities if entity.number < number]
            printed = f"{what} {after.number} after {what} {before[-1]}" if before else f"{what} {after.number} first"
            note = f": {record.note}" if record.note else ""
            reason = f"the source skips it, printing {printed} (the editorial record of {after.id}{note})"
            raise NotFound(what, number, where=self.id, reason=reason) from None

    def measures_of_task(self, task: Task | int) -> list[Measure]:
        """The measures a task (or task number) links to, in the task's order."""
        numbers = (task if isinstance(task, Task) else self.task(task)).measures
        return [self.measure(number) for number in numbers]

    def tasks_of_measure(self, measure: Measure | int) -> list[Task]:
        """The tasks that link to a measure (or measure number), in table order."""
        number = (measure if isinstance(measure, Measure) else self.measure(measure)).number
        return [task for task in self.tasks if number in task.measures]


class Corpus(StrictModel):
    """The whole corpus: notices and the registries they share."""

    corpus_version: VersionString = Field(description="Version of the corpus data.")
    schema_version: VersionString = Field(description="Version of the schema the data follows.")
    notices: list[Notice] = Field(description="The notices, in publication order.")
    units: list[Unit] = Field(description="The unit registry shared by all notices.")
    people: list[Person] = Field(description="The people registry shared by all notices.")

    def notice(self, notice_id: str) -> Notice:
        """The notice with this ID."""
        for notice in self.notices:
            if notice.id == notice_id:
                return notice
        raise NotFound("notice", notice_id, difflib.get_close_matches(notice_id, [n.id for n in self.notices]))

    def unit(self, key: str) -> Unit:
        """The unit with this ID, canonical name or alias (spaces inside names are ignored)."""
        return _by_key(self.units, key, "unit")

    def person(self, key: str) -> Person:
        """The person with this ID or name (spaces inside names are ignored)."""
        return _by_key(self.people, key, "person")

    def measures_of_unit(self, unit: str) -> list[Measure]:
        """The measures, in every notice, whose unit list names the unit (by ID, name or alias)."""
        unit_id = self.unit(unit).id
        return [m for notice in self.notices for m in notice.measures if unit_id in m.units]

    def tasks_of_unit(self, unit: str, role: TaskRole = "any") -> list[Task]:
        """The tasks, in every notice, naming the unit (by ID, name or alias) as responsible, cooperating or either."""
        if role not in ("responsible", "cooperating", "any"):
            raise ValueError(f"role must be 'responsible', 'cooperating' or 'any', not {role!r}")
        unit_id = self.unit(unit).id
        roles = ("responsible", "cooperating") if role == "any" else (role,)
        return [
            task
            for notice in self.notices
            for task in notice.tasks
            if any(unit_id in getattr(task, f"{r}_units") for r in roles)
        ]

    def tasks_of_leader(self, person: str) -> list[Task]:
        """The tasks, in every notice, that a district leader (by ID or name) leads."""
        person_id = self.person(person).id
        return [task for notice in self.notices for task in notice.tasks if person_id in task.leaders]


# The lists of numbered entities a notice holds, each with the singular that names one of them.
NUMBERED_LISTS = {
    "parts": "part",
    "sections": "section",
    "measures": "measure",
    "categories": "category",
    "tasks": "task",
}
# Every list of entities a notice holds: the numbered ones and the editorial record.
ENTITY_LISTS = (*NUMBERED_LISTS, "editorial")
