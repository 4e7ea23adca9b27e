"""The release: every file ``anwei export`` writes, built as bytes, then written atomically.

A release folder holds the whole corpus as one JSON document, its JSON Schema, one JSON Lines file per kind of
entity, a manifest naming the versions and every file's SHA-256, and ``SHA256SUMS`` for ``sha256sum -c``. The same
corpus always gives the same bytes: nothing depends on the machine, the hash seed or the clock, unless a build time
is given (``SOURCE_DATE_EPOCH``).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import shutil
import tempfile
from collections.abc import Mapping
from pathlib import Path

from . import __version__
from .api import MANIFEST_FILE, RELEASE_FILE, SUMS_FILE
from .models.release import ENTITY_LISTS, Corpus, Notice
from .schema_gen import release_schema
from .tables import table_files

SCHEMA_FILE = "anwei-corpus.schema.json"
# Lists of a notice written one entity a line, each line led by the ID of its notice.


def to_json(data: object) -> bytes:
    """The one JSON encoding of the project: UTF-8, two-space indent, keys in model order, final newline."""
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def to_json_lines(rows: list[dict]) -> bytes:
    """One compact JSON object a line, UTF-8, each line ending in a newline."""
    return "".join(json.dumps(row, ensure_ascii=False, separators=(",", ":")) + "\n" for row in rows).encode("utf-8")


def sha256(content: bytes) -> str:
    """The SHA-256 of ``content``, as lower-case hex."""
    return hashlib.sha256(content).hexdigest()


def built_from_environment(environ: Mapping[str, str] = os.environ) -> dt.datetime | None:
    """The build time ``SOURCE_DATE_EPOCH`` gives (seconds since 1970, UTC), or None when it is not set.

    Raises ValueError when it is set to anything but a non-negative whole number.
    """
    value = environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not value:
        return None
    if not value.isdigit():
        raise ValueError(f"SOURCE_DATE_EPOCH must be a whole number of seconds since 1970, not {value!r}")
    try:
        return dt.datetime.fromtimestamp(int(value), tz=dt.UTC)
    except (OverflowError, OSError, ValueError):
        raise ValueError(f"SOURCE_DATE_EPOCH is out of range: {value}") from None


def _entity_lines(corpus: Corpus) -> dict[str, bytes]:
    notice_fields = set(Notice.model_fields) - set(ENTITY_LISTS)
    files = {
        "notices.jsonl": to_json_lines(
            [notice.model_dump(mode="json", include=notice_fields) for notice in corpus.notices]
        ),
        "units.jsonl": to_json_lines([unit.model_dump(mode="json") for unit in corpus.units]),
        "people.jsonl": to_json_lines([person.model_dump(mode="json") for person in corpus.people]),
    }
    for name in ENTITY_LISTS:
        files[f"{name}.jsonl"] = to_json_lines(
            [
                {"notice": notice.id, **entity.model_dump(mode="json")}
                for notice in corpus.notices
                for entity in getattr(notice, name)
            ]
        )
    return files


def release_files(corpus: Corpus, built: dt.datetime | None = None) -> dict[str, bytes]:
    """Every file of a release, by name, as bytes: the same corpus (and build time) always gives the same bytes."""
    files = {
        RELEASE_FILE: to_json(corpus.model_dump(mode="json")),
        SCHEMA_FILE: to_json(release_schema()),
        **_entity_lines(corpus),
        **table_files(corpus, to_json),
    }
    manifest: dict[str, object] = {
        "corpus_version": corpus.corpus_version,
        "schema_version": corpus.schema_version,
        "generator": f"anwei-corpus {__version__}",
    }
    if built is not None:
        manifest["built"] = built.astimezone(dt.UTC).isoformat().replace("+00:00", "Z")
    manifest["sources"] = [
        {"notice": notice.id, "file": notice.source.file, "sha256": notice.source.sha256} for notice in corpus.notices
    ]
    manifest["files"] = [
        {"name": name, "sha256": sha256(content), "bytes": len(content)} for name, content in sorted(files.items())
    ]
    files[MANIFEST_FILE] = to_json(manifest)
    files[SUMS_FILE] = "".join(f"{sha256(content)}  {name}\n" for name, content in sorted(files.items())).encode()
    return files


class ReleaseTargetRefused(ValueError):
    """The folder given for a release holds something a release must not replace."""


def check_target(out_dir: str | os.PathLike[str], corpus_root: str | os.PathLike[str] | None = None) -> None:
    """Refuse a target that is not a release folder: a file, a folder with other content, or the corpus itself.

    Writing a release replaces the whole target folder, so it must be new, empty, or an earlier release.
    """
    target = Path(out_dir)
    if corpus_root is not None:
        root, resolved = Path(corpus_root).resolve(), target.resolve()
        if resolved == root or root in resolved.parents or resolved in root.parents:
            raise ReleaseTargetRefused(
                f"{target} is, holds or lies inside the corpus {corpus_root}; choose another folder"
            )
    if not target.exists() and not target.is_symlink():
        return
    if not target.is_dir() or target.is_symlink():
        raise ReleaseTargetRefused(f"{target} exists and is not a folder; choose a new or release folder")
    if any(target.iterdir()) and not (target / MANIFEST_FILE).is_file():
        raise ReleaseTargetRefused(f"{target} holds files but no {MANIFEST_FILE}: it is not a release to replace")


def write_release(files: dict[str, bytes], out_dir: str | os.PathLike[str]) -> Path:
    """Write the files into ``out_dir`` so that a reader sees the old release or the new one, never a mix.

    The new release is written into a temporary folder beside ``out_dir`` and renamed into place; the previous
    release is kept until the rename has succeeded.
    """
    target = Path(out_dir)
    check_target(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.new-", dir=target.parent))
    staging.chmod(0o755)  # mkdtemp makes it private; a release is for everyone to read
    backup = target.parent / f".{target.name}.old-{os.getpid()}"
    try:
        for name, content in files.items():
            with open(staging / name, "wb") as handle:
                handle.write(content)
                handle.flush()
                os.fsync(handle.fileno())
        if target.exists():
            os.replace(target, backup)
        try:
            os.replace(staging, target)
        except OSError:
            if backup.exists():
                os.replace(backup, target)
            raise
    finally:
        shutil.rmtree(staging, ignore_errors=True)
        shutil.rmtree(backup, ignore_errors=True)
    return target


def export(
    corpus: Corpus,
    out_dir: str | os.PathLike[str],
    built: dt.datetime | None = None,
    corpus_root: str | os.PathLike[str] | None = None,
) -> Path:
    """Write the release of ``corpus`` into ``out_dir`` (replacing an earlier release there) and return its path.

    ``built`` goes into the manifest when given; pass ``built_from_environment()`` to honour SOURCE_DATE_EPOCH.
    With ``corpus_root``, a target inside the corpus folder (or holding it) is refused. Raises ReleaseTargetRefused
    for a target that is not a release folder.
    """
    check_target(out_dir, corpus_root)
    return write_release(release_files(corpus, built), out_dir)
