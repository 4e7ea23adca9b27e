"""The rules beyond the loader: registry metadata, and for each rule the cases that must pass and must fail.

Every rule's basic failure (code, file and line) is also covered by test_mutations.py; here are the edge cases
that decide what a rule accepts.
"""

from __future__ import annotations

import re

import pytest
from conftest import DATA, NOTICE
from findings import at, check, lines
from typer.testing import CliRunner

from anwei_corpus.checker import check_corpus
from anwei_corpus.cli import app
from anwei_corpus.corpus import load_source
from anwei_corpus.diagnostics import Severity
from anwei_corpus.rules import (
    RULES,
    bold_mark,
    half_width_punctuation,
    invisible_character,
    name_character,
    not_nfc,
    stray_latin,
    stray_space,
)
from anwei_corpus.suppression import collect_suppressions

BODY = f"{NOTICE}/body.yaml"
ATTACHMENT = f"{NOTICE}/attachment.yaml"
META = f"{NOTICE}/notice.yaml"
PEOPLE = "registry/people.yaml"


@pytest.fixture(scope="module")
def real_findings():
    return check_corpus(load_source(DATA))


# --- the registry ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("code", RULES)
def test_rule_is_documented(code):
    rule = RULES[code]
    assert re.fullmatch(r"AW[0-9]{3}", rule.code)
    assert re.fullmatch(r"[a-z]+(-[a-z]+)*", rule.name)
    assert isinstance(rule.severity, Severity)
    assert rule.summary.endswith(".") and "\n" not in rule.summary
    assert len(rule.documentation) > 150


def test_names_are_unique():
    names = [rule.name for rule in RULES.values()]
    assert len(names) == len(set(names))


@pytest.mark.parametrize("code", [code for code in RULES if code != "AW704"])
def test_real_corpus_passes(real_findings, code):
    assert [d for d in real_findings if d.code == code] == []


# --- numbering and forms ----------------------------------------------------------------------------------------


def test_a_title_may_start_with_a_numeral_that_is_no_label(corpus_copy):
    corpus_copy.replace(BODY, "title: 压实各级领导责任", "title: 十四五压实各级领导责任")
    corpus_copy.replace(BODY, "text: 建立专家服务常态化机制", "text: 2022年建立专家服务常态化机制")
    assert check(corpus_copy.root, "AW204") == []


def test_measure_text_with_its_own_number(corpus_copy):
    line = corpus_copy.replace(BODY, "text: 建立专家服务常态化机制", "text: 44. 建立专家服务常态化机制")
    expected = [(line, "measure 44's text starts with the label '44.'")]
    assert at(check(corpus_copy.root, "AW204"), "AW204", BODY) == expected


def test_a_printed_date_that_is_no_day(corpus_copy):
    corpus_copy.replace(META, "date:\n  value: 2022-08-15", "date:\n  value: 2022-02-28")
    line = corpus_copy.replace(META, "    text: 2022年8月15日", "    text: 2022年2月30日")
    expected = [(line, "printed date '2022年2月30日' is not a real day")]
    assert at(check(corpus_copy.root, "AW205"), "AW205", META) == expected


def test_the_doc_number_year_is_the_year_of_the_date(corpus_copy):
    corpus_copy.replace(META, "printed: 普安委〔2022〕6号", "printed: 普安委〔2021〕6号")
    line = corpus_copy.replace(META, "year: 2022", "year: 2021")
    assert lines(check(corpus_copy.root, "AW205"), "AW205", META) == [line]


# --- references -------------------------------------------------------------------------------------------------


def test_unit_used_only_as_issuer_is_used(real_findings):
    units = load_source(DATA).units.model.units
    assert "safety-committee" in {unit.id for unit in units}
    assert [d for d in real_findings if d.code == "AW309"] == []


def test_a_person_nobody_names_is_unused(corpus_copy):
    line = corpus_copy.replace(PEOPLE, "  - id: xu-shujie", "  - id: li-si\n    name: 李四\n  - id: xu-shujie")
    assert at(check(corpus_copy.root, "AW309"), "AW309", PEOPLE) == [(line, "person 'li-si' is not used by any notice")]


def test_misspelt_unit_gets_a_suggestion(corpus_copy):
    corpus_copy.replace(ATTACHMENT, "[commerce-commission]", "[commerce-comission]")
    messages = [message for _, message in at(check(corpus_copy.root, "AW301"), "AW301", ATTACHMENT)]
    assert messages == ["unknown unit 'commerce-comission' — did you mean 'commerce-commission'?"]


def test_a_task_without_category_after_the_first_category(corpus_copy):
    line = corpus_copy.replace(ATTACHMENT, "- number: 6\n    category: 2", "- number: 6\n    category: null") + 1
    assert at(check(corpus_copy.root, "AW310"), "AW310", ATTACHMENT) == [
        (line, "task 6 has no category but follows a task of category 1")
    ]


def test_a_leader_named_twice(corpus_copy):
    line = corpus_copy.replace(ATTACHMENT, "leaders: [wang-jue, xu-shujie]", "leaders: [wang-jue,\n      wang-jue]") + 1
    expected = [(line, "task 14's leaders names 'wang-jue' twice")]
    assert at(check(corpus_copy.root, "AW311"), "AW311", ATTACHMENT) == expected


def test_a_measure_linked_twice_is_reported_at_the_repeat_with_the_complete_report(corpus_copy):
    line = corpus_copy.replace(ATTACHMENT, "measures: [4]\n", "measures: [4, 4]\n")
    path = corpus_copy.file(ATTACHMENT)
    result = CliRunner().invoke(
        app, ["validate", str(corpus_copy.root), "--strict", "--ignore", "AW704"], env={"NO_COLOR": "1"}
    )
    assert result.exit_code == 1
    assert result.output == (
        f"{path}:{line}:21: AW311 [error] task 5's links name measure 4 twice\n"
        f"  {line:>3} |       measures: [4, 4]\n"
        "                            ^\n"
        "  help: remove this repeat of 4 from links.measures\n"
        f"  first linked here: {path}:{line}:18\n"
        f"  {line:>3} |       measures: [4, 4]\n"
        "                         ^\n"
        "\n"
        "1 error, 0 warnings, 0 info\n"
    )


# --- consistency ------------------------------------------------------------------------------------------------


def test_the_real_corpus_suppresses_task_2_and_13():
    suppressions = collect_suppressions(load_source(DATA))
    assert sorted((s.entity_path, s.code) for s in suppressions) == [
        (("tasks", 1), "AW503"),
        (("tasks", 12), "AW503"),
        (("tasks", 12), "AW506"),
    ]


def test_without_its_suppression_the_real_warning_returns(corpus_copy):
    path = corpus_copy.file(ATTACHMENT)
    first_suppression = r"    suppress:\n      - code: AW503\n        reason: .*\n"
    path.write_text(re.sub(first_suppression, "", path.read_text("utf-8"), count=1), encoding="utf-8")
    findings = at(check(corpus_copy.root, "AW503", "AW801"), "AW503", ATTACHMENT)
    assert [line for line, _ in findings] == [corpus_copy.line_of(ATTACHMENT, "responsible_units: [committee-members]")]


def test_a_task_restating_its_measure_is_no_repeat():
    body = load_source(DATA).notices[0]
    assert body.attachment.model.tasks[11].requirement.text in body.body.model.parts[2].sections[2].measures[2].text


def test_two_measures_with_one_text_but_other_units(corpus_copy):
    corpus_copy.replace(
        BODY,
        "text: 加强执法人员业务轮训",
        "text: 着眼提升危险化学品重大安全风险管控能力，理顺跨部门综合监管工作，构建跨部门数字化监管平台，"
        "建设全过程追溯体系，建立跨部门联合监管机制，打造精细智能、链式治理、多向服务的数字化监管体系。（区应急局）\n"
        "            units: [[emergency-bureau]]\n          - number: 99\n            text: 加强执法人员业务轮训",
    )
    line = corpus_copy.line_of(BODY, "- number: 23") + 1
    assert at(check(corpus_copy.root, "AW504"), "AW504", BODY) == [(line, "measure 23 repeats the text of measure 22")]


# --- text hygiene -----------------------------------------------------------------------------------------------

CLEAN = [
    "以深入推进安全生产专项整治三年行动（1+2+7+N）为契机",
    "落实“工业互联网+安全生产”三年行动计划（2021-2023）",
    "拨打12350、12345热线",
    "提高GDP和PM2.5监测能力",
    "Hello, world (in English)",
    "GB/T 9704-2012",
]


@pytest.mark.parametrize(
    "rule", [half_width_punctuation, stray_latin, invisible_character, name_character, not_nfc, stray_space, bold_mark]
)
@pytest.mark.parametrize("text", CLEAN)
def test_clean_text_has_no_problem(rule, text):
    assert list(rule.problems(text)) == []


@pytest.mark.parametrize(
    "rule, text, span",
    [
        (half_width_punctuation, "风险,隐患", (2, 3)),
        (half_width_punctuation, "（区民防办)", (5, 6)),
        (half_width_punctuation, "如下:", (2, 3)),
        (stray_latin, "共性问题 and 突出隐患", (5, 8)),
        (stray_latin, "应急管理etc制度", (4, 7)),
        (invisible_character, "区应急\u200b局", (3, 4)),
        (invisible_character, "区应急\u00a0局", (3, 4)),
        (invisible_character, "\ufeff区应急局", (0, 1)),
        (invisible_character, "区应急\u2060局", (3, 4)),
        (invisible_character, "区应急局\u3164", (4, 5)),
        (invisible_character, "\u2800区应急局", (0, 1)),
        (invisible_character, "王\u115f\u1160珏", (1, 2)),
        (invisible_character, "区应急局\uffa0", (4, 5)),
        (invisible_character, "区应\ufe0f急局", (2, 3)),
        (invisible_character, "区应急\U000e0100局", (3, 4)),
        (name_character, "区应急局\u0301", (4, 5)),
        (name_character, "区\u20dd应急局", (1, 2)),
        (not_nfc, "姚汝\uf9f4", (2, 3)),
        (not_nfc, "cafe\u0301", (4, 5)),
        (stray_space, "王 珏", (1, 2)),
        (stray_space, " 区应急局", (0, 1)),
        (stray_space, "区应急局\u3000", (4, 5)),
        (stray_space, "普陀区\n\n2022年", (3, 5)),
        (bold_mark, "**（区应急局）**", (0, 2)),
    ],
)
def test_problem_is_found(rule, text, span):
    assert next(problem[:2] for problem in rule.problems(text)) == span


def test_an_edit_that_keeps_the_printed_form_accounts_for_it(corpus_copy):
    corpus_copy.replace(BODY, "应急管理等制度", "应急管理 etc 制度")
    corpus_copy.replace(
        BODY,
        "              - kind: stray-latin\n                printed: 应急管理 etc 制度\n"
        "                reading: 应急管理等制度\n                certainty: high",
        "              - kind: doubt\n                printed: 应急管理 etc 制度\n"
        "                reading: 应急管理 etc 制度\n                certainty: medium",
    )
    assert check(corpus_copy.root, "AW602", "AW605", "AW701", "AW702") == []


def test_registry_names_are_checked_and_the_column_points_at_the_problem(corpus_copy):
    line = corpus_copy.replace("registry/units.yaml", "    name: 区司法局", "    name: '区司法局,'")
    [finding] = check(corpus_copy.root, "AW601")
    assert (finding.location.line, finding.location.column) == (line, len("    name: '区司法局") + 1)


# --- editorial record -------------------------------------------------------------------------------------------


def test_a_doubt_without_note(corpus_copy):
    corpus_copy.replace(
        BODY,
        "                certainty: medium\n                note: “继承整合”疑为“集成整合”之误，照印本保留。\n",
        "                certainty: medium\n",
    )
    line = corpus_copy.line_of(BODY, "- kind: doubt\n                printed: 继承整合")
    assert at(check(corpus_copy.root, "AW705", "AW101"), "AW705", BODY) == [
        (line, "edit of kind 'doubt' with certainty 'medium' has no note")
    ]


@pytest.mark.parametrize(
    "old, new",
    [
        (
            "- kind: bold-mark\n                printed: '**（区安委会各成员单位、各区属国企）**'",
            "- kind: break\n                printed: '**（区安委会各成员单位、各区属国企）**'",
        ),
        ('- kind: break\n                printed: "护装', '- kind: stray-latin\n                printed: "护装'),
        (
            "- kind: punctuation\n                printed: 区人社局)",
            "- kind: bold-mark\n                printed: 区人社局)",
        ),
        ('- kind: space\n        printed: "2022 "', '- kind: punctuation\n        printed: "2022 "'),
    ],
)
def test_an_edit_of_the_wrong_kind(corpus_copy, old, new):
    relative = META if "2022 " in old else BODY
    line = corpus_copy.replace(relative, old, new)
    assert lines(check(corpus_copy.root, "AW706"), "AW706", relative) == [line]
