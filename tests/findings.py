"""Running the checker on a corpus folder and picking out findings, for the rule tests."""

from __future__ import annotations

from pathlib import Path

from anwei_corpus.checker import Selection, check_corpus
from anwei_corpus.corpus import load_source
from anwei_corpus.diagnostics import Diagnostic


def check(root: Path, *codes: str) -> list[Diagnostic]:
    """The findings of the given codes (all when none is given)."""
    return check_corpus(load_source(root), Selection(select=codes))


def at(diagnostics: list[Diagnostic], code: str, relative: str) -> list[tuple[int | None, str]]:
    """(line, message) of the findings of ``code`` in the file ending with ``relative``."""
    return [
        (d.location.line, d.message)
        for d in diagnostics
        if d.code == code and Path(d.location.file).as_posix().endswith(relative)
    ]


def lines(diagnostics: list[Diagnostic], code: str, relative: str) -> list[int | None]:
    return [line for line, _ in at(diagnostics, code, relative)]
