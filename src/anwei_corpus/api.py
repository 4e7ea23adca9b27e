"""The Python API: load the YAML corpus or a release folder into the typed corpus model."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from .diagnostics import Diagnostic, Severity
from .release_layout import MANIFEST_FILE, RELEASE_FILE

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


class ReleaseUnreadable(Exception):
    """A release cannot be read: missing, not JSON, not matching its manifest, or not an anwei-corpus release."""


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
    path: str | os.PathLike[str] | None = None, *, select: Iterable[str] = (), ignore: Iterable[str] = ()
) -> list[Diagnostic]:
    """What ``anwei validate`` reports for the YAML corpus at ``path``: every finding of the selected codes.

    ``select`` and ``ignore`` take codes or code prefixes, in any case, one per item or comma-separated. Raises
    UnknownCodePattern for a pattern that matches no code, and CorpusUnreadable when there is no corpus there.
    """
    from .checker import Selection, check_corpus
    from .corpus import load_source

    selection = Selection.parse(select, ignore)
    unknown = selection.unknown_patterns()
    if unknown:
        raise UnknownCodePattern(f"unknown rule code(s): {', '.join(unknown)} (see 'anwei rules')")
    return check_corpus(load_source(path), selection)


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

    In a folder, the file must match the SHA-256 its ``manifest.json`` gives. A release written for another major
    schema version is refused. Raises ReleaseUnreadable, with a message saying why, when the release cannot be read.
    """
    from pydantic import ValidationError
    from pydantic_core import from_json

    from . import SCHEMA_VERSION, reads_schema
    from .models.release import Corpus

    target = Path(path)
    folder = target if target.is_dir() else None
    if folder is not None:
        target = folder / RELEASE_FILE
    try:
        content = target.read_bytes()
    except OSError as exc:
        raise ReleaseUnreadable(f"cannot read {target}: {exc.strerror or exc}") from None
    if folder is not None:
        _check_against_manifest(folder, content)
    try:
        data = from_json(content)  # bounded nesting: a hostile file cannot exhaust the stack
    except ValueError as exc:
        raise ReleaseUnreadable(f"{target} is not JSON: {exc}") from None
    version = data.get("schema_version") if isinstance(data, dict) else None
    if isinstance(version, str) and not reads_schema(version):
        raise ReleaseUnreadable(f"{target} is written for schema {version}; this anwei reads schema {SCHEMA_VERSION}")
    try:
        return Corpus.model_validate_json(content)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(part) for part in first["loc"]) or "top level"
        raise ReleaseUnreadable(
            f"{target} is not an anwei-corpus release: {exc.error_count()} error(s); first: {where}: {first['msg']}"
        ) from None


def _check_against_manifest(folder: Path, content: bytes) -> None:
    from pydantic_core import from_json

    from .release_layout import sha256

    manifest_path = folder / MANIFEST_FILE
    if not manifest_path.is_file():
        return
    try:
        files = from_json(manifest_path.read_bytes())["files"]
        expected = next(entry["sha256"] for entry in files if entry["name"] == RELEASE_FILE)
    except (OSError, ValueError, KeyError, TypeError, StopIteration):
        raise ReleaseUnreadable(f"{manifest_path} does not list {RELEASE_FILE} with its sha256") from None
    if sha256(content) != expected:
        raise ReleaseUnreadable(f"{folder / RELEASE_FILE} does not match the sha256 in {manifest_path}")
