"""Look-ups on the corpus model: by number, by ID, name or alias, and along links."""

from __future__ import annotations

import pytest
from conftest import DATA

from anwei_corpus import NotFound, load


@pytest.fixture(scope="module")
def corpus():
    return load(DATA)


@pytest.fixture(scope="module")
def notice(corpus):
    return corpus.notice("putuo-anwei-2022-6")


def numbers(entities):
    return [entity.number for entity in entities]


def test_entities_by_number(notice):
    assert notice.measure(24).id == "putuo-anwei-2022-6/measure/24"
    assert notice.task(3).id == "putuo-anwei-2022-6/task/3"
    assert notice.section(17).part == 5
    assert notice.part(2).number == 2 and notice.category(5).number == 5


@pytest.mark.parametrize("number", [0, 51])
def test_a_missing_number_says_where_it_looked(notice, number):
    with pytest.raises(NotFound, match=f"no measure {number} in putuo-anwei-2022-6"):
        notice.measure(number)


def test_unknown_notice_suggests_a_close_id(corpus):
    with pytest.raises(NotFound, match="did you mean 'putuo-anwei-2022-6'"):
        corpus.notice("putuo-anwei-2022-06")


@pytest.mark.parametrize("key", ["greening-city-appearance-bureau", "区绿化市容局", "区绿容局", " 区绿 容局 "])
def test_unit_by_id_name_or_alias(corpus, key):
    assert corpus.unit(key).id == "greening-city-appearance-bureau"


def test_unknown_unit_suggests_close_names(corpus):
    with pytest.raises(NotFound) as caught:
        corpus.unit("区应急管理局")
    assert "区应急局" in caught.value.suggestions
    assert "did you mean '区应急局'" in str(caught.value)


@pytest.mark.parametrize("key", ["wang-jue", "王珏", "王 珏"])
def test_person_by_id_or_name(corpus, key):
    assert corpus.person(key).name == "王珏"


def test_measures_of_a_unit_are_those_that_list_it(corpus, notice):
    expected = [m.number for m in notice.measures if "greening-city-appearance-bureau" in m.units]
    assert numbers(corpus.measures_of_unit("区绿容局")) == expected == [4, 31, 33]


def test_tasks_of_a_unit_by_role(corpus, notice):
    responsible = numbers(corpus.tasks_of_unit("区应急局", role="responsible"))
    cooperating = numbers(corpus.tasks_of_unit("emergency-bureau", role="cooperating"))
    assert responsible == [t.number for t in notice.tasks if "emergency-bureau" in t.responsible_units]
    assert cooperating == [t.number for t in notice.tasks if "emergency-bureau" in t.cooperating_units]
    assert responsible and cooperating and not set(responsible) & set(cooperating)
    assert numbers(corpus.tasks_of_unit("区应急局")) == sorted(responsible + cooperating)


def test_tasks_of_a_unit_refuse_an_unknown_role(corpus):
    with pytest.raises(ValueError, match="role must be"):
        corpus.tasks_of_unit("区应急局", role="leading")  # type: ignore[arg-type]


def test_tasks_of_a_leader(corpus, notice):
    tasks = corpus.tasks_of_leader("王 珏")
    assert tasks == corpus.tasks_of_leader("wang-jue")
    assert numbers(tasks) == [t.number for t in notice.tasks if "wang-jue" in t.leaders] != []


def test_links_between_tasks_and_measures_run_both_ways(notice):
    for task in notice.tasks:
        assert numbers(notice.measures_of_task(task)) == task.measures
        for measure in notice.measures_of_task(task.number):
            assert task in notice.tasks_of_measure(measure)
    linked = {number for task in notice.tasks for number in task.measures}
    assert all(notice.tasks_of_measure(m.number) == [] for m in notice.measures if m.number not in linked)
