"""Every leader a task names is in the people registry.

The 牵头区领导 of a task are person IDs (the name in pinyin, like ``jiang-aifeng``). A misspelt ID is reported
with the closest registered ID. Add a new leader to ``registry/people.yaml``. An unknown ID is reported once
per file, at its first reference, with the number of references and the lines of the others. A draft's
provisional ID (``provisional-person-a``) that the registry no longer has gets a hint to replace it with the
entry's new ID in the files that use it, naming them.

Example of a finding: ``unknown person 'xu-shujei' — did you mean 'xu-shujie'?``.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..context import CheckContext
from ..diagnostics import Diagnostic, Severity
from ..references import person_references

CODE = "AW302"
NAME = "unknown-person"
SEVERITY = Severity.ERROR
SUMMARY = "Every leader reference resolves to the people registry."


def check(ctx: CheckContext) -> Iterator[Diagnostic]:
    if ctx.corpus.people.model is None:
        return
    yield from ctx.unknown_references(
        (reference for notice in ctx.notices for reference in person_references(notice)),
        ctx.person_ids,
        ctx.suggest_person,
        "person",
        hint="use an ID from registry/people.yaml, or add the person there",
        registry=ctx.corpus.people.name,
    )
