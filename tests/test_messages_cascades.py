"""One mistake gives one finding, at the line to edit, with a message that says what to do."""

from __future__ import annotations

import re

from conftest import NOTICE
from findings import check

BODY = f"{NOTICE}/body.yaml"
ATTACHMENT = f"{NOTICE}/attachment.yaml"
UNITS = "registry/units.yaml"
PEOPLE = "registry/people.yaml"


def of(diagnostics, code, relative=""):
    return [d for d in diagnostics if d.code == code and d.location.file.replace("\\", "/").endswith(relative)]


def reference_lines(corpus_copy, relative, ident):
    text = corpus_copy.file(relative).read_text(encoding="utf-8")
    return [text[: match.start()].count("\n") + 1 for match in re.finditer(rf"(?<![\w-]){ident}(?![\w-])", text)]


def test_a_unit_renamed_in_the_registry_gives_one_unknown_unit_per_file(corpus_copy):
    corpus_copy.replace(UNITS, "- id: emergency-bureau\n", "- id: emergency-management-bureau\n")
    diagnostics = check(corpus_copy.root)
    for relative, count in ((BODY, 30), (ATTACHMENT, 15)):
        [finding] = of(diagnostics, "AW301", relative)
        lines = reference_lines(corpus_copy, relative, "emergency-bureau")
        assert len(lines) == count
        assert finding.location.line == lines[0]
        assert finding.message.startswith(
            "unknown unit 'emergency-bureau' — did you mean 'emergency-management-bureau'?"
        )
        assert (
            f"({count} references in this file; also lines {', '.join(map(str, sorted(set(lines[1:]))[:8]))}, …)"
            in finding.message
        )
        assert "nothing references 'emergency-management-bureau'" in finding.hint
        assert "restore the ID" in finding.hint
    assert of(diagnostics, "AW308") == []  # the unknown ID is AW301's
    assert of(diagnostics, "AW701") == []  # rows naming an unknown ID are not rebuilt


def test_an_unknown_leader_is_reported_once_per_file_and_never_printed_into_a_row(corpus_copy):
    corpus_copy.replace(PEOPLE, "- id: xu-shujie\n", "- id: xu-shujei\n")
    diagnostics = check(corpus_copy.root)
    [finding] = of(diagnostics, "AW302", ATTACHMENT)
    lines = reference_lines(corpus_copy, ATTACHMENT, "xu-shujie")
    assert finding.location.line == lines[0]
    assert finding.message.startswith("unknown person 'xu-shujie' — did you mean 'xu-shujei'?")
    assert f"({len(lines)} references in this file; also lines {lines[1]}, " in finding.message
    assert of(diagnostics, "AW701") == []
    # Only AW302, and AW309's hint at the renamed entry, may speak of the old ID.
    assert not [
        d for d in diagnostics if d.code not in ("AW302", "AW309") and "xu-shujie" in d.message + (d.hint or "")
    ]


def test_a_single_unknown_reference_keeps_the_short_message(corpus_copy):
    line = corpus_copy.replace(ATTACHMENT, "leaders: [jiang-aifeng, yao-rulin]", "leaders: [jiang-aifeng, yao-rulim]")
    diagnostics = check(corpus_copy.root)
    assert [(d.location.line, d.location.column, d.message) for d in of(diagnostics, "AW302")] == [
        (line, 29, "unknown person 'yao-rulim' — did you mean 'yao-rulin'?")
    ]
    assert of(diagnostics, "AW701") == []


def test_a_misspelt_person_name_is_reported_once_at_the_registry(corpus_copy):
    line = corpus_copy.replace(PEOPLE, "name: 徐树杰", "name: 徐树洁")
    diagnostics = check(corpus_copy.root)
    [finding] = of(diagnostics, "AW707", PEOPLE)
    assert (finding.location.line, finding.location.column) == (line, 11)
    assert finding.message.startswith(
        "徐树洁 (xu-shujie), leader of tasks 1, 2, 9, 10, 11, 14, …, stands in no task row"
    )
    assert finding.message.endswith("the rows print '徐树杰'")
    assert of(diagnostics, "AW701") == []


def test_a_misspelt_table_spelling_is_reported_once_where_it_is_written(corpus_copy):
    line = corpus_copy.replace(ATTACHMENT, "printed: 各街道、镇", "printed: 各街道镇")
    diagnostics = check(corpus_copy.root)
    [finding] = of(diagnostics, "AW707", ATTACHMENT)
    assert finding.location.line == line
    assert finding.message.startswith("各街道镇 (subdistricts-and-towns), unit of tasks ")
    assert "the rows print '各街道、镇'" in finding.message
    assert of(diagnostics, "AW701") == []


def test_a_row_that_differs_elsewhere_too_is_still_reported(corpus_copy):
    corpus_copy.replace(PEOPLE, "name: 徐树杰", "name: 徐树洁")
    line = corpus_copy.replace(ATTACHMENT, "title: 制定“两张清单”", "title: 制定“三张清单”")
    diagnostics = check(corpus_copy.root)
    assert len(of(diagnostics, "AW707")) == 1
    [finding] = of(diagnostics, "AW701")
    assert (finding.location.line, finding.location.column) == (line, 15)
    assert finding.message.startswith("task 4's row differs from ")
    assert finding.message.endswith("in 重点任务: corpus has '三张清单”', source has '两张清单”'")
    assert "record it in `edits` (kind: typo, printed: '两', reading: '三', note: …)" in finding.hint


def test_an_unknown_category_is_left_to_unknown_category(corpus_copy):
    line = corpus_copy.replace(ATTACHMENT, "- number: 20\n    category: 5", "- number: 20\n    category: 6") + 1
    diagnostics = check(corpus_copy.root)
    assert [d.location.line for d in of(diagnostics, "AW304")] == [line]
    assert of(diagnostics, "AW310") == [] and of(diagnostics, "AW502") == []


def test_a_task_in_the_wrong_category_is_reported_once_at_its_category(corpus_copy):
    line = corpus_copy.replace(ATTACHMENT, "- number: 13\n    category: 4", "- number: 13\n    category: 3") + 1
    diagnostics = check(corpus_copy.root)
    assert [(d.location.line, d.location.column, d.message) for d in of(diagnostics, "AW502")] == [
        (line, 15, "task 13 is in category 3 but its measures 25, 26, 27 stand in part 4 — should its category be 4?")
    ]
    assert len(of(diagnostics, "AW502")[0].related) == 3


def test_a_stray_link_is_reported_at_the_link(corpus_copy):
    corpus_copy.replace(ATTACHMENT, "measures: [30]", "measures: [3]")
    line = corpus_copy.line_of(ATTACHMENT, "measures: [3]\n")
    diagnostics = check(corpus_copy.root)
    [finding] = of(diagnostics, "AW502")
    assert (finding.location.line, finding.location.column) == (line, 18)
    assert finding.message.endswith("but its measure 3 stands in part 1")
    assert "correct the link" in finding.hint


def test_a_text_changed_without_record_points_at_the_change(corpus_copy):
    line = corpus_copy.replace(BODY, "消防安全纳入领导", "消防安全列入领导")
    diagnostics = check(corpus_copy.root)
    [finding] = of(diagnostics, "AW701", BODY)
    text_column = corpus_copy.file(BODY).read_text(encoding="utf-8").split("\n")[line - 1].index("将安全生产") + 1
    assert (finding.location.line, finding.location.column) == (line, text_column + 10)
    assert finding.message.endswith("'1. 将安全生产、消防安全列入领导干部教育、巡查谈话和提醒重要内容，将安全风险防'…")
    assert finding.hint.startswith("first difference at character 11 of the text: corpus has '列入领导")
    assert finding.hint.endswith(
        "if this corrects the source, record it in `edits` (kind: typo, printed: '纳', "
        "reading: '列', note: …); otherwise restore the printed text"
    )


def test_a_short_text_is_quoted_whole_without_an_ellipsis(corpus_copy):
    line = corpus_copy.replace(BODY, "title: 厘清部门监管责任", "title: 厘清部门监督责任")
    diagnostics = check(corpus_copy.root)
    [finding] = of(diagnostics, "AW701", BODY)
    assert (finding.location.line, finding.location.column) == (line, 21)
    assert finding.message.endswith(": '（二）厘清部门监督责任'")
    assert "character 6 of the text" in finding.hint


def test_the_caret_finds_the_change_behind_an_edit(corpus_copy):
    line = corpus_copy.replace(BODY, "text: 普陀区2022年安全生产工作意见", "text: 普陀区2022年安全生产工作意思")
    diagnostics = check(corpus_copy.root)
    [finding] = of(diagnostics, "AW701", BODY)
    # at 思, although the space edit before it makes the printed form longer than the text
    assert (finding.location.line, finding.location.column) == (line, len("  text: 普陀区2022年安全生产工作意") + 1)
    assert "kind: typo, printed: '见', reading: '思'" in finding.hint
