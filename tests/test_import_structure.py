"""What `anwei validate` imports: the release models only when something asks for them."""

from __future__ import annotations

import os
import subprocess
import sys

from conftest import ROOT


def imported_after(statement: str) -> set[str]:
    result = subprocess.run(
        [sys.executable, "-c", f"import sys\n{statement}\nprint(' '.join(sys.modules))"],
        env=dict(os.environ, PYTHONPATH=str(ROOT / "src")),
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    return set(result.stdout.split())


def test_anwei_validate_does_not_import_the_release_models_or_rich():
    """The path `anwei validate data` takes, to its exit: plain text output, no colour."""
    modules = imported_after(
        "from anwei_corpus.cli import app\ntry:\n    app(['validate', 'data'])\nexcept SystemExit:\n    pass"
    )
    assert "anwei_corpus.corpus" in modules and "anwei_corpus.checker" in modules
    assert "anwei_corpus.models.release" not in modules
    assert not any(name.split(".")[0] in {"rich", "jinja2", "markupsafe", "playwright"} for name in modules)
    assert "anwei_corpus.queries" not in modules and "anwei_corpus.site" not in modules


def test_the_api_is_there_on_first_use():
    assert "anwei_corpus.api" not in imported_after("import anwei_corpus")
    assert "anwei_corpus.api" in imported_after("from anwei_corpus import CorpusInvalid, load, load_release")
