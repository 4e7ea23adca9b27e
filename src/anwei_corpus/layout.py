"""The names of a corpus folder's files, and how a path is shown: known without importing the models."""

from __future__ import annotations

from pathlib import Path

MANIFEST, UNITS, PEOPLE = "corpus.yaml", "registry/units.yaml", "registry/people.yaml"
NOTICE_YAML, BODY_YAML, ATTACHMENT_YAML = "notice.yaml", "body.yaml", "attachment.yaml"


def display_name(path: Path) -> str:
    """A path as a maintainer would type it: relative to the working directory when it lies below it."""
    if not path.is_absolute():
        return str(path)
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)
