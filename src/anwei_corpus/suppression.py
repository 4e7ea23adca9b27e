"""Findings a maintainer accepts: the ``suppress`` entries of entities, and the findings they silence.

A suppression on an entity silences the findings of its code located at that entity, that is at any YAML path
below the entity's own path in the same file.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from .corpus import CorpusSource, SourceFile
from .diagnostics import Diagnostic, YamlPath
from .models.common import Suppression, walk_models


@dataclass(frozen=True, eq=False)  # compared by identity: two equal entries are still two suppressions
class SuppressionAt:
    """A suppression with the file and YAML path of the entity carrying it."""

    file: SourceFile
    entity_path: YamlPath
    index: int
    suppression: Suppression

    @property
    def path(self) -> YamlPath:
        return self.entity_path + ("suppress", self.index)

    @property
    def code(self) -> str:
        return self.suppression.code

    def covers(self, diagnostic: Diagnostic) -> bool:
        location = diagnostic.location
        return (
            diagnostic.code == self.code
            and location.file == self.file.name
            and location.path[: len(self.entity_path)] == self.entity_path
        )


def collect_suppressions(corpus: CorpusSource) -> list[SuppressionAt]:
    found = []
    for file in corpus.yaml_files():
        if file.model is None:
            continue
        for path, entity in walk_models(file.model):
            for index, suppression in enumerate(getattr(entity, "suppress", ())):
                found.append(SuppressionAt(file, path, index, suppression))
    return found


def apply_suppressions(
    diagnostics: Iterable[Diagnostic], suppressions: list[SuppressionAt]
) -> tuple[list[Diagnostic], list[SuppressionAt]]:
    """The diagnostics no suppression covers, and the suppressions that covered at least one."""
    kept: list[Diagnostic] = []
    used: set[int] = set()
    for diagnostic in diagnostics:
        covering = {index for index, suppression in enumerate(suppressions) if suppression.covers(diagnostic)}
        if covering:
            used |= covering
        else:
            kept.append(diagnostic)
    return kept, [suppressions[index] for index in sorted(used)]
