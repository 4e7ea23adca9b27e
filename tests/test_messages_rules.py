"""Messages and hints of the rules say what is wrong and what to do, at the right line and column."""

from __future__ import annotations

from pathlib import Path

from conftest import NOTICE
from findings import check

from anwei_corpus.diagnostics import Diagnostic
from anwei_corpus.suppression import closest_codes, code_distance

ATTACHMENT = f"{NOTICE}/attachment.yaml"
BODY = f"{NOTICE}/body.yaml"
META = f"{NOTICE}/notice.yaml"
UNITS = "registry/units.yaml"

TASK_2_SUPPRESSION = "      - code: AW503\n        reason: 附件把此项交给"
TASK_2_UNITS = "responsible_units: [committee-members]\n    cooperating_units: [subdistricts-and-towns]\n    requirement: 各级"


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
    line = corpus_copy.replace(ATTACHMENT, TASK_2_SUPPRESSION, TASK_2_SUPPRESSION.replace("AW503", "AW502"))
    units_line = corpus_copy.line_of(ATTACHMENT, "responsible_units: [committee-members]")
    diagnostics = check(corpus_copy.root)
    finding = only(diagnostics, "AW801", ATTACHMENT)
    assert (finding.location.line, finding.location.column) == (line, 15)
    assert finding.message == (f"suppression names AW502, but this entry reports AW503 (line {units_line}) — did you "
                               "mean AW503?")
    assert "gone" not in finding.hint and "AW503" in finding.hint


def test_a_suppression_with_nothing_of_a_neighbouring_code_at_its_entry_says_so(corpus_copy):
    # the new unit also departs from the printed row (AW701): a code too far off to be meant
    corpus_copy.replace(ATTACHMENT, TASK_2_UNITS, TASK_2_UNITS.replace("[committee-members]",
                                                                       "[committee-members, emergency-bureau]"))
    line = corpus_copy.line_of(ATTACHMENT, TASK_2_SUPPRESSION)
    finding = only(check(corpus_copy.root), "AW801", ATTACHMENT)
    assert finding.location.line == line
    assert finding.message == "nothing at this entry reports AW503"
    assert "remove the suppression" in finding.hint and "gone" not in finding.hint


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
