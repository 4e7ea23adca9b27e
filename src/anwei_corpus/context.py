"""What a rule sees: the loaded corpus with look-up tables, and a way to say where a finding is."""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterable, Iterator, Mapping
from functools import cached_property
from typing import TYPE_CHECKING, Any, NamedTuple

from .clean_texts import CleanText, iter_clean_texts
from .codes import CodeDoc
from .corpus import CorpusSource, NoticeSource, SourceFile
from .diagnostics import Diagnostic, Location, YamlPath
from .layout import is_provisional_id, notice_jurisdiction
from .provenance import AbsentName, BrokenEdit, PrintedItem, absent_names, locate_items, printed_items
from .suppression import SuppressionAt, collect_suppressions

if TYPE_CHECKING:
    from .models.source import PersonEntry, UnitEntry
    from .unit_names import NameMatch

SHOWN_LINES = 8  # lines listed for the other references to an unknown ID

# Fuzzy "did you mean" comparisons per run (a search costs one per candidate), about a second: with the real
# registries some 1,000 suggestions, against a registry of thousands a few dozen.
MAX_SUGGESTION_COMPARISONS = 100_000


def other_references(file: SourceFile[Any], paths: list[YamlPath]) -> str:
    """For a finding at the first of several references in a file: how many there are, and the others' lines."""
    if len(paths) < 2:
        return ""
    lines = sorted({line for path in paths[1:] if (line := file.locate(path).line) is not None})
    shown = ", ".join(map(str, lines[:SHOWN_LINES])) + (", …" if len(lines) > SHOWN_LINES else "")
    return f" ({len(paths)} references in this file; also line{'s' if len(lines) > 1 else ''} {shown})"


class Provenance(NamedTuple):
    """A notice's texts in printed form, and what of them the source text holds."""

    items: list[PrintedItem]
    broken: list[BrokenEdit]
    spans: list[tuple[int, int]]
    missing: list[PrintedItem]
    absent_names: list[AbsentName]  # registry names the tasks use that no task row of the source prints


class CorpusIndex:
    """The loaded corpus with the look-up tables the rules share, each computed once for all of them."""

    def __init__(self, corpus: CorpusSource, suppressions: list[SuppressionAt] | None = None):
        """``suppressions`` stands in for those of ``corpus`` when its notices were read apart (see parallel.py)."""
        self.corpus = corpus
        self._provenance: dict[str, Provenance] = {}
        self._suppressions = suppressions
        self.comparisons = 0  # of the fuzzy searches so far, against MAX_SUGGESTION_COMPARISONS
        self._names_for_jurisdiction: dict[str | None, dict[str, str]] = {}
        self._prefixes_in: dict[str | None, tuple[str, ...]] = {}

    @cached_property
    def suppressions(self) -> list[SuppressionAt]:
        """Every suppression of the corpus, with the entity it stands on."""
        return collect_suppressions(self.corpus) if self._suppressions is None else self._suppressions

    @cached_property
    def clean_texts(self) -> list[CleanText]:
        """Every clean-reading text of the corpus (see clean_texts.py), gathered once for all the rules."""
        return list(iter_clean_texts(self.corpus))

    def provenance(self, notice: NoticeSource) -> Provenance:
        """Printed forms of the notice's texts and where they stand in its source (computed once)."""
        if notice.folder not in self._provenance:
            items, broken = printed_items(notice, self.corpus.units.model, self.corpus.people.model)
            spans, missing = locate_items(notice.source_text or "", items)
            absent = absent_names(self.corpus, notice)
            self._provenance[notice.folder] = Provenance(items, broken, spans, missing, absent)
        return self._provenance[notice.folder]

    @property
    def notices(self) -> list[NoticeSource]:
        return self.corpus.notices

    def notices_with(self, *files: str) -> Iterator[tuple[Any, ...]]:
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

    @cached_property
    def _entries(self) -> list[UnitEntry | PersonEntry]:
        """Every registry entry: the units, then the people."""
        units, people = self.corpus.units.model, self.corpus.people.model
        return [*(units.units if units else []), *(people.people if people else [])]

    @cached_property
    def jurisdictions(self) -> dict[str, str | None]:
        """Every unit and person ID → its jurisdiction (None for an entry of no one area)."""
        return {entry.id: entry.jurisdiction for entry in self._entries}

    @cached_property
    def entry_names(self) -> dict[str, str]:
        """Every unit and person ID → its name."""
        return {entry.id: entry.name for entry in self._entries}

    def jurisdiction(self, notice: NoticeSource) -> str:
        """The notice's jurisdiction: the first segment of its ID (its folder's name, which AW312 holds equal)."""
        return notice_jurisdiction(notice.folder)

    @cached_property
    def _unit_ids_by_name(self) -> dict[str, list[str]]:
        """Every printed name and alias → the IDs of the units it names, in registry order."""
        named: dict[str, list[str]] = {}
        units = self.corpus.units.model
        for unit in units.units if units else []:
            for name in dict.fromkeys((unit.name, *unit.aliases)):
                named.setdefault(name, []).append(unit.id)
        return named

    def units_named(self, name: str) -> list[str]:
        """The IDs of the units a printed name or alias names, in registry order (several across jurisdictions)."""
        return self._unit_ids_by_name.get(name, [])

    def _names_for(self, jurisdiction: str | None) -> dict[str, str]:
        """The names and aliases a notice of ``jurisdiction`` may mean → their unit: those of units of that
        jurisdiction or of none (of every unit for ``None``), the first in registry order where several share one."""
        if jurisdiction not in self._names_for_jurisdiction:
            self._names_for_jurisdiction[jurisdiction] = {
                name: allowed[0]
                for name, ids in self._unit_ids_by_name.items()
                if (
                    allowed := [
                        uid
                        for uid in ids
                        if jurisdiction is None or self.jurisdictions.get(uid) in (jurisdiction, None)
                    ]
                )
            }
        return self._names_for_jurisdiction[jurisdiction]

    def unit_named(self, name: str, jurisdiction: str | None) -> str | None:
        """The unit a notice of ``jurisdiction`` means by a printed name: one of that jurisdiction or of none."""
        return self._names_for(jurisdiction).get(name)

    @cached_property
    def _sorted_unit_ids(self) -> list[str]:
        return sorted(self.unit_ids)

    @cached_property
    def _sorted_unit_names(self) -> list[str]:
        return sorted(self.unit_by_name)

    @cached_property
    def _sorted_person_ids(self) -> list[str]:
        return sorted(self.person_ids)

    def within_suggestion_budget(self, comparisons: int) -> bool:
        """Whether a fuzzy search of ``comparisons`` candidates still fits this run's budget (and charge it)."""
        # A search costs time in the size of the registry; past the first many unknown IDs, a file is wrong
        # wholesale and one more "did you mean" helps nobody.
        self.comparisons += comparisons
        return self.comparisons <= MAX_SUGGESTION_COMPARISONS

    def suggest_unit(self, wrong: str) -> str | None:
        """'did you mean' for a unit ID or a printed unit name (while the comparison budget lasts)."""
        if wrong in self.unit_by_name:
            return self.unit_by_name[wrong]
        if not self.within_suggestion_budget(len(self._sorted_unit_ids) + len(self._sorted_unit_names)):
            return None
        close = difflib.get_close_matches(wrong, self._sorted_unit_ids, n=1, cutoff=0.6)
        if close:
            return close[0]
        by_name = difflib.get_close_matches(wrong, self._sorted_unit_names, n=1, cutoff=0.5)
        return self.unit_by_name[by_name[0]] if by_name else None

    def _unit_names_in(self, jurisdiction: str | None) -> tuple[dict[str, str], tuple[str, ...]]:
        """The names and aliases a notice of ``jurisdiction`` may mean → their unit, and the district's prefixes."""
        from .unit_names import district_prefixes  # only once a printed name is unknown: it costs a cold start

        if jurisdiction not in self._prefixes_in:
            self._prefixes_in[jurisdiction] = district_prefixes(self._names_for(jurisdiction))
        return self._names_for(jurisdiction), self._prefixes_in[jurisdiction]

    def unit_of_printed_name(self, printed: str, jurisdiction: str | None) -> NameMatch | None:
        """The unit a printed name the registry lacks very likely names, or else resembles (see unit_names.py).

        Only the units a notice of ``jurisdiction`` may name are candidates: another district's 区应急局 is not this one's.
        """
        from .unit_names import match_unit_name

        names, prefixes = self._unit_names_in(jurisdiction)
        if not self.within_suggestion_budget(len(names)):
            return None
        return match_unit_name(printed, names, prefixes)

    def suggest_person(self, wrong: str) -> str | None:
        if not self.within_suggestion_budget(len(self._sorted_person_ids)):
            return None
        close = difflib.get_close_matches(wrong, self._sorted_person_ids, n=1, cutoff=0.6)
        return close[0] if close else None


class CheckContext:
    """What one rule sees: the shared corpus index, and ``finding``, which reports with that rule's code and severity.

    The checker makes one context per rule, so a finding's code never depends on which rule ran before.
    """

    def __init__(self, index: CorpusIndex, rule: CodeDoc):
        self.index = index
        self.rule = rule

    @property
    def corpus(self) -> CorpusSource:
        return self.index.corpus

    @property
    def notices(self) -> list[NoticeSource]:
        return self.index.notices

    def notices_with(self, *files: str) -> Iterator[tuple[Any, ...]]:
        return self.index.notices_with(*files)

    def provenance(self, notice: NoticeSource) -> Provenance:
        return self.index.provenance(notice)

    @property
    def suppressions(self) -> list[SuppressionAt]:
        return self.index.suppressions

    @property
    def clean_texts(self) -> list[CleanText]:
        return self.index.clean_texts

    @property
    def unit_ids(self) -> set[str]:
        return self.index.unit_ids

    @property
    def person_ids(self) -> set[str]:
        return self.index.person_ids

    @property
    def unit_by_name(self) -> dict[str, str]:
        return self.index.unit_by_name

    @property
    def jurisdictions(self) -> dict[str, str | None]:
        return self.index.jurisdictions

    @property
    def entry_names(self) -> dict[str, str]:
        return self.index.entry_names

    def jurisdiction(self, notice: NoticeSource) -> str:
        return self.index.jurisdiction(notice)

    def units_named(self, name: str) -> list[str]:
        return self.index.units_named(name)

    def unit_named(self, name: str, jurisdiction: str | None) -> str | None:
        return self.index.unit_named(name, jurisdiction)

    def suggest_unit(self, wrong: str) -> str | None:
        return self.index.suggest_unit(wrong)

    def unit_of_printed_name(self, printed: str, jurisdiction: str | None) -> NameMatch | None:
        return self.index.unit_of_printed_name(printed, jurisdiction)

    def suggest_person(self, wrong: str) -> str | None:
        return self.index.suggest_person(wrong)

    def unknown_references(
        self,
        references: Iterable[tuple[SourceFile[Any], YamlPath, str]],
        known: set[str],
        suggest: Callable[[str], str | None],
        what: str,
        hint: str,
        registry: str,
        printed: Mapping[tuple[str, YamlPath], tuple[str, str]] | None = None,
    ) -> Iterator[Diagnostic]:
        """One finding per unknown ID and file, at its first reference, counting the others and naming their lines.

        ``printed`` maps a reference (file name, path) to the name the text prints at its place and that name's ID:
        the suggestion then is that ID, whatever the spelling of the unknown one; elsewhere it is by spelling, except
        for a draft's provisional ID (``provisional-unit-1``), which is like any other provisional ID in spelling
        only. The hint for a provisional ID asks for the entry's new ID in every file that uses the old one, since a
        maintainer gives a provisional entry of ``registry`` its stable ID there.
        """
        references = list(references)
        used = {ident for _, _, ident in references}
        # (file, ID, own group) → references; a reference a suppression accepts keeps its own finding to accept
        places: dict[tuple[str, str, int], list[tuple[SourceFile[Any], YamlPath]]] = {}
        for number, (file, path, ident) in enumerate(references):
            if ident not in known:
                accepted = any(s.covers(self.finding(file, path, "")) for s in self.suppressions)
                places.setdefault((file.name, ident, number if accepted else -1), []).append((file, path))
        # a provisional ID stands for one entry wherever it is used: the ID of a name printed at any of its places
        printed_as: dict[str, str] = {}
        for file, path, ident in references:
            if ident not in known and (file.name, path) in (printed or {}):
                printed_as.setdefault(ident, (printed or {})[(file.name, path)][1])
        for (_, ident, _), found in places.items():
            file, path = found[0]
            name, guess = (printed or {}).get((file.name, path), (None, None))
            provisional = is_provisional_id(ident)
            if provisional and guess is None:
                guess = printed_as.get(ident)
            if name is None and not provisional:  # no printed list here: by spelling, at a cost to the search budget
                guess = suggest(ident)
            renamed = guess in known and guess not in used  # likely the registry entry, not the references, changed
            message = f"unknown {what} {ident!r}" + (f" — did you mean {guess!r}?" if guess else "")
            if name is not None:
                message += f" (the text prints {name} here)"
            message += other_references(file, [other for _, other in found])
            if provisional:
                # A draft's provisional ID whose entry a maintainer gave its stable ID (or made an alias of another
                # entry): the references are to follow, in every file that holds them.
                files = list(dict.fromkeys(other.name for other, _, other_id in references if other_id == ident))
                shown = ", ".join(files[:-1]) + " and " + files[-1] if len(files) > 1 else files[0]
                advice = (
                    f"{ident} is the ID a draft gave a provisional entry, which {registry} no longer has: "
                    + (f"replace {ident} with {guess}" if guess else f"replace {ident} with the ID its entry now has")
                    + f" in {shown}"
                )
            elif renamed:
                advice = (
                    f"nothing references {guess!r}: if its registry entry was renamed, restore the ID there; {hint}"
                )
            else:
                advice = hint
            yield self.finding(file, path, message, hint=advice)

    def finding(
        self,
        file: SourceFile[Any],
        path: YamlPath,
        message: str,
        *,
        hint: str | None = None,
        key: bool = False,
        related: tuple[Location, ...] = (),
        related_label: str | None = None,
        data: Mapping[str, object] | None = None,
    ) -> Diagnostic:
        return self.finding_at(
            file.locate(path, key), message, hint=hint, related=related, related_label=related_label, data=data
        )

    def finding_at(
        self,
        location: Location,
        message: str,
        *,
        hint: str | None = None,
        related: tuple[Location, ...] = (),
        related_label: str | None = None,
        data: Mapping[str, object] | None = None,
    ) -> Diagnostic:
        """A finding at a location already resolved (as a suppression carries its own)."""
        return Diagnostic(self.rule.code, self.rule.severity, message, location, hint, related, related_label, data)
