"""What `anwei validate` imports: the release models only when something asks for them."""

from __future__ import annotations

import os
import subprocess
import sys

from conftest import ROOT


def imported_after(statement: str) -> set[str]:
    result = subprocess.run(
        [sys.executable, "-c", f"import sys; {statement}; print(' '.join(sys.modules))"],
        env=dict(os.environ, PYTHONPATH=str(ROOT / "src")),
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    return set(result.stdout.split())


def test_validating_does_not_import_the_release_models():
    modules = imported_after(
        "import anwei_corpus.cli; from anwei_corpus.corpus import load_source; "
        "from anwei_corpus.checker import check_corpus; check_corpus(load_source('data'))"
    )
    assert "anwei_corpus.corpus" in modules
    assert "anwei_corpus.models.release" not in modules


def test_the_api_is_there_on_first_use():
    assert "anwei_corpus.api" not in imported_after("import anwei_corpus")
    assert "anwei_corpus.api" in imported_after("from anwei_corpus import CorpusInvalid, load, load_release")
