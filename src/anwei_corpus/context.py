"""What a rule sees: the loaded corpus with look-up tables, and a way to say where a finding is."""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING
from functools import cached_property

from .corpus import CorpusSource, NoticeSource, SourceFile
from .diagnostics import Diagnostic, Location, Severity, YamlPath
from .models.source import BodyFile, Measure, Part, Section
from .provenance import BrokenEdit, PrintedItem, locate_items, printed_items

if TYPE_CHECKING:
    from .clean_texts import CleanText
from .suppression import SuppressionAt


@dataclass(frozen=True)
class Provenance:
    """A notice's texts in printed form, and what of them the source text holds."""

    items: list[PrintedItem]
    broken: list[BrokenEdit]
    spans: list[tuple[int, int]]
    missing: list[PrintedItem]


@dataclass(frozen=True)
class MeasureAt:
    """A measure with its parents and its YAML path in body.yaml."""

    path: YamlPath
    part: Part
    section: Section
    measure: Measure


def iter_measures(body: BodyFile) -> Iterator[MeasureAt]:
    for p, part in enumerate(body.parts):
        for s, section in enumerate(part.sections):
            for m, measure in enumerate(section.measures):
                yield MeasureAt(("parts", p, "sections", s, "measures", m), part, section, measure)


class CheckContext:
    """The corpus as rules read it. Rules build diagnostics through ``finding``."""

    def __init__(self, corpus: CorpusSource):
        self.corpus = corpus
        self.code = ""
        self.severity = Severity.ERROR
        self._provenance: dict[str, Provenance] = {}
        self.checked_codes: set[str] = set()  # the rules run so far
        # Set by the checker once the other rules have run, for the rules that judge suppressions:
        self.suppressions: list[SuppressionAt] = []  # every suppression of the corpus
        self.unsuppressed: list[Diagnostic] = []  # the rules' findings that no suppression accepted
        self.stale_suppressions: list[SuppressionAt] = []  # suppressions of rules run that accepted nothing

    @cached_property
    def clean_texts(self) -> list[CleanText]:
        """Every clean-reading text of the corpus (see clean_texts.py), gathered once for all the rules."""
        from .clean_texts import iter_clean_texts

        return list(iter_clean_texts(self.corpus))

    def provenance(self, notice: NoticeSource) -> Provenance:
        """Printed forms of the notice's texts and where they stand in its source (computed once)."""
        if notice.folder not in self._provenance:
            items, broken = printed_items(notice, self.corpus.units.model, self.corpus.people.model)
            spans, missing = locate_items(notice.source_text or "", items)
            self._provenance[notice.folder] = Provenance(items, broken, spans, missing)
        return self._provenance[notice.folder]

    @property
    def notices(self) -> list[NoticeSource]:
        return self.corpus.notices

    def notices_with(self, *files: str) -> Iterator[tuple]:
        """(notice, model, …) for each notice whose named files ("notice", "body", "attachment") all loaded."""
        for notice in self.corpus.notices:
            models = [getattr(notice, name).model for name in files]
            if None not in models:
                yield (notice, *models)

    @cached_property
    def unit_ids(self) -> set[str]:
        units = self.corpus.units.model
        return {unit.id for unit in units.units} if units else set()

    @cached_property
    def person_ids(self) -> set[str]:
        people = self.corpus.people.model
        return {person.id for person in people.people} if people else set()

    @cached_property
    def unit_by_name(self) -> dict[str, str]:
        """Every printed name and alias of a unit → its ID (first entry wins on a clash)."""
        names: dict[str, str] = {}
        units = self.corpus.units.model
        for unit in units.units if units else []:
            for name in (unit.name, *unit.aliases):
                names.setdefault(name, unit.id)
        return names

    def suggest_unit(self, wrong: str) -> str | None:
        """'did you mean' for a unit ID or a printed unit name."""
        close = difflib.get_close_matches(wrong, sorted(self.unit_ids), n=1, cutoff=0.6)
        if close:
            return close[0]
        if wrong in self.unit_by_name:
            return self.unit_by_name[wrong]
        by_name = difflib.get_close_matches(wrong, sorted(self.unit_by_name), n=1, cutoff=0.5)
        return self.unit_by_name[by_name[0]] if by_name else None

    def suggest_person(self, wrong: str) -> str | None:
        close = difflib.get_close_matches(wrong, sorted(self.person_ids), n=1, cutoff=0.6)
        return close[0] if close else None

    def finding(
        self,
        file: SourceFile,
        path: YamlPath,
        message: str,
        *,
        hint: str | None = None,
        key: bool = False,
        related: tuple[Location, ...] = (),
        related_label: str | None = None,
    ) -> Diagnostic:
        return Diagnostic(self.code, self.severity, message, file.locate(path, key), hint, related, related_label)
