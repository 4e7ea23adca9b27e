"""Every editorial record applies to its text: its reading stands there, and no two records overlap.

An edit says "the source prints P where the corpus reads R". Rebuilding the printed form puts P back at the
``occurrence``-th appearance of R in the text. If the text was changed so that R no longer appears (or appears
fewer times), the record is stale: update ``reading``/``occurrence``, or remove the record if the departure is
gone.

Example of a finding: ``editorial record does not apply: reading '护装甲标' (occurrence 1) is not in the
text``.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..context import CheckContext
from ..diagnostics import Diagnostic, Severity

CODE = "AW702"
NAME = "edit-applies"
SEVERITY = Severity.ERROR
SUMMARY = "Each editorial record's reading stands in its text, without overlapping another."


def check(ctx: CheckContext) -> Iterator[Diagnostic]:
    for notice in ctx.notices:
        for broken in ctx.provenance(notice).broken:
            yield ctx.finding(broken.file, broken.path, f"editorial record does not apply: {broken.message}")
