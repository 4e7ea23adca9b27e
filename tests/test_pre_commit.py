"""The hooks of .pre-commit-hooks.yaml, run by pre-commit itself (``pre-commit try-repo``) on a scratch repository
holding a copy of the corpus: a clean copy passes, a broken one fails and the output names each mistake.

pre-commit installs this repository into a virtualenv of its own with pip, as it would for a user; the hook
repository is a snapshot of the package's files, committed once for the session, so that the install is done once.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import DATA, ROOT
from ruamel.yaml import YAML

GIT_IDENTITY = ["-c", "user.name=anwei tests", "-c", "user.email=tests@anwei-corpus.invalid"]
HOOK_REPO_FILES = ("pyproject.toml", "README.md", ".pre-commit-hooks.yaml", "src")

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="pre-commit needs git")


def _git(folder: Path, *args: str) -> str:
    command = ["git", *GIT_IDENTITY, "-C", str(folder), *args]
    return subprocess.run(command, check=True, capture_output=True, text=True, timeout=60).stdout.strip()


@pytest.fixture(scope="module")
def hook_repo(tmp_path_factory) -> tuple[Path, str, Path]:
    """A git repository with the files pre-commit installs the hooks from, its commit, and pre-commit's home."""
    repo = tmp_path_factory.mktemp("hook-repo")
    for name in HOOK_REPO_FILES:
        if (ROOT / name).is_dir():
            shutil.copytree(ROOT / name, repo / name, ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
        else:
            shutil.copy(ROOT / name, repo / name)
    _git(repo, "init", "-q")
    _git(repo, "add", ".")
    _git(repo, "commit", "-q", "-m", "hooks")
    return repo, _git(repo, "rev-parse", "HEAD"), tmp_path_factory.mktemp("pre-commit-home")


def _scratch(tmp_path: Path) -> Path:
    scratch = tmp_path / "scratch"
    shutil.copytree(DATA, scratch / "data")
    _git(scratch, "init", "-q")
    return scratch


def _try_repo(hook_repo: tuple[Path, str, Path], scratch: Path) -> subprocess.CompletedProcess[str]:
    repo, commit, home = hook_repo
    _git(scratch, "add", ".")
    environment = {**os.environ, "PRE_COMMIT_HOME": str(home), "NO_COLOR": "1"}
    environment.pop("ANWEI_CORPUS", None)
    command = [sys.executable, "-m", "pre_commit", "try-repo", str(repo), "--ref", commit, "--all-files"]
    return subprocess.run(command, cwd=scratch, env=environment, capture_output=True, text=True, timeout=900)


def _verdicts(result: subprocess.CompletedProcess[str]) -> dict[str, str]:
    """Each hook's name → its verdict, from pre-commit's summary lines (``anwei fmt.....Passed``)."""
    return dict(re.findall(r"^(anwei \w+)\.+(Passed|Failed|Skipped)$", result.stdout, re.MULTILINE))


def test_the_hooks_are_the_two_the_docs_name():
    hooks = YAML(typ="safe").load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert [(hook["id"], hook["entry"], hook["args"]) for hook in hooks] == [
        ("anwei-validate", "anwei validate", ["data"]),
        ("anwei-fmt", "anwei fmt", ["--check"]),
    ]


def test_a_clean_copy_passes_both_hooks(hook_repo, tmp_path):
    result = _try_repo(hook_repo, _scratch(tmp_path))
    assert result.returncode == 0, result.stdout + result.stderr
    assert _verdicts(result) == {"anwei validate": "Passed", "anwei fmt": "Passed"}, result.stdout


def test_a_broken_copy_fails_and_the_output_names_each_mistake(hook_repo, tmp_path):
    scratch = _scratch(tmp_path)
    body = scratch / "data/notices/putuo-anwei-2022-6/body.yaml"
    text = body.read_text(encoding="utf-8")
    assert text.count("emergency-bureau") > 1
    body.write_text(text.replace("emergency-bureau", "emergency-bureu", 1), encoding="utf-8")
    units = scratch / "data/registry/units.yaml"
    text = units.read_text(encoding="utf-8")
    misformatted = text.replace("    aliases: [区安委会]\n", "    aliases:\n      - 区安委会\n", 1)
    assert misformatted != text
    units.write_text(misformatted, encoding="utf-8")

    result = _try_repo(hook_repo, scratch)
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert _verdicts(result) == {"anwei validate": "Failed", "anwei fmt": "Failed"}, output
    assert "data/notices/putuo-anwei-2022-6/body.yaml:" in output
    assert "AW301 [error] unknown unit 'emergency-bureu' — did you mean 'emergency-bureau'?" in output
    assert "would reformat data/registry/units.yaml" in output
    assert units.read_text(encoding="utf-8") == misformatted  # --check: the file is left as it is
