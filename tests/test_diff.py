"""The semantic diff: what counts as which change, the bump it needs, and the ``anwei diff`` command."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import DATA, ROOT
from hypothesis import given
from hypothesis import strategies as st

from anwei_corpus import load
from anwei_corpus.diff import Bump, compare, inline_diff, load_any, version_bump
from anwei_corpus.models.release import Corpus
from anwei_corpus.release import export, release_files
from anwei_corpus.reporters.diff import render_markdown, render_text

NOTICE_ID = "putuo-anwei-2022-6"


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    return load(DATA)


def edit_notice(corpus: Corpus, version: str | None = None, **lists) -> Corpus:
    """A copy of the corpus whose notice has the given lists, each a function of the old list."""
    notice = corpus.notices[0]
    changed = notice.model_copy(update={name: change(getattr(notice, name)) for name, change in lists.items()})
    return corpus.model_copy(update={"notices": [changed], "corpus_version": version or corpus.corpus_version})


def edit_entity(entities: list, number: int, **update) -> list:
    return [e.model_copy(update=update) if e.number == number else e for e in entities]


def only_change(diff):
    assert len(diff.changes) == 1, diff.changes
    return diff.changes[0]


def test_identical_corpora_need_no_bump(corpus):
    diff = compare(corpus, corpus)
    assert diff.changes == [] and diff.required_bump is Bump.NONE and diff.bump_ok


def test_inline_diff_marks_characters_with_context():
    assert inline_diff("大货车在转必停", "大货车右转必停", context=2) == "…货车[-在-]{+右+}转必…"
    assert inline_diff("甲乙", "甲丙乙") == "甲{+丙+}乙"
    assert inline_diff("ab" * 20 + "X" + "ab" * 20, "ab" * 20 + "ab" * 20, context=3) == "…bab[-X-]aba…"


def test_a_text_correction_needs_a_patch(corpus):
    text = corpus.notices[0].measure(31).text
    new = edit_notice(corpus, measures=lambda ms: edit_entity(ms, 31, text=text.replace("右转必停", "右转必须停")))
    change = only_change(compare(corpus, new))
    assert (change.entity, change.id, change.field, change.bump) == (
        "measure",
        f"{NOTICE_ID}/measure/31",
        "text",
        Bump.PATCH,
    )
    assert "右转必{+须+}停" in change.inline
    assert compare(corpus, new).required_bump is Bump.PATCH


def test_a_new_link_needs_a_minor(corpus):
    new = edit_notice(corpus, tasks=lambda ts: edit_entity(ts, 3, measures=[1, 5]))
    change = only_change(compare(corpus, new))
    assert (change.entity, change.field, change.action, change.new, change.bump) == (
        "task",
        "measures",
        "added",
        [5],
        Bump.MINOR,
    )


def test_a_removed_link_or_entity_needs_a_major(corpus):
    unlinked = edit_notice(corpus, tasks=lambda ts: edit_entity(ts, 2, measures=[]))
    assert only_change(compare(corpus, unlinked)).bump is Bump.MAJOR
    shorter = edit_notice(corpus, tasks=lambda ts: ts[:-1])
    change = only_change(compare(corpus, shorter))
    assert (change.action, change.id, change.bump) == ("removed", f"{NOTICE_ID}/task/23", Bump.MAJOR)
    assert only_change(compare(shorter, corpus)).bump is Bump.MINOR


def test_moving_a_measure_to_another_section_needs_a_major(corpus):
    moved = edit_notice(corpus, measures=lambda ms: edit_entity(ms, 3, section=3))
    change = only_change(compare(corpus, moved))
    assert (change.field, change.old, change.new, change.bump) == ("section", 2, 3, Bump.MAJOR)


def test_filling_and_emptying_a_field(corpus):
    filled = edit_notice(corpus, tasks=lambda ts: edit_entity(ts, 1, remark="见总体要求。"))
    assert only_change(compare(corpus, filled)).bump is Bump.MINOR
    assert only_change(compare(filled, corpus)).bump is Bump.MAJOR


def test_regrouping_and_reordering_units_need_a_patch(corpus):
    measure = corpus.notices[0].measure(47)
    regrouped = edit_notice(corpus, measures=lambda ms: edit_entity(ms, 47, unit_groups=[measure.units]))
    change = only_change(compare(corpus, regrouped))
    assert (change.field, change.reason, change.bump) == ("unit_groups", "grouping changed", Bump.PATCH)
    reordered = edit_notice(
        corpus,
        measures=lambda ms: edit_entity(
            ms, 47, units=measure.units[::-1], unit_groups=[group[::-1] for group in measure.unit_groups[::-1]]
        ),
    )
    assert {(c.field, c.reason, c.bump) for c in compare(corpus, reordered).changes} == {
        ("units", "order changed", Bump.PATCH)
    }


def test_an_editorial_record_change_needs_a_patch(corpus):
    first = corpus.notices[0].editorial[0]
    improved = edit_notice(corpus, editorial=lambda rs: [first.model_copy(update={"note": "更详的说明。"}), *rs[1:]])
    diff = compare(corpus, improved)
    assert {(c.entity, c.action, c.bump) for c in diff.changes} == {
        ("editorial", "removed", Bump.PATCH),
        ("editorial", "added", Bump.PATCH),
    }


def test_units_and_aliases_added_and_removed(corpus):
    extra = corpus.units[0].model_copy(update={"id": "new-unit", "name": "区新单位", "aliases": []})
    grown = corpus.model_copy(update={"units": [*corpus.units, extra]})
    change = only_change(compare(corpus, grown))
    assert (change.entity, change.action, change.new, change.bump) == ("unit", "added", "区新单位", Bump.MINOR)
    aliased = corpus.model_copy(
        update={
            "units": [
                u.model_copy(update={"aliases": [*u.aliases, "区应急管理局"]}) if u.id == "emergency-bureau" else u
                for u in corpus.units
            ]
        }
    )
    assert (only_change(compare(corpus, aliased)).bump, only_change(compare(aliased, corpus)).bump) == (
        Bump.MINOR,
        Bump.MAJOR,
    )


def test_a_changed_unit_id_is_one_major_change(corpus_copy):
    for path in corpus_copy.root.rglob("*.yaml"):
        text = path.read_text(encoding="utf-8")
        path.write_text(
            re.sub(r"(?<![\w-])emergency-bureau(?![\w-])", "emergency-management-bureau", text), encoding="utf-8"
        )
    diff = compare(load(DATA), load(corpus_copy.root))
    change = only_change(diff)
    assert (change.entity, change.action, change.old, change.new, change.bump) == (
        "unit",
        "id-changed",
        "emergency-bureau",
        "emergency-management-bureau",
        Bump.MAJOR,
    )
    assert diff.required_bump is Bump.MAJOR and not diff.bump_ok


@pytest.mark.parametrize(
    ("old", "new", "bump"),
    [
        ("1.0.0", "1.0.0", Bump.NONE),
        ("1.0.0", "1.0.1", Bump.PATCH),
        ("1.0.3", "1.1.0", Bump.MINOR),
        ("1.2.3", "2.0.0", Bump.MAJOR),
        ("1.10.0", "1.9.0", "downgrade"),
        ("2.0.0", "1.9.9", "downgrade"),
    ],
)
def test_version_bump(old, new, bump):
    assert version_bump(old, new) == bump


def _bumped(version: str, bump: str) -> str:
    """The corpus's version moved as a release would move it (or not, or down)."""
    major, minor, patch = map(int, version.split("."))
    moved = {"major": (major + 1, 0, 0), "minor": (major, minor + 1, 0), "patch": (major, minor, patch + 1)}
    moved |= {"none": (major, minor, patch), "down": (major - 1, 9, 0)}
    return ".".join(map(str, moved[bump]))


@pytest.mark.parametrize(("bump", "ok"), [("none", False), ("patch", True), ("minor", True), ("down", False)])
def test_bump_check_of_a_text_correction(corpus, bump, ok):
    text = corpus.notices[0].measure(31).text
    new = edit_notice(
        corpus,
        _bumped(corpus.corpus_version, bump),
        measures=lambda ms: edit_entity(ms, 31, text=text.replace("大货车", "重型货车", 1)),
    )
    assert compare(corpus, new).bump_ok is ok


def test_renderings_name_the_change_and_the_verdict(corpus):
    version, patched = corpus.corpus_version, _bumped(corpus.corpus_version, "patch")
    new = edit_notice(corpus, patched, tasks=lambda ts: edit_entity(ts, 3, measures=[1, 5]))
    diff = compare(corpus, new)
    text = render_text(diff)
    assert f"needs a minor bump; {version} → {patched} is a patch bump: not enough" in text
    assert f"minor  task {NOTICE_ID}/task/3 measures: link added: 5" in text
    markdown = render_markdown(diff)
    assert "❌" in markdown and "#### Minor" in markdown and f"- task `{NOTICE_ID}/task/3` measures" in markdown


def _anwei(*args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    return subprocess.run(
        [sys.executable, "-m", "anwei_corpus", *args], env=env, capture_output=True, text=True, check=False
    )


def _write_release_json(corpus: Corpus, path: Path) -> Path:
    path.write_bytes(release_files(corpus)["anwei-corpus.json"])
    return path


def test_cli_check_bump_fails_and_passes(corpus, tmp_path):

    def linked(tasks):
        return edit_entity(tasks, 3, measures=[1, 5])

    patched, minor = _bumped(corpus.corpus_version, "patch"), _bumped(corpus.corpus_version, "minor")
    too_small = _write_release_json(edit_notice(corpus, patched, tasks=linked), tmp_path / "patch.json")
    enough = _write_release_json(edit_notice(corpus, minor, tasks=linked), tmp_path / "minor.json")
    failed = _anwei("diff", str(DATA), str(too_small), "--check-bump")
    assert failed.returncode == 1, failed.stderr
    assert "not enough" in failed.stdout
    passed = _anwei("diff", str(DATA), str(enough), "--check-bump", "--format", "json")
    assert passed.returncode == 0, passed.stderr
    document = json.loads(passed.stdout)
    assert (document["required_bump"], document["actual_bump"], document["bump_ok"]) == ("minor", "minor", True)
    assert document["summary"] == {"major": 0, "minor": 1, "patch": 0}
    assert _anwei("diff", str(DATA), str(too_small)).returncode == 0  # without --check-bump, a diff is no failure


def test_cli_diff_reads_a_release_folder_and_writes_markdown(corpus, tmp_path):
    release = export(corpus, tmp_path / "release")
    result = _anwei("diff", str(release), str(DATA), "--format", "markdown")
    assert result.returncode == 0, result.stderr
    version = corpus.corpus_version
    assert result.stdout.startswith(f"### Corpus changes {version} → {version}") and "✅" in result.stdout


@pytest.mark.parametrize("damage", ["missing", "not-json", "invalid-yaml-corpus"])
def test_cli_diff_refuses_what_it_cannot_read_without_a_traceback(damage, corpus_copy, tmp_path):
    if damage == "missing":
        target = tmp_path / "nowhere"
    elif damage == "not-json":
        target = tmp_path / "anwei-corpus.json"
        target.write_text("{", encoding="utf-8")
    else:
        corpus_copy.replace("registry/units.yaml", "id: emergency-bureau", "id: emergency-bureu")
        target = corpus_copy.root
    result = _anwei("diff", str(DATA), str(target))
    assert result.returncode == 2
    assert "NEW" in result.stderr and "Traceback" not in result.stderr


def test_load_any_reads_every_form(corpus, tmp_path):
    release = export(corpus, tmp_path / "release")
    assert load_any(DATA) == load_any(release) == load_any(release / "anwei-corpus.json") == corpus


@given(st.text(alphabet="安全生产责任右转在必停", max_size=40), st.text(alphabet="安全生产责任右转在必停", max_size=40))
def test_inline_diff_with_full_context_rebuilds_both_texts(old, new):
    marked = inline_diff(old, new, context=100)
    assert re.sub(r"\[-(.*?)-\]|\{\+(.*?)\+\}", lambda m: m.group(1) or "", marked) == old
    assert re.sub(r"\[-(.*?)-\]|\{\+(.*?)\+\}", lambda m: m.group(2) or "", marked) == new


def test_a_new_link_field_is_classified_from_its_type():
    from anwei_corpus.diff import link_fields
    from anwei_corpus.models.common import (
        NUMBER_LINK,
        REGISTRY_LINK,
        NewUnitId,
        NumberLink,
        PersonId,
        StrictModel,
        UnitId,
    )

    class Future(StrictModel):
        id: NewUnitId
        observers: list[PersonId]
        origin: NumberLink | None
        steps: list[NumberLink]
        teams: list[list[UnitId]]
        note: str
        counts: list[int]

    assert link_fields([Future]) == {
        "observers": (REGISTRY_LINK, 1),
        "origin": (NUMBER_LINK, 0),
        "steps": (NUMBER_LINK, 1),
        "teams": (REGISTRY_LINK, 2),
    }
