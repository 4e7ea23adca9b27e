"""A notice's ID is the name of its folder.

``corpus.yaml`` lists notices by folder name, and ``notice.yaml`` gives the notice's ID, from which every stable ID
of its entities is made (``putuo-anwei-2022-6/measure/24``). The two must be one name, or the same notice would be
known by two: a folder copied for next year's notice whose ``id`` was not changed would release entities under
last year's IDs. Example of a finding: ``notice ID 'putuo-anwei-2022-6' differs from its folder
'putuo-anwei-2023-3'``. Set ``id`` to the folder name (or rename the folder and its line in ``corpus.yaml``).
"""

from __future__ import annotations

from collections.abc import Iterator

from ..context import CheckContext
from ..diagnostics import Diagnostic, Severity

CODE = "AW312"
NAME = "notice-id-folder"
SEVERITY = Severity.ERROR
SUMMARY = "Each notice's ID is the name of its folder."


def check(ctx: CheckContext) -> Iterator[Diagnostic]:
    for notice, meta in ctx.notices_with("notice"):
        if meta.id != notice.folder:
            yield ctx.finding(
                notice.notice,
                ("id",),
                f"notice ID {meta.id!r} differs from its folder {notice.folder!r}",
                hint=f"set id: {notice.folder}",
            )
