"""Models of the YAML source files, shaped exactly as a maintainer writes them.

These models know nothing of YAML or of the screen: the loader hands them plain data, and the rules read them.
The JSON Schemas under ``schema/source/`` are generated from these classes.
"""

# No ``from __future__ import annotations`` here: pydantic would compile each field's annotation string when the
# models are built, which every cold start pays for (about 1.3 ms, measured with ``python -X importtime``).

import datetime as dt
from collections import Counter
from collections.abc import Iterator
from types import NoneType, UnionType
from typing import Annotated, Literal, NamedTuple, Self, Union, get_args, get_origin

from pydantic import BeforeValidator, Field, field_validator, model_validator

from .common import (
    FILE_NAME_PATTERN,
    JURISDICTION_DESCRIPTION,
    MAX_COPIES,
    NAME_PATTERN,
    NOT_BLANK_PATTERN,
    SHA256_PATTERN,
    UNIT_ID_PATTERN,
    Certainty,
    Edit,
    Jurisdiction,
    NewPersonId,
    NewUnitId,
    Passage,
    PersonId,
    PrintedNumber,
    StrictModel,
    Suppression,
    UnitId,
    VersionString,
    empty_list,
    suppress_field,
)

PositiveInt = PrintedNumber
PROVISIONAL = "True for an entry a draft added for a name the registry lacked, until a person has checked it."


def _passage_from_plain_string(value: object) -> object:
    """Let a maintainer write a passage with no edits as a plain string."""
    return {"text": value} if isinstance(value, str) else value


# The schema says "a string or a passage mapping", as the validator accepts, so that editors agree with it.
PassageField = Annotated[
    Passage,
    BeforeValidator(_passage_from_plain_string, json_schema_input_type=Annotated[str, Field(min_length=1)] | Passage),
]


class Misnumbered(StrictModel):
    """Where the source's own numbering departs from 1, 2, 3 …, and what the corpus makes of it.

    ``doubt``: the number is kept as printed and the sequence goes on from it (the source skips a number, e.g. 12
    then 14). ``typo``: the source prints ``printed`` where the sequence has ``number`` (a number printed twice, or
    out of order); ``number``, and with it the entity's ID, follows the sequence.
    """

    kind: Literal["doubt", "typo"]
    printed: PositiveInt | None = Field(
        default=None, description="For kind 'typo': the number the source prints. Left out for kind 'doubt'."
    )
    certainty: Certainty = Field(default="certain", description="How sure the reading is.")
    note: Annotated[str, Field(min_length=1, pattern=NOT_BLANK_PATTERN)] = Field(
        description="What the source prints around it and what was decided."
    )

    @model_validator(mode="after")
    def _printed_for_typo_only(self) -> Self:
        if (self.kind == "typo") != (self.printed is not None):
            raise ValueError("give printed for kind 'typo' (the number the source prints), and only for it")
        return self


class Numbered(StrictModel):
    """An entity the notice numbers: a part, section, measure, category or task."""

    number: PositiveInt
    misnumbered: Misnumbered | None = Field(
        default=None, description="Where the source's numbering departs from 1, 2, 3 … at this entity."
    )

    @property
    def printed_number(self) -> int:
        """The number as the source prints it."""
        if self.misnumbered is not None and self.misnumbered.printed is not None:
            return self.misnumbered.printed
        return self.number


# --- data/corpus.yaml -------------------------------------------------------------------------------------------


class CorpusFile(StrictModel):
    """The corpus manifest: versions and the notices it holds."""

    corpus_version: VersionString = Field(description="Version of the corpus data (semantic versioning).")
    schema_version: VersionString = Field(description="Version of the schema the data is written for.")
    title: str = Field(description="Name of the corpus.")
    notices: list[Annotated[str, Field(pattern=NAME_PATTERN)]] = Field(
        min_length=1, description="Folder names under notices/, one per notice, in publication order."
    )

    @field_validator("notices")
    @classmethod
    def _each_notice_once(cls, notices: list[str]) -> list[str]:
        repeated = sorted(name for name, count in Counter(notices).items() if count > 1)
        if repeated:
            raise ValueError(f"notice(s) listed more than once: {', '.join(repeated)}")
        return notices


# --- data/registry/units.yaml and people.yaml ------------------------------------------------------------------

UnitKind = Literal[
    "party-organ",
    "government-department",
    "public-institution",
    "rescue-force",
    "mass-organisation",
    "committee",
    "collective",
]


class UnitEntry(StrictModel):
    """An organisation, or a collective group of organisations, that a notice assigns work to."""

    id: NewUnitId = Field(description="Stable ASCII identifier.")
    name: str = Field(
        description="Canonical name: the form the body of the notice prints most often (the table may differ)."
    )
    aliases: list[str] = Field(default_factory=empty_list, description="Every other printed spelling of the name.")
    kind: UnitKind = Field(description="What sort of body this is.")
    jurisdiction: Jurisdiction | None = Field(default=None, description=JURISDICTION_DESCRIPTION)
    note: str | None = Field(default=None, description="Editorial note: why the aliases belong together, doubts.")
    provisional: bool = Field(default=False, description=PROVISIONAL)
    suppress: list[Suppression] = suppress_field()


class UnitsFile(StrictModel):
    """The shared registry of units (names repeat only across jurisdictions)."""

    units: list[UnitEntry] = Field(min_length=1)


class PersonEntry(StrictModel):
    """A district leader named in a notice."""

    id: NewPersonId = Field(description="Stable ASCII identifier: the name in pinyin.")
    name: str = Field(description="The name as written, without padding spaces.")
    jurisdiction: Jurisdiction | None = Field(default=None, description=JURISDICTION_DESCRIPTION)
    note: str | None = None
    provisional: bool = Field(default=False, description=PROVISIONAL)
    suppress: list[Suppression] = suppress_field()


class PeopleFile(StrictModel):
    """The shared registry of people."""

    people: list[PersonEntry] = Field(min_length=1)


# --- notices/<id>/notice.yaml -------------------------------------------------------------------------------------


class DocNumber(StrictModel):
    """发文字号, as printed and parsed: 机关代字〔年份〕序号号."""

    printed: str
    organ_code: str
    year: int = Field(ge=1949, le=2100)
    serial: PositiveInt
    suppress: list[Suppression] = suppress_field()


class PrintedDate(StrictModel):
    """A date as a value, with the printed form it was read from."""

    value: dt.date
    printed: PassageField
    suppress: list[Suppression] = suppress_field()


class Imprint(StrictModel):
    """印发机关和印发日期."""

    organ: PassageField
    date: PrintedDate


class AbsentElement(StrictModel):
    """A GB/T 9704-2012 element this notice does not carry: recorded, not invented."""

    element: str = Field(description="The element's name in GB/T 9704-2012.")
    note: str | None = None


class SourceRef(StrictModel):
    """The text the notice was encoded from, kept byte for byte beside the YAML."""

    file: str = Field(pattern=FILE_NAME_PATTERN)
    sha256: str = Field(pattern=SHA256_PATTERN)
    description: str


class Furniture(StrictModel):
    """Printed text that belongs to the page, not to the notice (repeated table headers)."""

    printed: str
    count: PositiveInt = Field(description="How many of its appearances in the source are furniture.")
    note: str


# The elements a notice may lack (GB/T 9704 makes 附件说明 and 附注 optional; 印数 is not one of its elements):
# field → the element's name, as ``absent`` records it when the notice does not print it.
OPTIONAL_ELEMENTS = {"attachment_note": "附件说明", "annotation": "附注", "print_run": "印数"}


class NoticeFile(StrictModel):
    """Document elements of one notice (版头, 主体, 版记)."""

    id: Annotated[str, Field(pattern=NAME_PATTERN)]
    source: SourceRef
    issuer_mark: PassageField = Field(description="发文机关标志.")
    issuer: UnitId = Field(description="The issuing organ, as a unit ID.")
    doc_number: DocNumber = Field(description="发文字号.")
    title: PassageField = Field(description="标题.")
    addressee: PassageField = Field(description="主送机关, with its closing colon.")
    addressee_units: list[UnitId] = Field(description="主送机关 resolved to unit IDs.")
    transmittal: PassageField = Field(description="正文 of the covering notice.")
    signature: PassageField = Field(description="发文机关署名.")
    date: PrintedDate = Field(description="成文日期.")
    attachment_note: PassageField | None = Field(
        default=None, description="附件说明; left out, with 附件说明 under absent, for a notice without an attachment."
    )
    annotation: PassageField | None = Field(
        default=None, description="附注, with its parentheses; left out, with 附注 under absent, where none is printed."
    )
    imprint: Imprint = Field(description="印发机关和印发日期.")
    print_run: PassageField | None = Field(
        default=None,
        description="印数, as printed: a customary 版记 item, not a GB/T 9704 element; left out, with 印数 under "
        "absent, where none is printed.",
    )
    copies: int | None = Field(
        default=None, ge=1, le=MAX_COPIES, description="印数 as a number; given exactly when print_run is."
    )
    absent: list[AbsentElement] = Field(
        default_factory=empty_list, description="The elements this notice does not carry, each by its name."
    )
    furniture: list[Furniture] = Field(default_factory=empty_list)

    @field_validator("absent")
    @classmethod
    def _each_element_once(cls, absent: list[AbsentElement]) -> list[AbsentElement]:
        repeated = sorted(name for name, count in Counter(a.element for a in absent).items() if count > 1)
        if repeated:
            raise ValueError(f"element(s) listed absent more than once: {', '.join(repeated)}")
        return absent

    @model_validator(mode="after")
    def _optional_elements_given_or_absent(self) -> Self:
        listed = {element.element for element in self.absent}
        for name, element in OPTIONAL_ELEMENTS.items():
            given = getattr(self, name) is not None
            if given and element in listed:
                raise ValueError(f"{name} is given, but absent lists {element}: keep one of the two")
            if not given and element not in listed:
                raise ValueError(
                    f"{name} ({element}) is missing: give it as printed, or list {{element: {element}}} under absent"
                )
        if (self.copies is None) != (self.print_run is None):
            raise ValueError("copies and print_run go together: the 印数 as printed and as a number")
        return self


# --- notices/<id>/body.yaml ---------------------------------------------------------------------------------------


# The notice file's texts of one passage each (some optional), in the file's order: what provenance.py looks for in the source and
# build.py takes into the release, with their edits.
def _is_passage(annotation: object) -> bool:
    """Whether a field holds one Passage: the type itself, annotated, or optional."""
    if annotation is Passage:
        return True
    arms = get_args(annotation)
    if get_origin(annotation) is Annotated:
        return _is_passage(arms[0])
    return get_origin(annotation) in (Union, UnionType) and any(_is_passage(arm) for arm in arms if arm is not NoneType)


NOTICE_PASSAGES = tuple(name for name, field in NoticeFile.model_fields.items() if _is_passage(field.annotation))


class Measure(Numbered):
    """A numbered measure: its paragraph, ending in the printed unit list, and that list resolved to IDs."""

    text: str = Field(description="Clean reading of the whole paragraph, the closing unit list included.")
    units: list[list[UnitId]] = Field(
        description="The closing unit list in printed order; a full-width comma in the list starts a new group. "
        "Empty where the source prints no list."
    )
    edits: list[Edit] = Field(default_factory=empty_list)
    suppress: list[Suppression] = suppress_field()


class Section(Numbered):
    """A subsection （一）…（十七）, numbered continuously across parts."""

    title: PassageField
    intro: PassageField | None = Field(default=None, description="The paragraph under the title, where printed.")
    measures: list[Measure] = Field(min_length=1)
    suppress: list[Suppression] = suppress_field()


class Part(Numbered):
    """A part 一、…五、."""

    title: PassageField
    sections: list[Section] = Field(min_length=1)
    suppress: list[Suppression] = suppress_field()


class Closing(StrictModel):
    """The paragraph after the last measure, with the number of work points it announces."""

    text: PassageField
    announced_tasks: PositiveInt | None = Field(
        default=None, description="The count of tasks the paragraph announces (列出N项); left out where it has none."
    )
    suppress: list[Suppression] = suppress_field()


class BodyFile(StrictModel):
    """The 工作意见 itself."""

    title: PassageField
    opening: PassageField = Field(description="The opening paragraph with the 总体要求.")
    parts: list[Part] = Field(min_length=1)
    closing: Closing


# --- notices/<id>/attachment.yaml ---------------------------------------------------------------------------------


class TaskLinks(StrictModel):
    """Where in the body a task comes from."""

    basis: Literal["measures", "general-requirements"] = Field(
        description="'measures' when the task restates or derives from numbered measures; "
        "'general-requirements' when it comes from the opening paragraph's 总体要求 instead."
    )
    measures: list[PositiveInt] = Field(default_factory=empty_list)
    rationale: str = Field(description="One line: why these measures.")
    certainty: Literal["certain", "proposed"] = Field(
        default="certain",
        description="'proposed' when a draft chose the measures and a person has yet to confirm them.",
    )


class Task(Numbered):
    """A row of the attachment table."""

    category: PositiveInt | None = Field(description="Category number; null for a task above the categories.")
    title: PassageField = Field(description="重点任务.")
    leaders: list[PersonId] = Field(min_length=1, description="牵头区领导.")
    responsible_units: list[UnitId] = Field(min_length=1, description="责任单位.")
    cooperating_units: list[UnitId] = Field(default_factory=empty_list, description="配合单位.")
    requirement: PassageField = Field(description="工作要求.")
    remark: PassageField | None = Field(default=None, description="备注; null where the cell is empty.")
    links: TaskLinks
    suppress: list[Suppression] = suppress_field()


class Category(Numbered):
    """A category row of the table, with its printed subtotal."""

    title: PassageField
    subtotal_printed: PositiveInt = Field(description="The 小计 printed in the category row.")
    suppress: list[Suppression] = suppress_field()


class Breakdown(StrictModel):
    """The total line: 任务分解：合计 N 项（小计 M 项）."""

    label: str
    categories_printed: PositiveInt
    tasks_printed: PositiveInt
    suppress: list[Suppression] = suppress_field()


class TableSpelling(StrictModel):
    """How the table prints a unit whose spelling differs from its canonical name."""

    unit: UnitId
    printed: str = Field(description="The cell text exactly as printed, padding included.")
    note: str | None = None


class AttachmentFile(StrictModel):
    """附件: the task table."""

    label: PassageField = Field(description="The word 附件 above the attachment.")
    title: PassageField
    columns: list[str] = Field(min_length=1, description="The table's header cells.")
    breakdown: Breakdown
    categories: list[Category] = Field(min_length=1)
    tasks: list[Task] = Field(min_length=1)
    spellings: list[TableSpelling] = Field(
        default_factory=empty_list, description="Units the table spells otherwise than their canonical name."
    )
    pads_short_names: bool = Field(
        default=True,
        description="Whether the table pads two-character leader names to the width of three (王 珏); false for a "
        "table that prints them as they are (王华).",
    )


__all__ = [
    "OPTIONAL_ELEMENTS",
    "UNIT_ID_PATTERN",
    "AbsentElement",
    "AttachmentFile",
    "BodyFile",
    "Breakdown",
    "Category",
    "Closing",
    "CorpusFile",
    "DocNumber",
    "Furniture",
    "Imprint",
    "Measure",
    "Misnumbered",
    "Numbered",
    "NumberedAt",
    "NoticeFile",
    "Part",
    "PeopleFile",
    "PersonEntry",
    "PrintedDate",
    "Section",
    "SourceRef",
    "TableSpelling",
    "Task",
    "TaskLinks",
    "UnitEntry",
    "UnitKind",
    "UnitsFile",
]


class MeasureAt(NamedTuple):
    """A measure with its parents and its YAML path in body.yaml."""

    path: tuple[str | int, ...]
    part: Part
    section: Section
    measure: Measure


class NumberedAt(NamedTuple):
    """An entity of a numbered sequence with its YAML path in its file."""

    path: tuple[str | int, ...]
    entity: Numbered


def body_sequences(body: BodyFile) -> dict[str, list[NumberedAt]]:
    """The body's numbered sequences by what they number: parts, and sections and measures across parts."""
    sequences: dict[str, list[NumberedAt]] = {"part": [], "section": [], "measure": []}
    for p, part in enumerate(body.parts):
        sequences["part"].append(NumberedAt(("parts", p), part))
        for s, section in enumerate(part.sections):
            sequences["section"].append(NumberedAt(("parts", p, "sections", s), section))
            for m, measure in enumerate(section.measures):
                sequences["measure"].append(NumberedAt(("parts", p, "sections", s, "measures", m), measure))
    return sequences


def attachment_sequences(attachment: AttachmentFile) -> dict[str, list[NumberedAt]]:
    """The task table's numbered sequences: its categories and its tasks."""
    return {
        "category": [NumberedAt(("categories", c), category) for c, category in enumerate(attachment.categories)],
        "task": [NumberedAt(("tasks", t), task) for t, task in enumerate(attachment.tasks)],
    }


def iter_measures(body: BodyFile) -> Iterator[MeasureAt]:
    """Every measure of a body, in order, with its parents and path."""
    for p, part in enumerate(body.parts):
        for s, section in enumerate(part.sections):
            for m, measure in enumerate(section.measures):
                yield MeasureAt(("parts", p, "sections", s, "measures", m), part, section, measure)
