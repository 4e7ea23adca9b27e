"""Checking the notices on several processes reports what a serial run reports, byte for byte, with its exit code."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT
from make_synthetic import make_synthetic

from anwei_corpus import context, parallel, slow_path
from anwei_corpus import corpus as corpus_module
from anwei_corpus.api import validate
from anwei_corpus.diagnostics import Diagnostic

pytestmark = pytest.mark.skipif(not parallel.can_fork(), reason="checking apart needs fork")


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _notice(root: Path, serial: int, name: str) -> Path:
    return root / "notices" / f"putuo-synthetic-2022-{serial}" / name


def _rule_findings(root: Path) -> Path:
    """Findings of rules in several notices, of the registries, and of the suppressions; every file loads."""
    _edit(_notice(root, 2, "body.yaml"), "emergency-bureau", "emergency-bureu")  # AW301, once per file
    _edit(_notice(root, 3, "notice.yaml"), "printed: 普安委〔2022〕3号", "printed: 普安委[2022]3号")  # AW203
    _edit(_notice(root, 5, "attachment.yaml"), "code: AW506", "code: AW505")  # a stale suppression: AW801
    _edit(_notice(root, 6, "attachment.yaml"), "code: AW503", "code: AW530")  # an impossible code: AW802
    _edit(
        root / "registry/units.yaml",
        "  - id: government-office\n",
        "  - id: spare-office\n    name: 区备用办\n    kind: government-department\n  - id: government-office\n",
    )  # AW309
    return root


def _load_failures(root: Path) -> Path:
    """A file that does not parse, a schema error, a listed folder that is missing and one that is not listed."""
    _rule_findings(root)
    _edit(_notice(root, 4, "attachment.yaml"), "\ntasks:\n", "\ntasks:\ntasks:\n")
    _edit(_notice(root, 7, "body.yaml"), "number: 3\n", "number: three\n")
    (root / "notices" / "putuo-synthetic-2022-8").rename(root / "notices" / "synthetic-0080")
    return root


CORPORA = {"clean": lambda root: root, "rule findings": _rule_findings, "load failures": _load_failures}


@pytest.fixture(params=sorted(CORPORA))
def corpus(request, tmp_path: Path) -> Path:
    return CORPORA[request.param](make_synthetic(9, tmp_path / "data"))


def _anwei(*args: str, cache_dir: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "ANWEI_CACHE_DIR": str(cache_dir)}
    env.pop("GITHUB_ACTIONS", None)
    return subprocess.run(
        [sys.executable, "-m", "anwei_corpus", "validate", "--no-cache", *args],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )


@pytest.mark.parametrize("output_format", ["text", "json"])
def test_parallel_output_is_the_serial_output(corpus, output_format, tmp_path):
    serial = _anwei("--jobs", "1", "-f", output_format, str(corpus), cache_dir=tmp_path)
    apart = _anwei("--jobs", "2", "-f", output_format, str(corpus), cache_dir=tmp_path)
    assert serial.stderr == ""
    assert (apart.returncode, apart.stdout, apart.stderr) == (serial.returncode, serial.stdout, serial.stderr)


def test_the_damaged_corpus_reports_what_it_was_damaged_with(tmp_path):
    """The comparisons above are worth something: the damage gives findings in several notices and the registry."""
    root = _rule_findings(make_synthetic(9, tmp_path / "data"))
    found = {
        (d.code, Path(d.location.file).relative_to(root).as_posix())
        for d in validate(root, jobs=2)
        if d.severity.value != "info"
    }
    assert found == {
        ("AW301", "notices/putuo-synthetic-2022-2/body.yaml"),
        ("AW203", "notices/putuo-synthetic-2022-3/notice.yaml"),
        ("AW701", "notices/putuo-synthetic-2022-3/notice.yaml"),
        ("AW506", "notices/putuo-synthetic-2022-5/attachment.yaml"),
        ("AW801", "notices/putuo-synthetic-2022-5/attachment.yaml"),
        ("AW503", "notices/putuo-synthetic-2022-6/attachment.yaml"),
        ("AW802", "notices/putuo-synthetic-2022-6/attachment.yaml"),
        ("AW309", "registry/units.yaml"),
    }


def test_workers_check_the_notices_without_a_serial_run(corpus, monkeypatch):
    serial = validate(corpus, jobs=1)

    def no_serial_run(*args: object) -> None:
        raise AssertionError("checked serially")

    monkeypatch.setattr(parallel, "check_corpus", no_serial_run)
    assert validate(corpus, jobs=3) == serial


def _misspelt_unit(root: Path, serial: int) -> None:
    _edit(_notice(root, serial, "body.yaml"), "emergency-bureau", "emergency-bureu")


def _misspelt_leader(root: Path, serial: int) -> None:
    path = _notice(root, serial, "attachment.yaml")
    path.write_text(path.read_text(encoding="utf-8").replace("jiang-aifeng", "jiang-aifen"), encoding="utf-8")


def _unclosed_list(root: Path, serial: int) -> None:
    _edit(_notice(root, serial, "body.yaml"), "units: [[emergency-bureau]]\n", "units: [[emergency-bureau]\n")


def _some_suggestions(findings: list[Diagnostic]) -> bool:
    unknown = [d for d in findings if d.code == "AW302"]
    return len(unknown) == 9 and 0 < sum("did you mean" in d.message for d in unknown) < 9


def _files_refused(findings: list[Diagnostic]) -> bool:
    return any(d.code == "AW011" for d in findings)


def _some_worded_by_libyaml(findings: list[Diagnostic]) -> bool:
    syntax = [d for d in findings if d.code == "AW001"]
    return len(syntax) == 9 and 0 < sum("libyaml" in (d.hint or "") for d in syntax) < 9


@pytest.mark.parametrize(
    ("module", "name", "value", "damage", "bites"),
    [
        (context, "MAX_SUGGESTION_COMPARISONS", 30, _misspelt_leader, _some_suggestions),
        (corpus_module, "MAX_CORPUS_BYTES", 600_000, _misspelt_unit, _files_refused),
        (slow_path, "MAX_SLOW_PATH_TOKENS", 25_000, _unclosed_list, _some_worded_by_libyaml),
    ],
    ids=["suggestions", "bytes", "slow parser"],
)
def test_a_budget_the_workers_exceed_together_gives_the_serial_findings(
    module, name, value, damage, bites, tmp_path, monkeypatch
):
    root = make_synthetic(9, tmp_path / "data")
    for serial in range(1, 10):
        damage(root, serial)
    monkeypatch.setattr(module, name, value)
    monkeypatch.setattr(parallel, "_over_budget", lambda corpus, left: False)  # the count after reading decides
    serial = validate(root, jobs=1)
    assert bites(serial)
    assert validate(root, jobs=2) == serial


def test_jobs_below_one_is_refused(tmp_path):
    with pytest.raises(ValueError, match="at least 1"):
        validate(tmp_path, jobs=0)
    result = _anwei("--jobs", "0", str(tmp_path), cache_dir=tmp_path)
    assert result.returncode == 2
    assert "--jobs" in result.stderr
