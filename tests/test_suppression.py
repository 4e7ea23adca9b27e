"""Suppressions: a finding accepted at its entity disappears; one that accepts nothing is reported (AW801)."""

from __future__ import annotations

from conftest import NOTICE
from findings import at, check, lines

from anwei_corpus.diagnostics import Diagnostic, Location, Severity
from anwei_corpus.models.common import Suppression
from anwei_corpus.suppression import SuppressionAt

BODY = f"{NOTICE}/body.yaml"
ATTACHMENT = f"{NOTICE}/attachment.yaml"
UNITS = "registry/units.yaml"

SECTION_2_TITLE = "        title: 厘清部门监管责任\n"
MEASURE_44_UNITS = "            units: [[emergency-bureau]]\n"


def _suppress(indent: int, code: str, reason: str = "the notice prints it so") -> str:
    pad = " " * indent
    return f"{pad}suppress:\n{pad}  - code: {code}\n{pad}    reason: {reason}\n"


def _link_task_to_measure_44(corpus_copy, number: int) -> int:
    """Link task 20 or 21 to measure 44, whose only unit is not the task's: an AW503 warning at the task."""
    was = {20: "measures: [40]\n      rationale: 第40条", 21: "measures: [41]\n      rationale: 第41条"}[number]
    corpus_copy.replace(ATTACHMENT, was, was.replace(was[11:13], "44", 1))
    return corpus_copy.line_of(ATTACHMENT, TASK_RESPONSIBLE[number])


TASK_RESPONSIBLE = {
    20: "responsible_units: [fire-rescue-detachment]\n    cooperating_units: [subdistricts-and-towns]\n"
    "    requirement: 结合区域特点",
    21: "responsible_units: [science-technology-commission]",
}
TASK_20_TITLE = "    title: 推动应急力量健康发展\n"


def test_a_suppression_silences_its_code_at_its_entity_only(corpus_copy):
    corpus_copy.replace(ATTACHMENT, TASK_20_TITLE, TASK_20_TITLE + _suppress(4, "AW503"))
    _link_task_to_measure_44(corpus_copy, 20)
    line_21 = _link_task_to_measure_44(corpus_copy, 21)
    diagnostics = check(corpus_copy.root)
    assert lines(diagnostics, "AW503", ATTACHMENT) == [line_21]
    assert at(diagnostics, "AW801", ATTACHMENT) == []


def test_a_suppression_of_another_code_does_not_silence(corpus_copy):
    corpus_copy.replace(ATTACHMENT, TASK_20_TITLE, TASK_20_TITLE + _suppress(4, "AW309"))
    line = _link_task_to_measure_44(corpus_copy, 20)
    diagnostics = check(corpus_copy.root)
    assert lines(diagnostics, "AW503", ATTACHMENT) == [line]
    assert lines(diagnostics, "AW801", ATTACHMENT) == [corpus_copy.line_of(ATTACHMENT, "- code: AW309")]


def test_a_text_can_carry_its_own_suppression(corpus_copy):
    corpus_copy.replace(
        BODY,
        "        title: 夯实企业主体责任\n",
        "        title:\n          text: 厘清部门监管责任\n" + _suppress(10, "AW504", "both sections are titled so"),
    )
    diagnostics = check(corpus_copy.root, "AW504", "AW801")
    assert at(diagnostics, "AW504", BODY) == [] and at(diagnostics, "AW801", BODY) == []


def test_an_error_cannot_be_suppressed(corpus_copy):
    corpus_copy.replace(BODY, MEASURE_44_UNITS, "            units: [[emergency-bureu]]\n" + _suppress(12, "AW301"))
    diagnostics = check(corpus_copy.root)
    assert lines(diagnostics, "AW301", BODY) == [corpus_copy.line_of(BODY, "units: [[emergency-bureu]]")]
    [(line, message)] = at(diagnostics, "AW802", BODY)
    assert line == corpus_copy.line_of(BODY, "- code: AW301") and "an error, which no suppression can accept" in message
    assert at(diagnostics, "AW801", BODY) == []


def test_a_registry_entry_can_carry_a_suppression(corpus_copy):
    corpus_copy.replace(
        UNITS,
        "  - id: special-campaign-leads\n",
        "  - id: audit-bureau\n    name: 区审计局\n    kind: government-department\n"
        + _suppress(4, "AW309", "kept for next year's notice")
        + "  - id: tax-bureau\n    name: 区税务局\n    kind: government-department\n"
        "  - id: special-campaign-leads\n",
    )
    diagnostics = check(corpus_copy.root, "AW309", "AW801")
    assert lines(diagnostics, "AW309", UNITS) == [corpus_copy.line_of(UNITS, "- id: tax-bureau")]
    assert at(diagnostics, "AW801", UNITS) == []


def test_a_suppression_of_a_loader_code_is_invalid(corpus_copy):
    corpus_copy.replace(BODY, MEASURE_44_UNITS, MEASURE_44_UNITS + _suppress(12, "AW002"))
    diagnostics = check(corpus_copy.root)
    assert at(diagnostics, "AW801", BODY) == []
    message = (
        "suppression names AW002 (duplicate-key), a code of reading files and the schema, which no "
        "suppression can accept"
    )
    assert at(diagnostics, "AW802", BODY) == [(corpus_copy.line_of(BODY, "- code: AW002"), message)]


def test_suppressions_of_rules_not_run_are_not_judged(corpus_copy):
    corpus_copy.replace(BODY, MEASURE_44_UNITS, MEASURE_44_UNITS + _suppress(12, "AW504"))
    stale_line = corpus_copy.line_of(BODY, "- code: AW504")
    assert lines(check(corpus_copy.root), "AW801", BODY) == [stale_line]
    assert at(check(corpus_copy.root, "AW801"), "AW801", BODY) == []
    assert lines(check(corpus_copy.root, "AW801", "AW504"), "AW801", BODY) == [stale_line]


def test_suppressions_are_not_judged_while_a_file_fails_to_load(corpus_copy):
    corpus_copy.replace(UNITS, "kind: collective\n", "kind: crowd\n")
    corpus_copy.replace(BODY, MEASURE_44_UNITS, MEASURE_44_UNITS + _suppress(12, "AW504"))
    diagnostics = check(corpus_copy.root)
    assert at(diagnostics, "AW101", UNITS) and at(diagnostics, "AW801", BODY) == []


def test_the_reason_is_mandatory(corpus_copy):
    line = corpus_copy.replace(BODY, MEASURE_44_UNITS, MEASURE_44_UNITS + _suppress(12, "AW301", "' '")) + 3
    assert lines(check(corpus_copy.root, "AW101"), "AW101", BODY) == [line]


def test_an_entity_path_covers_its_own_paths_only():
    code_at = Location("attachment.yaml", ("tasks", 1, "suppress", 0, "code"))
    task_2 = SuppressionAt("attachment.yaml", ("tasks", 1), 0, Suppression(code="AW503", reason="why"), code_at)

    def finding(file: str, path: tuple, code: str = "AW503") -> Diagnostic:
        return Diagnostic(code, Severity.WARNING, "m", Location(file, path))

    assert task_2.covers(finding("attachment.yaml", ("tasks", 1, "responsible_units")))
    assert task_2.covers(finding("attachment.yaml", ("tasks", 1)))
    assert not task_2.covers(finding("attachment.yaml", ("tasks", 10, "responsible_units")))
    assert not task_2.covers(finding("attachment.yaml", ("tasks",)))
    assert not task_2.covers(finding("body.yaml", ("tasks", 1)))
    assert not task_2.covers(finding("attachment.yaml", ("tasks", 1), code="AW502"))
