"""Run the rules over a loaded corpus and collect what they find."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from .context import CheckContext
from .corpus import CorpusSource
from .diagnostics import Diagnostic
from .rules import LOAD_CODES, RULES, SUPPRESSIBLE_CODES, SUPPRESSION_RULES, Rule
from .suppression import apply_suppressions


def known_codes() -> set[str]:
    return set(RULES) | set(LOAD_CODES)


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

        def codes(values: Iterable[str]) -> tuple[str, ...]:
            return tuple(code.strip().upper() for value in values for code in value.split(",") if code.strip())

        return cls(codes(select), codes(ignore))

    def wants(self, code: str) -> bool:
        if self.select and not _matches(code, self.select):
            return False
        return not _matches(code, self.ignore)

    def unknown_patterns(self) -> list[str]:
        codes = known_codes()
        return [p for p in (*self.select, *self.ignore) if not any(code.startswith(p) for code in codes)]


def _run(rule: Rule, context: CheckContext) -> Iterable[Diagnostic]:
    context.code, context.severity = rule.code, rule.severity
    return rule.check(context)


def check_corpus(corpus: CorpusSource, selection: Selection = Selection()) -> list[Diagnostic]:
    """Load-time diagnostics plus every selected rule's findings that no suppression accepts, sorted.

    Rules skip the files that failed to load, and do not run at all on a corpus whose manifest failed or is
    written for another schema: what they would find there would be noise. For the same reason stale
    suppressions are only reported when every file loaded; a suppression naming a code it cannot accept always is.
    """
    diagnostics = [d for d in corpus.diagnostics if selection.wants(d.code)]
    refused = corpus.manifest.model is None or any(d.code == "AW102" for d in corpus.diagnostics)
    if refused:
        return sorted(diagnostics, key=Diagnostic.sort_key)
    context = CheckContext(corpus)
    findings: list[Diagnostic] = []
    for code, rule in RULES.items():
        if code in SUPPRESSION_RULES or not selection.wants(code):
            continue
        findings.extend(_run(rule, context))
        context.checked_codes.add(code)
    acceptable = [s for s in context.suppressions if s.code in SUPPRESSIBLE_CODES]
    kept, used = apply_suppressions(findings, acceptable)
    diagnostics.extend(kept)
    context.unsuppressed = kept
    if not corpus.diagnostics:
        context.stale_suppressions = [s for s in acceptable if s not in used and s.code in context.checked_codes]
    for code in SUPPRESSION_RULES:
        if selection.wants(code):
            diagnostics.extend(_run(RULES[code], context))
    return sorted(diagnostics, key=Diagnostic.sort_key)
