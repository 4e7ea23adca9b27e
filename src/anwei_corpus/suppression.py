"""Findings a maintainer accepts: the ``suppress`` entries of entities, and the findings they silence.

A suppression on an entity silences the findings of its code located at that entity, that is at any YAML path
below the entity's own path in the same file.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import NamedTuple

from .codes import CodeDoc
from .corpus import CorpusSource
from .diagnostics import Diagnostic, Location, YamlPath
from .models.common import Suppression


@dataclass(frozen=True, eq=False)  # compared by identity: two equal entries are still two suppressions
class SuppressionAt:
    """A suppression with the file and YAML path of the entity carrying it (small: it travels between processes)."""

    file: str  # the file's display name
    entity_path: YamlPath
    index: int
    suppression: Suppression
    code_location: Location  # where the suppression's code stands, for findings about the suppression

    @property
    def path(self) -> YamlPath:
        return self.entity_path + ("suppress", self.index)

    @property
    def code(self) -> str:
        return self.suppression.code

    def at_entity(self, diagnostic: Diagnostic) -> bool:
        """Whether the diagnostic is located at this suppression's entity, whatever its code."""
        location = diagnostic.location
        return location.file == self.file and location.path[: len(self.entity_path)] == self.entity_path

    def covers(self, diagnostic: Diagnostic) -> bool:
        return diagnostic.code == self.code and self.at_entity(diagnostic)


class SuppressionReview(NamedTuple):
    """What the rules that judge suppressions (AW801, AW802) are given, once the other rules have run."""

    unsuppressed: list[Diagnostic]  # the rules' findings that no suppression accepted
    stale: list[SuppressionAt]  # suppressions of the rules run that accepted nothing (judged only when all loaded)
    codes: Mapping[str, CodeDoc]  # every code, by code
    suppressible: frozenset[str]  # the codes whose findings a suppression can accept


def collect_suppressions(corpus: CorpusSource) -> list[SuppressionAt]:
    found = []
    for file in corpus.yaml_files():
        if file.model is None:
            continue
        for path, entity in file.models:
            for index, suppression in enumerate(getattr(entity, "suppress", ())):
                where = file.locate((*path, "suppress", index, "code"))
                found.append(SuppressionAt(file.name, path, index, suppression, where))
    return found


def apply_suppressions(
    diagnostics: Iterable[Diagnostic], suppressions: list[SuppressionAt]
) -> tuple[list[Diagnostic], list[SuppressionAt]]:
    """The diagnostics no suppression covers, and the suppressions that covered at least one.

    Suppressions are indexed by file and code, so each diagnostic is compared only with the few that can cover it:
    the work grows with the corpus, not with its square.
    """
    by_file_and_code: dict[tuple[str, str], list[int]] = {}
    for index, suppression in enumerate(suppressions):
        by_file_and_code.setdefault((suppression.file, suppression.code), []).append(index)
    kept: list[Diagnostic] = []
    used: set[int] = set()
    for diagnostic in diagnostics:
        candidates = by_file_and_code.get((diagnostic.location.file, diagnostic.code), ())
        covering = {index for index in candidates if suppressions[index].at_entity(diagnostic)}
        if covering:
            used |= covering
        else:
            kept.append(diagnostic)
    return kept, [suppressions[index] for index in sorted(used)]


def code_distance(first: str, second: str) -> int:
    """Edits (a character replaced, added, removed, or two neighbours swapped) between two codes: AW530 → AW503 is 1."""
    previous2: list[int] = []
    previous = list(range(len(second) + 1))
    for i, a in enumerate(first, 1):
        current = [i]
        for j, b in enumerate(second, 1):
            cost = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a != b))
            if i > 1 and j > 1 and a == second[j - 2] and first[i - 2] == b:
                cost = min(cost, previous2[j - 2] + 1)
            current.append(cost)
        previous2, previous = previous, current
    return previous[-1]


def closest_codes(code: str, candidates: Iterable[str], reported_here: Iterable[str] = (), limit: int = 3) -> list[str]:
    """The candidates one edit away from ``code``, and those reported at the entity two edits away, closest first.

    Codes reported at the suppression's entity come before the others at the same distance.
    """
    here = set(reported_here)
    ranked = []
    for candidate in set(candidates) | here:
        distance = code_distance(code, candidate)
        if distance <= (2 if candidate in here else 1):
            ranked.append((distance, candidate not in here, candidate))
    return [candidate for _, _, candidate in sorted(ranked)[:limit]]
