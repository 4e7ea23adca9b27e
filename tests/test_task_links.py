"""Task→measure links are checked for sense: the rationale's 第N条 (AW505) and the shared substance (AW506)."""

from __future__ import annotations

import json

from conftest import NOTICE
from findings import check

from anwei_corpus.reporters import json as json_reporter
from anwei_corpus.rules import RULES
from anwei_corpus.rules.rationale_cites_links import cited_measures

ATTACHMENT = f"{NOTICE}/attachment.yaml"
TASK_17_LINK = "measures: [35]\n      rationale: 第35条"


def findings(root):
    """(code, file, line, message) of every finding but the coverage report, which every run gives."""
    return {
        (d.code, d.location.file.rsplit("/data/", 1)[-1], d.location.line, d.message)
        for d in check(root)
        if d.code != "AW704"
    }


def test_cited_measures_reads_single_numbers_and_ranges():
    assert cited_measures("第17条（……）与第20条（……）") == [17, 20]
    assert cited_measures("该小节措施为第25—27条，又见第26条") == [25, 26, 27]
    assert cited_measures("开篇“遏事故”及总体要求") == []


def test_a_moved_link_is_caught_by_its_rationale_and_its_substance(corpus_copy):
    line = corpus_copy.replace(ATTACHMENT, TASK_17_LINK, "measures: [34]\n      rationale: 第35条")
    assert findings(corpus_copy.root) == {
        ("AW505", ATTACHMENT, line + 1, "task 17 links to measures [34] but its rationale cites [35]"),
        (
            "AW506",
            ATTACHMENT,
            line,
            (
                "task 17 shares little with measure 34 (score 0.22); measure 35 reads closest (0.90), sharing "
                "“开展为期1年的燃气安全排…”、“市燃气安全排查整治”"
            ),
        ),
    }


def test_a_moved_link_with_its_rationale_is_still_caught_by_its_substance(corpus_copy):
    line = corpus_copy.replace(ATTACHMENT, TASK_17_LINK, "measures: [34]\n      rationale: 第34条")
    assert {(code, at) for code, _, at, _ in findings(corpus_copy.root)} == {("AW506", line)}


def test_a_rationale_that_cites_another_measure_is_caught(corpus_copy):
    line = corpus_copy.replace(ATTACHMENT, "rationale: 第36条", "rationale: 第37条")
    assert findings(corpus_copy.root) == {
        ("AW505", ATTACHMENT, line, "task 18 links to measures [36] but its rationale cites [37]"),
    }


def test_the_json_output_carries_the_scores(corpus_copy):
    corpus_copy.replace(ATTACHMENT, TASK_17_LINK, "measures: [34]\n      rationale: 第34条")
    document = json.loads(json_reporter.render(check(corpus_copy.root, "AW506"), RULES))
    [finding] = document["diagnostics"]
    assert finding["related"][0]["label"] == "measure 35"
    data = finding["data"]
    assert data["ratio"] == 0.6
    assert (data["linked"]["measure"], data["closest"]["measure"]) == (34, 35)
    assert data["linked"]["score"] < data["ratio"] * data["closest"]["score"]
    assert set(data["linked"]) == {"measure", "score", "text", "units", "shared"}


def test_a_weak_link_is_accepted_by_a_suppression_with_its_reason(corpus_copy):
    line = corpus_copy.line_of(ATTACHMENT, "measures: [25, 26, 27]")
    corpus_copy.replace(ATTACHMENT, "      - code: AW506\n", "      - code: AW596\n")
    assert {(code, at) for code, _, at, _ in findings(corpus_copy.root) if code == "AW506"} == {("AW506", line)}
