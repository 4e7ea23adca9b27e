"""``anwei unit|leader|show|stats``: the answers in text, JSON and Markdown, from the corpus or a release."""

from __future__ import annotations

import json

import pytest
from conftest import DATA
from make_synthetic import make_synthetic
from typer.testing import CliRunner

from anwei_corpus import Ambiguous, NotFound, leader_work, load, show, show_id, stats, unit_work
from anwei_corpus.cli import app
from anwei_corpus.queries import find_unit
from anwei_corpus.reporters.lookups import render

NOTICE_ID = "putuo-anwei-2022-6"


@pytest.fixture(scope="module")
def corpus():
    return load(DATA)


@pytest.fixture
def run(monkeypatch):
    monkeypatch.setenv("ANWEI_CORPUS", str(DATA))
    runner = CliRunner()
    return lambda *args: runner.invoke(app, list(args))


def answer(run, *args: str) -> dict:
    result = run(*args, "--format", "json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_unit_lists_its_measures_and_tasks_by_role(run, corpus):
    data = answer(run, "unit", "区应急局")
    assert data["unit"] == {
        "id": "emergency-bureau",
        "name": "区应急局",
        "aliases": [],
        "kind": "government-department",
        "jurisdiction": "putuo",
        "note": None,
        "collective": False,
    }
    numbers = [m["number"] for m in data["measures"]]
    assert numbers == [
        1,
        2,
        3,
        4,
        5,
        8,
        9,
        10,
        11,
        12,
        20,
        22,
        23,
        24,
        28,
        29,
        35,
        37,
        38,
        39,
        40,
        41,
        42,
        43,
        44,
        45,
        47,
        48,
        49,
        50,
    ]
    assert numbers == [m.number for m in corpus.measures_of_unit("emergency-bureau")]
    roles = {(t["number"], t["role"]) for t in data["tasks"]}
    assert {n for n, role in roles if role == "responsible"} == {1, 3, 4, 5, 6, 7, 8, 10, 12, 15, 19, 23}
    assert {n for n, role in roles if role == "cooperating"} == {14, 21, 22}
    measure_24 = next(m for m in data["measures"] if m["number"] == 24)
    assert measure_24["id"] == f"{NOTICE_ID}/measure/24" and measure_24["notice"] == NOTICE_ID
    assert [u["name"] for u in measure_24["other_units"]] == [
        "区消防救援支队",
        "区公安分局",
        "区建管委",
        "区安委会相关成员单位",
    ]


def test_unit_json_keys_are_the_documented_ones(run):
    data = answer(run, "unit", "区绿容局")
    assert set(data) == {"unit", "measures", "tasks"}
    assert set(data["unit"]) >= {"id", "name", "aliases", "kind"}
    assert all(set(m) >= {"id", "notice", "number", "text"} for m in data["measures"])
    assert data["tasks"] == [] and [m["number"] for m in data["measures"]] == [4, 31, 33]


def test_a_collective_is_a_unit_and_says_so(run):
    data = answer(run, "unit", "各街道、镇")
    assert data["unit"]["id"] == "subdistricts-and-towns" and data["unit"]["collective"] is True
    text = run("unit", "各街镇").stdout
    assert "a collective: the notice names the group, not its members" in text


def test_leader_lists_the_tasks_led(run, corpus):
    data = answer(run, "leader", "姜爱锋")
    assert data["person"] == {"id": "jiang-aifeng", "name": "姜爱锋", "jurisdiction": "putuo", "note": None}
    numbers = [t["number"] for t in data["tasks"]]
    assert numbers == [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 15, 16, 17, 19, 20, 23]
    assert numbers == [t.number for t in corpus.tasks_of_leader("jiang-aifeng")]
    task_17 = next(t for t in data["tasks"] if t["number"] == 17)
    assert task_17["responsible_units"] == [{"id": "construction-commission", "name": "区建管委"}]
    assert task_17["cooperating_units"] == [{"id": "subdistricts-and-towns", "name": "各街镇"}]


def test_show_task_has_its_measures_with_texts(run, corpus):
    notice = corpus.notice(NOTICE_ID)
    task, measure = notice.task(17), notice.measure(35)
    assert answer(run, "show", "task", "17") == {
        "kind": "task",
        "notice": NOTICE_ID,
        **task.model_dump(mode="json"),
        "leaders": [{"id": "jiang-aifeng", "name": "姜爱锋"}],
        "responsible_units": [{"id": "construction-commission", "name": "区建管委"}],
        "cooperating_units": [{"id": "subdistricts-and-towns", "name": "各街镇"}],
        "measures": [{"id": measure.id, "notice": NOTICE_ID, "number": 35, "text": measure.text}],
        "misnumbered": None,
    }


def test_show_measure_lists_the_tasks_citing_it(run):
    data = answer(run, "show", f"{NOTICE_ID}/measure/28")
    assert data["kind"] == "measure" and data["section"] == 10
    assert [(t["number"], t["title"]) for t in data["tasks"]] == [
        (14, "加强学校、科研机构实验室安全管理"),
        (15, "开展危险化学品安全风险集中治理"),
    ]


@pytest.mark.parametrize(
    ("kind", "number", "links", "expected"),
    [
        ("part", 3, "sections", [6, 7, 8]),
        ("section", 9, "measures", [25, 26, 27]),
        ("category", 4, "tasks", [13, 14, 15, 16, 17, 18]),
    ],
)
def test_show_other_kinds_list_what_they_hold(corpus, kind, number, links, expected):
    data = show(corpus, kind, number)
    assert [row["number"] for row in data[links]] == expected
    assert data == show_id(corpus, f"{NOTICE_ID}/{kind}/{number}")


@pytest.mark.parametrize("command", ["unit 区应急局", "leader 姜爱锋", "show task 17", "show measure 1", "stats"])
def test_text_fits_80_columns(run, command):
    result = run(*command.split())
    assert result.exit_code == 0, result.output
    from rich.cells import cell_len

    widths = [cell_len(line) for line in result.stdout.splitlines()]
    assert max(widths) <= 80
    assert max(widths) >= 60  # the tables use the width they have


def test_text_wraps_chinese_without_losing_a_character(run, corpus):
    text = run("show", "task", "17").stdout
    requirement = corpus.notice(NOTICE_ID).task(17).requirement
    assert requirement in "".join(
        line.strip() for line in text.splitlines() if line.startswith(" " * 13) or "requirement" in line
    ).replace("requirement", "")


def test_markdown_is_a_document_with_tables(run):
    text = run("unit", "区绿容局", "--format", "markdown").stdout
    assert text.startswith("## 区绿化市容局\n")
    assert "| No. | Measure | Other units |" in text and "### Tasks (0)\n\nNone." in text


def test_stats_counts_per_notice_and_unit(run, corpus):
    data = answer(run, "stats")
    assert data["notices"] == [
        {
            "id": NOTICE_ID,
            "doc_number": "普安委〔2022〕6号",
            "parts": 5,
            "sections": 17,
            "measures": 50,
            "categories": 5,
            "tasks": 23,
            "editorial": len(corpus.notice(NOTICE_ID).editorial),
        }
    ]
    emergency = next(u for u in data["units"] if u["id"] == "emergency-bureau")
    assert (emergency["measures"], emergency["responsible"], emergency["cooperating"]) == (30, 12, 3)
    assert [u["id"] for u in data["units"]] == [u.id for u in corpus.units]
    assert data == stats(corpus)


def test_no_match_exits_1_with_suggestions(run):
    result = run("unit", "区应急")
    assert result.exit_code == 1
    assert result.stderr == "anwei: no unit '区应急'; did you mean '区应急局'?\n"
    assert run("leader", "姜爱").stderr.startswith("anwei: no person '姜爱'; did you mean '姜爱锋'")


def test_missing_entity_exits_1(run):
    result = run("show", "measure", "51")
    assert result.exit_code == 1 and result.stderr == f"anwei: no measure 51 in {NOTICE_ID}\n"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["show", "measure"], "give the number of the measure"),
        (["show", "putuo/clause/3"], "is not an entity ID"),
        (["show", "measure", "3", "--notice", "putuo-anwei-2022-06"], "did you mean 'putuo-anwei-2022-6'"),
        (["unit", "区应急局", "--corpus", str(DATA), "--release", str(DATA)], "not both"),
    ],
)
def test_bad_requests_say_why(run, args, message):
    result = run(*args)
    assert result.exit_code in (1, 2) and message in result.stderr and "Traceback" not in result.output


def test_an_ambiguous_name_lists_the_candidates(corpus):
    twin = corpus.units[0].model_copy(update={"id": "twin", "aliases": ["区应急局"]})
    doubled = corpus.model_copy(update={"units": [*corpus.units, twin]})
    with pytest.raises(Ambiguous) as caught:
        find_unit(doubled, "区应急局")
    assert caught.value.candidates == [("emergency-bureau", "区应急局"), ("twin", twin.name)]
    assert "may be 区应急局 (emergency-bureau), 上海市普陀区安全生产委员会 (twin)" in str(caught.value)


def test_several_notices_need_notice(corpus):
    second = corpus.notices[0].model_copy(update={"id": "second"})
    two = corpus.model_copy(update={"notices": [*corpus.notices, second]})
    with pytest.raises(Ambiguous) as ambiguous:
        show(two, "task", 17)
    assert str(ambiguous.value) == (
        "the notice is ambiguous: it may be 普安委〔2022〕6号 (putuo-anwei-2022-6), 普安委〔2022〕6号 (second); "
        "name one with --notice ID (in Python, notice_id=...)"
    )
    assert show(two, "task", 17, "second")["notice"] == "second"


def test_rows_from_several_notices_name_their_notice(corpus, tmp_path):
    two = load(make_synthetic(2, tmp_path / "data"))
    ids = [notice.id for notice in two.notices]
    unit = render("unit", "markdown", unit_work(two, "区应急局"))
    leader = render("leader", "markdown", leader_work(two, "姜爱锋"))
    one = render("leader", "markdown", leader_work(corpus, "姜爱锋"))
    assert [line for line in unit.splitlines() if line.startswith("### ")] == [
        f"### Measures in {ids[0]} (30)",
        f"### Measures in {ids[1]} (30)",
        f"### Tasks in {ids[0]} (15)",
        f"### Tasks in {ids[1]} (15)",
    ]
    assert [line for line in leader.splitlines() if line.startswith("### ")] == [
        f"### Tasks led in {ids[0]} (19)",
        f"### Tasks led in {ids[1]} (19)",
    ]
    assert [line for line in one.splitlines() if line.startswith("### ")] == ["### Tasks led (19)"]


def test_a_padded_name_may_be_typed_unquoted(run):
    # `anwei leader 王 珏`, as the table prints the name: the shell hands over two words
    assert answer(run, "leader", "王", "珏")["person"]["id"] == "wang-jue"
    assert answer(run, "unit", "区", "应急局")["unit"]["id"] == "emergency-bureau"


def test_the_api_twins_answer_like_the_commands(run, corpus):
    assert answer(run, "unit", "emergency-bureau") == unit_work(corpus, "区应急局")
    assert answer(run, "leader", "jiang-aifeng") == leader_work(corpus, "姜 爱锋")
    with pytest.raises(NotFound):
        unit_work(corpus, "nobody")


def test_answers_come_from_a_release_or_anwei_corpus(run, tmp_path, monkeypatch):
    release = tmp_path / "release"
    assert run("export", str(DATA), "--out", str(release)).exit_code == 0
    from_release = answer(run, "unit", "区应急局", "--release", str(release))
    monkeypatch.setenv("ANWEI_CORPUS", str(tmp_path / "nowhere"))
    assert run("unit", "区应急局").exit_code == 2
    assert from_release == answer(run, "unit", "区应急局", "--corpus", str(DATA))
    (release / "anwei-corpus.json").write_text("{}", encoding="utf-8")
    result = run("stats", "--release", str(release))
    assert result.exit_code == 2 and "does not match the size and sha256" in result.stderr


def test_a_note_breaks_where_chinese_text_may_break(run):
    # rich alone broke at the space of 王 珏, so that a line began with ” (and 。 began a line of 区人社局's note)
    leader = run("leader", "王珏").stdout.split("\n")
    assert leader[:5] == [
        "王珏",
        "ID            wang-jue",
        "jurisdiction  putuo",
        "note          附件表格印作“王 珏”：两字姓名中间补空格以与三字姓名对齐，属排版，",
        "              不属姓名。",
    ]
    unit = run("unit", "区人社局").stdout.split("\n")
    assert unit[:9] == [
        "区人社局",
        "ID            human-resources-bureau",
        "别称 aliases  —",
        "kind          government-department",
        "jurisdiction  putuo",
        "note          附件任务6印作“区人力资源 保障局”：名称缺“（和）社会”，或为提取在单",
        "              元格回行处丢字，或为印本脱字；读作区人力资源和社会保障局，即正文第",
        "              34、48、49条的“区人社局”。此归并为推断。",
        "Measures (3)",
    ]


def test_a_number_the_source_skips_is_not_found_and_says_why(run, misnumbered_data):
    for args in (["show", "measure", "50", "--notice", NOTICE_ID], ["show", f"{NOTICE_ID}/measure/50"]):
        result = run(*args, "--corpus", str(misnumbered_data))
        assert result.exit_code == 1 and result.stdout == ""
        assert result.stderr == (
            f"anwei: no measure 50 in {NOTICE_ID}: the source skips it, printing measure 51 after measure 49 (the "
            f"editorial record of {NOTICE_ID}/measure/51: 源文件在“49.”之后印“51.”，不见“50.”。)\n"
        )
    result = run("show", "task", "23", "--corpus", str(misnumbered_data))
    assert result.exit_code == 1 and result.stderr == (
        f"anwei: no task 23 in {NOTICE_ID}: the source skips it, printing task 24 after task 22 (the editorial "
        f"record of {NOTICE_ID}/task/24: 源文件在“22”之后印“24”，不见“23”。)\n"
    )
    result = run("show", "measure", "52", "--corpus", str(misnumbered_data))  # beyond the last: nothing skipped
    assert result.exit_code == 1 and result.stderr == f"anwei: no measure 52 in {NOTICE_ID}\n"


def test_a_misprinted_number_is_shown_with_the_number_the_source_prints(run, misnumbered_data):
    corpus = load(misnumbered_data)
    measure = corpus.notice(NOTICE_ID).measure(21)
    result = run("show", "measure", "21", "--corpus", str(misnumbered_data))
    assert result.exit_code == 0 and result.stdout == (
        "measure 21\n"
        f"ID       {NOTICE_ID}/measure/21\n"
        "number   the source prints it as 20, by mistake (源文件两处印“20.”。)\n"
        "section  8 (part 3)\n"
        "text     按照分类分级差异化执法的要求，推动部门科学编制年度、季度监督检查计划和\n"
        "         现场检查方案，明确常态化执法目标任务，构建完善的事中事后安全监管执法体\n"
        "         系。建立健全行政执法和刑事司法衔接制度、典型执法案例定期通报制度和执法\n"
        "         评议考核制度。发挥督查检查“风向标”、“指挥棒”作用，落实重要时间节点、大\n"
        "         型活动期间社会面安全生产工作督查检查，协调落实进博会应急管理工作，持续\n"
        "         保持高压态势。\n"
        "units    （区安委会各成员单位）\n"
        "Cited by tasks (1)\n"
        "\n"
        "  No.               Title\n"
        " " + "─" * 78 + "\n"
        "  11                强化安全监管执法\n"
        "\n"
    )
    assert answer(run, "show", "measure", "21", "--corpus", str(misnumbered_data)) == {
        "kind": "measure",
        "notice": NOTICE_ID,
        **measure.model_dump(mode="json"),
        "misnumbered": {"kind": "typo", "printed": 20, "certainty": "certain", "note": "源文件两处印“20.”。"},
        "units": [{"id": "committee-members", "name": "区安委会各成员单位"}],
        "tasks": [{"id": f"{NOTICE_ID}/task/11", "number": 11, "title": "强化安全监管执法"}],
    }
    kept = answer(run, "show", "part", "5", "--corpus", str(misnumbered_data))["misnumbered"]
    assert kept == {"kind": "typo", "printed": 4, "certainty": "certain", "note": "源文件两处印“四、”。"}
    skipped = run("show", "task", "24", "--corpus", str(misnumbered_data)).stdout.splitlines()[:5]
    assert skipped == [
        "task 24: 加强重点领域信用监管",
        f"ID           {NOTICE_ID}/task/24",
        "number       kept as printed; the source skips the number before it (源文件在",
        "             “22”之后印“24”，不见“23”。)",
        "category     5",
    ]


def test_a_measure_printed_without_a_unit_list_says_none_printed(run, misnumbered_data):
    measure = load(misnumbered_data).notice(NOTICE_ID).measure(16)
    text = run("show", "measure", "16", "--corpus", str(misnumbered_data)).stdout
    assert [line for line in text.splitlines() if line.startswith("units")] == ["units    none printed"]
    markdown = run("show", "measure", "16", "--corpus", str(misnumbered_data), "--format", "markdown").stdout
    assert markdown == (
        "## measure 16\n\n"
        f"- **ID**: {NOTICE_ID}/measure/16\n"
        "- **section**: 6 (part 3)\n"
        f"- **text**: {measure.text}\n"
        "- **units**: none printed\n\n"
        "### Cited by tasks (0)\n\n"
        "None.\n"
    )
    data = answer(run, "show", "measure", "16", "--corpus", str(misnumbered_data))
    assert (data["assignment"], data["units"], data["unit_groups"], data["misnumbered"]) == ("", [], [], None)
