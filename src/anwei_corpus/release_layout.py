"""The layout of a release folder and its encodings: the file names, the JSON form, the checksums.

Writers (``release.py``, ``schema_gen.py``) and readers (``api.load_release``) take the names and encodings from
here, so a renamed file or a changed encoding changes in one place.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from typing import Any

RELEASE_FILE = "anwei-corpus.json"  # the whole corpus as one JSON document
SCHEMA_FILE = "anwei-corpus.schema.json"  # the JSON Schema of RELEASE_FILE
MANIFEST_FILE = "manifest.json"  # the versions and every file's SHA-256
SUMS_FILE = "SHA256SUMS"  # the same checksums, for ``sha256sum -c``
DATAPACKAGE_FILE = "datapackage.json"  # the Frictionless Data Package of the CSV tables
DATABASE_FILE = "anwei-corpus.sqlite"  # the same tables as one SQLite database
DATASETTE_METADATA_FILE = "metadata.json"  # Datasette's titles and descriptions of DATABASE_FILE


def to_json(data: object) -> bytes:
    """The one JSON encoding of the project: UTF-8, two-space indent, keys in model order, final newline."""
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def to_json_lines(rows: Sequence[dict[str, Any]]) -> bytes:
    """One compact JSON object a line, UTF-8, each line ending in a newline."""
    return "".join(json.dumps(row, ensure_ascii=False, separators=(",", ":")) + "\n" for row in rows).encode("utf-8")


def sha256(content: bytes) -> str:
    """The SHA-256 of ``content``, as lower-case hex."""
    return hashlib.sha256(content).hexdigest()
