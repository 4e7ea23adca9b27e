"""A task's 责任单位 appear among the units of the measures it links to (warning).

A task restates or derives from its linked measures, so at least one of its responsible units is expected in
one of their unit lists. When none is, the table gave the work to someone the body did not name, or the link
is wrong: ``task 2's responsible units ['committee-members'] appear in none of the unit lists of measures [2]``.

Units are compared by ID. A collective is matched by itself only: the notice never prints who belongs to
区安委会各成员单位 or 专项整治牵头部门, so the corpus does not record membership, and the rule cannot tell whether
区应急局 of a measure is among the 各成员单位 of a task. The real notice has such tasks (2 and 13); each carries a
``suppress`` entry that says what the notice does. Tasks with ``basis: general-requirements`` link to no
measure and are not checked. Fix a finding by correcting the units or the links, or accept it with a reason.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..context import CheckContext
from ..diagnostics import Diagnostic, Severity
from ..models.source import iter_measures

CODE = "AW503"
NAME = "task-units-in-measures"
SEVERITY = Severity.WARNING
SUMMARY = "Some responsible unit of a task stands in the unit list of a measure it links to."


def check(ctx: CheckContext) -> Iterator[Diagnostic]:
    for notice, body, attachment in ctx.notices_with("body", "attachment"):
        units_of = {
            at.measure.number: {uid for group in at.measure.units for uid in group} for at in iter_measures(body)
        }
        for t, task in enumerate(attachment.tasks):
            linked = [number for number in task.links.measures if number in units_of]
            if not linked:
                continue
            measure_units = set().union(*(units_of[number] for number in linked))
            if not measure_units <= ctx.unit_ids or not set(task.responsible_units) <= ctx.unit_ids:
                continue  # an unknown ID is AW301's finding; comparing with it would only echo that
            if not measure_units & set(task.responsible_units):
                yield ctx.finding(
                    notice.attachment,
                    ("tasks", t, "responsible_units"),
                    f"task {task.number}'s responsible units {task.responsible_units} appear in none of the unit "
                    f"lists of measures {linked}",
                    hint="correct the units or the links, or accept the difference with a suppression and its reason",
                )
