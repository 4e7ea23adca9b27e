"""Run the rules over a loaded corpus and collect what they find."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from . import codes
from .context import CorpusIndex
from .corpus import CorpusSource
from .diagnostics import Diagnostic
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

    def unknown_patterns(self) -> list[str]:
        return [p for p in (*self.select, *self.ignore) if not any(code.startswith(p) for code in CODES)]


def check_corpus(corpus: CorpusSource, selection: Selection = Selection()) -> list[Diagnostic]:
    """Load-time diagnostics plus every selected rule's findings that no suppression accepts, sorted.

    Rules skip the files that failed to load, and do not run at all on a corpus whose manifest failed or is
    written for another schema: what they would find there would be noise. For the same reason stale
    suppressions are only reported when every file loaded; a suppression naming a code it cannot accept always is.
    """
    if refused(corpus):
        return sorted((d for d in corpus.diagnostics if selection.wants(d.code)), key=Diagnostic.sort_key)
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
    judged (AW801, AW802), sorted. ``index`` gives the corpus's suppressions."""
    diagnostics = [d for d in load_diagnostics if selection.wants(d.code)]
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
    return sorted(diagnostics, key=Diagnostic.sort_key)
