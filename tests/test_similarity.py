"""The score of a task against the measures of its notice (anwei_corpus.similarity)."""

from __future__ import annotations

import math

from conftest import DATA

from anwei_corpus.corpus import load_source
from anwei_corpus.similarity import (
    TEXT_WEIGHT,
    MeasureIndex,
    MeasureText,
    Score,
    TaskText,
    bigrams,
    measure_texts,
    rank_measures,
    task_text,
)


def test_bigrams_read_letters_and_digits_across_punctuation_and_spaces():
    assert bigrams("燃气，安全 A1。") == {"燃气", "气安", "安全", "全A", "A1"}
    assert bigrams("燃") == frozenset()


MEASURES = [
    MeasureText(1, "燃气安全排查", frozenset({"a", "b"})),
    MeasureText(2, "消防安全", frozenset({"a"})),
    MeasureText(3, "电梯安全", frozenset({"a"})),
]


def test_scores_weigh_rare_bigrams_and_rare_units():
    task = TaskText(("燃气安全", "排查电梯"), frozenset({"b", "z"}))
    log3, unseen = math.log(3), math.log(4)
    # the task's bigrams: 燃气 气安 安全 (held by all: weight 0) 排查 查电 (held by none) 电梯
    possible = log3 + log3 + 0 + log3 + unseen + log3
    units_possible = log3 + unseen  # b is named by measure 1 only, z by none
    assert rank_measures(task, MEASURES) == [
        Score(1, (3 * log3) / possible, log3 / units_possible, ("燃气安全", "排查")),
        Score(3, log3 / possible, 0.0, ("电梯",)),
        Score(2, 0.0, 0.0, ()),
    ]


def test_total_combines_text_and_units_and_ties_go_by_number():
    score = Score(4, 0.5, 1.0, ())
    assert math.isclose(score.total, TEXT_WEIGHT * 0.5 + (1 - TEXT_WEIGHT))
    task = TaskText(("无关",), frozenset())
    assert [score.measure for score in MeasureIndex(reversed(MEASURES)).rank(task)] == [1, 2, 3]


def test_every_linked_task_of_the_real_corpus_ranks_a_linked_measure_first():
    notice = load_source(DATA).notices[0]
    index = MeasureIndex(measure_texts(notice.body.model))
    best = {task.number: index.rank(task_text(task))[0].measure for task in notice.attachment.model.tasks}
    links = {task.number: task.links.measures for task in notice.attachment.model.tasks}
    assert {number for number, measure in best.items() if measure not in links[number]} == {1}  # task 1 links none
