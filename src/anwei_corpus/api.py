"""The Python API: load the YAML corpus or a release folder into the typed corpus model."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from .diagnostics import Diagnostic, Severity

if TYPE_CHECKING:
    from .models.release import Corpus

RELEASE_FILE = "anwei-corpus.json"


class CorpusInvalid(Exception):
    """The corpus has errors; ``diagnostics`` lists them."""

    def __init__(self, diagnostics: list[Diagnostic]):
        errors = [d for d in diagnostics if d.severity is Severity.ERROR]
        first = errors[0] if errors else None
        summary = f"{len(errors)} error(s)" + (f"; first: {first.location.display()}: {first.message}" if first else "")
        super().__init__(summary)
        self.diagnostics = diagnostics


def default_corpus_path() -> Path:
    """``$ANWEI_CORPUS``, else ``./data``, else the ``data`` folder of the checkout this package runs from."""
    if "ANWEI_CORPUS" in os.environ:
        return Path(os.environ["ANWEI_CORPUS"])
    here = Path.cwd() / "data"
    if (here / "corpus.yaml").is_file():
        return here
    return Path(__file__).resolve().parents[2] / "data"


def load(path: str | os.PathLike[str] | None = None) -> Corpus:
    """Read, check and return the YAML corpus at ``path`` (see ``default_corpus_path``).

    Raises CorpusInvalid when any check reports an error, and CorpusUnreadable when there is no corpus there.
    """
    from .build import build_corpus
    from .checker import check_corpus
    from .corpus import load_source

    source = load_source(default_corpus_path() if path is None else path)
    diagnostics = check_corpus(source)
    if any(d.severity is Severity.ERROR for d in diagnostics):
        raise CorpusInvalid(diagnostics)
    return build_corpus(source)


def load_release(path: str | os.PathLike[str]) -> Corpus:
    """Read a release: a folder written by ``anwei export``, or its ``anwei-corpus.json`` itself."""
    from .models.release import Corpus

    target = Path(path)
    if target.is_dir():
        target = target / RELEASE_FILE
    return Corpus.model_validate_json(target.read_bytes())
