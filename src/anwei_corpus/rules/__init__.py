"""The rule registry. Each rule lives in its own module; the module docstring is its documentation.

To add a rule: write a module beside this one with CODE, NAME, SEVERITY, SUMMARY and ``check(ctx)``, then add it
to ``_MODULES`` below. A rule's findings about a notice may depend only on that notice and the registries, so that
each notice can be checked apart (``anwei validate --jobs``). A rule that weighs the notices together also defines
``summarize(ctx, notice)``, a small picklable summary of one notice, and takes the list of them: ``check(ctx,
summaries)``. A rule whose findings mean nothing while a file fails to load sets ``SKIP_WHILE_UNREAD = True``. Codes are a promise to users: never reuse or renumber one (retired codes are recorded in
``codes.RETIRED_CODES``). ``CODES`` is the table of every code a run can report: the loader's and the rules'.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from types import ModuleType
from typing import Any

from ..codes import LOAD_CODES, CodeDoc
from ..context import CheckContext, CorpusIndex
from ..corpus import NoticeSource
from ..diagnostics import Diagnostic, Severity
from ..suppression import SuppressionReview
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
    invalid_suppression_code,
    invisible_character,
    jurisdiction,
    name_character,
    not_nfc,
    notice_id_doc_number,
    notice_id_folder,
    numbering,
    pending_decision,
    printed_in_source,
    publication_order,
    rationale_cites_links,
    registry_name_in_source,
    repeated_reference,
    repeated_text,
    source_checksum,
    source_coverage,
    stale_suppression,
    stray_latin,
    stray_space,
    task_category_order,
    task_category_part,
    task_link_plausible,
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
class Rule(CodeDoc):
    """A check with a stable code. ``check`` yields diagnostics; it never prints and never exits.

    A rule with ``summarize`` weighs the notices together: ``check`` takes the context and every notice's summary.
    One without looks at each notice apart (and at the registries), and ``check`` takes the context alone.
    """

    check: Callable[..., Iterable[Diagnostic]] = field(kw_only=True)
    summarize: Callable[[CheckContext, NoticeSource], Any] | None = field(default=None, kw_only=True)
    skip_while_unread: bool = field(default=False, kw_only=True)  # silent while any file failed to load

    @classmethod
    def from_module(cls, module: ModuleType) -> Rule:
        return cls(
            code=module.CODE,
            name=module.NAME,
            severity=module.SEVERITY,
            summary=module.SUMMARY,
            documentation=inspect.cleandoc(module.__doc__ or ""),
            check=module.check,
            summarize=getattr(module, "summarize", None),
            skip_while_unread=getattr(module, "SKIP_WHILE_UNREAD", False),
        )

    def run(self, index: CorpusIndex) -> Iterable[Diagnostic]:
        """The rule's findings, reported with its own code and severity."""
        context = CheckContext(index, self)
        if self.summarize is None:
            return self.check(context)
        return self.check(context, [self.summarize(context, notice) for notice in index.notices])

    def summaries(self, index: CorpusIndex) -> list[Any]:
        """The summaries of the index's notices, for a rule that weighs the notices together."""
        assert self.summarize is not None
        context = CheckContext(index, self)
        return [self.summarize(context, notice) for notice in index.notices]

    def run_on(self, index: CorpusIndex, summaries: Sequence[Any]) -> Iterable[Diagnostic]:
        """The findings of a rule that weighs the notices together, from summaries made apart (see ``summaries``)."""
        return self.check(CheckContext(index, self), summaries)


@dataclass(frozen=True)
class SuppressionRule(CodeDoc):
    """A rule that judges the suppressions: it runs last and is given what the suppressions accepted."""

    check: Callable[[CheckContext, SuppressionReview], Iterable[Diagnostic]] = field(kw_only=True)

    @classmethod
    def from_module(cls, module: ModuleType) -> SuppressionRule:
        return cls(
            code=module.CODE,
            name=module.NAME,
            severity=module.SEVERITY,
            summary=module.SUMMARY,
            documentation=inspect.cleandoc(module.__doc__ or ""),
            check=module.check,
        )

    def run(self, index: CorpusIndex, review: SuppressionReview) -> Iterable[Diagnostic]:
        """The rule's findings on the suppressions, reported with its own code and severity."""
        return self.check(CheckContext(index, self), review)


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
    jurisdiction,
    unit_list_matches,
    unused_entry,
    task_category_order,
    repeated_reference,
    notice_id_folder,
    notice_id_doc_number,
    publication_order,
    category_subtotal,
    breakdown_total,
    announced_count,
    category_part,
    task_category_part,
    task_units,
    rationale_cites_links,
    task_link_plausible,
    repeated_text,
    half_width_punctuation,
    stray_latin,
    invisible_character,
    not_nfc,
    name_character,
    stray_space,
    bold_mark,
    printed_in_source,
    registry_name_in_source,
    edit_applies,
    source_checksum,
    source_coverage,
    edit_note,
    edit_kind,
    pending_decision,
)
# These judge the suppressions themselves: they run after the other rules and the suppressions, and no suppression
# can accept their findings (nor those of the loader and the schema).
_SUPPRESSION_MODULES = (stale_suppression, invalid_suppression_code)

SUPPRESSION_RULES: dict[str, SuppressionRule] = {
    module.CODE: SuppressionRule.from_module(module) for module in _SUPPRESSION_MODULES
}
CHECKS: dict[str, Rule] = {module.CODE: Rule.from_module(module) for module in _MODULES}
RULES: dict[str, Rule | SuppressionRule] = {**CHECKS, **SUPPRESSION_RULES}
CODES: dict[str, CodeDoc] = dict(sorted({**LOAD_CODES, **RULES}.items()))
# Only warnings and information can be accepted: an error means data the release cannot be built from as it is.
SUPPRESSIBLE_CODES = frozenset(
    code for code, rule in RULES.items() if rule.severity is not Severity.ERROR and code not in SUPPRESSION_RULES
)
