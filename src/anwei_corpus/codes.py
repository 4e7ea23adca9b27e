"""The table of codes: every code a run can report, defined once, and the codes retired from use.

A code is a promise to users: once published it keeps its meaning, and a retired code is recorded in
``RETIRED_CODES`` so that it is never given to another check. The codes of reading files (AW0xx) and of the schema
(AW1xx) are defined here, each as a named constant the loader reports with; the codes of the rules are defined by
their modules under ``rules/`` and joined to this table by the rule registry (see ``catalog.codes``).

Loader and schema findings come before any rule runs: a file that fails one of them is not read further, and the
rules skip it. All of them are errors.
"""

from __future__ import annotations

import inspect
from dataclasses import dataclass
from enum import StrEnum

from .diagnostics import Severity


class CodeState(StrEnum):
    """Whether a code is reported (``active``) or kept only so that it is never reused (``retired``)."""

    ACTIVE = "active"
    RETIRED = "retired"


@dataclass(frozen=True)
class CodeDoc:
    """What a user reads about a code: its name, default severity, a one-line summary and the documentation."""

    code: str
    name: str
    severity: Severity
    summary: str
    documentation: str
    state: CodeState = CodeState.ACTIVE

    @property
    def description(self) -> str:
        """The documentation's first paragraph."""
        return self.documentation.split("\n\n", 1)[0]


LOAD_CODES: dict[str, CodeDoc] = {}
"""The codes of reading files and of the schema, by code."""

# Codes no longer reported, by code, with what they meant: a new check never takes one of them.
RETIRED_CODES: dict[str, CodeDoc] = {}


def _load_code(code: str, name: str, summary: str, documentation: str) -> str:
    """Record a loader or schema code in ``LOAD_CODES``; return the code for the loader to report with."""
    LOAD_CODES[code] = CodeDoc(code, name, Severity.ERROR, summary, inspect.cleandoc(documentation))
    return code


YAML_SYNTAX = _load_code(
    "AW001",
    "yaml-syntax",
    "The file is not valid YAML.",
    """
        The file cannot be parsed: a quote or bracket is not closed, a key lacks its colon, the indentation of a
        line does not fit its neighbours, or the file holds more than one YAML document (a second ``---``).

        The parser gives up where it notices the mistake, often a line or more past it, so common mistakes are
        recognised and reported at the line to edit: a quote left open (at the quote), a full-width colon typed
        after a key, a key without its colon, a key indented out of step with its entry, and a tab where YAML
        allows none. Other errors keep the parser's words and get a hint of where to look.

        Example: ``title 强化风险监测预警`` reports "line 150 has no ':' after 'title'"; a key two spaces short
        reports "`units` is indented 10 columns but the other keys of this entry are at 12"; ``units:
        [emergency-bureau, police-bureau`` reports "YAML syntax error: expected ',' or ']', but got ':'". Fix the
        syntax; a YAML editor extension shows the same error as you type.
        """,
)

DUPLICATE_KEY = _load_code(
    "AW002",
    "duplicate-key",
    "A mapping defines the same key twice.",
    """
        YAML parsers disagree about a repeated key (most keep the last value silently), so the corpus refuses it.

        Example: a measure with two ``text:`` keys reports "duplicate key 'text' (first defined on line 40)" at the
        second one. Delete one of them, or merge what they say.
        """,
)

TAB_INDENTATION = _load_code(
    "AW003",
    "tab-indentation",
    "A line is indented with a tab.",
    """
        YAML forbids tabs in indentation, and a tab that happens to parse hides the structure a reader sees. A space
        other than the ASCII one, such as U+3000 IDEOGRAPHIC SPACE from a Chinese input method, is not indentation
        to YAML at all but the start of the content, so it is refused the same way.

        Example: a line starting with a tab reports "tab in indentation" at the tab; a line starting with two U+3000
        reports "indented with U+3000 IDEOGRAPHIC SPACE — indent with ASCII spaces". Indent with ASCII spaces only
        (two per level, as the rest of the corpus does).
        """,
)

DISALLOWED_TAG = _load_code(
    "AW004",
    "disallowed-tag",
    "A value carries a YAML tag other than the core schema's.",
    """
        Tags such as ``!!python/object`` or ``!include`` make a file mean different things to different readers, so
        only the plain core-schema values (strings, numbers, booleans, null, lists, mappings) are allowed.

        Example: ``units: !include units.yaml`` reports "tag '!include' is not allowed". Remove the tag and write
        the plain value the schema asks for.
        """,
)

ENCODING = _load_code(
    "AW005",
    "encoding",
    "The file is not UTF-8.",
    """
        Every corpus file is UTF-8. A file saved as GBK, GB 18030 or UTF-16 is reported where its first byte that is
        not UTF-8 stands.

        Example: ``name: 区应急局`` saved as GBK reports "byte 0xc7 at offset 6 is not valid UTF-8; the line reads
        'name: 区应急局' in GB18030". Re-save the file as UTF-8 in your editor, or convert it with ``iconv -f GB18030
        -t UTF-8``.
        """,
)

BYTE_ORDER_MARK = _load_code(
    "AW006",
    "byte-order-mark",
    "The file starts with a byte-order mark.",
    """
        A UTF-8 byte-order mark is invisible in most editors but becomes part of the first key for some YAML
        readers.

        Example: a file saved by an editor that adds a BOM reports "file starts with a UTF-8 byte-order mark" at
        line 1, column 1. Save the file as "UTF-8" rather than "UTF-8 with BOM".
        """,
)

CONTROL_CHARACTER = _load_code(
    "AW007",
    "control-character",
    "The file holds a NUL or another control character.",
    """
        Control characters other than newline and tab are invisible, survive copy and paste from PDF extractions,
        and end up in the release.

        Example: a text pasted with a form feed reports "control character U+000C" at its position, and the text
        report shows it as ␌. Delete the character.
        """,
)

NOT_A_MAPPING = _load_code(
    "AW008",
    "not-a-mapping",
    "The file is empty or holds a list or a single value instead of a mapping.",
    """
        Every corpus file is a mapping of keys (``units:``, ``parts:``, …) at its top level.

        Example: an empty ``people.yaml`` reports "file is empty; expected a mapping"; a file that starts with ``-
        id: …`` reports "file holds a list; expected a mapping". Restore the top-level key, e.g. ``people:``, and
        indent the list under it.
        """,
)

ALIAS = _load_code(
    "AW009",
    "alias",
    "The file uses a YAML alias.",
    """
        Anchors and aliases (``&units`` … ``*units``) make one place in the file stand for another; the corpus
        spells every value out so that each finding points at the text a maintainer edits.

        Example: ``units: *same-as-above`` reports "alias reuses the node anchored at line 30". Replace the alias by
        a copy of the value.
        """,
)

TOO_DEEP = _load_code(
    "AW010",
    "too-deep",
    "The file nests deeper than any corpus file needs.",
    """
        No corpus file nests more than a handful of levels; a file that does is damaged or is not a corpus file, and
        reading it could exhaust the reader's stack.

        Example: a run of ``[[[[…`` reports "nesting deeper than 64 levels" (``loader.MAX_DEPTH``) where the limit
        is crossed. Remove the extra nesting.
        """,
)

FILE_TOO_LARGE = _load_code(
    "AW011",
    "file-too-large",
    "The file is larger than the size limit.",
    """
        A corpus file holds one notice's part and stays well under a megabyte; a larger file is most likely the
        wrong file, and is not read.

        Example: a log pasted into ``body.yaml`` reports "file is larger than the limit of 1048576 bytes"
        (``loader.MAX_FILE_BYTES``). Check that the path points at the corpus file you meant, and remove what does
        not belong in it.
        """,
)

UNREADABLE = _load_code(
    "AW012",
    "unreadable",
    "A file or folder of the corpus is missing or cannot be read.",
    """
        The corpus folder, its ``corpus.yaml``, a registry, one of a notice's files or its source text is missing or
        cannot be opened. A missing corpus folder or manifest makes the whole run fail with exit status 2.

        A notice listed in ``corpus.yaml`` without a folder under ``notices/`` is reported once, at its list entry,
        with the closest existing folder. A folder under ``notices/`` that ``corpus.yaml`` does not list is an error
        too: its notice would silently stay out of the release.

        Example: "file is missing" on ``notices/putuo-anwei-2022-6/body.yaml`` after a rename; "notice
        'putuo-anwei-2022-06' has no folder notices/putuo-anwei-2022-06 — did you mean 'putuo-anwei-2022-6'?" at
        the entry of ``corpus.yaml``. Restore the file, or correct the notice's folder in ``corpus.yaml``; check
        permissions if the file is there.
        """,
)

SYMLINK_OUTSIDE = _load_code(
    "AW013",
    "symlink-outside",
    "A corpus file is, or is reached through, a symbolic link pointing outside the corpus.",
    """
        A corpus is validated and released as one folder; a symbolic link that leaves it, whether the file itself
        or a folder on its way, would make the result depend on files outside the repository.

        Example: ``registry/units.yaml`` linking to ``/home/me/units.yaml`` reports "file lies outside the
        corpus, reached through a symbolic link". Copy the file into the corpus instead of linking it.
        """,
)

INTEGER_FORM = _load_code(
    "AW014",
    "integer-form",
    "An integer is written other than in plain decimal digits.",
    """
        The numbers a notice prints are decimal, and so is every integer of the corpus: digits without a leading
        zero, an underscore or a base prefix. YAML readers disagree about the other spellings, so the corpus refuses
        them where they stand, as yamllint's ``octal-values`` does: ``0o16`` is 14 to a YAML 1.2 reader but text to a
        YAML 1.1 one (PyYAML), ``014`` is 14 to the one and 12 to the other, ``1_4`` and ``0b1110`` are text to a
        YAML 1.2 reader (the editors' language server), and ``0x0E`` is 14 to both but nothing the source prints.
        ``anwei fmt`` leaves such a file alone rather than pick a reading, and reports this finding. The other
        integers of the file so written are counted and their lines named.

        Example: ``number: 0x0E`` reports "integer 0x0E is written in hexadecimal; the corpus writes integers in
        decimal digits" with the hint "make it number: 14". Write the number in decimal digits, as the source
        prints it.
        """,
)

SCHEMA = _load_code(
    "AW101",
    "schema",
    "A value does not fit the schema: missing or unknown key, wrong type or pattern.",
    """
        Each file is checked against the models its JSON Schema under ``schema/source/`` is generated from: every
        required key present, no unknown key, every value of the right type and form.

        Example: ``numbr: 12`` in a measure reports "unknown key 'numbr'" at the key and "missing required key
        'number'" at the measure; ``id: Emergency_Bureau`` reports "id: 'Emergency_Bureau' is not a lower-case ASCII
        ID with hyphens, like emergency-bureau". An unknown key or a misspelt choice gets the closest allowed one
        as a suggestion (``aliasses`` → ``aliases``, ``goverment-department`` → ``government-department``), and a
        date that does not exist (``2022-08-51``) is reported here rather than as a syntax error. A value of the
        wrong type, or left null, is told every form the field takes: a text is "a string or a mapping with
        `text` (and optionally `edits`)". Fix the key or the value as the message says; an editor with the YAML
        language server flags these as you type.
        """,
)

SCHEMA_VERSION = _load_code(
    "AW102",
    "schema-version",
    "The corpus is written for another major schema version.",
    """
        ``corpus.yaml`` names the schema version the data is written for. Data for another major version has a
        different shape, so the rules do not run on it at all.

        Example: "corpus is written for schema 2.0.0; this anwei reads schema 1.0.0 (major version 1)". Use the
        ``anwei`` release that reads that schema, or migrate the data and change ``schema_version``.
        """,
)
