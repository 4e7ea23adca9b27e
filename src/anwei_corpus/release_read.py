"""Reading a release back, trusting nothing: every file checked against the manifest and ``SHA256SUMS``.

A folder must hold ``manifest.json`` (written by anwei-corpus) and ``SHA256SUMS``; every file the manifest lists
must be a regular file (no link, FIFO or device) below ``MAX_RELEASE_FILE_BYTES`` with the listed size and SHA-256,
and ``SHA256SUMS`` must give the same hashes. The JSON may not repeat a key, must match the release model, and
must hold together (see ``release_integrity``). A bare ``anwei-corpus.json`` has no manifest to check against; all
the other checks apply.
"""

from __future__ import annotations

import json
import os
import re
import stat
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .diagnostics import ReleaseUnreadable as ReleaseUnreadable
from .release_layout import MANIFEST_FILE, RELEASE_FILE, SUMS_FILE, sha256

if TYPE_CHECKING:
    from .models.release import Corpus

MAX_RELEASE_FILE_BYTES = 256 * 2**20  # a release of a hundred notices is some 50 MiB
MAX_MANIFEST_BYTES = 4 * 2**20
_SUMS_LINE = re.compile(r"([0-9a-f]{64})  (\S(?:.*\S)?)")


def read_regular(path: Path, limit: int) -> bytes:
    """The bytes of a regular file that is not a link, read without blocking and without reading past ``limit``."""
    flags = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
    try:
        descriptor = os.open(path, flags)
    except OSError as exc:
        reason = "it is a link" if path.is_symlink() else (exc.strerror or str(exc))
        raise ReleaseUnreadable(f"cannot read {path}: {reason}") from None
    try:
        info = os.fstat(descriptor)
        if not stat.S_ISREG(info.st_mode):
            raise ReleaseUnreadable(f"cannot read {path}: it is not a regular file")
        if info.st_size > limit:
            raise ReleaseUnreadable(f"cannot read {path}: larger than the limit of {limit} bytes")
        with os.fdopen(descriptor, "rb", closefd=False) as handle:
            content = handle.read(limit + 1)
    except OSError as exc:
        raise ReleaseUnreadable(f"cannot read {path}: {exc.strerror or exc}") from None
    finally:
        os.close(descriptor)
    if len(content) > limit:
        raise ReleaseUnreadable(f"cannot read {path}: larger than the limit of {limit} bytes")
    return content


def _refuse_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    data = dict(pairs)
    if len(data) < len(pairs):
        repeated = next(key for key, count in Counter(key for key, _ in pairs).items() if count > 1)
        raise ValueError(f"key {repeated!r} appears more than once in one object")
    return data


def parse_json(content: bytes, path: Path) -> Any:
    """JSON with bounded nesting and no repeated key in any object; ReleaseUnreadable otherwise."""
    from pydantic_core import from_json

    try:
        from_json(content)  # bounded nesting first: the standard parser below would exhaust the stack
        return json.loads(content, object_pairs_hook=_refuse_duplicates)
    except (ValueError, RecursionError) as exc:
        raise ReleaseUnreadable(f"{path} is not JSON: {exc}") from None


def _listed_files(folder: Path) -> dict[str, tuple[str, int]]:
    manifest_path = folder / MANIFEST_FILE
    if not manifest_path.exists() and not manifest_path.is_symlink():
        raise ReleaseUnreadable(f"{folder} has no {MANIFEST_FILE}: it is not a release written by anwei export")
    manifest = parse_json(read_regular(manifest_path, MAX_MANIFEST_BYTES), manifest_path)
    try:
        generator = manifest["generator"]
        listed = {entry["name"]: (entry["sha256"], entry["bytes"]) for entry in manifest["files"]}
        well_formed = generator.startswith("anwei-corpus ") and all(
            isinstance(name, str) and isinstance(digest, str) and isinstance(size, int)
            for name, (digest, size) in listed.items()
        )
    except (KeyError, TypeError, AttributeError):
        well_formed = False
    if not well_formed or RELEASE_FILE not in listed:
        raise ReleaseUnreadable(
            f"{manifest_path} is not an anwei-corpus manifest: it needs a generator and files with name, sha256 "
            f"and bytes, {RELEASE_FILE} among them"
        )
    return listed


def _check_sums(folder: Path, listed: dict[str, str]) -> None:
    sums_path = folder / SUMS_FILE
    lines = read_regular(sums_path, MAX_MANIFEST_BYTES).decode("utf-8", "replace").splitlines()
    given: dict[str, str] = {}
    for number, line in enumerate(lines, 1):
        match = _SUMS_LINE.fullmatch(line)
        if match is None or match.group(2) in given:
            raise ReleaseUnreadable(f"{sums_path}:{number}: not a line of sha256sum output, or a file listed twice")
        given[match.group(2)] = match.group(1)
    if given != listed:
        differing = sorted(set(given.items()) ^ set(listed.items()))
        names = ", ".join(dict.fromkeys(name for name, _ in differing))
        raise ReleaseUnreadable(f"{sums_path} does not agree with the files and {MANIFEST_FILE}: {names}")


def read_verified(folder: Path) -> bytes:
    """The release JSON of ``folder``, after every listed file is checked against the manifest and SHA256SUMS."""
    listed = _listed_files(folder)
    hashes = {}
    content = b""
    for name, (digest, size) in sorted(listed.items()):
        if "/" in name or "\\" in name or name in ("", ".", "..", MANIFEST_FILE, SUMS_FILE):
            raise ReleaseUnreadable(f"{folder / MANIFEST_FILE} lists a file it may not: {name!r}")
        data = read_regular(folder / name, MAX_RELEASE_FILE_BYTES)
        if len(data) != size or sha256(data) != digest:
            raise ReleaseUnreadable(f"{folder / name} does not match the size and sha256 in {MANIFEST_FILE}")
        hashes[name] = digest
        if name == RELEASE_FILE:
            content = data
    hashes[MANIFEST_FILE] = sha256(read_regular(folder / MANIFEST_FILE, MAX_MANIFEST_BYTES))
    _check_sums(folder, hashes)
    return content


def load_release(path: str | os.PathLike[str]) -> Corpus:
    """The corpus of a release folder (verified as the module says) or of a bare ``anwei-corpus.json``."""
    from pydantic import ValidationError

    from . import SCHEMA_VERSION, reads_schema
    from .models.release import Corpus
    from .release_integrity import problems

    target = Path(path)
    if target.is_dir() and not target.is_symlink():
        content, target = read_verified(target), target / RELEASE_FILE
    else:
        content = read_regular(target, MAX_RELEASE_FILE_BYTES)
    data = parse_json(content, target)
    version = data.get("schema_version") if isinstance(data, dict) else None
    if isinstance(version, str) and not reads_schema(version):
        raise ReleaseUnreadable(f"{target} is written for schema {version}; this anwei reads schema {SCHEMA_VERSION}")
    try:
        corpus = Corpus.model_validate_json(content)  # JSON mode: dates from their ISO strings
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(part) for part in first["loc"]) or "top level"
        raise ReleaseUnreadable(
            f"{target} is not an anwei-corpus release: {exc.error_count()} error(s); first: {where}: {first['msg']}"
        ) from None
    found = problems(corpus)
    if found:
        more = f" (and {len(found) - 1} more problem(s))" if len(found) > 1 else ""
        raise ReleaseUnreadable(f"{target} does not hold together: {found[0]}{more}")
    return corpus
