"""`anwei export` writes only where a release belongs, and hostile releases and folders fail cleanly."""

from __future__ import annotations

import pytest
from conftest import DATA
from typer.testing import CliRunner

import anwei_corpus
from anwei_corpus.cli import app

runner = CliRunner()


def export(*args: str):
    return runner.invoke(app, ["export", *args])


def test_export_refuses_a_file(tmp_path):
    notes = tmp_path / "notes.txt"
    notes.write_text("keep me", encoding="utf-8")
    result = export(str(DATA), "--out", str(notes))
    assert result.exit_code == 2
    assert "is not a folder" in result.output
    assert notes.read_text(encoding="utf-8") == "keep me"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt"]


def test_export_refuses_a_folder_that_is_not_a_release(tmp_path):
    (tmp_path / "thesis.md").write_text("keep me", encoding="utf-8")
    result = export(str(DATA), "--out", str(tmp_path))
    assert result.exit_code == 2
    assert result.output == (
        f"anwei: {tmp_path} is not a folder anwei-corpus wrote, so it is not replaced; "
        "in the way: manifest.json is missing or was not written by anwei-corpus\n"
    )
    assert (tmp_path / "thesis.md").read_text(encoding="utf-8") == "keep me"


def test_export_refuses_a_web_app_that_has_a_manifest(tmp_path):
    webapp = tmp_path / "webapp"
    (webapp / "src").mkdir(parents=True)
    (webapp / "manifest.json").write_text('{"name":"my-pwa"}\n', encoding="utf-8")
    (webapp / "src" / "app.js").write_text("x\n", encoding="utf-8")
    result = export(str(DATA), "--out", str(webapp))
    assert result.exit_code == 2
    assert "manifest.json is missing or was not written by anwei-corpus" in result.output
    assert (webapp / "src" / "app.js").read_text(encoding="utf-8") == "x\n"


def test_export_refuses_an_earlier_release_that_someone_added_to(tmp_path):
    target = tmp_path / "release"
    assert export(str(DATA), "--out", str(target)).exit_code == 0
    (target / "README-site.md").write_text("mine\n", encoding="utf-8")
    (target / ".git").mkdir()
    result = export(str(DATA), "--out", str(target))
    assert result.exit_code == 2
    assert result.output.endswith(
        "in the way: .git/ (not written by anwei-corpus), README-site.md (not written by anwei-corpus)\n"
    )
    assert (target / "README-site.md").read_text(encoding="utf-8") == "mine\n"


@pytest.mark.parametrize("inside", ["", "registry", ".."])
def test_export_refuses_the_corpus_itself(corpus_copy, inside):
    target = corpus_copy.root / inside if inside else corpus_copy.root
    result = export(str(corpus_copy.root), "--out", str(target))
    assert result.exit_code == 2
    assert "corpus" in result.output
    assert (corpus_copy.root / "corpus.yaml").is_file()


def test_export_replaces_an_earlier_release_and_an_empty_folder(tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    assert export(str(DATA), "--out", str(empty)).exit_code == 0
    assert export(str(DATA), "--out", str(empty)).exit_code == 0
    assert (empty / "manifest.json").is_file()


def test_schema_to_an_unwritable_place_is_a_usage_error(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    result = runner.invoke(app, ["schema", "--out", str(blocker / "schemas")])
    assert result.exit_code == 2
    assert "cannot write schemas" in result.output


def test_schema_check_of_a_missing_folder_is_a_usage_error(tmp_path):
    result = runner.invoke(app, ["schema", "--check", "--out", str(tmp_path / "nowhere")])
    assert result.exit_code == 2


def test_deeply_nested_release_json_is_refused_without_a_crash(tmp_path):
    hostile = tmp_path / "anwei-corpus.json"
    hostile.write_text("[" * 200_000, encoding="utf-8")
    with pytest.raises(anwei_corpus.ReleaseUnreadable, match="not JSON"):
        anwei_corpus.load_release(hostile)


def test_load_raises_an_importable_unreadable_error(tmp_path):
    with pytest.raises(anwei_corpus.CorpusUnreadable):
        anwei_corpus.load(tmp_path / "nowhere")


def test_a_notice_listed_twice_is_a_schema_error(corpus_copy):
    from anwei_corpus.checker import check_corpus
    from anwei_corpus.corpus import load_source

    line = corpus_copy.replace(
        "corpus.yaml", "  - putuo-anwei-2022-6\n", "  - putuo-anwei-2022-6\n  - putuo-anwei-2022-6\n"
    )
    findings = [d for d in check_corpus(load_source(corpus_copy.root)) if d.code == "AW101"]
    assert [(d.location.file.endswith("corpus.yaml"), "more than once" in d.message) for d in findings] == [
        (True, True)
    ]
    assert findings[0].location.line == line  # the list itself


def test_a_notice_id_that_differs_from_its_folder_is_reported(corpus_copy):
    from anwei_corpus.checker import check_corpus
    from anwei_corpus.corpus import load_source

    line = corpus_copy.replace(
        "notices/putuo-anwei-2022-6/notice.yaml", "id: putuo-anwei-2022-6", "id: putuo-anwei-2023-1"
    )
    findings = [d for d in check_corpus(load_source(corpus_copy.root)) if d.code == "AW312"]
    assert [(d.location.line, "differs from its folder" in d.message) for d in findings] == [(line, True)]


def test_an_unknown_unit_in_a_measure_is_one_finding(corpus_copy):
    from anwei_corpus.checker import check_corpus
    from anwei_corpus.corpus import load_source

    corpus_copy.replace(
        "notices/putuo-anwei-2022-6/body.yaml",
        "[[emergency-bureau, organisation-department]]",
        "[[emergency-bureu, organisation-department]]",
    )
    codes = [d.code for d in check_corpus(load_source(corpus_copy.root)) if d.severity.value != "info"]
    assert codes == ["AW301"]


HOSTILE_NAME = "\x1b[2J\x1b]0;pwned\x07肖文高"


def test_diff_shows_changed_values_without_terminal_escapes(tmp_path):
    from conftest import resealed

    from anwei_corpus import load
    from anwei_corpus.release import export

    release = export(load(DATA), tmp_path / "release")

    def rename(data):
        data["people"][0]["name"] = HOSTILE_NAME

    hostile = resealed(release, tmp_path, rename)
    for output_format in ("text", "markdown"):
        result = runner.invoke(app, ["diff", str(release), str(hostile), "--format", output_format])
        assert "\x1b" not in result.output and "\x07" not in result.output
        assert "␛[2J␛]0;pwned␇" in result.output


def test_validate_shows_a_hostile_path_without_terminal_escapes(tmp_path):
    import shutil

    root = tmp_path / "data\x1b[2J"
    shutil.copytree(DATA, root)
    (root / "corpus.yaml").write_text("notices: [\n", encoding="utf-8")
    result = runner.invoke(app, ["validate", str(root)])
    assert result.exit_code == 1
    assert "\x1b" not in result.output
    assert "data␛[2J" in result.output
