"""One default corpus folder for every command and for the API: $ANWEI_CORPUS, else ./data."""

from __future__ import annotations

import pytest
from conftest import NOTICE
from typer.testing import CliRunner

import anwei_corpus
from anwei_corpus.cli import app
from anwei_corpus.diagnostics import CorpusUnreadable

BODY = f"{NOTICE}/body.yaml"


@pytest.fixture
def elsewhere(tmp_path, monkeypatch):
    """A working directory with no corpus in it, and no ANWEI_CORPUS."""
    monkeypatch.delenv("ANWEI_CORPUS", raising=False)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    folder = tmp_path / "elsewhere"
    folder.mkdir()
    monkeypatch.chdir(folder)
    return folder


def test_validate_reads_the_corpus_the_variable_names(elsewhere, corpus_copy, monkeypatch):
    line = corpus_copy.replace(BODY, "emergency-bureau", "emergency-bureu")
    monkeypatch.setenv("ANWEI_CORPUS", str(corpus_copy.root))
    result = CliRunner().invoke(app, ["validate", "--format", "json"])
    assert result.exit_code == 1
    assert '"code": "AW301"' in result.output and f'"line": {line}' in result.output


def test_api_and_cli_agree_on_the_default(elsewhere, corpus_copy, monkeypatch):
    monkeypatch.setenv("ANWEI_CORPUS", str(corpus_copy.root))
    assert anwei_corpus.load().notices[0].id == "putuo-anwei-2022-6"
    release = elsewhere / "release"
    result = CliRunner().invoke(app, ["export", "--out", str(release)])
    assert result.exit_code == 0, result.output
    assert (release / "anwei-corpus.json").is_file()


def test_a_missing_default_names_the_path_and_the_variable(elsewhere):
    with pytest.raises(CorpusUnreadable) as raised:
        anwei_corpus.load()
    diagnostic = raised.value.diagnostic
    assert (diagnostic.code, diagnostic.message) == ("AW012", "corpus folder data does not exist")
    assert "ANWEI_CORPUS" in (diagnostic.hint or "")
    assert str(raised.value).startswith("corpus folder data does not exist — ")  # what a traceback shows
    assert "ANWEI_CORPUS" in str(raised.value)
    result = CliRunner().invoke(app, ["validate"])
    assert result.exit_code == 2
    assert "corpus folder data does not exist" in result.output and "ANWEI_CORPUS" in result.output


def test_a_missing_corpus_the_variable_names_is_reported_as_named(elsewhere, monkeypatch):
    monkeypatch.setenv("ANWEI_CORPUS", str(elsewhere / "gone"))
    result = CliRunner().invoke(app, ["validate"])
    assert result.exit_code == 2
    assert "corpus folder gone does not exist" in result.output  # shown relative to the working directory
