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
    assert len(calls) <= 2 * context.MAX_SUGGESTIONS
