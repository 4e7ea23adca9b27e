"""The source text kept beside a notice is the one its SHA-256 names.

``notice.yaml`` records the SHA-256 of ``source.txt``. The source is the witness every reading is checked
against, so it must never change silently: a different checksum means the file was edited (or replaced) and
every provenance finding is suspect. Restore the file, or, if a better source was obtained, update the checksum
and re-check every entry against it.

Example of a finding: ``source.txt has SHA-256 3f5a…, not the recorded one``.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator

from ..context import CheckContext
from ..diagnostics import Diagnostic, Severity

CODE = "AW703"
NAME = "source-checksum"
SEVERITY = Severity.ERROR
SUMMARY = "The source text's SHA-256 matches the one recorded in notice.yaml."


def check(ctx: CheckContext) -> Iterator[Diagnostic]:
    for notice in ctx.notices:
        meta = notice.notice.model
        if meta is None or notice.source_bytes is None:
            continue
        actual = hashlib.sha256(notice.source_bytes).hexdigest()
        if actual != meta.source.sha256:
            yield ctx.finding(
                notice.notice,
                ("source", "sha256"),
                f"{notice.source_name} has SHA-256 {actual}, not the recorded one",
                hint="restore the source text; it is kept byte for byte",
            )
