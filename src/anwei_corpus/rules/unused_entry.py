"""Every registry entry is used: each unit and each person is referred to by some notice.

A unit is used when it issues a notice (``issuer``, as ``safety-committee`` issues this one), is addressed by
it, or stands in a measure's unit list or a task's 责任单位 or 配合单位; a person is used when a task names them
as a leader. An unused entry is usually left over from a renamed ID or a misspelt reference (which AW301 or
AW302 reports at the reference). Example of a finding: ``unit 'finance-bureau' is not used by any notice``.
Remove the entry, or correct the reference that should use it. An entry kept on purpose (a unit the next notice
will need) can carry ``suppress: [{code: AW309, reason: …}]``.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..context import CheckContext, iter_measures
from ..diagnostics import Diagnostic, Severity

CODE = "AW309"
NAME = "unused-entry"
SEVERITY = Severity.WARNING
SUMMARY = "Every unit and person in the registries is used by some notice."


def _used_units(ctx: CheckContext) -> set[str]:
    used: set[str] = set()
    for notice in ctx.notices:
        if notice.notice.model is not None:
            used |= {notice.notice.model.issuer, *notice.notice.model.addressee_units}
        if notice.body.model is not None:
            for at in iter_measures(notice.body.model):
                used |= {uid for group in at.measure.units for uid in group}
        if notice.attachment.model is not None:
            for task in notice.attachment.model.tasks:
                used |= {*task.responsible_units, *task.cooperating_units}
    return used


def check(ctx: CheckContext) -> Iterator[Diagnostic]:
    if any(not notice.complete for notice in ctx.notices):
        return  # a notice that failed to load would make its units look unused
    units, people = ctx.corpus.units.model, ctx.corpus.people.model
    if units is not None:
        used = _used_units(ctx)
        for index, unit in enumerate(units.units):
            if unit.id not in used:
                yield ctx.finding(ctx.corpus.units, ("units", index, "id"),
                                  f"unit {unit.id!r} is not used by any notice", hint="remove the entry, or correct the reference meant to use it")
    if people is not None:
        leaders = {pid for notice in ctx.notices for task in notice.attachment.model.tasks for pid in task.leaders}
        for index, person in enumerate(people.people):
            if person.id not in leaders:
                yield ctx.finding(ctx.corpus.people, ("people", index, "id"),
                                  f"person {person.id!r} is not used by any notice",
                                  hint="remove the entry, or correct the reference meant to use it")
