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
from functools import cached_property
from itertools import pairwise
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from .models.source import BodyFile, Task

TEXT_WEIGHT = 0.85  # wording decides; shared units separate measures of alike wording
SHOWN = 8  # runs of shared wording a score lists, heaviest first, unless asked for another number


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


class MeasureText(NamedTuple):
    """What a measure offers to compare with: its number, its text and its units."""

    number: int
    text: str
    units: frozenset[str]


class TaskText(NamedTuple):
    """What a task offers to compare with: its texts (title, requirement) and its units."""

    texts: tuple[str, ...]
    units: frozenset[str]


class Score(NamedTuple):
    """A task's score against one measure; ``shared`` lists the wording they share, heaviest first."""

    measure: int
    text: float
    units: float
    shared: tuple[str, ...]

    @property
    def total(self) -> float:
        return TEXT_WEIGHT * self.text + (1 - TEXT_WEIGHT) * self.units


class _PreparedTask(NamedTuple):
    letters: tuple[str, ...]  # of each text
    pairs: tuple[list[str], ...]  # the bigrams of each text, in order
    grams: frozenset[str]
    weighed_grams: tuple[tuple[str, float], ...]  # the grams some measure holds, sorted, with their weights
    weighed_units: tuple[tuple[str, float], ...]  # and the units
    text_weight: float  # the weight of all the task's bigrams (unseen ones weigh most)
    unit_weight: float  # and of its units


def _share(found: float, possible: float) -> float:
    """The weight of what was found over the weight of all that was wanted (``possible``)."""
    return found / possible if possible else 0.0


def _postings(collections: Iterable[Iterable[str]]) -> dict[str, list[int]]:
    """For every item, the positions of the collections holding it, in order."""
    holders: dict[str, list[int]] = {}
    for position, collection in enumerate(collections):
        for item in set(collection):
            held = holders.get(item)
            if held is None:  # quicker than setdefault, which builds a list for every item
                holders[item] = [position]
            else:
                held.append(position)
    return holders


class MeasureIndex:
    """The measures of one notice, ready to score tasks against.

    A task is scored against every measure at once: each of its bigrams (and units) adds its weight to the
    measures that hold it. The weights are added in one fixed order (sorted), so that a score is the same
    float whichever way it is asked for and in every process.
    """

    def __init__(self, measures: Iterable[MeasureText]):
        self.measures = sorted(measures, key=lambda measure: measure.number)
        self._bigrams = [bigrams(measure.text) for measure in self.measures]
        self._gram_holders = _postings(self._bigrams)
        self._unit_holders = _postings(measure.units for measure in self.measures)

    @cached_property
    def weights(self) -> dict[str, float]:
        """Each bigram's inverse document frequency among the measures: log(N / measures holding it)."""
        return _inverse_frequencies(self._gram_holders, len(self.measures))

    @cached_property
    def unit_weights(self) -> dict[str, float]:
        """Each unit's inverse document frequency among the measures' unit lists."""
        return _inverse_frequencies(self._unit_holders, len(self.measures))

    def score(self, task: TaskText, measure: MeasureText, shown: int = SHOWN) -> Score:
        """The task's score against one measure of this index; ``shown`` limits the shared bigrams listed."""
        return self._score_at(self._prepare(task), self.measures.index(measure), shown)

    def _score_at(self, task: _PreparedTask, position: int, shown: int) -> Score:
        grams, units = self._bigrams[position], self.measures[position].units
        text = sum(weight for gram, weight in task.weighed_grams if gram in grams)
        unit = sum(weight for name, weight in task.weighed_units if name in units)
        return self._score(task, position, text, unit, shown)

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
            _weighed(grams, self.weights),
            _weighed(task.units, self.unit_weights),
            sum(self.weights.get(gram, unseen) for gram in sorted(grams)),
            sum(self.unit_weights.get(unit, unseen) for unit in sorted(task.units)),
        )

    def _score(self, task: _PreparedTask, position: int, text: float, units: float, shown: int) -> Score:
        """The score at ``position`` from the weights found there; with ``shown``, the heaviest shared wording."""
        number = self.measures[position].number
        if not shown:
            return Score(number, _share(text, task.text_weight), _share(units, task.unit_weight), ())
        shared = task.grams & self._bigrams[position]
        runs = {
            run: self._run_weight(run)
            for text, pairs in zip(task.letters, task.pairs, strict=True)
            for run in _runs_of(text, pairs, shared)
        }
        heaviest: list[str] = []
        for run in sorted((run for run, weight in runs.items() if weight > 0), key=lambda run: -runs[run]):
            if not any(run in kept for kept in heaviest):  # a run inside a heavier one says nothing more
                heaviest.append(run)
        return Score(number, _share(text, task.text_weight), _share(units, task.unit_weight), tuple(heaviest[:shown]))

    def _run_weight(self, run: str) -> float:
        return sum(self.weights[a + b] for a, b in pairwise(run))

    def score_of(self, task: TaskText, number: int) -> Score:
        """The task's score against the measure numbered ``number`` (the best, where several share the number)."""
        prepared = self._prepare(task)
        scores = [
            self._score_at(prepared, position, SHOWN)
            for position, measure in enumerate(self.measures)
            if measure.number == number
        ]
        return max(scores, key=lambda score: score.total)

    def rank(self, task: TaskText, shown: int = SHOWN) -> list[Score]:
        """The task's score against every measure, best first (ties by measure number). With ``shown`` 0 the
        scores list no shared wording, which is quicker when only the order and the figures are wanted."""
        prepared = self._prepare(task)
        text = _found(prepared.weighed_grams, self._gram_holders, len(self.measures))
        units = _found(prepared.weighed_units, self._unit_holders, len(self.measures))
        scores = [
            self._score(prepared, position, text[position], units[position], shown) for position in range(len(text))
        ]
        return sorted(scores, key=lambda score: (-score.total, score.measure))


def _weighed(items: Iterable[str], weights: dict[str, float]) -> tuple[tuple[str, float], ...]:
    """The items that have a weight above nothing, sorted, each with it (an item every measure holds adds 0)."""
    return tuple((item, weights[item]) for item in sorted(items) if weights.get(item, 0.0) > 0.0)


def _found(weighed: Iterable[tuple[str, float]], holders: dict[str, list[int]], count: int) -> list[float]:
    """At each measure's position, the sum of the weights of the items it holds, added in ``weighed``'s order."""
    found = [0.0] * count
    for item, weight in weighed:
        for position in holders[item]:
            found[position] += weight
    return found


def rank_measures(task: TaskText, measures: Sequence[MeasureText]) -> list[Score]:
    """Rank the measures of a notice for a task, best first: ``MeasureIndex(measures).rank(task)``."""
    return MeasureIndex(measures).rank(task)


def _inverse_frequencies(holders: dict[str, list[int]], total: int) -> dict[str, float]:
    """log(N / number of collections holding the item), for every item of the N collections."""
    return {item: math.log(total / len(positions)) for item, positions in holders.items()}


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
