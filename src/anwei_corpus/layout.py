"""Where the corpus is, the names of its files, and how a path is shown: known without importing the models."""

from __future__ import annotations

import os
import re
from pathlib import Path

CORPUS_VARIABLE = "ANWEI_CORPUS"  # names the corpus folder when no path is given
DEFAULT_CORPUS = "data"  # the corpus folder, relative to the working directory, when the variable is not set either

MANIFEST, UNITS, PEOPLE = "corpus.yaml", "registry/units.yaml", "registry/people.yaml"
NOTICE_YAML, BODY_YAML, ATTACHMENT_YAML = "notice.yaml", "body.yaml", "attachment.yaml"
# The generated schemas, in the repository beside the corpus folder: schema/source/ (the models' schemas, free of
# data) and schema/editor/ (the same with the registries' IDs, which the YAML files name for their editors).
SCHEMA_FOLDER, SOURCE_SCHEMAS, EDITOR_SCHEMAS = "schema", "source", "editor"

# The IDs ``anwei new --draft`` gives the registry entries it adds for names the registries lack, until a person
# gives each its stable ID: provisional-unit-1, provisional-unit-2, …; provisional-person-a, …, provisional-person-aa.
PROVISIONAL_UNIT_ID, PROVISIONAL_PERSON_ID = "provisional-unit-{}", "provisional-person-{}"
_PROVISIONAL_ID = re.compile(r"provisional-(?:unit-[1-9][0-9]*|person-[a-z]+)")


def is_provisional_id(ident: str) -> bool:
    """Whether ``ident`` has the form of an ID a draft gives a provisional registry entry."""
    return _PROVISIONAL_ID.fullmatch(ident) is not None


def default_corpus_path() -> Path:
    """The corpus folder every command and ``anwei_corpus.load()`` read without a path: $ANWEI_CORPUS, else ./data."""
    return Path(os.environ.get(CORPUS_VARIABLE) or DEFAULT_CORPUS)


def schema_folder(corpus: Path) -> Path:
    """The generated schemas of ``corpus``: ``schema`` beside its folder (``data`` → ``schema``).

    ``anwei schema`` writes there by default, and the modelines of the corpus's files (``anwei new`` writes them)
    name the editor schemas there: ``../../../schema/editor/…`` from a notice's files.
    """
    beside = corpus.parent if corpus.name not in ("", ".", "..") else corpus.resolve().parent
    return beside / SCHEMA_FOLDER


def display_name(path: Path) -> str:
    """A path as a maintainer would type it: relative to the working directory when it lies below it."""
    if not path.is_absolute():
        return str(path)
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def notice_id_ending(year: int, serial: int) -> str:
    """How a notice's ID ends, for its 发文字号's year and serial: IDs are district-organ-year-serial."""
    return f"-{year}-{serial}"


def notice_jurisdiction(notice_id: str) -> str:
    """The jurisdiction of a notice: the first segment of its ID (putuo-anwei-2022-6 is of putuo)."""
    return notice_id.split("-", 1)[0]
