"""The rule registry. Each rule lives in its own module; the module docstring is its documentation.

To add a rule: write a module beside this one with CODE, NAME, SEVERITY, SUMMARY and ``check(ctx)``, then add it
to ``_MODULES`` below. Codes are a promise to users: never reuse or renumber one.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from types import ModuleType

from ..context import CheckContext
from ..diagnostics import Diagnostic, Severity
from . import (
    announced_count,
    bold_mark,
    breakdown_total,
    category_part,
    category_subtotal,
    dates,
    doc_number_form,
    duplicate_alias,
    duplicate_id,
    edit_applies,
    edit_kind,
    edit_note,
    half_width_punctuation,
    invisible_character,
    not_nfc,
    numbering,
    printed_in_source,
    repeated_reference,
    repeated_text,
    source_checksum,
    source_coverage,
    stale_suppression,
    stray_latin,
    stray_space,
    task_category_order,
    task_category_part,
    task_units,
    title_numeral,
    unit_list_matches,
    unknown_category,
    unknown_measure,
    unknown_person,
    unknown_unit,
    unused_entry,
)


@dataclass(frozen=True)
class Rule:
    """A check with a stable code. ``check`` yields diagnostics; it never prints and never exits."""

    code: str
    name: str
    severity: Severity
    summary: str
    documentation: str
    check: Callable[[CheckContext], Iterable[Diagnostic]]

    @classmethod
    def from_module(cls, module: ModuleType) -> Rule:
        return cls(
            code=module.CODE,
            name=module.NAME,
            severity=module.SEVERITY,
            summary=module.SUMMARY,
            documentation=inspect.cleandoc(module.__doc__ or ""),
            check=module.check,
        )


# Codes raised by the loader and the schema step, which no module checks but users may select and read about.
LOAD_CODES: dict[str, tuple[str, str]] = {
    "AW001": ("yaml-syntax", "The file is not valid YAML."),
    "AW002": ("duplicate-key", "A mapping defines the same key twice."),
    "AW003": ("tab-indentation", "A line is indented with a tab."),
    "AW004": ("disallowed-tag", "A value carries a YAML tag other than the core schema's."),
    "AW005": ("encoding", "The file is not UTF-8."),
    "AW006": ("byte-order-mark", "The file starts with a byte-order mark."),
    "AW007": ("control-character", "The file holds a NUL or another control character."),
    "AW008": ("not-a-mapping", "The file is empty or holds a list or a single value instead of a mapping."),
    "AW009": ("alias", "The file uses a YAML alias."),
    "AW010": ("too-deep", "The file nests deeper than any corpus file needs."),
    "AW011": ("file-too-large", "The file is larger than the size limit."),
    "AW012": ("unreadable", "A file or folder of the corpus is missing or cannot be read."),
    "AW013": ("symlink-outside", "A corpus file is a symbolic link pointing outside the corpus."),
    "AW101": ("schema", "A value does not fit the schema: missing or unknown key, wrong type or pattern."),
    "AW102": ("schema-version", "The corpus is written for another major schema version."),
}

_MODULES = (
    numbering,
    doc_number_form,
    title_numeral,
    dates,
    unknown_unit,
    unknown_person,
    unknown_measure,
    unknown_category,
    duplicate_id,
    duplicate_alias,
    unit_list_matches,
    unused_entry,
    task_category_order,
    repeated_reference,
    category_subtotal,
    breakdown_total,
    announced_count,
    category_part,
    task_category_part,
    task_units,
    repeated_text,
    half_width_punctuation,
    stray_latin,
    invisible_character,
    not_nfc,
    stray_space,
    bold_mark,
    printed_in_source,
    edit_applies,
    source_checksum,
    source_coverage,
    edit_note,
    edit_kind,
    stale_suppression,
)

RULES: dict[str, Rule] = {module.CODE: Rule.from_module(module) for module in _MODULES}

# Runs after the others and their suppressions: it reports the suppressions that accepted nothing.
STALE_SUPPRESSION = stale_suppression.CODE
