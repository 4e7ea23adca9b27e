"""Every leader a task names is in the people registry.

The 牵头区领导 of a task are person IDs (the name in pinyin, like ``jiang-aifeng``). A misspelt ID is reported
with the closest registered ID. Add a new leader to ``registry/people.yaml``. An unknown ID is reported once
per file, at its first reference, with the number of references and the lines of the others.

Example of a finding: ``unknown person 'xu-shujei' — did you mean 'xu-shujie'?``.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ..context import CheckContext
from ..corpus import SourceFile
from ..diagnostics import Diagnostic, Severity, YamlPath

CODE = "AW302"
NAME = "unknown-person"
SEVERITY = Severity.ERROR
SUMMARY = "Every leader reference resolves to the people registry."


def _references(ctx: CheckContext) -> Iterator[tuple[SourceFile[Any], YamlPath, str]]:
    for notice, attachment in ctx.notices_with("attachment"):
        for t, task in enumerate(attachment.tasks):
            for index, pid in enumerate(task.leaders):
                yield notice.attachment, ("tasks", t, "leaders", index), pid


def check(ctx: CheckContext) -> Iterator[Diagnostic]:
    if ctx.corpus.people.model is None:
        return
    yield from ctx.unknown_references(
        _references(ctx),
        ctx.person_ids,
        ctx.suggest_person,
        "person",
        hint="use an ID from registry/people.yaml, or add the person there",
    )
