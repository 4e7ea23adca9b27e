"""The GitHub workflow: it passes the GitHub workflow schema (with check-jsonschema's copy of SchemaStore's
schema), runs the checks the maintainers rely on, pins every action, and picks the base corpus as described."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT
from ruamel.yaml import YAML

WORKFLOW = ROOT / ".github" / "workflows" / "corpus.yml"
PINNED = re.compile(r"^[\w.-]+/[\w.-]+@(v\d+\.\d+\.\d+|[0-9a-f]{40})$")


def _check_jsonschema(path: Path) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "check_jsonschema", "--builtin-schema", "vendor.github-workflows", str(path)]
    return subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)


def _workflow() -> dict:
    return YAML(typ="safe").load(WORKFLOW.read_text(encoding="utf-8"))


def _steps(job: str) -> list[dict]:
    return _workflow()["jobs"][job]["steps"]


def test_the_workflow_passes_the_github_workflow_schema_and_a_broken_one_does_not(tmp_path):
    result = _check_jsonschema(WORKFLOW)
    assert (result.returncode, result.stdout.strip()) == (0, "ok -- validation done")

    broken = tmp_path / "corpus.yml"
    text = WORKFLOW.read_text(encoding="utf-8")
    assert text.count("    runs-on: ubuntu-24.04\n") == 3
    broken.write_text(text.replace("    runs-on: ubuntu-24.04\n", "    runs_on: ubuntu-24.04\n", 1), encoding="utf-8")
    result = _check_jsonschema(broken)
    assert result.returncode == 1
    assert "Schema validation errors were encountered" in result.stdout + result.stderr
    assert "$.jobs.corpus" in result.stdout + result.stderr


def test_the_workflow_runs_on_pull_requests_and_pushes():
    assert set(_workflow()["on"]) == {"pull_request", "push"}  # YAML 1.2: 'on' is a key, not true


def test_every_action_is_pinned_to_a_full_version_or_a_commit():
    uses = [step["uses"] for job in _workflow()["jobs"] for step in _steps(job) if "uses" in step]
    assert {use.split("@")[0] for use in uses} == {
        "actions/checkout",
        "actions/setup-python",
        "actions/upload-artifact",
    }
    assert [use for use in uses if not PINNED.match(use)] == []


def test_the_checks_run_the_commands_the_docs_describe():
    runs = [step["run"] for step in _steps("corpus") if "run" in step]
    commands = [line.strip() for run in runs for line in run.splitlines()]
    for command in (
        "pip install -e .",
        "anwei validate data --format github",
        "anwei fmt --check data",
        "anwei diff base/data data --check-bump",
    ):
        assert command in commands
    base = next(step for step in _steps("corpus") if step.get("id") == "checkout-base")
    assert base["with"]["path"] == "base" and base["continue-on-error"] is True
    # the suite runs through .ci/run, which runs the README's second quick-start command word for word
    assert [step.get("run") for step in _steps("tests")] == [None, ".ci/run"]
    assert _workflow()["jobs"]["tests"]["container"].endswith("-bookworm")


def test_the_release_is_exported_and_uploaded_on_main_only():
    job = _workflow()["jobs"]["release"]
    assert job["if"] == "github.event_name == 'push' && github.ref == 'refs/heads/main'"
    assert job["needs"] == ["corpus", "tests"]
    export = [step["run"] for step in job["steps"] if "anwei export" in step.get("run", "")]
    assert export == ["SOURCE_DATE_EPOCH=$(git log -1 --format=%ct) anwei export data --out release"]
    upload = job["steps"][-1]
    assert upload["uses"].startswith("actions/upload-artifact@") and upload["with"]["path"] == "release/"


@pytest.mark.parametrize(
    ("event", "pull_request_base", "before", "expected"),
    [
        ("pull_request", "a" * 40, "", "a" * 40),
        ("push", "", "b" * 40, "b" * 40),
        ("push", "", "0" * 40, ""),  # a branch's first push: nothing before it
        ("push", "", "", ""),
    ],
)
def test_the_base_is_the_pull_requests_base_or_the_commit_before_a_push(
    tmp_path, event, pull_request_base, before, expected
):
    script = next(step["run"] for step in _steps("corpus") if step.get("id") == "base")
    output = tmp_path / "output"
    environment = {
        **os.environ,
        "EVENT": event,
        "PULL_REQUEST_BASE": pull_request_base,
        "BEFORE": before,
        "GITHUB_OUTPUT": str(output),
    }
    subprocess.run(["bash", "-e", "-c", script], env=environment, check=True, timeout=30)
    assert output.read_text(encoding="utf-8") == f"ref={expected}\n"
