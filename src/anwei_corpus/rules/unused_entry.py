"""Every registry entry is used: each unit and each person is referred to by some notice.

A unit is used when it issues a notice (``issuer``, as ``safety-committee`` issues this one), is addressed by
it, or stands in a measure's unit list or a task's 责任单位 or 配合单位; a person is used when a task names them
as a leader. An unused entry is usually left over from a renamed ID or a misspelt reference (which AW301 or
AW302 reports at the reference). Example of a finding: ``unit 'finance-bureau' is not used by any notice``.
Remove the entry, or correct the reference that should use it. When the notices refer to an ID that no entry
defines and that is close to the unused one, the entry was most likely renamed, and the hint says so:
``'emergency-bureau' is referenced 24 times but defined nowhere — was this entry renamed?``. IDs never change
once released: restore the old ID. An entry kept on purpose (a unit the next notice will need) can carry
``suppress: [{code: AW309, reason: …}]``.
"""

from __future__ import annotations

import difflib
from collections import Counter
from collections.abc import Iterator, Sequence
from typing import Any, NamedTuple

from ..context import CheckContext
from ..corpus import NoticeSource, SourceFile
from ..diagnostics import Diagnostic, Severity
from ..models.source import iter_measures

CODE = "AW309"
NAME = "unused-entry"
SEVERITY = Severity.WARNING
SUMMARY = "Every unit and person in the registries is used by some notice."

MAX_RENAME_CANDIDATES = 100


class Usage(NamedTuple):
    """What one notice refers to in the registries, and whether all its files loaded."""

    complete: bool
    units: Counter[str]
    people: Counter[str]


def summarize(ctx: CheckContext, notice: NoticeSource) -> Usage:
    units: Counter[str] = Counter()
    if notice.notice.model is not None:
        units.update([notice.notice.model.issuer, *notice.notice.model.addressee_units])
    if notice.body.model is not None:
        for at in iter_measures(notice.body.model):
            units.update(uid for group in at.measure.units for uid in group)
    people: Counter[str] = Counter()
    if notice.attachment.model is not None:
        for task in notice.attachment.model.tasks:
            units.update([*task.responsible_units, *task.cooperating_units])
            people.update(task.leaders)
    return Usage(notice.complete, units, people)


_PLAIN_HINT = "remove the entry, or correct the reference meant to use it"


def _hint(entry_id: str, references: Counter[str], undefined: list[str]) -> str:
    renamed = difflib.get_close_matches(entry_id, undefined, n=1, cutoff=0.6)
    if not renamed:
        return _PLAIN_HINT
    old_id, count = renamed[0], references[renamed[0]]
    return (
        f"{old_id!r} is referenced {count} time{'s' if count != 1 else ''} but defined nowhere — was this entry "
        "renamed? "
        f"IDs never change once released; restore {old_id!r}"
    )


def _unused(
    ctx: CheckContext, file: SourceFile[Any], key: str, kind: str, ids: list[str], references: Counter[str]
) -> Iterator[Diagnostic]:
    # Bounded: against thousands of undefined IDs, a fuzzy search per unused entry would take minutes.
    undefined = sorted(set(references) - set(ids))[:MAX_RENAME_CANDIDATES]
    for index, entry_id in enumerate(ids):
        if entry_id not in references:
            searched = bool(undefined) and ctx.index.within_suggestion_budget(len(undefined))
            yield ctx.finding(
                file,
                (key, index, "id"),
                f"{kind} {entry_id!r} is not used by any notice",
                hint=_hint(entry_id, references, undefined) if searched else _PLAIN_HINT,
            )


def check(ctx: CheckContext, usages: Sequence[Usage]) -> Iterator[Diagnostic]:
    if not all(usage.complete for usage in usages):
        return  # a notice that failed to load would make its units look unused
    units, people = ctx.corpus.units.model, ctx.corpus.people.model
    if units is not None:
        references = sum((usage.units for usage in usages), Counter[str]())
        yield from _unused(ctx, ctx.corpus.units, "units", "unit", [unit.id for unit in units.units], references)
    if people is not None:
        references = sum((usage.people for usage in usages), Counter[str]())
        yield from _unused(ctx, ctx.corpus.people, "people", "person", [p.id for p in people.people], references)
