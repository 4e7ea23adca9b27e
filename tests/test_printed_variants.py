"""A source printed otherwise than the 2022 notice can be encoded as printed.

Each case prints the source the way another notice might (measure 50 printed as 51., or as a second 49.; measure
16 without its unit list, or ending in parentheses that are no list; a table that does not pad two-character
names), then follows the findings' hints word for word, comparing the complete list of findings at every step,
until the corpus is clean; the release carries a misnumbering as an editorial record.
"""

from __future__ import annotations

import json

from conftest import NOTICE, CorpusCopy
from findings import check

from anwei_corpus.api import load
from anwei_corpus.release import export

BODY = f"{NOTICE}/body.yaml"
MEASURE_50 = "          - number: 50\n"
MEASURE_16_LIST = "（区消防救援支队，区建管委，区公安分局，区安委会有关成员单位）"


def _findings(copy: CorpusCopy) -> list[tuple[str, str, int | None, str, str | None]]:
    """Every finding but the coverage figure: code, file name, line, message (paths relative), hint."""
    folder = copy.file(NOTICE)
    return [
        (d.code, d.location.file.rsplit("/", 1)[-1], d.location.line, d.message.replace(f"{folder}/", ""), d.hint)
        for d in check(copy.root)
        if d.code != "AW704"  # the coverage figure, always reported
    ]


def _line(copy: CorpusCopy, needle: str) -> int:
    return copy.line_of(BODY, needle)


def test_a_number_the_source_skips_is_kept_with_a_doubt_record(corpus_copy: CorpusCopy, tmp_path):
    corpus_copy.print_source("\n50. 推动学习", "\n51. 推动学习")
    line = _line(corpus_copy, MEASURE_50)
    assert _findings(corpus_copy) == [
        (
            "AW701",
            "body.yaml",
            line,
            "printed form not found in source.txt: '50. 推动学习教育全覆盖，用好上海普陀、区融媒体中心等微信、微博和移动客户端等'…",
            "the source prints '51' here: set number: 51 (a printed number, which `edits` cannot correct)",
        )
    ]
    corpus_copy.replace(BODY, MEASURE_50, "          - number: 51\n")
    assert _findings(corpus_copy) == [
        (
            "AW201",
            "body.yaml",
            line,
            "expected measure 50, found 51",
            "measures are numbered 1, 2, 3 … in the order they are printed; if the source itself skips measure 50, "
            "add misnumbered: {kind: doubt, note: …} (docs/maintainers.md, Editorial conventions)",
        )
    ]
    corpus_copy.replace(
        BODY,
        "          - number: 51\n",
        "          - number: 51\n            misnumbered: {kind: doubt, note: 源文件在“49.”之后印“51.”，不见“50.”。}\n",
    )
    assert _findings(corpus_copy) == []
    release = export(load(corpus_copy.root), tmp_path / "release")
    corpus = json.loads((release / "anwei-corpus.json").read_text(encoding="utf-8"))
    numbering = [record for record in corpus["notices"][0]["editorial"] if record["field"] == "number"]
    assert numbering == [
        {
            "entity": "putuo-anwei-2022-6/measure/51",
            "field": "number",
            "kind": "doubt",
            "edit_class": "source-error",
            "printed": "51",
            "reading": "51",
            "occurrence": 1,
            "certainty": "certain",
            "note": "源文件在“49.”之后印“51.”，不见“50.”。",
        }
    ]


def test_a_number_the_source_prints_twice_is_read_in_sequence_with_a_typo_record(corpus_copy: CorpusCopy):
    corpus_copy.print_source("\n50. 推动学习", "\n49. 推动学习")
    line = _line(corpus_copy, MEASURE_50)
    assert [finding[:3] + finding[4:] for finding in _findings(corpus_copy)] == [
        (
            "AW701",
            "body.yaml",
            line,
            "the source prints '49' here: set number: 49 (a printed number, which `edits` cannot correct)",
        )
    ]
    corpus_copy.replace(BODY, MEASURE_50, "          - number: 49\n")
    assert _findings(corpus_copy) == [
        (
            "AW201",
            "body.yaml",
            line,
            "expected measure 50, found 49",
            "measures are numbered 1, 2, 3 … in the order they are printed; if the source prints 49 here by mistake, "
            "set number: 50 and add misnumbered: {kind: typo, printed: 49, note: …} "
            "(docs/maintainers.md, Editorial conventions)",
        )
    ]
    corpus_copy.replace(
        BODY,
        "          - number: 49\n            text: 推动学习",
        "          - number: 50\n            misnumbered: {kind: typo, printed: 49, note: 源文件两处印“49.”。}\n"
        "            text: 推动学习",
    )
    assert _findings(corpus_copy) == []


def test_a_record_where_nothing_departs_is_reported(corpus_copy: CorpusCopy):
    corpus_copy.replace(BODY, MEASURE_50, MEASURE_50 + "            misnumbered: {kind: doubt, note: 误记。}\n")
    assert _findings(corpus_copy) == [
        (
            "AW201",
            "body.yaml",
            _line(corpus_copy, "misnumbered:"),
            "measure 50 follows measure 49 with no number skipped, but a misnumbered record of kind doubt says the "
            "source skips one here",
            "remove the misnumbered record, or set number to the number the source prints",
        )
    ]


def test_a_typo_record_must_name_another_number(corpus_copy: CorpusCopy):
    corpus_copy.replace(BODY, MEASURE_50, MEASURE_50 + "            misnumbered: {kind: typo, note: 误记。}\n")
    findings = _findings(corpus_copy)
    assert [(code, file, line) for code, file, line, _, _ in findings] == [
        ("AW101", "body.yaml", _line(corpus_copy, "misnumbered:"))
    ]
    assert "give printed for kind 'typo'" in findings[0][3]


def test_a_measure_printed_without_a_unit_list_has_no_units(corpus_copy: CorpusCopy):
    corpus_copy.print_source(MEASURE_16_LIST + "\n", "\n")
    text_line = _line(corpus_copy, "利用信息化手段提升联勤协调和处置能力。（")
    assert [finding[:3] for finding in _findings(corpus_copy)] == [("AW701", "body.yaml", text_line)]
    corpus_copy.replace(BODY, "处置能力。" + MEASURE_16_LIST, "处置能力。")
    assert _findings(corpus_copy) == [
        (
            "AW308",
            "body.yaml",
            text_line,
            "measure 16 does not end with a parenthesised unit list",
            "restore the unit list the source prints at the end of the text; if it prints none, set units: []",
        )
    ]
    body = corpus_copy.file(BODY).read_text(encoding="utf-8")
    at = body.index("处置能力。\n")
    units_start = body.index("units: ", at)
    units_end = body.index("\n", units_start)
    corpus_copy.file(BODY).write_text(body[:units_start] + "units: []" + body[units_end:], encoding="utf-8")
    assert _findings(corpus_copy) == []


def test_parentheses_that_name_no_unit_are_text(corpus_copy: CorpusCopy):
    corpus_copy.print_source(MEASURE_16_LIST + "\n", "（一期）\n")
    corpus_copy.replace(BODY, "处置能力。" + MEASURE_16_LIST, "处置能力。（一期）")
    text_line = _line(corpus_copy, "处置能力。（一期）")
    assert [finding[:3] for finding in _findings(corpus_copy)] == [("AW308", "body.yaml", text_line + 1)]
    body = corpus_copy.file(BODY).read_text(encoding="utf-8")
    units_start = body.index("units: ", body.index("处置能力。（一期）"))
    units_end = body.index("\n", units_start)
    corpus_copy.file(BODY).write_text(body[:units_start] + "units: []" + body[units_end:], encoding="utf-8")
    assert _findings(corpus_copy) == []


def test_a_typo_record_on_a_number_the_source_prints_says_how_to_remove_it(corpus_copy: CorpusCopy):
    line = corpus_copy.replace(
        BODY, MEASURE_50, MEASURE_50 + "            misnumbered: {kind: typo, printed: 49, note: 误记。}\n"
    )
    assert [finding[:3] + finding[4:] for finding in _findings(corpus_copy)] == [
        (
            "AW701",
            "body.yaml",
            line + 1,
            "the source prints '50' here: set printed: 50, or, if that is the entity's number itself, delete the "
            "misnumbered record",
        )
    ]
    corpus_copy.replace(BODY, "            misnumbered: {kind: typo, printed: 49, note: 误记。}\n", "")
    assert _findings(corpus_copy) == []


def test_a_table_that_does_not_pad_short_names(corpus_copy: CorpusCopy):
    source = corpus_copy.file(f"{NOTICE}/source.txt").read_text(encoding="utf-8")
    for padded in ("王 珏", "张 骏", "蒋 龙"):
        corpus_copy.print_source(padded, padded.replace(" ", ""), source.count(padded))
    attachment = corpus_copy.file(f"{NOTICE}/attachment.yaml")
    # one finding at the setting, not one per leader
    assert _findings(corpus_copy) == [
        (
            "AW707",
            "attachment.yaml",
            2,
            "the table prints two-character names unpadded (王 珏、张 骏、蒋 龙), but pads_short_names is true",
            f"add pads_short_names: false to {attachment}",
        )
    ]
    attachment.write_text(attachment.read_text(encoding="utf-8") + "pads_short_names: false\n", encoding="utf-8")
    assert _findings(corpus_copy) == []


def test_a_table_said_not_to_pad_that_pads(corpus_copy: CorpusCopy):
    attachment = corpus_copy.file(f"{NOTICE}/attachment.yaml")
    attachment.write_text(attachment.read_text(encoding="utf-8") + "pads_short_names: false\n", encoding="utf-8")
    line = corpus_copy.line_of(f"{NOTICE}/attachment.yaml", "pads_short_names: false")
    assert _findings(corpus_copy) == [
        (
            "AW707",
            "attachment.yaml",
            line,
            "the table prints two-character names padded (王珏、张骏、蒋龙), but pads_short_names is false",
            "delete the pads_short_names line (the table pads them, as is the default)",
        )
    ]


def test_a_table_spelling_left_out_is_told_to_be_added(corpus_copy: CorpusCopy):
    attachment = f"{NOTICE}/attachment.yaml"
    corpus_copy.replace(attachment, "  - unit: subdistricts-and-towns\n    printed: 各街道、镇\n", "")
    line = corpus_copy.line_of("registry/units.yaml", "name: 各街镇")
    path = corpus_copy.file(attachment)
    assert [(code, file, at, hint) for code, file, at, _, hint in _findings(corpus_copy)] == [
        (
            "AW707",
            "units.yaml",
            line,
            f"if the table spells the unit otherwise than the body, add to the spellings of {path}: "
            "{unit: subdistricts-and-towns, printed: 各街道、镇}; else correct the name to the one the table prints",
        )
    ]
    corpus_copy.replace(
        attachment, "spellings:\n", "spellings:\n  - {unit: subdistricts-and-towns, printed: 各街道、镇}\n"
    )
    assert _findings(corpus_copy) == []


def test_a_task_whose_record_gives_a_wrong_printed_number_is_told_at_the_record(corpus_copy: CorpusCopy):
    attachment = f"{NOTICE}/attachment.yaml"
    line = corpus_copy.replace(
        attachment, "  - number: 23\n", "  - number: 23\n    misnumbered: {kind: typo, printed: 22, note: 误记。}\n"
    )
    assert [(code, file, at, hint) for code, file, at, _, hint in _findings(corpus_copy)] == [
        (
            "AW701",
            "attachment.yaml",
            line + 1,
            "the source prints this row as task 23, its own number: delete the misnumbered record",
        )
    ]
    corpus_copy.replace(attachment, "    misnumbered: {kind: typo, printed: 22, note: 误记。}\n", "")
    assert _findings(corpus_copy) == []


def test_a_typo_record_that_gives_the_number_itself_is_stale(corpus_copy: CorpusCopy):
    line = corpus_copy.replace(
        BODY, MEASURE_50, MEASURE_50 + "            misnumbered: {kind: typo, printed: 50, note: 误记。}\n"
    )
    assert _findings(corpus_copy) == [
        (
            "AW201",
            "body.yaml",
            line + 1,
            "measure 50: the misnumbered record gives the number itself as the printed one",
            "the source prints the number as it is: delete the misnumbered record",
        )
    ]
