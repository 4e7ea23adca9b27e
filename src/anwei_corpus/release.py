"""The release: every file ``anwei export`` writes, built as bytes, then written atomically.

A release folder holds the whole corpus as one JSON document, its JSON Schema, one JSON Lines file per kind of
entity, a manifest naming the versions and every file's SHA-256, and ``SHA256SUMS`` for ``sha256sum -c``. The same
corpus always gives the same bytes: nothing depends on the machine, the hash seed or the clock, unless a build time
is given (``SOURCE_DATE_EPOCH``).
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Mapping
from pathlib import Path

from . import __version__, atomic_folder
from .atomic_folder import FolderRefused, seal
from .models.release import ENTITY_LISTS, Corpus, Notice
from .release_layout import RELEASE_FILE, SCHEMA_FILE, to_json, to_json_lines
from .schema_gen import release_schema
from .tables import table_files

GENERATOR = f"anwei-corpus {__version__}"


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
        **table_files(corpus),
    }
    header: dict[str, object] = {
        "corpus_version": corpus.corpus_version,
        "schema_version": corpus.schema_version,
        "generator": GENERATOR,
    }
    if built is not None:
        header["built"] = built.astimezone(dt.UTC).isoformat().replace("+00:00", "Z")
    header["sources"] = [
        {"notice": notice.id, "file": notice.source.file, "sha256": notice.source.sha256} for notice in corpus.notices
    ]
    return seal(files, header, GENERATOR)


# A release folder is written by the one write path of every output folder, under the same target rules.
ReleaseTargetRefused = FolderRefused


def check_target(out_dir: str | os.PathLike[str], corpus_root: str | os.PathLike[str] | None = None) -> None:
    """Refuse a target a release must not replace (see ``atomic_folder.check_target``), or the corpus itself."""
    atomic_folder.check_target(out_dir, () if corpus_root is None else (corpus_root,))


def write_release(
    files: dict[str, bytes], out_dir: str | os.PathLike[str], warn: Callable[[str], None] = lambda message: None
) -> Path:
    """Write the files of a release into ``out_dir`` atomically (see ``atomic_folder.write_folder``)."""
    return atomic_folder.write_folder(files, out_dir, warn=warn)


def export(
    corpus: Corpus,
    out_dir: str | os.PathLike[str],
    built: dt.datetime | None = None,
    corpus_root: str | os.PathLike[str] | None = None,
    warn: Callable[[str], None] = lambda message: None,
) -> Path:
    """Write the release of ``corpus`` into ``out_dir`` (replacing an earlier release there) and return its path.

    ``built`` goes into the manifest when given; pass ``built_from_environment()`` to honour SOURCE_DATE_EPOCH.
    With ``corpus_root``, a target inside the corpus folder (or holding it) is refused. Raises ReleaseTargetRefused
    for a target that is not a release folder.
    """
    protect = () if corpus_root is None else (corpus_root,)
    return atomic_folder.write_folder(release_files(corpus, built), out_dir, protect=protect, warn=warn)
