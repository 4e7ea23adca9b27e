"""The encoded notice against its source: counts, numbering, samples and provenance."""

from __future__ import annotations

import re

import pytest
from conftest import DATA, SEED_SOURCE

from anwei_corpus import load
from anwei_corpus.checker import check_corpus
from anwei_corpus.context import CorpusIndex
from anwei_corpus.corpus import load_source
from anwei_corpus.editorial import coverage, printed_form
from anwei_corpus.models.common import Passage

SOURCE = SEED_SOURCE.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def corpus():
    return load(DATA)


@pytest.fixture(scope="module")
def notice(corpus):
    return corpus.notices[0]


def test_counts(notice):
    assert len(notice.parts) == 5
    assert len(notice.sections) == 17
    assert len(notice.measures) == 50
    assert len(notice.categories) == 5
    assert len(notice.tasks) == 23


def test_numbering_is_whole(notice):
    for entities in (notice.parts, notice.sections, notice.measures, notice.categories, notice.tasks):
        assert [entity.number for entity in entities] == list(range(1, len(entities) + 1))


def test_measures_per_section(notice):
    per_section = {}
    for measure in notice.measures:
        per_section.setdefault(measure.section, []).append(measure.number)
    assert [len(per_section[s]) for s in range(1, 18)] == [2, 3, 3, 2, 3, 3, 4, 4, 3, 2, 1, 3, 2, 1, 4, 6, 4]


def test_sections_per_part(notice):
    assert [sum(1 for s in notice.sections if s.part == p) for p in range(1, 6)] == [3, 2, 3, 6, 3]


def test_document_elements(notice):
    assert notice.doc_number == "普安委〔2022〕6号"
    assert (notice.doc_number_parts.organ_code, notice.doc_number_parts.year, notice.doc_number_parts.serial) == (
        "普安委",
        2022,
        6,
    )
    assert notice.date.isoformat() == "2022-08-15"
    assert notice.imprint_date.isoformat() == "2022-08-15"
    assert notice.copies == 60
    assert notice.annotation == "（信息公开形式：主动公开）"
    assert notice.title == "上海市普陀区安全生产委员会关于印发普陀区2022年安全生产工作意见的通知"
    assert {a.element for a in notice.absent_elements} >= {"份号", "签发人", "抄送机关"}


@pytest.mark.parametrize("number", [1, 12, 15, 39, 41])
def test_measure_text_is_its_source_paragraph(notice, number):
    """Sampled measures: the source paragraph, with page breaks and artefacts undone, is text + assignment."""
    measure = notice.measures[number - 1]
    start = SOURCE.index(f"\n{number}. ") + len(f"\n{number}. ")
    end = SOURCE.index(f"\n{number + 1}. ")
    paragraph = SOURCE[start:end].strip().replace("\n\n", "").replace(" and ", "和").replace(")", "）")
    assert paragraph == measure.text + measure.assignment


def test_measure_units_in_printed_order(notice):
    m1 = notice.measures[0]
    assert m1.unit_groups == [
        [
            "party-committee-office",
            "government-office",
            "emergency-bureau",
            "fire-rescue-detachment",
            "publicity-department",
            "subdistricts-and-towns",
        ],
        ["committee-members-other-concerned"],
        ["district-state-enterprises"],
    ]
    assert m1.units == [uid for group in m1.unit_groups for uid in group]
    m24 = notice.measures[23]
    assert m24.assignment == "（区应急局、区消防救援支队、区公安分局、区建管委（交通委）、区安委会相关成员单位）"
    assert m24.units[-2:] == ["construction-commission", "committee-members-concerned"]


@pytest.mark.parametrize("number", [1, 6, 14, 23])
def test_task_row_matches_source(notice, corpus, number):
    task = notice.tasks[number - 1]
    row = next(line for line in SOURCE.split("\n") if line.startswith(f"{number}\t"))
    cells = row.split("\t")
    assert cells[1] == task.title
    assert cells[5] == task.requirement
    names = {p.id: p.name for p in corpus.people}
    assert cells[2].replace(" ", "") == "".join(names[pid] for pid in task.leaders)


def test_task_categories_and_links(notice):
    assert notice.tasks[0].category is None
    assert notice.tasks[0].link_basis == "general-requirements" and notice.tasks[0].measures == []
    assert [t.category for t in notice.tasks[1:]] == [1] * 4 + [2] * 3 + [3] * 4 + [4] * 6 + [5] * 5
    assert all(t.measures for t in notice.tasks[1:])
    assert notice.tasks[11].requirement in notice.measures[22].text


def test_leaders_without_padding(corpus):
    assert {p.name for p in corpus.people} == {"肖文高", "姜爱锋", "姚汝林", "王珏", "徐树杰", "张骏", "蒋龙"}


def test_every_printed_unit_spelling_is_registered(corpus):
    names = {name for unit in corpus.units for name in (unit.name, *unit.aliases)}
    for spelling in ("区绿容局", "区绿化市容局", "区发改委", "区发展改革委", "各街镇", "各街道、镇", "消防救援支队"):
        assert spelling in names


def test_every_alias_is_a_printed_spelling(corpus):
    # the table's line-wrapped spellings (区人力资源 保障局) are listed under the attachment's spellings, not here
    printed = SOURCE.replace(" ", "")
    assert {name for unit in corpus.units for name in unit.aliases if name not in printed} == set()


def test_the_doubts_kept_as_printed(notice):
    assert {r.printed for r in notice.editorial if r.kind == "doubt"} == {
        "巡查谈话和提醒",
        "建筑安全专业委员会",
        "扫清盲点、共进一步",
        "继承整合",
        "跨省经管",
        "保平安",
        "村（居）农民自建房",
        "《电化储能站消防安全技术要求》",
        "《道路交通安全法条例》",
        "《关于深化我市应急管理综合行政执法改革的实施方案》",
    }


def test_the_readme_gives_the_title_as_printed(corpus):
    readme = (DATA.parent / "README.md").read_text(encoding="utf-8")
    title = "上海市普陀区安全生产委员会关于印发普陀区2022年安全生产工作意见的通知"
    assert title in readme.replace("\n", "")


def test_editorial_record_rebuilds_every_artefact(notice):
    kinds = {record.kind for record in notice.editorial}
    assert {"break", "doubled", "bold-mark", "space", "stray-latin", "typo", "doubt", "punctuation"} <= kinds
    latin = [r for r in notice.editorial if r.kind == "stray-latin"]
    assert sorted(r.printed.split()[1] for r in latin) == ["and", "etc"]


def test_clean_texts_carry_no_artefacts(notice):
    texts = [m.text + m.assignment for m in notice.measures] + [t.requirement for t in notice.tasks]
    for text in texts:
        assert "**" not in text and "\n" not in text and ")" not in text
        assert not re.search(r"[A-Za-z]{2,}", text)


def test_provenance_covers_the_whole_source():
    source = load_source(DATA)
    context = CorpusIndex(source)
    provenance = context.provenance(source.notices[0])
    assert provenance.missing == [] and provenance.broken == []
    result = coverage(source.notices[0].source_text, provenance.spans)
    assert result.share == 1.0, result.uncovered_runs[:3]


def test_real_corpus_has_no_errors():
    diagnostics = check_corpus(load_source(DATA))
    assert [d for d in diagnostics if d.severity.value != "info"] == []


def test_printed_form_undoes_edits():
    passage = Passage.model_validate(
        {"text": "牢固树立安全发展理念", "edits": [{"kind": "doubled", "printed": "树立\n\n立", "reading": "树立"}]}
    )
    assert printed_form(passage.text, passage.edits) == "牢固树立\n\n立安全发展理念"
