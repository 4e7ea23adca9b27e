"""What the loader and the schema step say about a maintainer's mistake: the code, the line to edit and the words.

Each case makes one realistic mistake on a copy of the corpus and reads the copy in-process, on both parsers where
the mistake is a YAML one, since the libyaml and pure-Python paths must report the same finding.
"""

from __future__ import annotations

import pytest
from conftest import NOTICE, CorpusCopy
from typer.testing import CliRunner

from anwei_corpus import loader, validate
from anwei_corpus.cli import app
from anwei_corpus.corpus import load_source
from anwei_corpus.diagnostics import Diagnostic

BODY = f"{NOTICE}/body.yaml"
NOTICE_FILE = f"{NOTICE}/notice.yaml"
ATTACHMENT = f"{NOTICE}/attachment.yaml"
PEOPLE = "registry/people.yaml"
UNITS = "registry/units.yaml"
PARSERS = [pytest.param(True, id="libyaml"), pytest.param(False, id="pure-python")]


def only_finding(corpus: CorpusCopy, code: str, relative: str) -> Diagnostic:
    """The one load finding of the copy, which must have ``code`` and stand in ``relative``."""
    findings = load_source(corpus.root).diagnostics
    assert len(findings) == 1, findings
    finding = findings[0]
    assert finding.code == code, finding
    assert finding.location.file.endswith(relative), finding
    return finding


@pytest.fixture(params=PARSERS)
def parser(request, monkeypatch):
    if request.param and loader.CParser is None:
        pytest.skip("ruamel.yaml.clib is not installed")
    monkeypatch.setattr(loader, "FAST_PARSER", request.param)


# --- YAML syntax -----------------------------------------------------------------------------------------------


def test_quote_closed_only_by_a_later_value_is_reported_where_it_opened(corpus_copy, parser):
    line = corpus_copy.replace(BODY, 'printed: "”要\\n\\n求。"', 'printed: "”要\\n\\n求。')
    finding = only_finding(corpus_copy, "AW001", BODY)
    assert (finding.location.line, finding.location.column) == (line, 26)
    assert finding.message == "double-quoted string opened here is never closed"
    closing_line = corpus_copy.line_of(BODY, 'printed: "管、')
    assert f"line {closing_line}" in finding.hint and f"on line {line}" in finding.hint


def test_quote_open_at_the_end_of_the_file(corpus_copy, parser):
    path = corpus_copy.file(UNITS)
    text = path.read_text(encoding="utf-8")
    path.write_text(text + "  - id: new-unit\n    name: '区新局\n", encoding="utf-8")
    finding = only_finding(corpus_copy, "AW001", UNITS)
    assert (finding.location.line, finding.location.column) == (text.count("\n") + 2, 11)
    assert finding.message == "single-quoted string opened here is never closed"
    assert "'" in finding.hint


def test_full_width_colon_after_a_key(corpus_copy, parser):
    line = corpus_copy.replace(ATTACHMENT, "    title: 强化安全监管执法", "    title：强化安全监管执法")
    finding = only_finding(corpus_copy, "AW001", ATTACHMENT)
    assert (finding.location.line, finding.location.column) == (line, 10)
    assert finding.message == "full-width colon '：' after key 'title' — use ':' followed by a space"
    assert finding.hint == "write `title: …` with the ASCII colon"


@pytest.mark.parametrize(
    "relative, old, new, key",
    [
        (ATTACHMENT, "    title: 强化风险监测预警", "    title 强化风险监测预警", "title"),
        (UNITS, "    name: 区房管局", "    name 区房管局", "name"),
    ],
)
def test_missing_colon_after_a_key(corpus_copy, parser, relative, old, new, key):
    line = corpus_copy.replace(relative, old, new)
    finding = only_finding(corpus_copy, "AW001", relative)
    assert (finding.location.line, finding.location.column) == (line, 5 + len(key))
    assert finding.message == f"line {line} has no ':' after {key!r}"
    assert f"{key}:" in finding.hint


def test_indentation_with_ideographic_spaces_is_refused_before_parsing(corpus_copy):
    line = corpus_copy.replace(PEOPLE, "    name: 蒋龙", "\u3000\u3000name: 蒋龙")
    finding = only_finding(corpus_copy, "AW003", PEOPLE)
    assert (finding.location.line, finding.location.column) == (line, 1)
    assert finding.message == "indented with U+3000 IDEOGRAPHIC SPACE — indent with ASCII spaces"
    assert "ASCII spaces" in finding.hint


def test_no_break_space_after_spaces_is_named(corpus_copy):
    line = corpus_copy.replace(PEOPLE, "    name: 蒋龙", "  \u00a0 name: 蒋龙")
    finding = only_finding(corpus_copy, "AW003", PEOPLE)
    assert (finding.location.line, finding.location.column) == (line, 3)
    assert "U+00A0 NO-BREAK SPACE" in finding.message


def test_tab_after_a_colon(corpus_copy, parser):
    line = corpus_copy.replace(PEOPLE, "    name: 徐树杰", "    name:\t徐树杰")
    finding = only_finding(corpus_copy, "AW001", PEOPLE)
    assert (finding.location.line, finding.location.column) == (line, 10)
    assert finding.hint == f"line {line} holds a tab; use spaces"


@pytest.mark.parametrize(
    "relative, old, new, key, indented, expected",
    [
        (  # a key dedented out of its list entry
            BODY,
            "            units: [[emergency-bureau, fire-rescue-detachment]]",
            "          units: [[emergency-bureau, fire-rescue-detachment]]",
            "units",
            10,
            12,
        ),
        (  # a key indented under a key whose value is a list
            ATTACHMENT,
            "    cooperating_units: [human-resources-bureau, finance-bureau, subdistricts-and-towns]",
            "      cooperating_units: [human-resources-bureau, finance-bureau, subdistricts-and-towns]",
            "cooperating_units",
            6,
            4,
        ),
        (  # a key indented under a key whose value is plain text, so it reads as more of that text
            NOTICE_FILE,
            "  sha256: ",
            "    sha256: ",
            "sha256",
            4,
            2,
        ),
    ],
    ids=["dedented", "indented-after-list", "indented-after-text"],
)
def test_misindented_key(corpus_copy, parser, relative, old, new, key, indented, expected):
    line = corpus_copy.replace(relative, old, new)
    finding = only_finding(corpus_copy, "AW001", relative)
    assert (finding.location.line, finding.location.column) == (line, indented + 1)
    assert finding.message == (
        f"`{key}` is indented {indented} columns but the other keys of this entry are at {expected}"
    )
    assert f"{expected} spaces" in finding.hint


def test_a_syntax_error_no_heuristic_explains_keeps_the_parser_words_and_gets_a_hint(corpus_copy, parser):
    path = corpus_copy.file(PEOPLE)
    path.write_text(path.read_text(encoding="utf-8") + "extra: [a, b\n", encoding="utf-8")
    finding = only_finding(corpus_copy, "AW001", PEOPLE)
    assert finding.message.startswith("YAML syntax error: ")
    assert finding.hint == "check the quotes, brackets, colons and indentation on this line and the line before it"


def test_a_second_colon_in_a_value_keeps_its_line(corpus_copy, parser):
    line = corpus_copy.replace(PEOPLE, "    name: 徐树杰", "    name: 徐树杰: 副区长")
    finding = only_finding(corpus_copy, "AW001", PEOPLE)
    assert finding.location.line == line
    assert "quotes" in finding.hint


# --- notice folders --------------------------------------------------------------------------------------------


def test_listed_notice_without_a_folder_is_one_finding_at_the_list_entry(corpus_copy):
    line = corpus_copy.replace("corpus.yaml", "  - putuo-anwei-2022-6", "  - putuo-anwei-2022-06")
    finding = only_finding(corpus_copy, "AW012", "corpus.yaml")
    assert (finding.location.line, finding.location.column) == (line, 5)
    assert finding.message == (
        "notice 'putuo-anwei-2022-06' has no folder notices/putuo-anwei-2022-06 — did you mean 'putuo-anwei-2022-6'?"
    )


def test_folder_that_corpus_yaml_does_not_list(corpus_copy):
    (corpus_copy.file("notices") / "putuo-anwei-2023-1").mkdir()
    finding = only_finding(corpus_copy, "AW012", "corpus.yaml")
    assert finding.location.line == corpus_copy.line_of("corpus.yaml", "notices:")
    assert finding.message.startswith("folder notices/putuo-anwei-2023-1 is not listed in corpus.yaml")
    assert "putuo-anwei-2023-1" in finding.hint


# --- values ----------------------------------------------------------------------------------------------------


def test_impossible_date_is_a_schema_finding(corpus_copy, parser):
    line = corpus_copy.replace(NOTICE_FILE, "  value: 2022-08-15", "  value: 2022-08-51")
    finding = only_finding(corpus_copy, "AW101", NOTICE_FILE)
    assert (finding.location.line, finding.location.column) == (line, 10)
    assert finding.message == "value: expected a date written YYYY-MM-DD, found '2022-08-51'"
    assert finding.hint == "2022-08-51 is not a real date"


def whole(corpus: CorpusCopy) -> list[tuple[str, str, int | None, int | None, str, str | None]]:
    """Every finding ``anwei_corpus.validate`` reports (but the coverage figure): code, file, place, words."""
    return [
        (d.code, d.location.file.removeprefix(f"{corpus.root}/"), d.location.line, d.location.column, d.message, d.hint)
        for d in validate(corpus.root, ignore=["AW704"])
    ]


def test_a_text_of_the_wrong_type_is_told_both_forms_a_text_takes(corpus_copy):
    # PassageField: a plain string, or a mapping with `text` and the `edits` that record departures from the print
    line = corpus_copy.replace(BODY, "        title: 压实各级领导责任\n", "        title: [压实各级领导责任]\n")
    placeholder = corpus_copy.replace(BODY, "    title: 提高政治站位，织密风险防范责任防线\n", "    title:\n")
    forms = "a string or a mapping with `text` (and optionally `edits`)"
    assert whole(corpus_copy) == [
        ("AW101", BODY, placeholder, 5, f"title: not filled in yet (null); expected {forms}", "encode it from the "
         "source text"),
        ("AW101", BODY, line, 16, f"title: expected {forms}, found ['压实各级领导责任']", None),
    ]  # fmt: skip


def test_a_record_of_the_wrong_type_is_told_the_keys_it_needs(corpus_copy):
    old = "  date:\n    value: 2022-08-15\n    printed: 2022年8月15日\n"
    line = corpus_copy.replace(NOTICE_FILE, old, "  date: 2022年8月15日\n")
    assert whole(corpus_copy) == [
        ("AW101", NOTICE_FILE, line, 9, "date: expected a mapping with `value`, `printed`, found '2022年8月15日'", None)
    ]


def test_unknown_key_suggests_the_closest_key_of_its_model(corpus_copy):
    line = corpus_copy.replace(UNITS, "    aliases: [区绿容局]", "    aliasses: [区绿容局]")
    findings = load_source(corpus_copy.root).diagnostics
    assert [(f.code, f.location.line, f.location.column) for f in findings] == [("AW101", line, 5)]
    assert findings[0].message == "unknown key 'aliasses'"
    assert "did you mean 'aliases'?" in findings[0].hint


def test_unknown_key_deep_in_a_notice_suggests_from_the_right_model(corpus_copy):
    line = corpus_copy.replace(
        BODY,
        "            units: [[emergency-bureau, fire-rescue-detachment]]",
        "            unit: [[emergency-bureau, fire-rescue-detachment]]",
    )
    unknown = [f for f in load_source(corpus_copy.root).diagnostics if f.message == "unknown key 'unit'"]
    assert [(f.code, f.location.line) for f in unknown] == [("AW101", line)]
    assert "did you mean 'units'?" in unknown[0].hint


def test_misspelt_literal_suggests_the_closest_allowed_value(corpus_copy):
    line = corpus_copy.replace(UNITS, "    kind: government-department", "    kind: goverment-department")
    finding = only_finding(corpus_copy, "AW101", UNITS)
    assert (finding.location.line, finding.location.column) == (line, 11)
    assert "'goverment-department' is not one of" in finding.message
    assert finding.hint == "did you mean 'government-department'?"


def test_gb18030_file_quotes_the_line_as_it_reads_in_gb18030(corpus_copy):
    path = corpus_copy.file(PEOPLE)
    path.write_bytes(path.read_text(encoding="utf-8").encode("gb18030"))
    finding = only_finding(corpus_copy, "AW005", PEOPLE)
    assert finding.location.line == 4  # 肖 is D0 A4 in GB18030, which is valid UTF-8 (Ф): the next byte is the bad one
    assert finding.message.endswith("the line reads 'name: 肖文高' in GB18030")


def test_a_schema_finding_on_a_list_item_names_its_list(corpus_copy):
    from anwei_corpus.checker import check_corpus
    from anwei_corpus.corpus import load_source

    line = corpus_copy.replace("corpus.yaml", "  - putuo-anwei-2022-6", "  - Putuo_2022")
    [finding] = [d for d in check_corpus(load_source(corpus_copy.root)) if d.code == "AW101"]
    assert finding.location.line == line
    assert finding.message.startswith("notices[0]: 'Putuo_2022' is not a lower-case ASCII name")


# --- integers ----------------------------------------------------------------------------------------------------


def run_cli(corpus: CorpusCopy, monkeypatch: pytest.MonkeyPatch, *args: str) -> tuple[int, str]:
    """``anwei ARGS data`` run beside the copy, so that the report names its files ``data/…``: (exit code, output)."""
    monkeypatch.chdir(corpus.root.parent)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    result = CliRunner().invoke(app, [*args, "data"], env={"NO_COLOR": "1"})
    return result.exit_code, result.output


@pytest.mark.parametrize(
    ("spelling", "written"),
    [
        ("0x0E", "in hexadecimal"),
        ("0o16", "in octal, which YAML 1.1 readers take for text"),
        ("0b1110", "in binary, which YAML 1.2 readers take for text"),
        ("1_4", "with an underscore, which YAML 1.2 readers take for text"),
        ("014", "with a leading zero, which YAML 1.1 readers take for an octal number or for text"),
    ],
)
def test_an_integer_not_in_decimal_digits_is_refused_by_validate_and_fmt(
    corpus_copy, parser, monkeypatch, spelling, written
):
    line = corpus_copy.replace(ATTACHMENT, "  - number: 14\n", f"  - number: {spelling}\n")
    before = corpus_copy.file(ATTACHMENT).read_bytes()
    report = (
        f"data/{ATTACHMENT}:{line}:13: AW014 [error] integer {spelling} is written {written}; the corpus writes "
        "integers in decimal digits\n"
        f"  {line} |   - number: {spelling}\n"
        "                    ^\n"
        "  help: write the number in decimal digits, as the source prints it: make it number: 14\n"
        "\n"
        "1 error, 0 warnings, 0 info\n"
    )
    assert run_cli(corpus_copy, monkeypatch, "validate", "--strict") == (1, report)
    assert run_cli(corpus_copy, monkeypatch, "fmt", "--check") == (
        1,
        report + "0 file(s) would be reformatted, 5 already formatted\n",
    )
    assert corpus_copy.file(ATTACHMENT).read_bytes() == before


def test_the_integers_of_a_file_so_written_are_counted_at_the_first(corpus_copy, parser):
    first = corpus_copy.replace(ATTACHMENT, "measures: [4]\n", "measures: [0x04]\n")
    second = corpus_copy.replace(ATTACHMENT, "  - number: 14\n", "  - number: 0o16\n")
    finding = only_finding(corpus_copy, "AW014", ATTACHMENT)
    assert (finding.location.line, finding.location.column) == (first, 18)
    assert finding.message == (
        "integer 0x04 is written in hexadecimal; the corpus writes integers in decimal digits "
        f"(2 integers of this file are so written; also line {second})"
    )
    assert finding.hint == "write the number in decimal digits, as the source prints it: write 4 in its place"


def test_a_signed_decimal_integer_is_read(corpus_copy, parser):
    corpus_copy.replace(ATTACHMENT, "  - number: 14\n", "  - number: +14\n")
    assert load_source(corpus_copy.root).diagnostics == []


@pytest.mark.parametrize(
    ("relative", "old", "new", "hint"),
    [
        (ATTACHMENT, "  - number: 14\n", "  - number: {}\n", "number takes a whole number from 1 to 9999"),
        (ATTACHMENT, "measures: [4]\n", "measures: [{}]\n", "measures[0] takes a whole number from 1 to 9999"),
        (NOTICE_FILE, "  year: 2022\n", "  year: {}\n", "year takes a whole number from 1949 to 2100"),
        (NOTICE_FILE, "copies: 60\n", "copies: {}\n", "copies takes a whole number from 1 to 100000"),
    ],
)
def test_an_integer_too_large_to_read_gets_the_bounds_of_its_field(corpus_copy, parser, relative, old, new, hint):
    line = corpus_copy.replace(relative, old, new.format(10**30))
    finding = only_finding(corpus_copy, "AW001", relative)
    assert finding.location.line == line
    assert finding.message == (
        f"cannot read value '{10**30}': integer out of range (at most 9223372036854775807 either way)"
    )
    assert finding.hint == f"{hint}, in decimal digits: write the number the source prints"


def test_an_integer_too_large_to_read_in_a_text_field_is_to_be_quoted(corpus_copy, parser):
    corpus_copy.replace(UNITS, "    name: 区应急局\n", f"    name: {10**30}\n")
    assert only_finding(corpus_copy, "AW001", UNITS).hint == "name is text: put the value in quotes"
