"""The Python API: load the YAML corpus or a release folder into the typed corpus model."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from .diagnostics import Diagnostic, Severity
from .diagnostics import ReleaseUnreadable as ReleaseUnreadable

if TYPE_CHECKING:
    from .models.release import Corpus


class CorpusInvalid(Exception):
    """The corpus has errors; ``diagnostics`` lists them."""

    def __init__(self, diagnostics: list[Diagnostic]):
        errors = [d for d in diagnostics if d.severity is Severity.ERROR]
        first = errors[0] if errors else None
        summary = f"{len(errors)} error(s)" + (f"; first: {first.location.display()}: {first.message}" if first else "")
        super().__init__(summary)
        self.diagnostics = diagnostics


def versions(path: str | os.PathLike[str] | None = None) -> dict[str, str]:
    """What ``anwei --version`` prints: the package, the schema it reads, and the corpus at ``path`` (its manifest's
    versions, read without checking the corpus; ``none`` when it cannot be read)."""
    from . import SCHEMA_VERSION, __version__
    from .layout import MANIFEST, default_corpus_path, display_name
    from .loader import YamlLoadError, read_yaml

    root = default_corpus_path() if path is None else Path(path)
    found = {"anwei-corpus": __version__, "schema (read)": SCHEMA_VERSION}
    try:
        data = read_yaml(root / MANIFEST, display_name(root / MANIFEST)).data
    except YamlLoadError:
        data = None
    manifest = data if isinstance(data, dict) else {}
    where = display_name(root)
    found["corpus"] = f"{manifest.get('corpus_version', 'none')} ({where})"
    found["corpus schema"] = f"{manifest.get('schema_version', 'none')} ({where})"
    return found


class UnknownCodePattern(ValueError):
    """A ``select`` or ``ignore`` pattern that matches no code: a usage error, not a finding."""


def validate(
    path: str | os.PathLike[str] | None = None,
    *,
    select: Iterable[str] = (),
    ignore: Iterable[str] = (),
    jobs: int | None = None,
) -> list[Diagnostic]:
    """What ``anwei validate`` reports for the YAML corpus at ``path``: every finding of the selected codes.

    ``select`` and ``ignore`` take codes or code prefixes, in any case, one per item or comma-separated. ``jobs``
    is the number of processes to check a corpus of several notices with (by default one per CPU; 1 checks in
    this process); the findings are the same whatever the number. Raises UnknownCodePattern for a pattern that
    matches no code, ValueError for ``jobs`` below 1, and CorpusUnreadable when there is no corpus there.
    """
    from .checker import Selection
    from .parallel import validate_path

    if jobs is not None and jobs < 1:
        raise ValueError(f"jobs must be at least 1, not {jobs}")
    selection = Selection.parse(select, ignore)
    unknown = selection.unknown_patterns()
    if unknown:
        raise UnknownCodePattern(f"unknown rule code(s): {', '.join(unknown)} (see 'anwei rules')")
    return validate_path(path, selection, jobs)


def fails(diagnostics: list[Diagnostic], *, strict: bool = False) -> bool:
    """Whether the findings fail validation: any error, or under ``strict`` any warning too."""
    failing = {Severity.ERROR, Severity.WARNING} if strict else {Severity.ERROR}
    return any(d.severity in failing for d in diagnostics)


def load(path: str | os.PathLike[str] | None = None) -> Corpus:
    """Read, check and return the YAML corpus at ``path`` (by default ``$ANWEI_CORPUS``, else ``./data``).

    Raises CorpusInvalid when any check reports an error, and CorpusUnreadable when there is no corpus there.
    """
    from .build import build_corpus
    from .checker import check_corpus
    from .corpus import load_source

    source = load_source(path)
    diagnostics = check_corpus(source)
    if any(d.severity is Severity.ERROR for d in diagnostics):
        raise CorpusInvalid(diagnostics)
    return build_corpus(source)


def load_release(path: str | os.PathLike[str]) -> Corpus:
    """Read a release: a folder written by ``anwei export``, or its ``anwei-corpus.json`` itself.

    A folder needs its ``manifest.json`` and ``SHA256SUMS``, and every file they list must match them; only regular
    files below a size cap are read, without blocking. The JSON may not repeat a key, must be written for this
    major schema version, and its references must resolve (no task linking to a missing measure, no unknown unit
    or leader, no key listed twice). Raises ReleaseUnreadable, with a message naming the first problems, otherwise.
    """
    from .release_read import load_release as load_verified

    return load_verified(path)


def open_corpus(corpus: str | os.PathLike[str] | None = None, release: str | os.PathLike[str] | None = None) -> Corpus:
    """The corpus to answer from: the release folder ``release`` when given, else the YAML corpus ``corpus``.

    ``corpus`` defaults as for ``load``. Raises what ``load`` and ``load_release`` raise.
    """
    return load_release(release) if release is not None else load(corpus)
