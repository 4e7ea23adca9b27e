"""Every leader a task names is in the people registry.

The 牵头区领导 of a task are person IDs (the name in pinyin, like ``jiang-aifeng``). A misspelt ID is reported
with the closest registered ID. Add a new leader to ``registry/people.yaml``.

Example of a finding: ``unknown person 'xu-shujei' — did you mean 'xu-shujie'?``.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..context import CheckContext
from ..diagnostics import Diagnostic, Severity

CODE = "AW302"
NAME = "unknown-person"
SEVERITY = Severity.ERROR
SUMMARY = "Every leader reference resolves to the people registry."


def check(ctx: CheckContext) -> Iterator[Diagnostic]:
    if ctx.corpus.people.model is None:
        return
    for notice, attachment in ctx.notices_with("attachment"):
        for t, task in enumerate(attachment.tasks):
            for index, pid in enumerate(task.leaders):
                if pid not in ctx.person_ids:
                    guess = ctx.suggest_person(pid)
                    yield ctx.finding(
                        notice.attachment,
                        ("tasks", t, "leaders", index),
                        f"unknown person {pid!r}" + (f" — did you mean {guess!r}?" if guess else ""),
                        hint="use an ID from registry/people.yaml, or add the person there",
                    )
