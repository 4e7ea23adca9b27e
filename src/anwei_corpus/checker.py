"""Run the rules over a loaded corpus and collect what they find."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import PurePath
from typing import NamedTuple

from . import codes
from .context import CorpusIndex
from .corpus import CorpusSource
from .diagnostics import Diagnostic, Severity
from .rules import CHECKS, CODES, SUPPRESSIBLE_CODES, SUPPRESSION_RULES
from .suppression import SuppressionReview, apply_suppressions


def _matches(code: str, patterns: Iterable[str]) -> bool:
    """A pattern is a code (AW301) or a prefix of codes (AW3, AW)."""
    return any(code.startswith(pattern) for pattern in patterns)


@dataclass(frozen=True)
class Selection:
    """Which codes to report: ``select`` (default all) minus ``ignore``, each a code or a code prefix."""

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()

    @classmethod
    def parse(cls, select: Iterable[str] = (), ignore: Iterable[str] = ()) -> Selection:
        """A selection from codes as users type them: any case, one per item or comma-separated."""

        def split(values: Iterable[str]) -> tuple[str, ...]:
            return tuple(code.strip().upper() for value in values for code in value.split(",") if code.strip())

        return cls(split(select), split(ignore))

    def wants(self, code: str) -> bool:
        if self.select and not _matches(code, self.select):
            return False
        return not _matches(code, self.ignore)

    def reports(self, load_diagnostic: Diagnostic) -> bool:
        """Whether a load-time diagnostic is reported: a file that did not load always is, whatever the codes
        selected (as a linter always reports a syntax error), since no rule has checked it."""
        return load_diagnostic.severity is Severity.ERROR or self.wants(load_diagnostic.code)

    def unknown_patterns(self) -> list[str]:
        return [p for p in (*self.select, *self.ignore) if not any(code.startswith(p) for code in CODES)]


class Consequence(NamedTuple):
    """A finding of ``effect`` that one mistake causes along with a finding of ``cause``, reported right after it.

    ``scope`` says how close the two must be: ``field`` (the same YAML path of the same file), ``record`` (fields
    of the same mapping), ``file``, or ``notice`` (files of the same folder).
    """

    cause: str
    effect: str
    scope: str


# The order of findings that one mistake gives: its cause first, the findings that follow from it after.
CONSEQUENCES = (
    Consequence("AW701", "AW401", "field"),  # a subtotal that departs from the print miscounts its tasks
    Consequence("AW701", "AW402", "field"),  # a figure of the total line that departs from the print
    Consequence("AW401", "AW402", "file"),  # a wrong subtotal throws the sum of the subtotals off
    Consequence("AW701", "AW706", "record"),  # a mistyped printed form of a record no longer fits its kind
    Consequence("AW701", "AW201", "field"),  # a number that departs from the print breaks the numbering
    Consequence("AW201", "AW303", "notice"),  # a renumbered measure leaves the tasks' links to its number dangling
)


def _related(cause: Diagnostic, effect: Diagnostic, scope: str) -> bool:
    here, there = cause.location, effect.location
    if scope == "notice":
        return PurePath(here.file).parent == PurePath(there.file).parent
    if here.file != there.file:
        return False
    if scope == "record":
        return here.path[:-1] == there.path[:-1]
    return scope == "file" or here.path == there.path


def in_order(diagnostics: Iterable[Diagnostic]) -> list[Diagnostic]:
    """Findings sorted by file, line, column and code, each one's consequences (CONSEQUENCES) right after it."""
    ordered = sorted(diagnostics, key=Diagnostic.sort_key)
    by_code: dict[str, list[int]] = {}
    for index, diagnostic in enumerate(ordered):
        by_code.setdefault(diagnostic.code, []).append(index)
    effects: dict[int, list[int]] = {}
    caused: set[int] = set()
    for e, effect in enumerate(ordered):
        cause = next(
            (
                c
                for rule in CONSEQUENCES
                if rule.effect == effect.code
                for c in by_code.get(rule.cause, [])
                if _related(ordered[c], effect, rule.scope)
            ),
            None,
        )
        if cause is not None:
            effects.setdefault(cause, []).append(e)
            caused.add(e)
    out: list[Diagnostic] = []

    def place(index: int) -> None:
        out.append(ordered[index])
        for effect in effects.get(index, []):
            place(effect)

    for index in range(len(ordered)):
        if index not in caused:
            place(index)
    return out


def check_corpus(corpus: CorpusSource, selection: Selection = Selection()) -> list[Diagnostic]:
    """Load-time diagnostics plus every selected rule's findings that no suppression accepts, in order (in_order).

    Rules skip the files that failed to load, and do not run at all on a corpus whose manifest failed or is
    written for another schema: what they would find there would be noise. For the same reason stale
    suppressions are only reported when every file loaded; a suppression naming a code it cannot accept always is.
    """
    if refused(corpus):
        return in_order(d for d in corpus.diagnostics if selection.reports(d))
    index = CorpusIndex(corpus)
    findings: list[Diagnostic] = []
    for code, rule in CHECKS.items():
        if selection.wants(code) and not (rule.skip_while_unread and corpus.diagnostics):
            findings.extend(rule.run(index))
    return judge(corpus.diagnostics, index, findings, selection)


def refused(corpus: CorpusSource) -> bool:
    """Whether the rules stay silent on the corpus: its manifest failed, or is written for another schema."""
    return corpus.manifest.model is None or any(d.code == codes.SCHEMA_VERSION for d in corpus.diagnostics)


def judge(
    load_diagnostics: list[Diagnostic], index: CorpusIndex, findings: list[Diagnostic], selection: Selection
) -> list[Diagnostic]:
    """The selected load diagnostics and the rules' findings that no suppression accepts, then the suppressions
    judged (AW801, AW802), in order (``in_order``). ``index`` gives the corpus's suppressions."""
    diagnostics = [d for d in load_diagnostics if selection.reports(d)]
    acceptable = [s for s in index.suppressions if s.code in SUPPRESSIBLE_CODES]
    kept, used = apply_suppressions(findings, acceptable)
    diagnostics.extend(kept)
    # Stale suppressions are judged only when every file loaded: a file that failed hides what they accept.
    checked = {code for code in CHECKS if selection.wants(code)}
    stale = [s for s in acceptable if s not in used and s.code in checked] if not load_diagnostics else []
    review = SuppressionReview(kept, stale, CODES, SUPPRESSIBLE_CODES)
    for code, suppression_rule in SUPPRESSION_RULES.items():
        if selection.wants(code):
            diagnostics.extend(suppression_rule.run(index, review))
    return in_order(diagnostics)
