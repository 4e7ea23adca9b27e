"""The public, typed corpus: what ``anwei_corpus.load()`` returns and what ``anwei-corpus.json`` holds.

Notices are flattened for consumers: parts, sections, measures, categories and tasks are lists that refer to each
other by number. Texts are clean readings; every departure from the printed source is listed in ``editorial``.
The release JSON Schema is generated from these classes.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field

from .common import Certainty, EditKind, PersonId, StrictModel, UnitId, VersionString
from .source import UnitKind


class Unit(StrictModel):
    """An organisation or collective group that notices assign work to."""

    id: UnitId = Field(description="Stable ASCII identifier.")
    name: str = Field(description="Canonical name.")
    aliases: list[str] = Field(description="Other printed spellings of the name.")
    kind: UnitKind = Field(description="What sort of body this is.")
    note: str | None = Field(description="Editorial note on the entry.")


class Person(StrictModel):
    """A district leader."""

    id: PersonId = Field(description="Stable ASCII identifier (the name in pinyin).")
    name: str = Field(description="The name, without padding spaces.")
    note: str | None = Field(description="Editorial note on the entry.")


class DocNumber(StrictModel):
    """The parts of the 发文字号."""

    organ_code: str = Field(description="机关代字, e.g. 普安委.")
    year: int = Field(description="年份.")
    serial: int = Field(description="发文顺序号.")


class Part(StrictModel):
    """A part of the body (一、…)."""

    id: str = Field(description="Stable ID: <notice>/part/<number>.")
    number: int = Field(description="1-based number; 一 is 1.")
    title: str = Field(description="Title without its numeral.")


class Section(StrictModel):
    """A subsection （一）…, numbered continuously across parts."""

    id: str = Field(description="Stable ID: <notice>/section/<number>.")
    number: int = Field(description="1-based number, continuous across parts.")
    part: int = Field(description="Number of the part it belongs to.")
    title: str = Field(description="Title without its numeral.")
    intro: str | None = Field(description="The paragraph under the title; null where none is printed.")


class Measure(StrictModel):
    """A numbered measure."""

    id: str = Field(description="Stable ID: <notice>/measure/<number>.")
    number: int = Field(description="Number 1…N, continuous across the notice.")
    section: int = Field(description="Number of the section it belongs to.")
    part: int = Field(description="Number of the part it belongs to.")
    text: str = Field(description="The measure's text, without its closing unit list.")
    assignment: str = Field(description="The closing unit list as printed (clean reading), parentheses included.")
    units: list[UnitId] = Field(description="Unit IDs of the closing list, in printed order.")
    unit_groups: list[list[UnitId]] = Field(
        description="The same IDs grouped as the full-width commas of the list group them."
    )


class Category(StrictModel):
    """A category of the attachment table."""

    id: str = Field(description="Stable ID: <notice>/category/<number>.")
    number: int = Field(description="1-based number; 一 is 1.")
    title: str = Field(description="Title without its numeral.")
    subtotal_printed: int = Field(description="The 小计 printed in the category row.")


class Task(StrictModel):
    """A row of the attachment table."""

    id: str = Field(description="Stable ID: <notice>/task/<number>.")
    number: int = Field(description="序号.")
    category: int | None = Field(description="Category number; null for a task above the categories.")
    title: str = Field(description="重点任务.")
    leaders: list[PersonId] = Field(description="牵头区领导, as person IDs in printed order.")
    responsible_units: list[UnitId] = Field(description="责任单位, as unit IDs in printed order.")
    cooperating_units: list[UnitId] = Field(description="配合单位, as unit IDs in printed order.")
    requirement: str = Field(description="工作要求.")
    remark: str | None = Field(description="备注; null where the cell is empty.")
    measures: list[int] = Field(description="Numbers of the measures the task restates or derives from.")
    link_basis: Literal["measures", "general-requirements"] = Field(
        description="'general-requirements' when the task comes from the opening's 总体要求 rather than a measure."
    )
    link_rationale: str = Field(description="Why the task links where it does.")


class EditorialRecord(StrictModel):
    """One departure of the clean reading from the printed source."""

    entity: str = Field(description="ID of the entity whose text departs (the notice ID for document elements).")
    field: str = Field(description="Which text of the entity, e.g. 'text', 'title', 'requirement'.")
    kind: EditKind = Field(description="What kind of departure.")
    edit_class: Literal["artefact", "source-error", "normalisation"] = Field(
        description="Why: an artefact of text extraction, an apparent error in the source, or a normalisation."
    )
    printed: str = Field(description="What the source prints.")
    reading: str = Field(description="What the corpus reads.")
    occurrence: int = Field(description="Which appearance of `reading` in the field's text, counting from 1.")
    certainty: Certainty = Field(description="How sure the reading is.")
    note: str | None = Field(description="What the source shows and what was decided.")


class AbsentElement(StrictModel):
    """A GB/T 9704-2012 element the notice does not carry."""

    element: str = Field(description="The element's name.")
    note: str | None = Field(description="Why it is absent, where known.")


class Source(StrictModel):
    """The source text a notice was encoded from."""

    file: str = Field(description="File name of the source text inside the notice folder.")
    sha256: str = Field(description="SHA-256 of the source text.")


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
    attachment_note: str = Field(description="附件说明.")
    annotation: str = Field(description="附注.")
    imprint_organ: str = Field(description="印发机关.")
    imprint_date: dt.date = Field(description="印发日期.")
    copies: int = Field(description="印数.")
    absent_elements: list[AbsentElement] = Field(description="Elements this notice does not carry.")
    body_title: str = Field(description="Title of the 工作意见.")
    opening: str = Field(description="Opening paragraph, with the 总体要求.")
    closing: str = Field(description="Closing paragraph.")
    announced_tasks: int = Field(description="Number of tasks the closing paragraph announces.")
    parts: list[Part] = Field(description="The parts of the body (一、…), in printed order.")
    sections: list[Section] = Field(description="The subsections （一）…, in printed order, across all parts.")
    measures: list[Measure] = Field(description="The numbered measures, in printed order, across all sections.")
    attachment_title: str = Field(description="Title of the attachment.")
    categories: list[Category] = Field(description="The categories of the attachment table, in printed order.")
    categories_printed: int = Field(description="Number of categories on the printed total line.")
    tasks_printed: int = Field(description="Subtotal of tasks on the printed total line.")
    tasks: list[Task] = Field(description="The rows of the attachment table, in printed order.")
    editorial: list[EditorialRecord] = Field(description="Every departure from the printed source.")
    source: Source = Field(description="The source text the notice was encoded from.")


class Corpus(StrictModel):
    """The whole corpus: notices and the registries they share."""

    corpus_version: VersionString = Field(description="Version of the corpus data.")
    schema_version: VersionString = Field(description="Version of the schema the data follows.")
    notices: list[Notice] = Field(description="The notices, in publication order.")
    units: list[Unit] = Field(description="The unit registry shared by all notices.")
    people: list[Person] = Field(description="The people registry shared by all notices.")
