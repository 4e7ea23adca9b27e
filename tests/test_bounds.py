"""Hostile sizes cost bounded work: counting once, sorting once, capped suggestions, a bounded inline diff."""

from __future__ import annotations

import difflib

import pytest

from anwei_corpus import context
from anwei_corpus.diff import MAX_INLINE_PRODUCT, inline_diff
from anwei_corpus.models.source import CorpusFile


def test_a_long_text_diff_shows_the_changed_middle():
    old, new = "甲" * 6000 + "旧的中间" + "乙" * 6000, "甲" * 6000 + "新的中间" + "乙" * 6000
    assert len(old) * len(new) > MAX_INLINE_PRODUCT
    assert inline_diff(old, new, context=3) == "…甲甲甲[-旧-]{+新+}的中间…"


def test_a_short_text_diff_is_a_character_diff():
    assert inline_diff("安全在转必停", "安全右转必停") == "安全[-在-]{+右+}转必停"


def test_a_hundred_thousand_notices_are_counted_once():
    names = [f"notice-{number}" for number in range(100_000)]
    with pytest.raises(ValueError, match="listed more than once: notice-7 "):
        CorpusFile.model_validate(
            {"corpus_version": "1.0.0", "schema_version": "1.0.0", "title": "t", "notices": [*names, "notice-7"]}
        )


def test_fuzzy_suggestions_stop_after_the_budget(corpus_copy, monkeypatch):
    from anwei_corpus.checker import check_corpus
    from anwei_corpus.corpus import load_source

    calls = []
    real = difflib.get_close_matches

    def counting(*args, **kwargs):
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(context.difflib, "get_close_matches", counting)
    wrong = ", ".join(f"no-such-unit-{number}" for number in range(2_000))
    corpus_copy.replace(
        "notices/putuo-anwei-2022-6/body.yaml",
        "[[emergency-bureau, organisation-department]]",
        f"[[emergency-bureau, organisation-department, {wrong}]]",
    )
    findings = [d for d in check_corpus(load_source(corpus_copy.root)) if d.code == "AW301"]
    assert len(findings) >= 2_000
    registry = len(corpus_copy.file("registry/units.yaml").read_text(encoding="utf-8").split("- id:")) - 1
    assert len(calls) <= context.MAX_SUGGESTION_COMPARISONS // registry


def _syntax_findings(root, monkeypatch):
    from anwei_corpus.api import validate

    monkeypatch.chdir(root.parent)  # files are named as from the working directory
    found = validate(root.name)
    return [(d.code, d.location.file, d.location.line, d.location.column, d.message, d.hint) for d in found]


def test_the_slow_parser_words_findings_until_its_budget_is_spent(corpus_copy, monkeypatch):
    from anwei_corpus import slow_path

    units = corpus_copy.file("registry/units.yaml")
    people = corpus_copy.file("registry/people.yaml")
    for path in (units, people):
        path.write_text(path.read_text(encoding="utf-8") + "extra: [1, 2\n", encoding="utf-8")
    hint = "check the quotes, brackets, colons and indentation on this line and the line before it"
    at = [("data/registry/people.yaml", people), ("data/registry/units.yaml", units)]
    lines = [path.read_text(encoding="utf-8").count("\n") + 1 for _, path in at]
    assert _syntax_findings(corpus_copy.root, monkeypatch) == [
        ("AW001", name, line, 1, "YAML syntax error: expected ',' or ']', but got '<stream end>'", hint)
        for (name, _), line in zip(at, lines, strict=True)
    ]
    # once the budget is spent, the same files are reported where libyaml stops, in its words, and say why
    monkeypatch.setattr(slow_path, "MAX_SLOW_PATH_TOKENS", 1)
    spent = " (worded by libyaml: the budget of 1 tokens for re-reading faulty files is spent)"
    assert _syntax_findings(corpus_copy.root, monkeypatch) == [
        ("AW001", name, line, 1, "YAML syntax error: did not find expected ',' or ']'", hint + spent)
        for (name, _), line in zip(at, lines, strict=True)
    ]


def test_a_file_only_the_slow_parser_judges_is_not_read_past_the_budget(corpus_copy, monkeypatch):
    from anwei_corpus import slow_path

    monkeypatch.setattr(slow_path, "MAX_SLOW_PATH_TOKENS", 1)
    corpus_copy.replace("registry/people.yaml", "note: 附件表格", "note: 附件\t表格")
    assert _syntax_findings(corpus_copy.root, monkeypatch) == [
        (
            "AW011",
            "data/registry/people.yaml",
            None,
            None,
            "file not read: it holds a tab, which only the pure-Python parser judges, and the budget of 1 tokens "
            "for re-reading faulty files is spent",
            "replace the tabs by spaces, or validate the files with faults one by one",
        )
    ]
