"""How much a task shares with each measure of its notice: the score behind task→measure links.

A task restates or derives from the measures it links to, so it shares their wording and their units. The score
of a task against a measure has two parts:

- **text**: the share of the task's character bigrams (title and requirement, punctuation and spaces left out)
  that the measure's text also holds, each bigram weighted by how rare it is among the notice's measures
  (inverse document frequency). A bigram every measure holds, such as 安全, weighs nothing; a bigram only one
  measure holds weighs most. A bigram no measure holds counts as rarest, so it lowers every measure's share alike.
  The section intro is left out: it would lend every measure of a section the same words, and the link to tell
  apart is most often a neighbour in the same section.
- **units**: the share of the task's units (responsible and cooperating) that the measure's unit list names,
  weighted in the same way, so that a unit most measures name (区应急局) counts for less than a rare one.

The total is ``TEXT_WEIGHT * text + (1 - TEXT_WEIGHT) * units``, between 0 and 1. Scores are comparable between
the measures of one notice for one task, not across notices or tasks. The same inputs always give the same
scores and the same ranking: ties are broken by measure number.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property
from itertools import pairwise
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .models.source import BodyFile, Task

TEXT_WEIGHT = 0.85  # wording decides; shared units separate measures of alike wording


# Everything but letters and digits (Unicode categories L and N): \w is exactly those and the underscore, checked
# for every code point.
_NOT_LETTERS = re.compile(r"[\W_]+")


def _letters(text: str) -> str:
    return _NOT_LETTERS.sub("", unicodedata.normalize("NFC", text))


def bigrams(text: str) -> frozenset[str]:
    """The character bigrams of the text's letters and digits, read across punctuation and spaces."""
    return frozenset(a + b for a, b in pairwise(_letters(text)))


def shared_runs(text: str, grams: frozenset[str]) -> list[str]:
    """The longest runs of the text's letters whose every bigram is among ``grams``, in order, each once."""
    letters = _letters(text)
    return _runs_of(letters, _pairs(letters), grams)


def _pairs(letters: str) -> list[str]:
    return [a + b for a, b in pairwise(letters)]


def _runs_of(letters: str, pairs: list[str], grams: frozenset[str]) -> list[str]:
    """``shared_runs`` of text whose letters and bigrams (``pairs[i]`` is ``letters[i : i + 2]``) are given."""
    runs: list[str] = []
    if not grams:
        return runs
    start = 0
    for end, pair in enumerate(pairs, 1):  # a run ends before each bigram not among grams
        if pair not in grams:
            if end - start >= 2 and letters[start:end] not in runs:
                runs.append(letters[start:end])
            start = end
    if len(letters) - start >= 2 and letters[start:] not in runs:
        runs.append(letters[start:])
    return runs


@dataclass(frozen=True)
class MeasureText:
    """What a measure offers to compare with: its number, its text and its units."""

    number: int
    text: str
    units: frozenset[str]


@dataclass(frozen=True)
class TaskText:
    """What a task offers to compare with: its texts (title, requirement) and its units."""

    texts: tuple[str, ...]
    units: frozenset[str]


@dataclass(frozen=True)
class Score:
    """A task's score against one measure; ``shared`` lists the wording they share, heaviest first."""

    measure: int
    text: float
    units: float
    shared: tuple[str, ...]

    @property
    def total(self) -> float:
        return TEXT_WEIGHT * self.text + (1 - TEXT_WEIGHT) * self.units


@dataclass(frozen=True)
class _PreparedTask:
    letters: tuple[str, ...]  # of each text
    pairs: tuple[list[str], ...]  # the bigrams of each text, in order
    grams: frozenset[str]
    units: frozenset[str]
    text_weight: float  # the weight of all the task's bigrams (unseen ones weigh most)
    unit_weight: float  # and of its units


def _share(found: Iterable[str], weights: dict[str, float], possible: float) -> float:
    """The weight of what was found over the weight of all that was wanted (``possible``)."""
    return sum(weights[item] for item in found) / possible if possible else 0.0


class MeasureIndex:
    """The measures of one notice, ready to score tasks against."""

    def __init__(self, measures: Iterable[MeasureText]):
        self.measures = sorted(measures, key=lambda measure: measure.number)
        self._bigrams = {measure.number: bigrams(measure.text) for measure in self.measures}

    @cached_property
    def weights(self) -> dict[str, float]:
        """Each bigram's inverse document frequency among the measures: log(N / measures holding it)."""
        return _inverse_frequencies(self._bigrams.values())

    @cached_property
    def unit_weights(self) -> dict[str, float]:
        """Each unit's inverse document frequency among the measures' unit lists."""
        return _inverse_frequencies(measure.units for measure in self.measures)

    def score(self, task: TaskText, measure: MeasureText, shown: int = 8) -> Score:
        """The task's score against one measure of this index; ``shown`` limits the shared bigrams listed."""
        return self._score(self._prepare(task), measure, shown)

    def _prepare(self, task: TaskText) -> _PreparedTask:
        """What of the task is the same against every measure, worked out once."""
        letters = tuple(_letters(text) for text in task.texts)
        pairs = tuple(_pairs(text) for text in letters)
        grams = frozenset[str]().union(*(frozenset(text) for text in pairs))
        unseen = math.log(len(self.measures) + 1)
        return _PreparedTask(
            letters,
            pairs,
            grams,
            task.units,
            sum(self.weights.get(gram, unseen) for gram in grams),
            sum(self.unit_weights.get(unit, unseen) for unit in task.units),
        )

    def _score(self, task: _PreparedTask, measure: MeasureText, shown: int) -> Score:
        shared = task.grams & self._bigrams[measure.number]
        text = _share(shared, self.weights, task.text_weight)
        units = _share(task.units & measure.units, self.unit_weights, task.unit_weight)
        if not shown:
            return Score(measure.number, text, units, ())
        runs = {
            run: self._run_weight(run)
            for text, pairs in zip(task.letters, task.pairs, strict=True)
            for run in _runs_of(text, pairs, shared)
        }
        heaviest: list[str] = []
        for run in sorted((run for run, weight in runs.items() if weight > 0), key=lambda run: -runs[run]):
            if not any(run in kept for kept in heaviest):  # a run inside a heavier one says nothing more
                heaviest.append(run)
        return Score(measure.number, text, units, tuple(heaviest[:shown]))

    def _run_weight(self, run: str) -> float:
        return sum(self.weights[a + b] for a, b in pairwise(run))

    def score_of(self, task: TaskText, number: int) -> Score:
        """The task's score against the measure numbered ``number``."""
        return self.score(task, next(measure for measure in self.measures if measure.number == number))

    def rank(self, task: TaskText, shown: int = 8) -> list[Score]:
        """The task's score against every measure, best first (ties by measure number). With ``shown`` 0 the
        scores list no shared wording, which is quicker when only the order and the figures are wanted."""
        prepared = self._prepare(task)
        scores = [self._score(prepared, measure, shown) for measure in self.measures]
        return sorted(scores, key=lambda score: (-score.total, score.measure))


def rank_measures(task: TaskText, measures: Sequence[MeasureText]) -> list[Score]:
    """Rank the measures of a notice for a task, best first: ``MeasureIndex(measures).rank(task)``."""
    return MeasureIndex(measures).rank(task)


def _inverse_frequencies(collections: Iterable[Iterable[str]]) -> dict[str, float]:
    """log(N / number of collections holding the item), for every item of the N collections."""
    counts: dict[str, int] = {}
    total = 0
    for collection in collections:
        total += 1
        for item in set(collection):
            counts[item] = counts.get(item, 0) + 1
    return {item: math.log(total / count) for item, count in counts.items()}


def measure_texts(body: BodyFile) -> list[MeasureText]:
    """The measures of a notice's body, each with its text and its units."""
    return [
        MeasureText(measure.number, measure.text, frozenset(unit for group in measure.units for unit in group))
        for part in body.parts
        for section in part.sections
        for measure in section.measures
    ]


def task_text(task: Task) -> TaskText:
    """A task's title and requirement, and its responsible and cooperating units."""
    return TaskText(
        (task.title.text, task.requirement.text), frozenset((*task.responsible_units, *task.cooperating_units))
    )
