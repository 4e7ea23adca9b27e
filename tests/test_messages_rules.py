"""Messages and hints of the rules say what is wrong and what to do, at the right line and column."""

from __future__ import annotations

import shutil
from pathlib import Path

from conftest import NOTICE
from findings import check
from typer.testing import CliRunner

from anwei_corpus.cli import app
from anwei_corpus.diagnostics import Diagnostic
from anwei_corpus.suppression import closest_codes, code_distance

ATTACHMENT = f"{NOTICE}/attachment.yaml"
BODY = f"{NOTICE}/body.yaml"
META = f"{NOTICE}/notice.yaml"
UNITS = "registry/units.yaml"

TASK_2_SUPPRESSION = "      - code: AW503\n        reason: 附件把此项交给"
TASK_2_UNITS = (
    "responsible_units: [committee-members]\n    cooperating_units: [subdistricts-and-towns]\n    requirement: 各级"
)


def only(diagnostics: list[Diagnostic], code: str, relative: str) -> Diagnostic:
    """The one finding of ``code`` in the file ending with ``relative``."""
    [finding] = [d for d in diagnostics if d.code == code and Path(d.location.file).as_posix().endswith(relative)]
    return finding


def none_of(diagnostics: list[Diagnostic], code: str) -> bool:
    return all(d.code != code for d in diagnostics)


# --- suppressions -----------------------------------------------------------------------------------------------


def test_a_suppression_of_a_code_no_rule_has_is_an_error_with_a_suggestion(corpus_copy):
    line = corpus_copy.replace(ATTACHMENT, TASK_2_SUPPRESSION, TASK_2_SUPPRESSION.replace("AW503", "AW530"))
    diagnostics = check(corpus_copy.root)
    finding = only(diagnostics, "AW802", ATTACHMENT)
    assert (finding.location.line, finding.location.column) == (line, 15)
    assert finding.severity.value == "error"
    assert finding.message == "suppression names AW530, which no rule has — did you mean AW503?"
    assert none_of(diagnostics, "AW801")


def test_an_unknown_code_far_from_every_code_gets_no_suggestion(corpus_copy):
    corpus_copy.replace(ATTACHMENT, TASK_2_SUPPRESSION, TASK_2_SUPPRESSION.replace("AW503", "AW999"))
    finding = only(check(corpus_copy.root), "AW802", ATTACHMENT)
    assert finding.message == "suppression names AW999, which no rule has"
    assert "anwei rules" in finding.hint


def test_an_unknown_code_is_reported_while_another_file_fails_to_load(corpus_copy):
    corpus_copy.replace(UNITS, "kind: collective\n", "kind: crowd\n")
    line = corpus_copy.replace(ATTACHMENT, TASK_2_SUPPRESSION, TASK_2_SUPPRESSION.replace("AW503", "AW530"))
    assert only(check(corpus_copy.root), "AW802", ATTACHMENT).location.line == line


def test_a_suppression_of_the_wrong_code_names_the_code_reported_there(corpus_copy):
    line = corpus_copy.replace(ATTACHMENT, TASK_2_SUPPRESSION, TASK_2_SUPPRESSION.replace("AW503", "AW504"))
    units_line = corpus_copy.line_of(ATTACHMENT, "responsible_units: [committee-members]")
    diagnostics = check(corpus_copy.root)
    finding = only(diagnostics, "AW801", ATTACHMENT)
    assert (finding.location.line, finding.location.column) == (line, 15)
    assert finding.message == (
        f"suppression names AW504, but this entry reports AW503 (line {units_line}) — did you mean AW503?"
    )
    assert "gone" not in finding.hint and "AW503" in finding.hint


def test_a_suppression_of_an_error_code_suggests_the_warning_reported_there(corpus_copy):
    line = corpus_copy.replace(ATTACHMENT, TASK_2_SUPPRESSION, TASK_2_SUPPRESSION.replace("AW503", "AW502"))
    finding = only(check(corpus_copy.root), "AW802", ATTACHMENT)
    assert finding.location.line == line
    assert finding.message.startswith(
        "suppression names AW502 (task-category-part), an error, which no suppression can accept — did you mean AW503"
    )  # the code reported there comes first


def test_a_suppression_with_nothing_of_a_neighbouring_code_at_its_entry_says_so(corpus_copy):
    # task 2 linked to measure 5, whose units include its responsible unit: nothing to accept any more
    corpus_copy.replace(
        ATTACHMENT, "measures: [2]\n      rationale: 第2条：结合", "measures: [5]\n      rationale: 第2条：结合"
    )
    line = corpus_copy.line_of(ATTACHMENT, TASK_2_SUPPRESSION)
    # the link rules (AW505, AW506) would report the moved link: left out, no code reported there is close
    finding = only(check(corpus_copy.root, "AW503", "AW801"), "AW801", ATTACHMENT)
    assert finding.location.line == line
    assert finding.message == "nothing at this entry reports AW503"
    assert "remove the suppression" in finding.hint and "gone" not in finding.hint


def test_a_suppression_is_not_questioned_while_an_error_may_hide_its_finding(corpus_copy):
    # the new unit departs from the printed row (AW701, an error of a code too far off to be meant)
    corpus_copy.replace(
        ATTACHMENT, TASK_2_UNITS, TASK_2_UNITS.replace("[committee-members]", "[committee-members, emergency-bureau]")
    )
    diagnostics = check(corpus_copy.root)
    assert [d.code for d in diagnostics if d.code == "AW701"] and not [d for d in diagnostics if d.code == "AW801"]


def test_a_suppression_of_a_suppression_rule_is_invalid(corpus_copy):
    line = corpus_copy.replace(ATTACHMENT, TASK_2_SUPPRESSION, TASK_2_SUPPRESSION.replace("AW503", "AW801"))
    finding = only(check(corpus_copy.root), "AW802", ATTACHMENT)
    assert finding.location.line == line
    assert "AW801 (stale-suppression)" in finding.message and "cannot be accepted" in finding.message


def test_codes_one_keystroke_apart():
    assert code_distance("AW530", "AW503") == 1
    assert code_distance("AW502", "AW503") == 1
    assert code_distance("AW503", "AW701") == 2
    assert closest_codes("AW530", ["AW503", "AW301", "AW520"]) == ["AW503", "AW520"]
    assert closest_codes("AW530", ["AW503", "AW520"], reported_here=["AW520"]) == ["AW520", "AW503"]


# --- the editorial record (AW702) -------------------------------------------------------------------------------

MEASURE_1_UNITS = "            units: [[party-committee-office, government-office"


def _add_typo_record_to_measure_1(corpus_copy, reading: str) -> int:
    """Correct 督查督办 to 督察督办 in measure 1 with a typo record reading ``reading``; the line of that reading."""
    corpus_copy.replace(BODY, "督查督办事项", "督察督办事项")
    edits_line = corpus_copy.line_of(BODY, MEASURE_1_UNITS) + 1
    path = corpus_copy.file(BODY)
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    assert lines[edits_line - 1].strip() == "edits:"
    record = (
        "              - kind: typo\n                printed: 督查督办\n"
        f"                reading: {reading}\n                note: 督查应作督察。\n"
    )
    lines.insert(edits_line, record)
    path.write_text("".join(lines), encoding="utf-8")
    return edits_line + 3


def test_a_mistyped_reading_is_shown_beside_the_text(corpus_copy):
    line = _add_typo_record_to_measure_1(corpus_copy, "督察督活")
    finding = only(check(corpus_copy.root), "AW702", BODY)
    assert (finding.location.line, finding.location.column) == (line, 26)
    assert finding.message == "editorial record does not apply: reading '督察督活' (occurrence 1) is not in the text"
    assert finding.hint.startswith("the text has '督察督办' here; the record reads '督察督活': correct the reading")


def test_a_text_corrected_under_a_doubt_asks_for_the_record_to_follow(corpus_copy):
    corpus_copy.replace(BODY, "有效推动区级资源继承整合。", "有效推动区级资源集成整合。")
    line = corpus_copy.line_of(BODY, "                reading: 继承整合")
    finding = only(check(corpus_copy.root, "AW702"), "AW702", BODY)
    assert (finding.location.line, finding.location.column) == (line, 26)
    assert finding.hint == (
        "the text has '集成整合' here; the record reads '继承整合': if you corrected the text, "
        "update the record (reading, and kind: typo if it corrects the source)"
    )


def test_a_text_back_to_its_printed_form_asks_for_the_record_to_go(corpus_copy):
    corpus_copy.replace(BODY, "区民防办）", "区民防办)")
    finding = only(check(corpus_copy.root, "AW702"), "AW702", BODY)
    assert finding.location.line == corpus_copy.line_of(BODY, "reading: 区民防办）")
    assert "as the source prints it: remove the record" in finding.hint


def test_an_occurrence_beyond_the_appearances_is_named(corpus_copy):
    line = corpus_copy.replace(BODY, "reading: 继承整合\n", "reading: 继承整合\n                occurrence: 2\n")
    finding = only(check(corpus_copy.root, "AW702"), "AW702", BODY)
    assert finding.location.line == line
    assert finding.hint == "'继承整合' stands 1 time(s) in the text: correct occurrence"


# --- help texts -------------------------------------------------------------------------------------------------


def test_half_width_punctuation_advises_a_record_only_when_the_source_prints_the_mark(corpus_copy):
    line = corpus_copy.replace(BODY, "坚持立足当前与着眼长远相结合，瞄准", "坚持立足当前与着眼长远相结合,瞄准")
    finding = only(check(corpus_copy.root, "AW601"), "AW601", BODY)
    assert finding.location.line == line
    assert finding.hint.startswith("use the full-width mark; only if the source itself prints the half-width mark")
    assert "'punctuation' edit" in finding.hint


def test_bold_mark_advises_a_record_only_when_the_source_prints_the_marks(corpus_copy):
    line = corpus_copy.replace(BODY, "建立专家服务常态化机制", "建立专家服务**常态化**机制")
    findings = [d for d in check(corpus_copy.root, "AW606") if d.code == "AW606"]
    assert [d.location.line for d in findings] == [line, line]
    assert {d.hint for d in findings} == {"delete the marks; only if the source prints them, record a 'bold-mark' edit"}


def test_an_unused_entry_whose_old_id_is_still_referenced_was_renamed(corpus_copy):
    line = corpus_copy.replace(UNITS, "  - id: emergency-bureau\n", "  - id: emergency-management-bureau\n")
    finding = only(check(corpus_copy.root, "AW309"), "AW309", UNITS)
    assert (finding.location.line, finding.location.column) == (line, 9)
    assert finding.message == "unit 'emergency-management-bureau' is not used by any notice"
    assert finding.hint == (
        "'emergency-bureau' is referenced 45 times but defined nowhere — was this entry renamed? "
        "IDs never change once released; restore 'emergency-bureau'"
    )


def test_each_unused_entry_gets_its_own_hint(corpus_copy):
    corpus_copy.replace(UNITS, "  - id: finance-bureau\n", "  - id: finance-office\n")
    corpus_copy.replace(
        UNITS,
        "  - id: housing-bureau\n",
        "  - id: lottery-office\n    name: 区彩票办\n    kind: government-department\n  - id: housing-bureau\n",
    )
    findings = {d.location.line: d.hint for d in check(corpus_copy.root, "AW309")}
    renamed_line = corpus_copy.line_of(UNITS, "  - id: finance-office")
    assert findings[renamed_line].startswith("'finance-bureau' is referenced 1 time but defined nowhere")
    assert findings[corpus_copy.line_of(UNITS, "  - id: lottery-office")] == (
        "remove the entry, or correct the reference meant to use it"
    )


# --- cascades ---------------------------------------------------------------------------------------------------


def test_no_coverage_figure_while_a_file_fails_to_load(corpus_copy):
    corpus_copy.replace(UNITS, "kind: collective\n", "kind: crowd\n")
    diagnostics = check(corpus_copy.root)
    assert any(d.code == "AW101" for d in diagnostics)
    assert none_of(diagnostics, "AW704")


def test_the_coverage_figure_stays_when_every_file_loads(corpus_copy):
    corpus_copy.replace(BODY, "建立专家服务常态化机制", "建立专家服务的常态化机制")
    finding = only(check(corpus_copy.root, "AW704"), "AW704", META)
    assert "stretch(es) unaccounted for" in finding.message


def test_a_date_value_off_its_printed_form_is_reported_alone(corpus_copy):
    line = corpus_copy.replace(META, "date:\n  value: 2022-08-15", "date:\n  value: 2022-08-25") + 1
    finding = only(check(corpus_copy.root, "AW205"), "AW205", META)
    assert (finding.location.line, finding.location.column) == (line, 10)
    assert finding.message == "value 2022-08-25 but the printed date 2022年8月15日 says 2022-08-15"


def test_a_date_year_off_its_printed_form_does_not_blame_the_doc_number(corpus_copy):
    line = corpus_copy.replace(META, "date:\n  value: 2022-08-15", "date:\n  value: 2021-08-15") + 1
    assert [d.location.line for d in check(corpus_copy.root, "AW205")] == [line]


# --- the command line -------------------------------------------------------------------------------------------


def test_rule_shows_literals_as_a_terminal_would():
    result = CliRunner().invoke(app, ["rule", "AW606"])
    assert result.exit_code == 0
    assert "``" not in result.output
    assert "leftover bold mark '**' at character 160`" in result.output
    assert "with the reason:\n" in CliRunner().invoke(app, ["rule", "AW801"]).output


def test_export_of_a_corpus_with_errors_reports_all_its_findings(corpus_copy, tmp_path):
    line = corpus_copy.replace(BODY, "emergency-bureau", "emergency-bureu")
    corpus_copy.replace(
        UNITS,
        "  - id: special-campaign-leads\n",
        "  - id: audit-bureau\n    name: 区审计局\n    kind: government-department\n  - id: special-campaign-leads\n",
    )  # used nowhere: a warning (AW309)
    result = CliRunner().invoke(
        app, ["export", str(corpus_copy.root), "--out", str(tmp_path / "release")], env={"NO_COLOR": "1"}
    )
    assert result.exit_code == 1
    assert f"body.yaml:{line}:" in result.output and "AW301 [error]" in result.output
    assert "AW309 [warning]" in result.output and "AW704 [info]" in result.output
    assert ", 0 warnings, 0 info" not in result.output
    assert not (tmp_path / "release").exists()


def test_the_manifest_lists_each_document_once_in_publication_order(corpus_copy):
    # Next year's folder made by copying this one, its ID changed and its 成文日期 set a year back by mistake.
    copy = corpus_copy.root / "notices" / "putuo-anwei-2023-6"
    shutil.copytree(corpus_copy.root / NOTICE, copy)
    meta = copy / "notice.yaml"
    text = meta.read_text(encoding="utf-8").replace("id: putuo-anwei-2022-6", "id: putuo-anwei-2023-6", 1)
    meta.write_text(text.replace("  value: 2022-08-15", "  value: 2021-08-15", 1), encoding="utf-8")
    corpus_copy.replace("corpus.yaml", "  - putuo-anwei-2022-6\n", "  - putuo-anwei-2022-6\n  - putuo-anwei-2023-6\n")
    found = [(d.message, d.location.line) for d in check(corpus_copy.root) if d.code == "AW314"]
    assert found == [
        ("putuo-anwei-2023-6 (成文日期 2021-08-15) is listed after putuo-anwei-2022-6 (2022-08-15)", 7),
        ("putuo-anwei-2023-6 has the 发文字号 普安委〔2022〕6号 of putuo-anwei-2022-6", 7),
    ]
