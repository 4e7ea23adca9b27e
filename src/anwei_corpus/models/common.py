"""Building blocks shared by the source models and the release models."""

# No ``from __future__ import annotations``, as in source.py: pydantic builds these models on every cold start.

from collections.abc import Iterator
from functools import cache
from typing import Annotated, Any, Literal, Self, get_args

from pydantic import BaseModel, ConfigDict, Field, model_validator

UNIT_ID_PATTERN = r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$"
PERSON_ID_PATTERN = r"^[a-z]+(-[a-z]+)+$"
VERSION_PATTERN = r"^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)$"
NAME_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"  # a notice's ID and folder name
SHA256_PATTERN = r"^[0-9a-f]{64}$"
CODE_PATTERN = r"^AW[0-9]{3}$"
FILE_NAME_PATTERN = r"^[A-Za-z0-9_.-]+$"
NOT_BLANK_PATTERN = r"\S"

# What each pattern asks for, in the words of a schema error (schema_errors.py); a test checks that every pattern of
# the models has its words here.
PATTERN_WORDS = {
    UNIT_ID_PATTERN: "a lower-case ASCII ID with hyphens, like emergency-bureau",
    PERSON_ID_PATTERN: "a person ID in pinyin, like jiang-aifeng",
    VERSION_PATTERN: "a version MAJOR.MINOR.PATCH, like 1.0.0",
    NAME_PATTERN: "a lower-case ASCII name with hyphens",
    SHA256_PATTERN: "64 lower-case hexadecimal digits (a SHA-256)",
    CODE_PATTERN: "a rule code like AW502",
    FILE_NAME_PATTERN: "a file name of ASCII letters, digits, '.', '_' and '-'",
    NOT_BLANK_PATTERN: "some text besides spaces",
}


class Link(str):
    """A kind of value that refers to other entities (``anwei diff`` tells a link's change from a text's):
    ``REGISTRY_LINK``, an ID of the registries (the types that carry ``REGISTRY_MARK``), or ``NUMBER_LINK``, the
    number of an entity of the same notice, which marks its type (validation and the schemas ignore the mark)."""


REGISTRY_LINK, NUMBER_LINK = Link("registry"), Link("number")

# A reference to a registry entry carries this annotation, naming the registry; the editor schemas
# (schema/editor/) turn every node that carries it into an enum of the registry's IDs.
REGISTRY_MARK = "x-registry"
UnitId = Annotated[
    str,
    Field(
        pattern=UNIT_ID_PATTERN,
        description="A unit ID from the unit registry.",
        json_schema_extra={REGISTRY_MARK: "units"},
    ),
]
PersonId = Annotated[
    str,
    Field(
        pattern=PERSON_ID_PATTERN,
        description="A person ID from the people registry.",
        json_schema_extra={REGISTRY_MARK: "people"},
    ),
]
# The ID a registry entry defines: the same form, but no reference to the registry.
NewUnitId = Annotated[str, Field(pattern=UNIT_ID_PATTERN)]
NewPersonId = Annotated[str, Field(pattern=PERSON_ID_PATTERN)]
VersionString = Annotated[str, Field(pattern=VERSION_PATTERN, description="MAJOR.MINOR.PATCH.")]

# The area a unit or person belongs to, for names that mean something only within it: 区应急局 is one bureau in a
# notice of 普陀区 and another in a notice of 静安区. The value is the notice IDs' first segment (putuo, jingan).
JURISDICTION_DESCRIPTION = (
    "The district (or other area) this entry belongs to, as the first segment of its notices' IDs (putuo): a "
    "notice whose issuer belongs to another one cannot name it. Left out for an entry of no one area."
)
Jurisdiction = Annotated[str, Field(pattern=NAME_PATTERN)]

# A number or count a notice prints (a measure's number, a subtotal, a document's serial): far below 10,000 in any
# notice, so the bound refuses the absurd without refusing the real.
MAX_PRINTED_NUMBER = 9999
PrintedNumber = Annotated[int, Field(ge=1, le=MAX_PRINTED_NUMBER)]
NumberLink = Annotated[PrintedNumber, NUMBER_LINK]  # the number of a part, section, measure or category
MAX_COPIES = 100_000  # a print run of a district notice is tens of copies; a city's, thousands


class StrictModel(BaseModel):
    """Unknown keys are errors, and no value is coerced into another type."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


# What kind of departure from the printed source an edit records, grouped by why it was made: each kind is named
# once, in its class.
ArtefactKind = Literal[  # artefacts of the PDF text extraction
    "break",  # a paragraph broken at a page break, or before a unit list set on its own line
    "doubled",  # a character printed twice across a page break
    "bold-mark",  # Markdown ** marks around bold text
    "space",  # a space the extraction inserted: padding, around numerals
]
SourceErrorKind = Literal[  # apparent errors in the printed notice
    "stray-latin",  # an English word standing inside a Chinese sentence
    "typo",  # a wrong character
    "doubt",  # a reading kept as printed, with the doubt noted
]
NormalisationKind = Literal[  # normalisations to the corpus conventions
    "punctuation",  # half-width punctuation made full-width
]
EditKind = Literal[ArtefactKind, SourceErrorKind, NormalisationKind]
EditClass = Literal["artefact", "source-error", "normalisation"]
_KINDS_OF_CLASS: tuple[tuple[EditClass, Any], ...] = (
    ("artefact", ArtefactKind),
    ("source-error", SourceErrorKind),
    ("normalisation", NormalisationKind),
)
EDIT_KIND_CLASSES: dict[str, EditClass] = {
    kind: edit_class for edit_class, kinds in _KINDS_OF_CLASS for kind in get_args(kinds)
}
# "proposed": set by a draft (``anwei new --draft``) for a person to decide; never released.
Certainty = Literal["certain", "high", "medium", "low", "proposed"]
# Every note and rationale a draft writes for a person to act on carries this mark: once the person has decided, the
# text says what was decided instead, and a text that still holds it is reported (AW901). A mark, not the word 草稿
# alone, which a note may well use (a plan's 草稿).
DRAFT_MARK = "（草稿提议）"


class Suppression(StrictModel):
    """A finding a maintainer accepts for this entity, with the reason why."""

    code: Annotated[str, Field(pattern=CODE_PATTERN, description="The code of the accepted finding.")]
    reason: Annotated[str, Field(min_length=1, pattern=NOT_BLANK_PATTERN, description="Why the finding is accepted.")]


def empty_list() -> list[Any]:
    """The default of a list field. A function of ours, not ``list``: pydantic reads a default factory's signature,
    and a builtin's is parsed from its text, which costs a cold start more than all the list fields are worth."""
    return []


def suppress_field() -> Any:
    """The ``suppress`` field of an entity a rule can report on."""
    return Field(default_factory=empty_list, description="Findings accepted for this entry, each with its reason.")


class Edit(StrictModel):
    """One departure of the clean reading from the printed source.

    The printed form is rebuilt by putting ``printed`` back where ``reading`` stands in the text
    (its ``occurrence``-th appearance, counting from 1).
    """

    kind: EditKind
    printed: str = Field(description="What the source prints.")
    reading: str = Field(description="What the corpus reads instead (equal to printed for kind 'doubt').")
    occurrence: PrintedNumber = Field(
        default=1, description="Which appearance of `reading` in the text, when it stands more than once."
    )
    certainty: Certainty = Field(default="certain", description="How sure the reading is.")
    note: str | None = Field(default=None, description="Why: what the source shows and what was decided.")

    @model_validator(mode="after")
    def _departs_from_print(self) -> Self:
        if self.kind == "doubt":
            if self.printed != self.reading:
                raise ValueError("an edit of kind 'doubt' keeps the printed form: reading must equal printed")
        elif self.printed == self.reading:
            raise ValueError(f"an edit of kind {self.kind!r} must change something: printed equals reading")
        return self

    @property
    def edit_class(self) -> str:
        """artefact, source-error or normalisation."""
        return EDIT_KIND_CLASSES[self.kind]


class Passage(StrictModel):
    """A text in its clean reading, with the record of every departure from the printed form."""

    text: Annotated[str, Field(min_length=1)]
    edits: list[Edit] = Field(default_factory=empty_list)
    suppress: list[Suppression] = suppress_field()


def walk_models(value: object, path: tuple[Any, ...] = ()) -> Iterator[tuple[tuple[Any, ...], BaseModel]]:
    """Every model inside ``value`` with its YAML path: field names are the YAML keys, list items their index."""
    if isinstance(value, BaseModel):
        yield path, value
        for name in _fields_holding_models(type(value)):
            yield from walk_models(getattr(value, name), path + (name,))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from walk_models(item, path + (index,))


@cache
def _fields_holding_models(model: type[BaseModel]) -> tuple[str, ...]:
    """The fields whose type can hold a model: the walk need not look into strings and numbers."""
    return tuple(name for name, field in model.model_fields.items() if _may_hold_model(field.annotation))


def _may_hold_model(annotation: object) -> bool:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return True
    return any(_may_hold_model(argument) for argument in get_args(annotation))
