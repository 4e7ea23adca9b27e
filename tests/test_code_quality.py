"""The code is formatted, linted and type-checked: the test command enforces what CI asks of every change.

The tools and their settings come from pyproject.toml (``[tool.ruff]``, ``[tool.mypy]``), so running them by hand
gives the same verdict as this test.
"""

from __future__ import annotations

import subprocess
import sys

from conftest import ROOT

CHECKED = ["src", "tests", "scripts"]


def _run(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", *command], cwd=ROOT, capture_output=True, text=True, check=False, timeout=600
    )


def test_code_is_formatted():
    result = _run("ruff", "format", "--check", *CHECKED)
    assert result.returncode == 0, result.stdout + result.stderr


def test_code_passes_the_linter():
    result = _run("ruff", "check", "--output-format", "concise", *CHECKED)
    assert result.returncode == 0, result.stdout + result.stderr


def test_package_passes_strict_type_checking():
    result = _run("mypy", "--strict", "src")
    assert result.returncode == 0, result.stdout + result.stderr
