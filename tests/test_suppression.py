"""Suppressions: a finding accepted at its entity disappears; one that accepts nothing is reported (AW801)."""

from __future__ import annotations

from conftest import NOTICE
from findings import at, check, lines

from anwei_corpus.corpus import SourceFile
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


def test_a_suppression_silences_its_code_at_its_entity_only(corpus_copy):
    corpus_copy.replace(BODY, MEASURE_44_UNITS, "            units: [[emergency-bureu]]\n" + _suppress(12, "AW301"))
    line = corpus_copy.replace(BODY, "units: [[emergency-bureau, fire-rescue-detachment, ecology-environment-bureau]]",
                               "units: [[emergency-bureu, fire-rescue-detachment, ecology-environment-bureau]]")
    diagnostics = check(corpus_copy.root)
    assert lines(diagnostics, "AW301", BODY) == [line]
    assert at(diagnostics, "AW801", BODY) == []


def test_a_suppression_of_another_code_does_not_silence(corpus_copy):
    misspelt = "            units: [[emergency-bureu]]\n"
    line = corpus_copy.replace(BODY, MEASURE_44_UNITS, misspelt + _suppress(12, "AW302"))
    diagnostics = check(corpus_copy.root)
    assert lines(diagnostics, "AW301", BODY) == [line]
    assert lines(diagnostics, "AW801", BODY) == [corpus_copy.line_of(BODY, "- code: AW302")]


def test_a_text_can_carry_its_own_suppression(corpus_copy):
    corpus_copy.replace(BODY, SECTION_2_TITLE, "        title:\n          text: 厘清部门的监管责任\n"
                        + _suppress(10, "AW701", "kept as printed"))
    line = corpus_copy.replace(BODY, "title: 夯实企业主体责任", "title: 夯实企业的主体责任")
    diagnostics = check(corpus_copy.root, "AW701", "AW801")
    assert lines(diagnostics, "AW701", BODY) == [line] and at(diagnostics, "AW801", BODY) == []


def test_a_registry_entry_can_carry_a_suppression(corpus_copy):
    corpus_copy.replace(UNITS, "  - id: finance-bureau\n    name: 区财政局\n",
                        "  - id: finance-bureau\n    name: 区财政局\n    aliases: [区府办]\n"
                        + _suppress(4, "AW306", "both names are printed"))
    line = corpus_copy.replace(UNITS, "name: 区投促办", "name: 区投促办\n    aliases: [区府办]") + 1
    diagnostics = check(corpus_copy.root, "AW306", "AW801")
    assert lines(diagnostics, "AW306", UNITS) == [line] and at(diagnostics, "AW801", UNITS) == []


def test_a_suppression_of_a_loader_code_is_invalid(corpus_copy):
    corpus_copy.replace(BODY, MEASURE_44_UNITS, MEASURE_44_UNITS + _suppress(12, "AW002"))
    diagnostics = check(corpus_copy.root)
    assert at(diagnostics, "AW801", BODY) == []
    message = ("suppression names AW002 (duplicate-key), a code of reading files and the schema, which no "
               "suppression can accept")
    assert at(diagnostics, "AW802", BODY) == [(corpus_copy.line_of(BODY, "- code: AW002"), message)]


def test_suppressions_of_rules_not_run_are_not_judged(corpus_copy):
    corpus_copy.replace(BODY, MEASURE_44_UNITS, MEASURE_44_UNITS + _suppress(12, "AW301"))
    stale_line = corpus_copy.line_of(BODY, "- code: AW301")
    assert lines(check(corpus_copy.root), "AW801", BODY) == [stale_line]
    assert at(check(corpus_copy.root, "AW801"), "AW801", BODY) == []
    assert lines(check(corpus_copy.root, "AW801", "AW301"), "AW801", BODY) == [stale_line]


def test_suppressions_are_not_judged_while_a_file_fails_to_load(corpus_copy):
    corpus_copy.replace(UNITS, "kind: collective\n", "kind: crowd\n")
    corpus_copy.replace(BODY, MEASURE_44_UNITS, MEASURE_44_UNITS + _suppress(12, "AW301"))
    diagnostics = check(corpus_copy.root)
    assert at(diagnostics, "AW101", UNITS) and at(diagnostics, "AW801", BODY) == []


def test_the_reason_is_mandatory(corpus_copy):
    line = corpus_copy.replace(BODY, MEASURE_44_UNITS, MEASURE_44_UNITS + _suppress(12, "AW301", "' '")) + 3
    assert lines(check(corpus_copy.root, "AW101"), "AW101", BODY) == [line]


def test_an_entity_path_covers_its_own_paths_only():
    task_2 = SuppressionAt(SourceFile("attachment.yaml"), ("tasks", 1), 0, Suppression(code="AW503", reason="why"))

    def finding(file: str, path: tuple, code: str = "AW503") -> Diagnostic:
        return Diagnostic(code, Severity.WARNING, "m", Location(file, path))

    assert task_2.covers(finding("attachment.yaml", ("tasks", 1, "responsible_units")))
    assert task_2.covers(finding("attachment.yaml", ("tasks", 1)))
    assert not task_2.covers(finding("attachment.yaml", ("tasks", 10, "responsible_units")))
    assert not task_2.covers(finding("attachment.yaml", ("tasks",)))
    assert not task_2.covers(finding("body.yaml", ("tasks", 1)))
    assert not task_2.covers(finding("attachment.yaml", ("tasks", 1), code="AW502"))
