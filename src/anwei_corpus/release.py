"""Write a release folder atomically: build it beside the target, then swap it into place."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from pathlib import Path

from .api import RELEASE_FILE
from .models.release import Corpus
from .schema_gen import release_schema

SCHEMA_FILE = "anwei-corpus.schema.json"
MANIFEST_FILE = "manifest.json"
SUMS_FILE = "SHA256SUMS"


def to_json(data: object) -> bytes:
    """The one JSON encoding of the project: UTF-8, two-space indent, keys in model order, final newline."""
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def release_files(corpus: Corpus, source_sha256: dict[str, str]) -> dict[str, bytes]:
    """Every file of a release, by name, as bytes: the same corpus always gives the same bytes."""
    files = {
        RELEASE_FILE: to_json(corpus.model_dump(mode="json")),
        SCHEMA_FILE: to_json(release_schema()),
    }
    manifest = {
        "corpus_version": corpus.corpus_version,
        "schema_version": corpus.schema_version,
        "sources": source_sha256,
        "files": [
            {"name": name, "sha256": hashlib.sha256(content).hexdigest(), "bytes": len(content)}
            for name, content in sorted(files.items())
        ],
    }
    files[MANIFEST_FILE] = to_json(manifest)
    files[SUMS_FILE] = "".join(
        f"{hashlib.sha256(content).hexdigest()}  {name}\n" for name, content in sorted(files.items())
    ).encode("utf-8")
    return files


def write_release(files: dict[str, bytes], out_dir: str | os.PathLike[str]) -> Path:
    """Write the files into ``out_dir`` so that a reader sees the old release or the new one, never a mix.

    The new release is written into a temporary folder beside ``out_dir`` and renamed into place; the previous
    release is kept until the rename has succeeded.
    """
    target = Path(out_dir)
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
